/**
 * A .docx read back as a test needs it: the body's paragraphs and tables in order, each run with
 * the size, weight, slant and underline Word would show, each cell's text, alignment and shading;
 * the page size and margins; the styles part as text. Parsed with saxes from the zip (JSZip).
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Half points (w:sz); null when the run inherits the default. */
  size: number | null;
  /** w:rFonts w:ascii, when the run names a font of its own. */
  font: string | null;
}

export interface DocxParagraph {
  kind: 'p';
  text: string;
  align: string | null;
  runs: DocxRun[];
}

export interface DocxCell {
  text: string;
  paragraphs: DocxParagraph[];
  fill: string | null;
}

export interface DocxRow {
  header: boolean;
  cells: DocxCell[];
}

export interface DocxTable {
  kind: 'table';
  /** The table's own borders (w:tblBorders), side → w:val. */
  borders: Record<string, string>;
  rows: DocxRow[];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxContent {
  blocks: DocxBlock[];
  page: { width: number; height: number; orientation: string | null };
  margins: { top: number; bottom: number; left: number; right: number };
  documentXml: string;
  stylesXml: string;
}

const on = (value: string | undefined): boolean =>
  value === undefined || !['false', '0', 'off', 'none'].includes(value);

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const blocks: DocxBlock[] = [];
  const content: DocxContent = {
    blocks,
    page: { width: 0, height: 0, orientation: null },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    documentXml,
    stylesXml,
  };
  const tables: DocxTable[] = [];
  let row: DocxRow | null = null;
  let cell: DocxCell | null = null;
  let paragraph: DocxParagraph | null = null;
  let run: DocxRun | null = null;
  let inText = false;
  let inTableBorders = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'w:tbl': {
        const table: DocxTable = { kind: 'table', borders: {}, rows: [] };
        if (tables.length === 0) blocks.push(table);
        tables.push(table);
        break;
      }
      case 'w:tblBorders':
        inTableBorders = true;
        break;
      case 'w:top':
      case 'w:bottom':
      case 'w:left':
      case 'w:right':
      case 'w:insideH':
      case 'w:insideV': {
        const table = tables[tables.length - 1];
        if (inTableBorders && table) table.borders[tag.name.slice(2)] = a['w:val'] ?? '';
        break;
      }
      case 'w:tr':
        row = { header: false, cells: [] };
        tables[tables.length - 1]?.rows.push(row);
        break;
      case 'w:tblHeader':
        if (row) row.header = on(a['w:val']);
        break;
      case 'w:tc':
        cell = { text: '', paragraphs: [], fill: null };
        row?.cells.push(cell);
        break;
      case 'w:shd':
        if (cell && !paragraph) cell.fill = a['w:fill'] ?? null;
        break;
      case 'w:p':
        paragraph = { kind: 'p', text: '', align: null, runs: [] };
        if (cell) cell.paragraphs.push(paragraph);
        else if (tables.length === 0) blocks.push(paragraph);
        break;
      case 'w:jc':
        if (paragraph && !run) paragraph.align = a['w:val'] ?? null;
        break;
      case 'w:r':
        run = { text: '', bold: false, italic: false, underline: false, size: null, font: null };
        paragraph?.runs.push(run);
        break;
      case 'w:b':
        if (run) run.bold = on(a['w:val']);
        break;
      case 'w:i':
        if (run) run.italic = on(a['w:val']);
        break;
      case 'w:u':
        if (run) run.underline = on(a['w:val']);
        break;
      case 'w:sz':
        if (run) run.size = Number(a['w:val']);
        break;
      case 'w:rFonts':
        if (run) run.font = a['w:ascii'] ?? null;
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:pgSz':
        content.page = {
          width: Number(a['w:w']),
          height: Number(a['w:h']),
          orientation: a['w:orient'] ?? null,
        };
        break;
      case 'w:pgMar':
        content.margins = {
          top: Number(a['w:top']),
          bottom: Number(a['w:bottom']),
          left: Number(a['w:left']),
          right: Number(a['w:right']),
        };
        break;
    }
  });
  parser.on('text', (text) => {
    if (!inText || !run || !paragraph) return;
    run.text += text;
    paragraph.text += text;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'w:tbl':
        tables.pop();
        break;
      case 'w:tblBorders':
        inTableBorders = false;
        break;
      case 'w:tr':
        row = null;
        break;
      case 'w:tc':
        if (cell) cell.text = cell.paragraphs.map((p) => p.text).join('\n');
        cell = null;
        break;
      case 'w:p':
        paragraph = null;
        break;
      case 'w:r':
        run = null;
        break;
      case 'w:t':
        inText = false;
        break;
    }
  });
  parser.write(documentXml).close();
  return content;
}

/** The tables of a document, in order. */
export const tablesOf = (doc: DocxContent): DocxTable[] =>
  doc.blocks.filter((b): b is DocxTable => b.kind === 'table');

/** The table right after the paragraph whose text starts with `title`. */
export function tableAfter(doc: DocxContent, title: string): DocxTable {
  const at = doc.blocks.findIndex((b) => b.kind === 'p' && b.text.startsWith(title));
  const next = doc.blocks[at + 1];
  if (at < 0 || next?.kind !== 'table') throw new Error(`no table after "${title}"`);
  return next;
}

/** Each row's cell texts. */
export const cellTexts = (table: DocxTable): string[][] =>
  table.rows.map((r) => r.cells.map((c) => c.text));

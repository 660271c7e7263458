// The XML of the sheets ptdv writes into an office's .xlsx: cells as values (text written inline,
// so a leading `=` is text, never a formula, and the shared string table is left alone), the
// look a written sheet has always had (bold frozen header, column widths, dd/mm/yyyy dates,
// percentages, links to cells), and rows appended to a sheet or its values replaced in place.
import exceljsUtils from 'exceljs/lib/utils/utils';
import { isDateObject } from '../../core/calendar/dates';
import { columnLetters } from '../../core/text/cells';
import type { Cell, SheetLayout } from '../../workbook/port';
import type { StyleNeed } from './styles';
import {
  applyEdits,
  elementSpans,
  escapeAttribute,
  escapeText,
  prefixOf,
  setAttribute,
  xmlSafe,
  type ElementSpan,
} from './xml-spans';
import { MAIN_NS } from '../xlsx-main-prefix';

export const RELATIONSHIPS_NS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const HYPERLINK_TYPE = `${RELATIONSHIPS_NS}/hyperlink`;
/** A date's wall-clock time is Vietnam's (UTC+7), as everywhere ptdv reads and writes one. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Excel's width unit is a character of the default font: about 7 px. */
const PX_PER_CHAR = 7;

/** How the cells of a sheet are written: the styles to use, the workbook's day count. */
export interface CellWriter {
  style(need: StyleNeed): number;
  date1904: boolean;
}

/** An external link's relationship, for the sheet's relationships part. */
export interface SheetLink {
  id: string;
  target: string;
}

/** The style a value needs by itself: a date, a date with a time (the log's), or none. */
function valueStyle(value: Cell, writer: CellWriter): number | null {
  if (!isDateObject(value)) return null;
  const timeOfDay = (value.getTime() + VIETNAM_OFFSET_MS) % DAY_MS;
  return writer.style(timeOfDay === 0 ? 'date' : 'dateTime');
}

/** Any character `xmlSafe` drops or `escapeText` escapes: most texts have none. */
// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** One cell's XML, or '' for an empty one without a style. */
export function cellXml(
  ref: string,
  value: Cell,
  style: number | null,
  writer: CellWriter,
): string {
  const s = style === null || style === 0 ? '' : ` s="${style}"`;
  if (value === null || value === '') return s === '' ? '' : `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return `<c r="${ref}"${s} t="inlineStr"><is><t>${value}</t></is></c>`;
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isDateObject(value)) {
    const wallClock = new Date(value.getTime() + VIETNAM_OFFSET_MS);
    return `<c r="${ref}"${s}><v>${exceljsUtils.dateToExcel(wallClock, writer.date1904)}</v></c>`;
  }
  const raw = String(value);
  const text = NEEDS_CARE.test(raw) ? escapeText(xmlSafe(raw)) : raw;
  const space = keepsSpace(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** A code unit `\s` matches in a regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether a text needs `xml:space="preserve"` to keep its spaces: white space at either end, or a
 * line break (as `/^\s|\s$|\n/` says, without a regular expression on every cell).
 */
function keepsSpace(text: string): boolean {
  return (
    isSpace(text.charCodeAt(0)) ||
    isSpace(text.charCodeAt(text.length - 1)) ||
    text.indexOf('\n') !== -1
  );
}

/** Column letters by 0-based index, each made once: every row of a sheet spells the same ones. */
const LETTERS: string[] = [];
const lettersAt = (index: number): string => (LETTERS[index] ??= columnLetters(index + 1));

type StyleAt = (row: number, column: number, value: Cell) => number | null;
const NO_STYLE: StyleAt = () => null;
const NO_ATTRIBUTES = () => '';

/** Each row's XML from `firstRow` (1-based), handed to `emit` one row at a time. */
function eachRowXml(
  rows: readonly (readonly Cell[])[],
  firstRow: number,
  writer: CellWriter,
  styleAt: StyleAt,
  rowAttributes: (row: number) => string,
  emit: (xml: string) => void,
): void {
  // Holes are skipped as `forEach` skips them.
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i] as readonly Cell[];
    if (line === undefined && !(i in rows)) continue;
    const r = firstRow + i;
    let cells = '';
    for (let c = 0; c < line.length; c++) {
      const value = line[c] as Cell;
      if (value === undefined && !(c in line)) continue;
      const style = styleAt(r, c + 1, value) ?? valueStyle(value, writer);
      cells += cellXml(`${lettersAt(c)}${r}`, value, style, writer);
    }
    const attributes = rowAttributes(r);
    if (cells !== '' || attributes !== '') emit(`<row r="${r}"${attributes}>${cells}</row>`);
  }
}

/** Rows from `firstRow` (1-based), each cell styled by `styleAt` or by its value. */
export function rowsXml(
  rows: readonly (readonly Cell[])[],
  firstRow: number,
  writer: CellWriter,
  styleAt: StyleAt = NO_STYLE,
  rowAttributes: (row: number) => string = NO_ATTRIBUTES,
): string {
  const out: string[] = [];
  eachRowXml(rows, firstRow, writer, styleAt, rowAttributes, (xml) => out.push(xml));
  return out.join('');
}

/**
 * A growing buffer that text is written into as UTF-8, one row at a time: a long log (22 MB of XML
 * for a province's 33,000 rows) is then never one string, twice as large as its bytes, in memory,
 * nor copied from pieces at the end.
 */
class Utf8Sink {
  private bytes: Buffer;
  private length = 0;

  constructor(expected: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(expected, 1024));
  }

  write(text: string): void {
    // A UTF-16 unit never takes more than three bytes.
    if (this.length + 3 * text.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(
        Math.max(2 * this.bytes.length, this.length + 3 * text.length),
      );
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** What was written (a view of the buffer, not a copy). */
  get written(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

/** About how many bytes a row of the log takes, to size the buffer once in most runs. */
const ROW_BYTES = 700;

/** A whole sheet ptdv owns, as it has always looked; its external links need relationships. */
export function worksheetXml(
  rows: readonly (readonly Cell[])[],
  layout: SheetLayout,
  writer: CellWriter,
): { xml: string; links: SheetLink[] } {
  const dates = new Set(layout.dateColumns);
  const percents = new Set(layout.percentColumns);
  const header = layout.headerRow;
  const styleAt = (r: number, c: number, value: Cell): number | null => {
    if (r === header) return writer.style('bold');
    if (r < header || value === '' || value === null) return null;
    if (dates.has(c) && isDateObject(value)) return writer.style('date');
    if (percents.has(c) && typeof value === 'number') return writer.style('percent');
    return null;
  };
  const cols = Object.entries(layout.widths)
    .map(([c, px]) => [Number(c), Math.round(px / PX_PER_CHAR)] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`)
    .join('');
  const pane =
    header > 0
      ? `<pane ySplit="${header}" topLeftCell="A${header + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  const { hyperlinks, links } = hyperlinksXml(rows, layout);
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rowsXml(rows, 1, writer, styleAt)}</sheetData>` +
    hyperlinks +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`;
  return { xml, links };
}

/**
 * Each link is a relationship of the sheet, a cell of this file written `#'Sheet'!A1` as Excel
 * and exceljs both read it.
 */
function hyperlinksXml(
  rows: readonly (readonly Cell[])[],
  layout: SheetLayout,
): { hyperlinks: string; links: SheetLink[] } {
  if (!layout.links) return { hyperlinks: '', links: [] };
  const { column, targets } = layout.links;
  const items: string[] = [];
  const links: SheetLink[] = [];
  targets.forEach((t, i) => {
    const label = rows[i]?.[column - 1];
    if (!t || typeof label !== 'string' || label === '') return;
    const id = `rId${links.length + 1}`;
    const target =
      'url' in t ? t.url : `#'${t.sheet.replace(/'/g, "''")}'!${columnLetters(t.column)}${t.row}`;
    links.push({ id, target });
    items.push(`<hyperlink ref="${columnLetters(column)}${i + 1}" r:id="${id}"/>`);
  });
  return { hyperlinks: items.length ? `<hyperlinks>${items.join('')}</hyperlinks>` : '', links };
}

/** Rows written in the prefix the part gives its elements (`x:row`), '' for none. */
function withPrefix(rows: string, prefix: string): string {
  return prefix === '' ? rows : rows.replace(/<(\/?)(row|c|v|is|t)\b/g, `<$1${prefix}$2`);
}

/** A row of the part as it stands: its number (given, or the one after the row before). */
interface PartRow {
  number: number;
  span: ElementSpan;
  /** Each cell's style by its reference (given, or the column after the cell before). */
  styles: Map<string, number>;
}

/** The sheet's `sheetData`, its `dimension` and its rows, as the part writes them. */
function sheetData(xml: string): {
  data: ElementSpan;
  dimension: ElementSpan | undefined;
  rows: PartRow[];
} {
  const spans = elementSpans(xml, (local, depth) => depth <= 3 && (depth < 3 || local === 'c'));
  const at = spans.findIndex((s) => s.local === 'sheetData' && s.depth === 1);
  const data = spans[at];
  if (!data) throw new Error('worksheet without sheetData');
  const dimension = spans.find((s) => s.local === 'dimension' && s.depth === 1);
  const rows: PartRow[] = [];
  let number = 0;
  let row: PartRow | null = null;
  let rowAt = -1;
  let column = 0;
  // One pass in document order: a row's cells follow it.
  spans.forEach((span, i) => {
    if (span.parent === at && span.local === 'row') {
      // `r` may be left out (the schema allows it): the row after the one before.
      number = Number(span.attributes.r ?? number + 1);
      row = { number, span, styles: new Map() };
      rows.push(row);
      rowAt = i;
      column = 0;
    } else if (row && span.parent === rowAt && span.local === 'c') {
      const ref = span.attributes.r ?? `${columnLetters(column + 1)}${number}`;
      column = columnOf(ref);
      if (span.attributes.s) row.styles.set(ref, Number(span.attributes.s));
    }
  });
  return { data, dimension, rows };
}

/** The 1-based column of a reference like `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '')
    n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The edit that makes `<dimension ref>` span the sheet as written (readers trust it to size). */
function dimensionEdit(
  xml: string,
  dimension: ElementSpan | undefined,
  rows: number,
  columns: number,
) {
  if (!dimension) return [];
  const ref = rows === 0 || columns === 0 ? 'A1' : `A1:${columnLetters(columns)}${rows}`;
  return [setAttribute(xml, dimension, 'ref', ref)];
}

const widest = (rows: readonly (readonly Cell[])[]) =>
  rows.reduce((w, r) => Math.max(w, r.length), 0);

/** A sheet cut where rows are appended: the text before them, the text after, the first row. */
interface AppendPoint {
  before: string;
  after: string;
  firstRow: number;
  prefix: string;
}

function appendPoint(xml: string, rows: readonly (readonly Cell[])[]): AppendPoint {
  const { data, dimension, rows: existing } = sheetData(xml);
  const last = existing.reduce((n, r) => Math.max(n, r.number), 0);
  const width = Math.max(
    widest(rows),
    columnOf(/:([A-Z]+)/i.exec(dimension?.attributes.ref ?? '')?.[1] ?? ''),
  );
  const size = dimensionEdit(xml, dimension, last + rows.length, width);
  // The rows go before `</sheetData>`, or in place of a `<sheetData/>`; the dimension's edit lies
  // in an element of its own, before or after.
  const [from, to, open, close] = data.selfClosing
    ? [data.start, data.end, `<${data.name}>`, `</${data.name}>`]
    : [data.close, data.close, '', ''];
  const after = size
    .filter((e) => e.from >= to)
    .map((e) => ({ ...e, from: e.from - to, to: e.to - to }));
  return {
    before:
      applyEdits(
        xml.slice(0, from),
        size.filter((e) => e.to <= from),
      ) + open,
    after: close + applyEdits(xml.slice(to), after),
    firstRow: last + 1,
    prefix: prefixOf(data),
  };
}

/** The sheet with `rows` added after its last row; everything else in it as it was. */
export function appendRowsXml(
  xml: string,
  rows: readonly (readonly Cell[])[],
  writer: CellWriter,
): string {
  const { before, after, firstRow, prefix } = appendPoint(xml, rows);
  return before + withPrefix(rowsXml(rows, firstRow, writer), prefix) + after;
}

/** The same sheet as `appendRowsXml` gives, as UTF-8 bytes, made without the whole text. */
export function appendRowsBytes(
  xml: string,
  rows: readonly (readonly Cell[])[],
  writer: CellWriter,
): Buffer {
  const { before, after, firstRow, prefix } = appendPoint(xml, rows);
  const sink = new Utf8Sink(
    Buffer.byteLength(before) + Buffer.byteLength(after) + ROW_BYTES * rows.length,
  );
  sink.write(before);
  eachRowXml(rows, firstRow, writer, NO_STYLE, NO_ATTRIBUTES, (row) =>
    sink.write(withPrefix(row, prefix)),
  );
  sink.write(after);
  return sink.written;
}

/**
 * The sheet with its cell values replaced by `rows`, each cell keeping the style it had and each
 * row its height; the sheet's columns, input helps, conditional formats and protection stay.
 */
export function replaceValuesXml(
  xml: string,
  rows: readonly (readonly Cell[])[],
  writer: CellWriter,
): string {
  const { data, dimension, rows: existing } = sheetData(xml);
  const styles = new Map<string, number>();
  const rowAttributes = new Map<number, string>();
  for (const r of existing) {
    for (const [ref, style] of r.styles) styles.set(ref, style);
    const kept = Object.entries(r.span.attributes)
      .filter(([k]) => k !== 'r' && k !== 'spans')
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
    rowAttributes.set(r.number, kept);
  }
  const body = rowsXml(
    rows,
    1,
    writer,
    (r, c) => styles.get(`${columnLetters(c)}${r}`) ?? null,
    (r) => rowAttributes.get(r) ?? '',
  );
  const prefixed = withPrefix(body, prefixOf(data));
  const name = data.name;
  return applyEdits(xml, [
    ...dimensionEdit(xml, dimension, rows.length, widest(rows)),
    { from: data.start, to: data.end, text: `<${name}>${prefixed}</${name}>` },
  ]);
}

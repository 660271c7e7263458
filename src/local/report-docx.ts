// The standing office's report as a Word document (.docx) the office edits and signs: the same
// ReportDocument as the HTML page, in the layout of Quy định 399-QĐ/TW and the typography of
// Hướng dẫn 36-HD/VPTW (Times New Roman, A4 portrait, margins top and bottom 20, left 30, right
// 15 mm, the heading and the closing in two borderless columns). Made with the `docx` package.
// Every value from the sheets goes in as text: Word computes nothing a cell says.
import type * as Docx from 'docx';
import {
  PACE_LABEL,
  STATUS_COLOURS,
  STATUS_LABEL,
  formatDecimal,
  formatPercent,
} from '../core/messages/labels';
import { REPORT } from '../core/messages/report';
import { countColumns } from '../core/counting/structure';
import type {
  ReportDocument,
  ReportDossiers,
  ReportPeriod,
  ReportRowKind,
  ReportSection,
  ReportStructure,
} from '../core/reports/report-document';

let docxLibrary: typeof Docx | undefined;

/** docx, loaded when a .docx is asked for: 1 MB of JavaScript the other commands never need. */
function docx(): typeof Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  docxLibrary ??= require('docx') as typeof Docx;
  return docxLibrary;
}

/** Twips (1/1440 inch) in a millimetre length, rounded: 20 mm = 1134, 30 mm = 1701, 15 mm = 850. */
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** A4 portrait in twips, as Word itself writes it. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** The width between the margins, that every table fills. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Sizes in half points (w:sz), from Hướng dẫn 36-HD/VPTW. */
const SIZE = {
  body: 28,
  motto: 30,
  kind: 32,
  table: 24,
  /** Part V's tables have ten columns and one per `Đối tượng`. */
  structure: 20,
  note: 24,
  recipientsTitle: 24,
  recipients: 22,
};

const FONT = 'Times New Roman';
const HEADER_FILL = 'F2F2F2';

/** The dashboard's colours for results and paces, by label, as the HTML page and the sheet. */
const FILL_BY_LABEL = new Map(STATUS_COLOURS.map((c) => [c.label, c.background.slice(1)]));

/** Column widths in percent of the page, as the HTML page's (report-html.ts). */
const RESULT_WIDTHS = [5, 27, 9, 9, 11, 12, 12, 15];
const RISK_WIDTHS = [5, 22, 17, 8, 9, 9, 16, 14];
const FILES_WIDTHS = [5, 35, 15, 15, 15, 15];
const FUNNEL_WIDTHS = [70, 30];
const PERIOD_WIDTHS = [5, 35, 15, 15, 15, 15];

/**
 * Characters XML 1.0 cannot hold (control characters a sheet cell may carry): a document with one
 * would not open at all, so they go.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlText = (text: string): string => text.replace(NOT_XML, '');

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Points before the paragraph. */
  before?: number;
  /** Points after the paragraph. */
  after?: number;
  /** First-line indent in millimetres, as body text has. */
  indent?: number;
  keepNext?: boolean;
}

/** Builds the document's parts with one loaded library. */
class DocxBuilder {
  constructor(private readonly d: typeof Docx) {}

  run(text: string, style: RunStyle = {}): Docx.TextRun {
    return new this.d.TextRun({
      text: xmlText(text),
      size: style.size ?? SIZE.body,
      // Only what is set: a run is upright and regular by default.
      ...(style.bold ? { bold: true } : {}),
      ...(style.italics ? { italics: true } : {}),
      ...(style.underline ? { underline: { type: this.d.UnderlineType.SINGLE } } : {}),
    });
  }

  paragraph(text: string, style: ParagraphStyle = {}): Docx.Paragraph {
    const { AlignmentType } = this.d;
    const align = {
      left: AlignmentType.LEFT,
      center: AlignmentType.CENTER,
      right: AlignmentType.RIGHT,
      justify: AlignmentType.JUSTIFIED,
    }[style.align ?? 'justify'];
    return new this.d.Paragraph({
      alignment: align,
      spacing: { before: (style.before ?? 0) * 20, after: (style.after ?? 0) * 20 },
      ...(style.indent ? { indent: { firstLine: mm(style.indent) } } : {}),
      ...(style.keepNext ? { keepNext: true } : {}),
      children: text === '' ? [] : [this.run(text, style)],
    });
  }

  /** A body paragraph: 14 pt, justified, the first line indented, 6 pt before (36-HD/VPTW). */
  body(text: string, style: ParagraphStyle = {}): Docx.Paragraph {
    return this.paragraph(text, { before: 6, indent: 10, ...style });
  }

  /** A part's or a section's title, kept with what follows. */
  title(text: string): Docx.Paragraph {
    return this.paragraph(text, {
      bold: true,
      before: 12,
      after: 3,
      keepNext: true,
      align: 'left',
    });
  }

  /** A table without borders (the heading, the closing): each block centred in its column. */
  blocks(columns: { percent: number; lines: Docx.Paragraph[] }[]): Docx.Table {
    const { Table, TableRow, TableCell, TableBorders, WidthType, TableLayoutType } = this.d;
    const widths = twipsOf(columns.map((c) => c.percent));
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: [
        // One block is never cut by a page break: the signature stays with Nơi nhận.
        new TableRow({
          cantSplit: true,
          children: columns.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_CELL_BORDERS(this.d),
                children: c.lines.length ? c.lines : [new this.d.Paragraph({})],
              }),
          ),
        }),
      ],
    });
  }

  /**
   * A bordered table: its header row bold, shaded and repeated on every page; totals bold,
   * subtotals italic; numbers right-aligned.
   */
  grid(spec: GridSpec): Docx.Table {
    const { Table, TableRow, TableCell, WidthType, TableLayoutType, VerticalAlign, ShadingType } =
      this.d;
    const widths = twipsOf(spec.widths);
    const size = spec.size ?? SIZE.table;
    // Smaller type is for many columns: their padding shrinks with it.
    const pad = size < SIZE.table ? mm(0.5) : mm(1);
    const cell = (text: string, i: number, style: CellStyle) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: pad, right: pad, top: 0, bottom: 0 },
        ...(style.fill
          ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: style.fill } }
          : {}),
        children: [
          this.paragraph(text, {
            size,
            bold: style.bold,
            italics: style.italics,
            align: style.align,
          }),
        ],
      });
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: spec.columns.map((c, i) =>
        cell(c, i, { bold: true, align: 'center', fill: HEADER_FILL }),
      ),
    });
    const rows = spec.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: r.cells.map((text, i) =>
            cell(text, i, {
              bold: r.kind === 'total',
              italics: r.kind === 'group',
              align: spec.numeric.includes(i) ? 'right' : 'left',
              fill: spec.shaded?.includes(i) ? FILL_BY_LABEL.get(text) : undefined,
            }),
          ),
        }),
    );
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [header, ...rows],
    });
  }
}

interface CellStyle {
  bold?: boolean;
  italics?: boolean;
  align?: 'left' | 'center' | 'right';
  fill?: string | undefined;
}

interface GridSpec {
  columns: readonly string[];
  /** Percent of the page's width, summing to 100. */
  widths: readonly number[];
  rows: { kind: ReportRowKind; cells: string[] }[];
  /** The columns of numbers (0-based), right-aligned. */
  numeric: readonly number[];
  /** The columns coloured like the dashboard by their label (result, pace). */
  shaded?: readonly number[];
  size?: number;
}

const NO_CELL_BORDERS = (d: typeof Docx): Docx.ITableCellBorders => {
  const none = { style: d.BorderStyle.NONE, size: 0, color: 'auto' };
  return { top: none, bottom: none, left: none, right: none };
};

/** Percentages of the text width as whole twips that add up to it exactly. */
function twipsOf(percents: readonly number[]): number[] {
  const total = percents.reduce((s, p) => s + p, 0);
  const widths = percents.map((p) => Math.floor((p / total) * TEXT_WIDTH));
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + TEXT_WIDTH - widths.reduce((s, w) => s + w, 0);
  return widths;
}

const percentText = (p: number | null): string => (p === null ? '' : formatPercent(p));

/** Units numbered 1, 2, …; subtotals and the total unnumbered. */
function numbered<T extends { kind: ReportRowKind }>(rows: readonly T[]): [T, string][] {
  let n = 0;
  return rows.map((r) => [r, r.kind === 'unit' ? String(++n) : '']);
}

function heading(b: DocxBuilder, doc: ReportDocument): Docx.Table {
  const h = doc.heading;
  const left = [
    ...(h.higherBody ? [b.paragraph(h.higherBody, { align: 'center' })] : []),
    b.paragraph(h.issuingBody, { align: 'center', bold: true }),
    b.paragraph('*', { align: 'center' }),
    b.paragraph(h.number, { align: 'center' }),
  ];
  const right = [
    // The rule under the Party's name is as long as the name: its underline.
    b.paragraph(doc.motto, { align: 'center', bold: true, size: SIZE.motto, underline: true }),
    b.paragraph(doc.placeDate, { align: 'center', italics: true, before: 6 }),
  ];
  return b.blocks([
    { percent: 42, lines: left },
    { percent: 58, lines: right },
  ]);
}

function section(b: DocxBuilder, s: ReportSection): (Docx.Paragraph | Docx.Table)[] {
  return [
    b.title(s.title),
    b.grid({
      columns: REPORT.columns,
      widths: RESULT_WIDTHS,
      numeric: [0, 2, 3, 4, 6],
      shaded: [5, 7],
      rows: numbered(s.rows).map(([r, n]) => ({
        kind: r.kind,
        cells: [
          n,
          r.label,
          r.target,
          String(r.actual),
          percentText(r.percent),
          STATUS_LABEL[r.status],
          r.projected === null ? '' : String(r.projected),
          r.pace ? PACE_LABEL[r.pace] : '',
        ],
      })),
    }),
  ];
}

function risks(b: DocxBuilder, doc: ReportDocument): (Docx.Paragraph | Docx.Table)[] {
  if (doc.risks.length === 0) return [b.body(REPORT.noRisks(doc.openMilestones))];
  return [
    b.grid({
      columns: REPORT.riskColumns,
      widths: RISK_WIDTHS,
      numeric: [0, 3, 4, 5, 6],
      shaded: [7],
      rows: doc.risks.map((r, i) => ({
        kind: 'unit',
        cells: [
          String(i + 1),
          r.unit,
          REPORT.milestoneWithDeadline(r.milestone, r.deadline),
          r.target,
          String(r.actual),
          String(r.projected),
          r.reachDate,
          PACE_LABEL[r.pace],
        ],
      })),
    }),
  ];
}

/** Part IV: people per stage by unit, overdue in brackets; then the funnel's steps. */
function dossiers(b: DocxBuilder, files: ReportDossiers): (Docx.Paragraph | Docx.Table)[] {
  const late = (n: number, overdue: number) => (overdue > 0 ? `${n} (${overdue})` : String(n));
  let n = 0;
  return [
    b.body(REPORT.filesIntro(files.overdue)),
    b.grid({
      columns: REPORT.filesColumns,
      widths: FILES_WIDTHS,
      numeric: [0, 2, 3, 4, 5],
      rows: files.rows.map((r) => ({
        kind: r.total ? 'total' : 'unit',
        cells: [
          r.total ? '' : String(++n),
          r.label,
          late(r.stages.awaiting_decision, r.overdue.awaiting_decision),
          late(r.stages.awaiting_ceremony, r.overdue.awaiting_ceremony),
          late(r.stages.probation, r.overdue.probation),
          String(r.stages.official),
        ],
      })),
    }),
    b.title(REPORT.funnelTitle),
    b.grid({
      columns: REPORT.funnelColumns.slice(1),
      widths: FUNNEL_WIDTHS,
      numeric: [1],
      rows: files.funnel.map((f) => ({ kind: 'unit', cells: [f.label, String(f.count)] })),
    }),
  ];
}

/**
 * Part V's columns in percent: the number, the unit's name, the admitted, the percentage (wide
 * enough for "133,3%"), then the counts sharing what is left with the name, which keeps at least
 * 15 % (one `Đối tượng` column or twenty: the page is A4 portrait all through).
 */
function structureWidths(columns: number): number[] {
  const counts = columns - 4;
  const each = Math.min(8, (100 - 5 - 7 - 8 - 15) / counts);
  return [5, 100 - 5 - 7 - 8 - counts * each, 7, 8, ...new Array<number>(counts).fill(each)];
}

/** Part V: one table per admission milestone (and the period), a column per `Đối tượng`. */
function structure(
  b: DocxBuilder,
  tables: readonly ReportStructure[],
): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [
    b.paragraph(REPORT.structureIntro, { italics: true, size: SIZE.note, before: 6 }),
  ];
  for (const t of tables) {
    const columns = [...REPORT.structureColumns, ...t.targets];
    const widths = structureWidths(columns.length);
    out.push(
      b.title(t.title),
      b.grid({
        columns,
        widths,
        size: SIZE.structure,
        numeric: columns.map((_, i) => i).filter((i) => i !== 1),
        rows: numbered(t.rows).map(([r, n]) => ({
          kind: r.kind,
          cells: [
            n,
            r.label,
            String(r.admitted),
            percentText(r.percent),
            ...countColumns(r).map((c) => REPORT.withUnknown(c.count, c.unknown)),
            r.averageAge === null ? '' : formatDecimal(r.averageAge),
            ...t.targets.map((k) => String(r.byTarget[k] ?? 0)),
          ],
        })),
      }),
    );
  }
  return out;
}

/** Part VI: the period beside the same days a year earlier. */
function period(b: DocxBuilder, p: ReportPeriod): (Docx.Paragraph | Docx.Table)[] {
  return [
    b.title(p.title),
    b.grid({
      columns: REPORT.periodColumns,
      widths: PERIOD_WIDTHS,
      numeric: [0, 2, 3, 4, 5],
      rows: numbered(p.rows).map(([r, n]) => ({
        kind: r.kind,
        cells: [
          n,
          r.label,
          String(r.admitted),
          String(r.previousAdmitted),
          String(r.nominated),
          String(r.previousNominated),
        ],
      })),
    }),
    ...(p.note ? [b.paragraph(p.note, { italics: true, size: SIZE.note, before: 6 })] : []),
  ];
}

/** `Nơi nhận` on the left; on the right the authority, the title, room to sign, the name. */
function closing(b: DocxBuilder, doc: ReportDocument): Docx.Table {
  const g = doc.signature;
  const recipients = [
    b.paragraph(REPORT.recipientsTitle, {
      align: 'left',
      bold: true,
      italics: true,
      size: SIZE.recipientsTitle,
    }),
    ...doc.recipients.map((r) => b.paragraph(r, { align: 'left', size: SIZE.recipients })),
  ];
  const signature = [
    b.paragraph(g.authority, { align: 'center', bold: true }),
    b.paragraph(g.title, { align: 'center', bold: true }),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => b.paragraph('', { align: 'center' })),
    b.paragraph(g.signer, { align: 'center', bold: true }),
  ];
  return b.blocks([
    { percent: 50, lines: recipients },
    { percent: 50, lines: signature },
  ]);
}

/** The page number at the top centre of every page but the first (36-HD/VPTW). */
function pageNumberHeader(d: typeof Docx): { default: Docx.Header; first: Docx.Header } {
  return {
    default: new d.Header({
      children: [
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: SIZE.body })],
        }),
      ],
    }),
    first: new d.Header({ children: [] }),
  };
}

/** The report as the bytes of a .docx file. */
export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const d = docx();
  const b = new DocxBuilder(d);
  const children: (Docx.Paragraph | Docx.Table)[] = [
    heading(b, doc),
    b.paragraph(doc.title, { align: 'center', bold: true, size: SIZE.kind, before: 18 }),
    b.paragraph(doc.subtitle, { align: 'center', bold: true, after: 12 }),
    b.title(REPORT.partSummary),
    ...doc.summary.map((line) => b.body(line)),
    b.title(REPORT.partSections),
    ...doc.sections.flatMap((s) => section(b, s)),
    b.title(REPORT.partRisks),
    ...risks(b, doc),
    b.paragraph(REPORT.forecastNote, { italics: true, size: SIZE.note, before: 6 }),
    ...(doc.dossiers ? [b.title(REPORT.partFiles), ...dossiers(b, doc.dossiers)] : []),
    ...(doc.structure.length
      ? [b.title(REPORT.partStructure), ...structure(b, doc.structure)]
      : []),
    ...(doc.period ? [b.title(REPORT.partPeriod), ...period(b, doc.period)] : []),
    b.paragraph('', { before: 12 }),
    closing(b, doc),
  ];
  const document = new d.Document({
    title: xmlText(REPORT.pageTitle(doc.asOf)),
    creator: 'ptdv',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
          titlePage: true,
        },
        headers: pageNumberHeader(d),
        children,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}

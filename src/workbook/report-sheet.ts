// The report laid out as a sheet that prints on A4 portrait, fitted to width: eight columns
// (640 px, within A4's printable width at Sheets' normal margins), the heading in two merged blocks, paragraphs merged across, one table and one bar
// chart per milestone, the at-risk table. Styles come as whole grids, so an adapter applies
// each with one call.
import { PACE_LABEL, STATUS_COLOURS, STATUS_LABEL, formatDecimal } from '../core/messages/labels';
import { REPORT } from '../core/messages/report';
import { percentFraction } from '../core/counting/fulfillment';
import { countColumns } from '../core/counting/structure';
import type {
  ReportDocument,
  ReportDossiers,
  ReportPeriod,
  ReportRow,
  ReportStructure,
} from '../core/reports/report-document';
import type { Cell } from './port';

export const REPORT_WIDTH = 8;
const WIDTHS = [32, 220, 56, 56, 56, 72, 72, 76];
/** Characters of 13 px Times that fit across the eight columns, to size wrapped paragraphs. */
const CHARS_PER_LINE = 95;
const LINE_PX = 20;
const BAR_PX = 22;

/** A block of cells, 1-based. */
export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ReportChart {
  title: string;
  /** Rows of the unit lines in the section's table; labels in column 2, percent in column 5. */
  firstRow: number;
  lastRow: number;
  labelColumn: number;
  valueColumn: number;
  /** Where the chart sits: blank rows are left for it below the table. */
  anchorRow: number;
  width: number;
  height: number;
  /** The values are fractions shown as percentages, or counts of people. */
  values: 'percent' | 'count';
}

export interface ReportSheet {
  rows: Cell[][];
  widths: number[];
  weights: ('bold' | 'normal')[][];
  styles: ('italic' | 'normal')[][];
  backgrounds: (string | null)[][];
  alignments: ('left' | 'center' | 'right')[][];
  wraps: boolean[][];
  /** Cells holding a fraction shown as a percentage. */
  percents: Box[];
  /** Each row of a box merged across its columns. */
  merges: Box[];
  /** Tables: every cell bordered. */
  borders: Box[];
  rowHeights: { row: number; px: number }[];
  charts: ReportChart[];
}

/** The dashboard's colours for results and paces, by label. */
const STATUS_FILL: Record<string, string> = Object.fromEntries(
  STATUS_COLOURS.map((c) => [c.label, c.background]),
);
const HEADER_FILL = '#f2f2f2';

export function reportSheet(doc: ReportDocument): ReportSheet {
  const out = new SheetBuilder();
  heading(out, doc);
  out.add([]);
  out.paragraph(doc.title, { bold: true, align: 'center' });
  out.paragraph(doc.subtitle, { bold: true, align: 'center' });
  out.add([]);
  out.paragraph(REPORT.partSummary, { bold: true });
  for (const line of doc.summary) out.paragraph(line);
  out.add([]);
  out.paragraph(REPORT.partSections, { bold: true });
  for (const section of doc.sections) milestoneSection(out, section);
  risksPart(out, doc);
  out.paragraph(REPORT.forecastNote, { italic: true });
  out.add([]);
  if (doc.dossiers) dossiersPart(out, doc.dossiers);
  if (doc.structure.length) structurePart(out, doc.structure);
  if (doc.period) periodPart(out, doc.period);
  closing(out, doc);
  return out.sheet;
}

/** Rows added one at a time, each with its style grids; paragraphs merged across the width. */
class SheetBuilder {
  readonly sheet: ReportSheet = {
    rows: [],
    widths: WIDTHS,
    weights: [],
    styles: [],
    backgrounds: [],
    alignments: [],
    wraps: [],
    percents: [],
    merges: [],
    borders: [],
    rowHeights: [],
    charts: [],
  };

  /** The 1-based row of the next row added. */
  get next(): number {
    return this.sheet.rows.length + 1;
  }

  add(cells: Cell[], style: Partial<RowStyle> = {}): number {
    const { sheet } = this;
    const row = sheet.rows.length + 1;
    const s = { ...PLAIN, ...style };
    const padded = pad(cells);
    sheet.rows.push(padded);
    sheet.weights.push(fill(s.bold ? 'bold' : 'normal'));
    sheet.styles.push(fill(s.italic ? 'italic' : 'normal'));
    // Result and pace cells (the 6th and 8th columns of a table) are coloured like the dashboard.
    sheet.backgrounds.push(
      padded.map(
        (c, i) => s.fill ?? (i === 5 || i === 7 ? (STATUS_FILL[String(c)] ?? null) : null),
      ),
    );
    sheet.alignments.push(s.aligns ? [...s.aligns, ...rest(s.aligns, s.align)] : fill(s.align));
    sheet.wraps.push(fill(s.wrap));
    return row;
  }

  paragraph(text: string, style: Partial<RowStyle> = {}): number {
    const row = this.add([text], { wrap: true, ...style });
    this.sheet.merges.push({ row, column: 1, rows: 1, columns: REPORT_WIDTH });
    const lines = Math.max(1, Math.ceil([...text].length / CHARS_PER_LINE));
    if (lines > 1) this.sheet.rowHeights.push({ row, px: lines * LINE_PX + 4 });
    return row;
  }

  /** A table's header row: bold, centred, wrapped, shaded. */
  header(cells: readonly string[]): number {
    return this.add([...cells], { bold: true, align: 'center', wrap: true, fill: HEADER_FILL });
  }

  /** A chart anchored below the rows so far, and blank rows under it for the next part. */
  chart(chart: Omit<ReportChart, 'anchorRow' | 'width' | 'height'>, bars: number): void {
    const height = bars * BAR_PX + 70;
    this.sheet.charts.push({ ...chart, anchorRow: this.next + 1, width: 600, height });
    for (let i = 0; i < Math.ceil(height / 21) + 2; i++) this.add([]);
  }
}

/** A line of one of two side-by-side blocks: its text and how it is set. */
interface BlockLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * Two blocks side by side, columns 1–3 and 4–8, each line styled on its own: the heading and the
 * closing of every administrative document.
 */
function sideBySide(
  out: SheetBuilder,
  left: readonly BlockLine[],
  right: readonly BlockLine[],
  leftAlign: 'left' | 'center',
): void {
  // Characters of 13 px Times across the left block's three columns.
  const leftChars = Math.floor((CHARS_PER_LINE * 308) / 640);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? { text: '' };
    const r = right[i] ?? { text: '' };
    const row = out.add([l.text, '', '', r.text], {
      aligns: [leftAlign, leftAlign, leftAlign, 'center', 'center', 'center', 'center', 'center'],
      wrap: true,
    });
    const weights = out.sheet.weights[row - 1] ?? [];
    const styles = out.sheet.styles[row - 1] ?? [];
    weights[0] = l.bold ? 'bold' : 'normal';
    styles[0] = l.italic ? 'italic' : 'normal';
    weights[3] = r.bold ? 'bold' : 'normal';
    styles[3] = r.italic ? 'italic' : 'normal';
    out.sheet.merges.push(
      { row, column: 1, rows: 1, columns: 3 },
      { row, column: 4, rows: 1, columns: 5 },
    );
    const lines = Math.ceil([...l.text].length / leftChars);
    if (lines > 1) out.sheet.rowHeights.push({ row, px: lines * LINE_PX + 4 });
  }
}

/** The committee, the issuing body in bold, its star, the number; the Party's name, the date. */
function heading(out: SheetBuilder, doc: ReportDocument): void {
  const h = doc.heading;
  sideBySide(
    out,
    [
      ...(h.higherBody ? [{ text: h.higherBody }] : []),
      { text: h.issuingBody, bold: true },
      { text: '*' },
      { text: h.number },
    ],
    [
      { text: doc.motto, bold: true },
      { text: doc.placeDate, italic: true },
    ],
    'center',
  );
}

/** `Nơi nhận` on the left; the signature block on the right, three blank rows to sign in. */
function closing(out: SheetBuilder, doc: ReportDocument): void {
  const g = doc.signature;
  sideBySide(
    out,
    [
      { text: REPORT.recipientsTitle, bold: true, italic: true },
      ...doc.recipients.map((text) => ({ text })),
    ],
    [
      { text: g.authority, bold: true },
      { text: g.title, bold: true },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: g.signer, bold: true },
    ],
    'left',
  );
}

/** One milestone: its table (units, subtotals, total) and a bar chart of the units' percentages. */
function milestoneSection(out: SheetBuilder, section: ReportDocument['sections'][number]): void {
  out.paragraph(section.title, { bold: true });
  const header = out.header(REPORT.columns);
  let n = 0;
  let firstUnit = 0;
  let lastUnit = 0;
  for (const r of section.rows) {
    const row = out.add(resultCells(r, r.kind === 'unit' ? ++n : null), {
      bold: r.kind === 'total',
      italic: r.kind === 'group',
      wrap: true,
      aligns: ['right', 'left', 'right', 'right', 'right', 'left', 'right', 'left'],
    });
    if (r.kind === 'unit') {
      firstUnit ||= row;
      lastUnit = row;
    }
  }
  const tableRows = out.next - 1 - header;
  out.sheet.borders.push({ row: header, column: 1, rows: tableRows + 1, columns: REPORT_WIDTH });
  out.sheet.percents.push({ row: header + 1, column: 5, rows: tableRows, columns: 1 });
  if (section.bars.length > 0 && firstUnit > 0) {
    out.chart(
      {
        title: REPORT.chartTitle(section.milestone.code),
        firstRow: firstUnit,
        lastRow: lastUnit,
        labelColumn: 2,
        valueColumn: 5,
        values: 'percent',
      },
      section.bars.length,
    );
  } else out.add([]);
}

/** The units that will not, or only just, make an open milestone at their pace. */
function risksPart(out: SheetBuilder, doc: ReportDocument): void {
  out.paragraph(REPORT.partRisks, { bold: true });
  if (doc.risks.length === 0) {
    out.paragraph(REPORT.noRisks(doc.openMilestones));
    return;
  }
  const header = out.header(REPORT.riskColumns);
  doc.risks.forEach((r, i) =>
    out.add(
      [
        i + 1,
        r.unit,
        REPORT.milestoneWithDeadline(r.milestone, r.deadline),
        r.target,
        r.actual,
        r.projected,
        r.reachDate,
        PACE_LABEL[r.pace],
      ],
      {
        aligns: ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
        wrap: true,
      },
    ),
  );
  out.sheet.borders.push({
    row: header,
    column: 1,
    rows: doc.risks.length + 1,
    columns: REPORT_WIDTH,
  });
}

/** Part IV: people per stage by unit (overdue in brackets), then the funnel with its chart. */
function dossiersPart(out: SheetBuilder, dossiers: ReportDossiers): void {
  out.paragraph(REPORT.partFiles, { bold: true });
  out.paragraph(REPORT.filesIntro(dossiers.overdue));
  const header = out.header(REPORT.filesColumns);
  const late = (n: number, overdue: number): Cell => (overdue > 0 ? `${n} (${overdue})` : n);
  dossiers.rows.forEach((r, i) =>
    out.add(
      [
        r.total ? '' : i + 1,
        r.label,
        late(r.stages.awaiting_decision, r.overdue.awaiting_decision),
        late(r.stages.awaiting_ceremony, r.overdue.awaiting_ceremony),
        late(r.stages.probation, r.overdue.probation),
        r.stages.official,
      ],
      {
        bold: r.total,
        wrap: true,
        aligns: ['right', 'left', 'right', 'right', 'right', 'right'],
      },
    ),
  );
  const columns = REPORT.filesColumns.length;
  out.sheet.borders.push({ row: header, column: 1, rows: dossiers.rows.length + 1, columns });
  out.add([]);
  const funnel = out.add([...REPORT.funnelColumns], { bold: true, align: 'center', fill: null });
  out.sheet.backgrounds[funnel - 1] = [null, HEADER_FILL, HEADER_FILL, ...rest([0, 0, 0], null)];
  const steps = dossiers.funnel.map((f) =>
    out.add(['', f.label, f.count], { aligns: ['left', 'left', 'right'] }),
  );
  out.sheet.borders.push({ row: funnel, column: 2, rows: steps.length + 1, columns: 2 });
  out.chart(
    {
      title: REPORT.funnelTitle,
      firstRow: steps[0] ?? funnel,
      lastRow: steps[steps.length - 1] ?? funnel,
      labelColumn: 2,
      valueColumn: 3,
      values: 'count',
    },
    steps.length,
  );
}

/** Targets (`Đối tượng`) that fit beside the age columns of Part V's second table. */
const TARGETS_IN_SHEET = REPORT_WIDTH - 4;

/**
 * Part V in the sheet's eight columns, two tables a milestone: the counts (an unknown count in
 * brackets) with the percentage of the quota; then 18–30, the average age and the `Đối tượng`
 * columns (those that do not fit in a line below).
 */
function structurePart(out: SheetBuilder, tables: readonly ReportStructure[]): void {
  out.paragraph(REPORT.partStructure, { bold: true });
  out.paragraph(REPORT.structureIntro, { italic: true });
  const [tt, unit, admitted, percent, ...counts] = REPORT.structureColumns;
  const first = [tt, unit, admitted, percent, ...counts.slice(0, 4)];
  for (const t of tables) {
    out.paragraph(t.title, { bold: true });
    const table = (
      cells: readonly string[],
      line: (r: ReportStructure['rows'][number]) => Cell[],
    ) => {
      const header = out.header(cells);
      let n = 0;
      for (const r of t.rows)
        out.add([r.kind === 'unit' ? ++n : '', r.label, ...line(r)], {
          bold: r.kind === 'total',
          italic: r.kind === 'group',
          wrap: true,
          aligns: ['right', 'left', ...rest([0, 0], 'right' as const)],
        });
      out.sheet.borders.push({
        row: header,
        column: 1,
        rows: t.rows.length + 1,
        columns: cells.length,
      });
      return header;
    };
    const header = table(first as string[], (r) => [
      r.admitted,
      r.percent === null ? '' : percentFraction(r.percent),
      ...countColumns(r)
        .slice(0, 4)
        .map((c) => REPORT.withUnknown(c.count, c.unknown)),
    ]);
    out.sheet.percents.push({ row: header + 1, column: 4, rows: t.rows.length, columns: 1 });
    out.add([]);
    const shown = t.targets.slice(0, TARGETS_IN_SHEET);
    table([tt, unit, counts[4], counts[5], ...shown] as string[], (r) => {
      const young = countColumns(r)[4];
      return [
        REPORT.withUnknown(young?.count ?? 0, young?.unknown ?? 0),
        r.averageAge === null ? '' : formatDecimal(r.averageAge),
        ...shown.map((k) => r.byTarget[k] ?? 0),
      ];
    });
    const more = t.targets.slice(TARGETS_IN_SHEET);
    const total = t.rows.find((r) => r.kind === 'total');
    if (more.length && total)
      out.paragraph(
        `${REPORT.targetsTitle}: ${more.map((k) => `${k}: ${total.byTarget[k] ?? 0}`).join('; ')}.`,
        { italic: true },
      );
    out.add([]);
  }
}

/** Part VI: the period beside the same days a year earlier. */
function periodPart(out: SheetBuilder, period: ReportPeriod): void {
  out.paragraph(REPORT.partPeriod, { bold: true });
  out.paragraph(period.title, { bold: true });
  const header = out.header(REPORT.periodColumns);
  let n = 0;
  for (const r of period.rows)
    out.add(
      [
        r.kind === 'unit' ? ++n : '',
        r.label,
        r.admitted,
        r.previousAdmitted,
        r.nominated,
        r.previousNominated,
      ],
      {
        bold: r.kind === 'total',
        italic: r.kind === 'group',
        wrap: true,
        aligns: ['right', 'left', 'right', 'right', 'right', 'right'],
      },
    );
  const columns = REPORT.periodColumns.length;
  out.sheet.borders.push({ row: header, column: 1, rows: period.rows.length + 1, columns });
  if (period.note) out.paragraph(period.note, { italic: true });
  out.add([]);
}

interface RowStyle {
  bold: boolean;
  italic: boolean;
  align: 'left' | 'center' | 'right';
  aligns: ('left' | 'center' | 'right')[] | null;
  wrap: boolean;
  fill: string | null;
}

const PLAIN: RowStyle = {
  bold: false,
  italic: false,
  align: 'left',
  aligns: null,
  wrap: false,
  fill: null,
};

function fill<T>(value: T): T[] {
  return new Array<T>(REPORT_WIDTH).fill(value);
}

function rest<T>(cells: readonly unknown[], value: T): T[] {
  return new Array<T>(Math.max(0, REPORT_WIDTH - cells.length)).fill(value);
}

function pad(cells: Cell[]): Cell[] {
  return [...cells, ...rest<Cell>(cells, '')];
}

function resultCells(r: ReportRow, n: number | null): Cell[] {
  return [
    n ?? '',
    r.label,
    r.target,
    r.actual,
    r.percent === null ? '' : percentFraction(r.percent),
    STATUS_LABEL[r.status],
    r.projected ?? '',
    r.pace ? PACE_LABEL[r.pace] : '',
  ];
}

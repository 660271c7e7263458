// The report laid out as a sheet that prints on A4 portrait, fitted to width: eight columns
// (640 px, within A4's printable width at Sheets' normal margins), the heading in two merged blocks, paragraphs merged across, one table and one bar
// chart per milestone, the at-risk table. Styles come as whole grids, so an adapter applies
// each with one call.
import { PACE_LABEL, STATUS_COLOURS, STATUS_LABEL } from '../core/messages/labels';
import { REPORT } from '../core/messages/report';
import { percentFraction } from '../core/counting/fulfillment';
import type { ReportDocument, ReportFiles, ReportRow } from '../core/reports/report-document';
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
  const sheet: ReportSheet = {
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
  const add = (cells: Cell[], style: Partial<RowStyle> = {}): number => {
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
  };
  const paragraph = (text: string, style: Partial<RowStyle> = {}) => {
    const row = add([text], { wrap: true, ...style });
    sheet.merges.push({ row, column: 1, rows: 1, columns: REPORT_WIDTH });
    const lines = Math.max(1, Math.ceil([...text].length / CHARS_PER_LINE));
    if (lines > 1) sheet.rowHeights.push({ row, px: lines * LINE_PX + 4 });
    return row;
  };

  // The heading: two blocks side by side, as in every administrative document.
  const right = [doc.motto, doc.placeDate];
  for (let i = 0; i < Math.max(doc.body.length, right.length); i++) {
    // The body and the Party's name in bold; the star and the place-and-date line in italics.
    const row = add([doc.body[i] ?? '', '', '', right[i] ?? ''], {
      align: 'center',
      bold: i === 0,
      italic: i === 1,
    });
    sheet.merges.push(
      { row, column: 1, rows: 1, columns: 3 },
      { row, column: 4, rows: 1, columns: 5 },
    );
  }
  /** Part IV: people per stage by unit (overdue in brackets), then the funnel with its chart. */
  const filesPart = (files: ReportFiles) => {
    paragraph(REPORT.partFiles, { bold: true });
    paragraph(REPORT.filesIntro(files.overdue));
    const header = add([...REPORT.filesColumns], {
      bold: true,
      align: 'center',
      wrap: true,
      fill: HEADER_FILL,
    });
    const late = (n: number, overdue: number): Cell => (overdue > 0 ? `${n} (${overdue})` : n);
    files.rows.forEach((r, i) =>
      add(
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
    sheet.borders.push({ row: header, column: 1, rows: files.rows.length + 1, columns });
    add([]);
    const funnel = add([...REPORT.funnelColumns], { bold: true, align: 'center', fill: null });
    sheet.backgrounds[funnel - 1] = [null, HEADER_FILL, HEADER_FILL, ...rest([0, 0, 0], null)];
    const steps = files.funnel.map((f) =>
      add(['', f.label, f.count], { aligns: ['left', 'left', 'right'] }),
    );
    sheet.borders.push({ row: funnel, column: 2, rows: steps.length + 1, columns: 2 });
    const height = steps.length * BAR_PX + 70;
    sheet.charts.push({
      title: REPORT.funnelTitle,
      firstRow: steps[0] ?? funnel,
      lastRow: steps[steps.length - 1] ?? funnel,
      labelColumn: 2,
      valueColumn: 3,
      anchorRow: sheet.rows.length + 2,
      width: 600,
      height,
      values: 'count',
    });
    for (let i = 0; i < Math.ceil(height / 21) + 2; i++) add([]);
  };

  add([]);
  paragraph(doc.title, { bold: true, align: 'center' });
  paragraph(doc.subtitle, { bold: true, align: 'center' });
  add([]);
  paragraph(REPORT.partSummary, { bold: true });
  for (const line of doc.summary) paragraph(line);
  add([]);
  paragraph(REPORT.partSections, { bold: true });
  for (const section of doc.sections) {
    paragraph(section.title, { bold: true });
    const header = add([...REPORT.columns], {
      bold: true,
      align: 'center',
      wrap: true,
      fill: HEADER_FILL,
    });
    let n = 0;
    let firstUnit = 0;
    let lastUnit = 0;
    for (const r of section.rows) {
      const row = add(resultCells(r, r.kind === 'unit' ? ++n : null), {
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
    const tableRows = sheet.rows.length - header;
    sheet.borders.push({ row: header, column: 1, rows: tableRows + 1, columns: REPORT_WIDTH });
    sheet.percents.push({ row: header + 1, column: 5, rows: tableRows, columns: 1 });
    if (section.bars.length > 0 && firstUnit > 0) {
      const height = section.bars.length * BAR_PX + 70;
      const anchorRow = sheet.rows.length + 2;
      sheet.charts.push({
        title: REPORT.chartTitle(section.milestone.code),
        firstRow: firstUnit,
        lastRow: lastUnit,
        labelColumn: 2,
        valueColumn: 5,
        anchorRow,
        width: 600,
        height,
        values: 'percent',
      });
      // Blank rows under the chart, so the next section starts below it.
      for (let i = 0; i < Math.ceil(height / 21) + 2; i++) add([]);
    } else add([]);
  }
  paragraph(REPORT.partRisks, { bold: true });
  if (doc.risks.length === 0) paragraph(REPORT.noRisks(doc.openMilestones));
  else {
    const header = add([...REPORT.riskColumns], {
      bold: true,
      align: 'center',
      wrap: true,
      fill: HEADER_FILL,
    });
    doc.risks.forEach((r, i) =>
      add(
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
    sheet.borders.push({
      row: header,
      column: 1,
      rows: doc.risks.length + 1,
      columns: REPORT_WIDTH,
    });
  }
  paragraph(REPORT.forecastNote, { italic: true });
  add([]);
  if (doc.files) filesPart(doc.files);
  doc.recipients.forEach((line, k) => paragraph(line, { bold: k === 0, italic: k > 0 }));
  return sheet;
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

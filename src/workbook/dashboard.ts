// Lays out `Tổng hợp` and `Kiểm tra` from an evaluation: the only place that knows their cells.
import { formatDateTimeVietnam, formatDmy } from '../core/calendar/dates';
import {
  ALL_UNITS,
  NO_COMMITTEE,
  STATUS_LABEL,
  SUBTOTAL_BY_COMMITTEE,
  SUBTOTAL_BY_KIND,
  UPDATED_AT,
  SEVERITY_LABEL,
  SOURCE_LABEL,
  PACE_LABEL,
} from '../core/messages/labels';
import { DASHBOARD, CHART_TITLE, CHECK } from '../core/messages/sheets';
import { forecastRow, type ForecastRow } from '../core/forecast/forecast';
import type { Evaluation } from '../core/evaluate';
import { percentFraction, type Result } from '../core/counting/fulfillment';
import type { Milestone } from '../core/model';
import { PROBLEM_HEADERS } from './contract';
import type { Cell, CellTarget, ChartSpec, LinkTarget, SheetLayout } from './port';
import { columnOf, type ColumnPositions } from './read';

const FIXED = ['Mã', 'Tên đơn vị', 'Loại', 'Cấp ủy quản lý'];
const PER_MILESTONE = 7;
const HEADER_ROW = 4;

export interface Table {
  rows: Cell[][];
  layout: SheetLayout;
}

function resultCells(r: Result | undefined, f: ForecastRow[string]): Cell[] {
  if (!r) return ['', '', '', '', '', '', ''];
  const fraction = r.percent === null ? '' : percentFraction(r.percent);
  return [
    r.actual,
    r.target ?? '',
    fraction,
    STATUS_LABEL[r.status],
    r.source ? SOURCE_LABEL[r.source] : '',
    f ? f.projected : '',
    f ? PACE_LABEL[f.status] : '',
  ];
}

function pad(row: Cell[], width: number): Cell[] {
  return row.length >= width ? row : [...row, ...new Array<Cell>(width - row.length).fill('')];
}

export function dashboardHeader(milestones: readonly Milestone[]): string[] {
  return [
    ...FIXED,
    ...milestones.flatMap((m) => [
      `${m.code} ${DASHBOARD.actual}`,
      `${m.code} ${DASHBOARD.quota}`,
      `${m.code} %`,
      `${m.code} ${DASHBOARD.status}`,
      `${m.code} ${DASHBOARD.source}`,
      `${m.code} ${DASHBOARD.projected}`,
      `${m.code} ${DASHBOARD.pace}`,
    ]),
  ];
}

/** `Tổng hợp`: titles, one row per unit, subtotals by type and committee, the grand total. */
export function dashboardTable(evaluation: Evaluation, now: Date): Table {
  const { plan, fulfillment } = evaluation;
  const ms = fulfillment.milestones;
  const width = FIXED.length + ms.length * PER_MILESTONE;
  const s = plan.settings;
  const title = DASHBOARD.title(
    s.planNumber,
    s.planDate === null ? '' : formatDmy(s.planDate),
    s.issuerName,
  );
  const asOf = fulfillment.asOf === null ? '' : ` — ${DASHBOARD.asOf(formatDmy(fulfillment.asOf))}`;
  const rows: Cell[][] = [
    pad([title], width),
    pad([UPDATED_AT(formatDateTimeVietnam(now)) + asOf], width),
    pad([], width),
    dashboardHeader(ms),
  ];
  // Subtotals get a forecast too: the Board sees whether a whole group keeps pace.
  const cellsOf = (results: Record<string, Result>) => {
    const forecasts = forecastRow(results, ms, fulfillment.asOf, s.planDate);
    return ms.flatMap((m) => resultCells(results[m.code], forecasts[m.code]));
  };
  for (const { unit, results } of fulfillment.units) {
    rows.push([unit.code, unit.name, unit.kind, unit.committee, ...cellsOf(results)]);
  }
  rows.push(pad([], width));
  for (const g of fulfillment.byKind) {
    rows.push(['', SUBTOTAL_BY_KIND(g.key), '', '', ...cellsOf(g.results)]);
  }
  for (const g of fulfillment.byCommittee) {
    rows.push(['', SUBTOTAL_BY_COMMITTEE(g.key || NO_COMMITTEE), '', '', ...cellsOf(g.results)]);
  }
  rows.push(['', ALL_UNITS, '', '', ...cellsOf(fulfillment.all)]);
  const widths: Record<number, number> = { 1: 110, 2: 300, 3: 110, 4: 220 };
  const percentColumns: number[] = [];
  const statusColumns: number[] = [];
  const firstUnitRow = HEADER_ROW + 1;
  const lastUnitRow = HEADER_ROW + fulfillment.units.length;
  const charts: ChartSpec[] = [];
  ms.forEach((m, i) => {
    const first = FIXED.length + i * PER_MILESTONE + 1;
    percentColumns.push(first + 2);
    statusColumns.push(first + 3, first + 6);
    for (let k = 0; k < PER_MILESTONE; k++) widths[first + k] = 90;
    if (lastUnitRow >= firstUnitRow) {
      charts.push({
        title: CHART_TITLE(m.code, m.name),
        firstRow: firstUnitRow,
        lastRow: lastUnitRow,
        labelColumn: 2,
        valueColumn: first + 2,
      });
    }
  });
  return {
    rows,
    layout: {
      headerRow: HEADER_ROW,
      dateColumns: [],
      percentColumns,
      widths,
      statusColumns,
      charts,
    },
  };
}

/** `Kiểm tra`: a summary line, then one problem per row with a link to its cell. */
export function problemsTable(evaluation: Evaluation, positions?: ColumnPositions): Table {
  const { rows: counted, fulfillment } = evaluation;
  const width = PROBLEM_HEADERS.length;
  const summary =
    evaluation.plan.settings.dataMode === 'counts'
      ? CHECK.countsOnly
      : CHECK.summary(counted.rows, counted.withErrors, counted.withWarningsOnly);
  const asOf = fulfillment.asOf === null ? '' : ` ${CHECK.asOf(formatDmy(fulfillment.asOf))}`;
  const rows: Cell[][] = [pad([summary + asOf], width), PROBLEM_HEADERS];
  const targets: (CellTarget | LinkTarget | null)[] = [null, null];
  for (const p of evaluation.problems) {
    const column = positions ? columnOf(positions, p.sheet, p.column) : null;
    rows.push([
      p.sheet,
      p.row,
      p.column,
      SEVERITY_LABEL[p.severity],
      p.code,
      p.message,
      p.suggestion ?? '',
      p.link
        ? CHECK.fileLabel(p.sheet, p.row)
        : column === null
          ? ''
          : CHECK.cellLabel(p.sheet, p.row, column),
    ]);
    targets.push(
      p.link ? { url: p.link } : column === null ? null : { sheet: p.sheet, row: p.row, column },
    );
  }
  return {
    rows,
    layout: {
      headerRow: 2,
      dateColumns: [],
      percentColumns: [],
      widths: { 1: 110, 2: 60, 3: 170, 4: 80, 5: 190, 6: 420, 7: 360, 8: 120 },
      links: { column: width, targets },
    },
  };
}

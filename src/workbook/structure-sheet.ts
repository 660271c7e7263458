// `Cơ cấu`: the structure of those admitted for each admission milestone, per unit, kind of cell,
// committee and in total, in plain number cells a reader can add up (an unknown count in its own
// column beside each figure). Counts only: no name, and no ethnicity or religion of anyone.
import { dayOfInstant, formatDateTimeVietnam, formatDmy } from '../core/calendar/dates';
import { STRUCTURE_SHEET as S } from '../core/messages/sheets';
import { percentFraction } from '../core/counting/fulfillment';
import { countColumns } from '../core/counting/structure';
import type { Evaluation } from '../core/evaluate';
import { reportStructure } from '../core/reports/report-document';
import type { Cell, SheetLayout } from './port';

const HEADER_ROW = 3;

export function structureTable(
  evaluation: Evaluation,
  now: Date,
): { rows: Cell[][]; layout: SheetLayout } {
  const tables = reportStructure(evaluation, null);
  // One set of `Đối tượng` columns for every milestone, so the sheet is one table.
  const targets = [...new Set(tables.flatMap((t) => t.targets))];
  const header = [
    S.milestone,
    S.unit,
    S.admitted,
    S.percent,
    // In the order of countColumns, each with its unknown column beside it.
    ...[S.women, S.ethnicMinority, S.religious, S.youthUnion, S.aged18to30].flatMap((label) => [
      label,
      S.unknown(label),
    ]),
    S.averageAge,
    ...targets.map(S.target),
  ];
  const pad = (row: Cell[]) => [...row, ...new Array<Cell>(header.length - row.length).fill('')];
  const asOf = evaluation.fulfillment.asOf;
  const rows: Cell[][] = [
    pad([S.title(formatDmy(asOf ?? dayOfInstant(now)))]),
    pad([S.updated(formatDateTimeVietnam(now))]),
    header,
  ];
  for (const t of tables) {
    for (const r of t.rows) {
      rows.push([
        t.milestone ?? '',
        r.label,
        r.admitted,
        r.percent === null ? '' : percentFraction(r.percent),
        ...countColumns(r).flatMap((c) => [c.count, c.unknown]),
        r.averageAge ?? '',
        ...targets.map((k) => r.byTarget[k] ?? 0),
      ]);
    }
  }
  return {
    rows,
    layout: {
      headerRow: HEADER_ROW,
      dateColumns: [],
      percentColumns: [4],
      widths: { 1: 90, 2: 300 },
    },
  };
}

// Two levels: the figures a committee sends up (one row in the `Số liệu` layout, under the higher
// plan's milestone codes: see core/higher/figures.ts) and the higher committee's `Số liệu` made
// from every lower committee's figures. Counts only: no cell here ever holds a person.
import { dayOfInstant, instantOfDay, serialOfDay } from '../core/calendar/dates';
import type { HigherFigures } from '../core/higher/figures';
import type { Milestone, Unit } from '../core/model';
import { UnitIndex } from '../core/plan/unit-index';
import { cellText } from '../core/text/cells';
import { matchKey } from '../core/text/normalize';
import { COUNTS_FIXED_HEADERS } from './contract';
import { countRow, countSheetLayout } from './count-sheet';
import type { Cell, SheetLayout } from './port';

/** The figures sheet: the higher plan's header for the milestones mapped, and one row. */
export function higherFiguresSheet(
  figures: HigherFigures,
  updated: Date,
  by: string,
): { rows: Cell[][]; layout: SheetLayout } {
  const milestones = figures.milestones.map((m) => ({ ...m, archived: false }));
  const { header, layout } = countSheetLayout(milestones, 0);
  const row = countRow(milestones, {
    code: figures.code,
    name: figures.name,
    count: (code) => figures.counts.get(code) ?? 0,
    pipeline: { stages: figures.stages, overdue: figures.overdue },
    structure: (code) => figures.structure.get(code) ?? null,
    updated,
    by,
  });
  return { rows: [header, row], layout };
}

/** One lower committee's figures as read: where from (to name it), its header and its rows. */
export interface FiguresSource {
  label: string;
  rows: Cell[][];
}

/** Why a source cannot be rolled up; each names the source. */
export type RollupRefusal =
  | { kind: 'no_row'; label: string }
  | { kind: 'unit_unknown'; label: string; code: string }
  | { kind: 'column_unknown'; label: string; column: string }
  | { kind: 'duplicate'; label: string; code: string; other: string };

/**
 * The higher committee's `Số liệu`: a row per unit of its plan, from the source that names it,
 * else as the sheet had it (`existing`, matched by header). Refused whole, with every reason,
 * when a source names a unit or a column (a milestone) the plan does not have, or one unit twice.
 */
export function rollupCounts(
  plan: { units: readonly Unit[]; milestones: readonly Milestone[] },
  existing: Cell[][] | null,
  sources: readonly FiguresSource[],
):
  | { ok: true; rows: Cell[][]; layout: SheetLayout; from: Map<string, string> }
  | { ok: false; refusals: RollupRefusal[] } {
  const { header, layout } = countSheetLayout(plan.milestones);
  const known = new Set(header.map(matchKey));
  const index = new UnitIndex([...plan.units]);
  const refusals: RollupRefusal[] = [];
  const byUnit = new Map<string, Cell[]>();
  const from = new Map<string, string>();
  for (const source of sources) {
    const [head = [], ...lines] = source.rows;
    const labels = head.map((h) => cellText(h));
    for (const column of labels)
      if (column !== '' && !known.has(matchKey(column)))
        refusals.push({ kind: 'column_unknown', label: source.label, column });
    const codeAt = labels.findIndex((h) => matchKey(h) === matchKey(COUNTS_FIXED_HEADERS.code));
    const filled = lines.filter((l) => cellText(l[codeAt]) !== '');
    if (codeAt < 0 || filled.length === 0) refusals.push({ kind: 'no_row', label: source.label });
    for (const line of filled) {
      const code = cellText(line[codeAt]);
      const unit = index.find(code);
      if (!unit) {
        refusals.push({ kind: 'unit_unknown', label: source.label, code });
        continue;
      }
      const other = from.get(unit.code);
      if (other !== undefined) {
        refusals.push({ kind: 'duplicate', label: source.label, code: unit.code, other });
        continue;
      }
      from.set(unit.code, source.label);
      byUnit.set(unit.code, inHeaderOrder(header, labels, line, unit));
    }
  }
  if (refusals.length > 0) return { ok: false, refusals };
  // The rows the sheet had, for the units no source reports: every one kept (a unit may report
  // on several rows, a figure on each), in today's columns.
  const kept = new Map<string, Cell[][]>();
  if (existing && existing.length > 0) {
    const [head = [], ...lines] = existing;
    const labels = head.map((h) => cellText(h));
    const codeAt = labels.findIndex((h) => matchKey(h) === matchKey(COUNTS_FIXED_HEADERS.code));
    for (const line of lines) {
      const unit = codeAt < 0 ? null : index.find(cellText(line[codeAt]));
      if (!unit || byUnit.has(unit.code)) continue;
      kept.set(unit.code, [
        ...(kept.get(unit.code) ?? []),
        inHeaderOrder(header, labels, line, unit),
      ]);
    }
  }
  const rows: Cell[][] = [
    header,
    ...plan.units.flatMap((u) => {
      const sent = byUnit.get(u.code);
      if (sent) return [sent];
      return kept.get(u.code) ?? [[u.code, u.name, ...header.slice(2).map((): Cell => '')]];
    }),
  ];
  return { ok: true, rows, layout, from };
}

/** A row's cells moved under `header`, found by their own header's text; the unit as planned. */
function inHeaderOrder(
  header: readonly string[],
  labels: readonly string[],
  line: readonly Cell[],
  unit: Unit,
): Cell[] {
  const at = new Map(labels.map((h, i) => [matchKey(h), i]));
  const out = header.map((h): Cell => {
    const i = at.get(matchKey(h));
    return i === undefined ? '' : (line[i] ?? '');
  });
  out[0] = unit.code;
  out[1] = unit.name;
  return out;
}

/** A cell of the figures file for the Sheets API: dates as serial numbers (Vietnam time). */
function apiValue(cell: Cell): string | number {
  if (cell instanceof Date) return serialOfInstant(cell);
  if (typeof cell === 'number') return cell;
  return cellText(cell);
}

/** Sheets' serial number of a moment: its day in Vietnam and the time of day, as a fraction. */
export function serialOfInstant(instant: Date): number {
  const day = dayOfInstant(instant);
  return serialOfDay(day) + (instant.getTime() - instantOfDay(day).getTime()) / 86_400_000;
}
/** Columns a new figures file has: room for a header that widens (the API refuses values past
 *  the grid; a wider one is grown first). 100 hold seven admission milestones' structure. */
export const FIGURES_COLUMNS = 100;

/** The date-time format of the update's cell (the last but one of the header), for a batchUpdate. */
export function updatedColumnFormat(width: number): object {
  return {
    repeatCell: {
      range: {
        sheetId: 0,
        startRowIndex: 1,
        endRowIndex: 2,
        startColumnIndex: width - 2,
        endColumnIndex: width - 1,
      },
      cell: {
        userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' } },
      },
      fields: 'userEnteredFormat.numberFormat',
    },
  };
}

/** The figures, padded to `width` columns (blanks clear what a wider header left), as values. */
export function figuresValues(rows: readonly Cell[][], width: number): (string | number)[][] {
  return rows.map((r) => [
    ...r.map(apiValue),
    ...new Array<string>(Math.max(0, width - r.length)).fill(''),
  ]);
}

/**
 * The body of the Sheets API's `spreadsheets.create` for a figures file: one sheet, the header
 * bold and frozen, the update's day and time formatted, every text a string value (never read
 * as a formula).
 */
export function figuresFileResource(
  title: string,
  sheet: string,
  rows: readonly Cell[][],
): Record<string, unknown> {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    properties: { title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    sheets: [
      {
        properties: {
          sheetId: 0,
          title: sheet,
          gridProperties: {
            rowCount: rows.length,
            columnCount: Math.max(width, FIGURES_COLUMNS),
            frozenRowCount: 1,
          },
        },
        data: [
          {
            startRow: 0,
            startColumn: 0,
            rowData: rows.map((r, i) => ({
              values: r.map((cell) => {
                const v = apiValue(cell);
                return {
                  userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v },
                  ...(i === 0
                    ? { userEnteredFormat: { textFormat: { bold: true } } }
                    : cell instanceof Date
                      ? {
                          userEnteredFormat: {
                            numberFormat: { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' },
                          },
                        }
                      : {}),
                };
              }),
            })),
          },
        ],
      },
    ],
  };
}

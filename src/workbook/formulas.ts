// What the custom functions compute, over the ranges Sheets passes them (header row included).
// Pure: no service call, so a formula never writes and recalculates whenever its ranges change.
import { readDay, type Day } from '../core/calendar/dates';
import { evaluate, type Evaluation } from '../core/evaluate';
import { FORMULA } from '../core/messages/sheets';
import { UNCLASSIFIED } from '../core/messages/labels';
import { matchKey } from '../core/text/normalize';
import { formatQuota } from '../core/plan/quota';
import { interpretUnits } from '../core/plan/units-input';
import { cellText } from '../core/text/cells';
import { UnitIndex } from '../core/plan/unit-index';
import { SETTINGS_COLUMNS, SHEET, UNIT_COLUMNS } from './contract';
import { dashboardTable } from './dashboard';
import { ContractError } from './errors';
import { MemoryWorkbook } from './memory-workbook';
import { readInput, readUnits } from './read';
import type { Cell } from './port';

/** A wrong argument: the formula shows this text in its cell. */
export class FormulaError extends Error {}

type Range = unknown;

function grid(value: Range, position: number, what: readonly [string, string]): Cell[][] {
  const ok = Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row));
  if (!ok) throw new FormulaError(FORMULA.needRange(position, what[0], what[1]));
  return value as Cell[][];
}

function text(value: Range, position: number, what: string): string {
  const single = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  const t = typeof single === 'string' || typeof single === 'number' ? cellText(single) : '';
  if (t === '') throw new FormulaError(FORMULA.needText(position, what));
  return t;
}

const emptySettings = (): Cell[][] => [SETTINGS_COLUMNS.map((c) => c.header)];

/** Runs `read` on the ranges; a missing column becomes a FormulaError naming the argument. */
function guarded<T>(
  position: Record<string, number>,
  what: Record<string, readonly [string, string]>,
  read: () => T,
): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ContractError) {
      const p = position[e.sheet] ?? 0;
      const w = what[e.sheet] ?? [e.sheet, e.sheet];
      throw new FormulaError(`${FORMULA.needRange(p, w[0], w[1])} ${e.message}`);
    }
    throw e;
  }
}

/**
 * A custom function's result is cached until one of its arguments changes
 * (https://developers.google.com/apps-script/guides/sheets/functions), so it may not read the
 * clock: "today" (after which a typed date is a mistake, and its row is left out) comes as an
 * argument, usually `TODAY()`. Without it no date is taken for a future one.
 */
const NO_TODAY: Day = Number.POSITIVE_INFINITY;

/** An optional date argument: null when left out or blank. */
function optionalDay(value: Range, position: number): Day | null {
  const single = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (single === undefined || single === null || single === '') return null;
  const reading = readDay(single);
  if (reading.kind !== 'ok') throw new FormulaError(FORMULA.badDate(position));
  return reading.day;
}

function requireMilestone(codes: readonly string[], code: string): string {
  const found = codes.find((c) => matchKey(c) === matchKey(code));
  if (found === undefined) throw new FormulaError(FORMULA.milestoneNotFound(code));
  return found;
}

/** PTDV_THUCHIEN: people of `unit` counted for `milestone`, by the usual rules. */
export function actualFor(
  unit: Range,
  milestone: Range,
  entries: Range,
  milestones: Range,
  today?: Range,
): number {
  const unitText = text(unit, 1, FORMULA.argUnit);
  const code = text(milestone, 2, FORMULA.argMilestone);
  const todayDay = optionalDay(today, 5) ?? NO_TODAY;
  const book = new MemoryWorkbook({
    [SHEET.candidates]: grid(entries, 3, FORMULA.rangeEntries),
    [SHEET.milestones]: grid(milestones, 4, FORMULA.rangeMilestones),
    // Without the quota range the unit is known only by the name given; rows name it however typed.
    [SHEET.quotas]: [
      UNIT_COLUMNS.map((c) => c.header),
      [unitText, unitText, '', UNCLASSIFIED, '', ''],
    ],
    [SHEET.settings]: emptySettings(),
  });
  const e = guarded(
    { [SHEET.candidates]: 3, [SHEET.milestones]: 4 },
    { [SHEET.candidates]: FORMULA.rangeEntries, [SHEET.milestones]: FORMULA.rangeMilestones },
    () => evaluate(readInput(book), null, todayDay),
  );
  const found = requireMilestone(
    e.plan.milestones.map((m) => m.code),
    code,
  );
  return e.fulfillment.units[0]?.results[found]?.actual ?? 0;
}

/** PTDV_CHITIEU: the quota, a number or the text `8-10` for a range. */
export function quotaFor(unit: Range, milestone: Range, quotas: Range): number | string {
  const unitText = text(unit, 1, FORMULA.argUnit);
  const code = text(milestone, 2, FORMULA.argMilestone);
  const book = new MemoryWorkbook({ [SHEET.quotas]: grid(quotas, 3, FORMULA.rangeQuotas) });
  const table = guarded({ [SHEET.quotas]: 3 }, { [SHEET.quotas]: FORMULA.rangeQuotas }, () =>
    readUnits(book, [code]),
  );
  if (table.rows.length > 0 && !(code in (table.rows[0]?.quotas ?? {}))) {
    throw new FormulaError(FORMULA.milestoneNotFound(code));
  }
  const hit = new UnitIndex(interpretUnits(table, [code]).units).find(unitText);
  if (hit === null) throw new FormulaError(FORMULA.unitNotFound(unitText));
  const quota = hit.quotas[code];
  if (!quota) throw new FormulaError(FORMULA.noQuota(unitText, code));
  return quota.min === quota.max ? quota.min : formatQuota(quota);
}

function evaluateRanges(
  quotas: Range,
  milestones: Range,
  entries: Range,
  asOf: Day | null,
  today: Day,
): Evaluation {
  const book = new MemoryWorkbook({
    [SHEET.quotas]: grid(quotas, 1, FORMULA.rangeQuotas),
    [SHEET.milestones]: grid(milestones, 2, FORMULA.rangeMilestones),
    [SHEET.candidates]: grid(entries, 3, FORMULA.rangeEntries),
    [SHEET.settings]: emptySettings(),
  });
  return guarded(
    { [SHEET.quotas]: 1, [SHEET.milestones]: 2, [SHEET.candidates]: 3 },
    {
      [SHEET.quotas]: FORMULA.rangeQuotas,
      [SHEET.milestones]: FORMULA.rangeMilestones,
      [SHEET.candidates]: FORMULA.rangeEntries,
    },
    () => evaluate(readInput(book), asOf, today),
  );
}

/** PTDV_TYLE: actual / minimum quota, as a fraction (format the cell as %). */
export function ratioFor(
  unit: Range,
  milestone: Range,
  quotas: Range,
  entries: Range,
  milestones: Range,
  today?: Range,
): number {
  const unitText = text(unit, 1, FORMULA.argUnit);
  const code = text(milestone, 2, FORMULA.argMilestone);
  const todayDay = optionalDay(today, 6) ?? NO_TODAY;
  const e = evaluateRanges(quotas, milestones, entries, null, todayDay);
  const found = requireMilestone(
    e.plan.milestones.map((m) => m.code),
    code,
  );
  const hit = new UnitIndex(e.plan.units).find(unitText);
  if (hit === null) throw new FormulaError(FORMULA.unitNotFound(unitText));
  const r = e.fulfillment.units.find((u) => u.unit.code === hit.code)?.results[found];
  if (!r || r.min === null || r.min === 0) throw new FormulaError(FORMULA.noQuota(unitText, found));
  return r.actual / r.min;
}

/** PTDV_TONGHOP: the dashboard table (header, units, subtotals, total) as one array. */
export function summaryTable(
  quotas: Range,
  milestones: Range,
  entries: Range,
  asOf?: Range,
  today?: Range,
): Cell[][] {
  const day = optionalDay(asOf, 4);
  const todayDay = optionalDay(today, 5) ?? NO_TODAY;
  const table = dashboardTable(
    evaluateRanges(quotas, milestones, entries, day, todayDay),
    new Date(0),
  );
  return table.rows.slice(table.layout.headerRow - 1);
}

// A plan that disagrees with itself says so: a quota or count column that matches no milestone,
// a milestone with no quota column, a milestone dated far from its plan. Without these checks a
// renamed column or a mistyped year silently drops quotas or reminders.
import { dayFromYmd, readDay, ymdOf, type Day } from '../calendar/dates';
import { sameKind } from './kinds';
import { addMonths } from '../calendar/working-days';
import { PROBLEM } from '../messages/problems';
import { foldKey, matchKey } from '../text/normalize';
import { problemAt } from '../problems';
import { readQuota } from './quota';
import { cellText, isBlank, type RawTable } from '../text/cells';
import { editDistance } from './unit-index';
import type { CellValue, Milestone, Problem, Settings, Unit } from '../model';
import type { MilestoneField, RawSettings, UnmatchedColumn } from './raw-plan';

/** How far after the plan's date a milestone may still belong to that plan. */
const PLAN_SPAN_MONTHS = 18;

/** "KN-2026 (năm)" → "kn-2026": a note in brackets is what a hand usually adds to a code. */
function bareKey(header: string): string {
  return foldKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

function closest(header: string, codes: readonly string[]): { code: string; distance: number } {
  const key = bareKey(header);
  let best = { code: '', distance: Number.POSITIVE_INFINITY };
  for (const code of codes) {
    const distance = editDistance(key, foldKey(code), best.distance);
    if (distance < best.distance) best = { code, distance };
  }
  return best;
}

/** Letters and digits joined by dashes, with a digit: the shape of a milestone code. */
const CODE_SHAPE = /^(?=.*\d)[a-z0-9]+(?:[-_. ][a-z0-9]+)*$/;

/**
 * Whether a column reads as a milestone's column: its header is close to a code (the code with a
 * note added, or a letter or two off), or it is shaped like a code and holds only figures.
 */
function looksLikeMilestone(
  column: UnmatchedColumn,
  codes: readonly string[],
  isFigure: (value: CellValue) => boolean,
): boolean {
  const key = bareKey(column.header);
  if (key === '') return false;
  for (const code of codes) {
    const codeKey = foldKey(code);
    if (key.includes(codeKey) || (key.length >= 3 && codeKey.includes(key))) return true;
    if (editDistance(key, codeKey, 3) <= Math.max(1, Math.floor(codeKey.length / 4))) return true;
  }
  if (!CODE_SHAPE.test(key)) return false;
  const filled = column.values.filter((v) => !isBlank(v));
  return filled.length > 0 && filled.every(isFigure);
}

const isQuota = (value: CellValue) => readQuota(value).kind === 'ok';
const isCount = (value: CellValue) =>
  typeof value === 'number'
    ? Number.isInteger(value) && value >= 0
    : /^\s*\d+\s*$/.test(cellText(value));

/** Columns of `Chỉ tiêu` (quotas) or `Số liệu` (counts) that look like a milestone's but match none. */
export function checkUnmatchedColumns(
  columns: readonly UnmatchedColumn[],
  codes: readonly string[],
  holds: 'quotas' | 'counts',
): Problem[] {
  const problems: Problem[] = [];
  for (const column of columns) {
    if (!looksLikeMilestone(column, codes, holds === 'quotas' ? isQuota : isCount)) continue;
    const near = codes.length > 0 ? closest(column.header, codes).code : null;
    problems.push(
      problemAt({
        sheet: column.sheet,
        row: column.headerRow,
        column: column.header,
        code: 'milestone_column_unknown',
        message: PROBLEM.milestoneColumnUnknown(column.header, holds),
        suggestion: near
          ? PROBLEM.milestoneColumnSuggestion(near)
          : PROBLEM.milestoneColumnSuggestionAdd,
      }),
    );
  }
  return problems;
}

/** The milestone's `Áp dụng cho` kinds, spelled as the units of `Chỉ tiêu` spell them. */
export function withUnitKinds(milestone: Milestone, units: readonly Unit[]): Milestone {
  if (milestone.appliesTo === 'all') return milestone;
  const shown = new Map(units.map((u) => [matchKey(u.kind), u.kind]));
  return {
    ...milestone,
    appliesTo: milestone.appliesTo.map((k) => shown.get(matchKey(k)) ?? k),
  };
}

/** A kind in `Áp dụng cho` that no unit has: most likely typed differently (a warning). */
export function checkKinds(
  table: RawTable<MilestoneField>,
  milestones: readonly Milestone[],
  units: readonly Unit[],
): Problem[] {
  const problems: Problem[] = [];
  const rowOf = rowsByCode(table);
  for (const m of milestones) {
    if (m.appliesTo === 'all') continue;
    for (const kind of m.appliesTo) {
      if (units.some((u) => sameKind(u.kind, kind))) continue;
      problems.push(
        problemAt({
          sheet: table.sheet,
          row: rowOf.get(matchKey(m.code)) ?? 0,
          column: table.columns.appliesTo,
          code: 'applies_to_unknown',
          message: PROBLEM.appliesToUnknown(kind),
        }),
      );
    }
  }
  return problems;
}

/**
 * The plan's number and date head every report; after `Sang năm mới` they are blank until the
 * new plan's are typed, and each is reported until then.
 */
export function checkPlanIdentity(raw: RawSettings, settings: Settings): Problem[] {
  const problems: Problem[] = [];
  const missing = (field: 'planNumber' | 'planDate') => {
    const entry = raw.entries[field];
    problems.push(
      problemAt({
        sheet: raw.sheet,
        row: entry?.row ?? 0,
        column: raw.valueColumn,
        code: 'plan_identity_missing',
        message: PROBLEM.planIdentityMissing(field),
      }),
    );
  };
  if (settings.planNumber === '') missing('planNumber');
  // An unreadable date is already an error of its own.
  if (settings.planDate === null && readDay(raw.entries.planDate?.value).kind === 'empty')
    missing('planDate');
  return problems;
}

function rowsByCode(table: RawTable<MilestoneField>): Map<string, number> {
  const rowOf = new Map<string, number>();
  for (const raw of table.rows) {
    const code = matchKey(cellText(raw.cells.code));
    if (code !== '' && !rowOf.has(code)) rowOf.set(code, raw.row);
  }
  return rowOf;
}

/**
 * Milestones of `Mốc` with no quota column in `Chỉ tiêu` (a warning: no unit has a quota), and
 * milestones dated before the plan or more than 18 months after it (a warning on the date: most
 * likely a mistyped year, which would leave the milestone out of reports and reminders). Archived
 * milestones are not passed in: an earlier year's dates are expected to lie before the plan.
 */
export function checkMilestones(
  table: RawTable<MilestoneField>,
  milestones: readonly Milestone[],
  quotaCodes: readonly string[] | undefined,
  planDate: Day | null,
): Problem[] {
  const problems: Problem[] = [];
  const rowOf = rowsByCode(table);
  const withColumn = quotaCodes ? new Set(quotaCodes.map(matchKey)) : null;
  const latest = planDate === null ? null : addMonths(planDate, PLAN_SPAN_MONTHS);
  for (const m of milestones) {
    const row = rowOf.get(matchKey(m.code)) ?? 0;
    if (withColumn && !withColumn.has(matchKey(m.code))) {
      problems.push(
        problemAt({
          sheet: table.sheet,
          row,
          column: table.columns.code,
          code: 'milestone_without_quota',
          message: PROBLEM.milestoneWithoutQuota(m.code),
          suggestion: PROBLEM.milestoneWithoutQuotaSuggestion(m.code),
        }),
      );
    }
    if (planDate === null || latest === null) continue;
    // A year's quota counts from 1 January although the plan is dated later in the year (Plan
    // 145 of 20/3/2024 counts admissions of 2024 from 01/01/2024): a start may lie that early.
    const firstOfYear = dayFromYmd(ymdOf(planDate).year, 1, 1) as Day;
    const outside = (day: Day | null, earliest: Day): 'before' | 'beforeYear' | 'after' | null =>
      day === null
        ? null
        : day > latest
          ? 'after'
          : day < earliest
            ? earliest === planDate
              ? 'before'
              : 'beforeYear'
            : null;
    for (const [field, earliest] of [
      ['from', firstOfYear],
      ['deadline', planDate],
    ] as const) {
      const where = outside(m[field], earliest);
      if (where === null) continue;
      problems.push(
        problemAt({
          sheet: table.sheet,
          row,
          column: table.columns[field],
          code: 'milestone_outside_plan',
          message: PROBLEM.milestoneOutsidePlan(m[field] as Day, planDate, where),
        }),
      );
    }
  }
  return problems;
}

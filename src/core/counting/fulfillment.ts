// Fulfillment per unit and milestone, and the subtotals the Board reports, by the counting
// rules of DESIGN.md: a class counts distinct nominees of that round; an admission milestone
// counts distinct people admitted within [from, deadline] (and not after the report date).
import type { Day } from '../calendar/dates';
import type { Candidate } from '../model';
import type { Milestone, Quota, Status, Unit } from '../model';
import { formatQuota, isOpenEnded } from '../plan/quota';
import type { ReportedCounts } from './counts';

export interface Result {
  /** `20`, `8-10` or `từ 2 trở lên`; null where the unit has no quota for the milestone. */
  target: string | null;
  min: number | null;
  /**
   * Null where the unit has no quota (min null too), and where the quota has no upper bound
   * (`từ 2 trở lên`: min a number). Not Infinity: JSON has no such number and would write null
   * anyway, so the report's readers get the same value as the code.
   */
  max: number | null;
  actual: number;
  /** actual / min, in percent with one decimal; null without a (non-zero) quota. */
  percent: number | null;
  status: Status;
  /**
   * Where the figure comes from: the person list, or the count the unit reported (used only when
   * the list has nobody counted there); null for a subtotal or when neither has anything.
   */
  source: Source;
}

/** `files`: a unit's own spreadsheet, read by the Board (see unit-files.ts). */
export type Source = 'list' | 'counts' | 'files' | null;

export interface UnitResults {
  unit: Unit;
  results: Record<string, Result>;
}

export interface GroupResults {
  key: string;
  results: Record<string, Result>;
}

export interface Fulfillment {
  asOf: Day | null;
  milestones: Milestone[];
  units: UnitResults[];
  byKind: GroupResults[];
  byCommittee: GroupResults[];
  all: Record<string, Result>;
}

/**
 * A percentage (one decimal) as the fraction a sheet formats as %, without binary noise: 33.3 is
 * 0.333, not 33.3 / 100 = 0.33299999999999996.
 */
export function percentFraction(percent: number): number {
  return Math.round(percent * 10) / 1000;
}

export function resultFor(actual: number, quota: Quota | null, source: Source = null): Result {
  if (quota === null) {
    return {
      target: null,
      min: null,
      max: null,
      actual,
      percent: null,
      status: 'no_quota',
      source,
    };
  }
  // Above an open-ended quota is still within it: Infinity is never exceeded.
  const status: Status = actual < quota.min ? 'not_met' : actual > quota.max ? 'exceeded' : 'met';
  const percent = quota.min > 0 ? Math.round((actual / quota.min) * 1000) / 10 : null;
  return {
    target: formatQuota(quota),
    min: quota.min,
    max: isOpenEnded(quota) ? null : quota.max,
    actual,
    percent,
    status,
    source,
  };
}

/**
 * Distinct people per unit and milestone, in flat arrays indexed by unit × milestone position
 * (no string keys built per row: this runs over every candidate of a province).
 */
function countActuals(
  units: readonly Unit[],
  candidates: readonly Candidate[],
  milestones: readonly Milestone[],
  asOf: Day | null,
): { actual: (unit: number, milestone: number) => number; listed: Uint8Array } {
  const width = milestones.length;
  const unitAt = new Map(units.map((u, i) => [u.code, i]));
  const classAt = new Map<string, number>();
  const admissions: { at: number; from: Day | null; deadline: Day }[] = [];
  milestones.forEach((m, i) => {
    if (m.kind === 'class') classAt.set(m.code, i);
    else admissions.push({ at: i, from: m.from, deadline: m.deadline });
  });
  const seen: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(
    units.length * width,
  );
  const listed = new Uint8Array(units.length * width);
  const add = (cell: number, identity: number) => {
    const set = seen[cell];
    if (set) set.add(identity);
    else seen[cell] = new Set([identity]);
  };
  for (const c of candidates) {
    const u = unitAt.get(c.unitCode);
    if (u === undefined) continue;
    const base = u * width;
    if (c.listedClass !== null) {
      const at = classAt.get(c.listedClass);
      if (at !== undefined) listed[base + at] = 1;
    }
    const claimed = c.listedAdmitted;
    if (claimed !== null) {
      for (const m of admissions)
        if ((m.from === null || claimed >= m.from) && claimed <= m.deadline)
          listed[base + m.at] = 1;
    }
    if (c.classCode !== null && (asOf === null || c.nominated === null || c.nominated <= asOf)) {
      const at = classAt.get(c.classCode);
      if (at !== undefined) add(base + at, c.identity);
    }
    const day = c.admitted;
    if (day === null || (asOf !== null && day > asOf)) continue;
    for (const m of admissions)
      if ((m.from === null || day >= m.from) && day <= m.deadline) add(base + m.at, c.identity);
  }
  return { actual: (u, m) => seen[u * width + m]?.size ?? 0, listed };
}

/**
 * A total is the sum of the rows above it, so a reader who adds the column by hand gets the same
 * figure: actual = every member's actual (units without a quota included), quota = the sum of the
 * quotas given. With no quota at all in the group, the plain sum is shown without a status. One
 * member without an upper bound (`từ 2 trở lên`) leaves the sum without one: `từ 5 trở lên`.
 */
function sumGroup(members: readonly UnitResults[], code: string): Result {
  let actual = 0;
  let min = 0;
  let max = 0;
  let any = false;
  for (const m of members) {
    const r = m.results[code];
    if (!r) continue;
    actual += r.actual;
    if (r.min !== null) {
      any = true;
      min += r.min;
      max += r.max ?? Number.POSITIVE_INFINITY;
    }
  }
  return resultFor(actual, any ? { min, max } : null);
}

function groupBy(
  units: readonly UnitResults[],
  milestones: readonly Milestone[],
  keyOf: (u: Unit) => string,
): GroupResults[] {
  const groups = new Map<string, UnitResults[]>();
  for (const u of units) {
    const key = keyOf(u.unit);
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  return [...groups].map(([key, members]) => ({
    key,
    results: Object.fromEntries(milestones.map((m) => [m.code, sumGroup(members, m.code)])),
  }));
}

export function computeFulfillment(
  units: readonly Unit[],
  milestones: readonly Milestone[],
  candidates: readonly Candidate[],
  asOf: Day | null,
  reported: ReportedCounts = new Map(),
): Fulfillment {
  const counted = countActuals(units, candidates, milestones, asOf);
  const figure = (unit: Unit, u: number, milestone: string, m: number): [number, Source] => {
    const actual = counted.actual(u, m);
    if (actual > 0 || counted.listed[u * milestones.length + m] === 1) return [actual, 'list'];
    const typed = reported.get(unit.code)?.get(milestone);
    return typed ? [typed.count, typed.source ?? 'counts'] : [0, null];
  };
  const unitResults: UnitResults[] = units.map((unit, u) => ({
    unit,
    results: Object.fromEntries(
      milestones.map((m, i) => {
        const [actual, source] = figure(unit, u, m.code, i);
        return [m.code, resultFor(actual, unit.quotas[m.code] ?? null, source)];
      }),
    ),
  }));
  // One subtotal per kind of cell, in the order the kinds first appear in `Chỉ tiêu`.
  const byKind = groupBy(unitResults, milestones, (u) => u.kind);
  return {
    asOf,
    milestones: [...milestones],
    units: unitResults,
    byKind,
    byCommittee: groupBy(unitResults, milestones, (u) => u.committee),
    all: Object.fromEntries(milestones.map((m) => [m.code, sumGroup(unitResults, m.code)])),
  };
}

/** Units below the minimum of at least one milestone: who the Board should call first. */
export function unitsBehind(fulfillment: Fulfillment): number {
  return fulfillment.units.filter((u) =>
    Object.values(u.results).some((r) => r.status === 'not_met'),
  ).length;
}

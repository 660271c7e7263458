// The structure of those admitted ("cơ cấu"), as every committee reports it beside the total:
// women, ethnic minorities, religious believers, Youth Union members, aged 18–30 at admission,
// the average age, and the count by `Đối tượng`. Counted over the same people as the milestone's
// figure (distinct people per unit admitted in the days), so a unit's structure adds up to its
// figure; people whose data the list does not give are counted as unknown, never as "no".
import { monthsBetween, type Day } from '../calendar/dates';
import type { Candidate, Unit } from '../model';

/** The counts every rendering of a structure shows (JSON, tables, sheets). */
export interface StructureCounts {
  admitted: number;
  women: number;
  ethnicMinority: number;
  religious: number;
  youthUnion: number;
  aged18to30: number;
  /** People whose data the list does not give, per column (never counted as "no"). */
  unknown: { gender: number; ethnicity: number; religion: number; youthUnion: number; age: number };
}

export interface Structure extends StructureCounts {
  /** Months of age at admission, summed over the `aged` people whose birth date is known. */
  ageMonths: number;
  aged: number;
  /** By `Đối tượng` as typed; people with none under "". */
  byTarget: Map<string, number>;
}

/**
 * The count columns of a structure in the report's order (women, ethnic minorities, religious,
 * Youth Union, 18–30), each with how many are unknown: one order for every table.
 */
export function countColumns(s: StructureCounts): { count: number; unknown: number }[] {
  return [
    { count: s.women, unknown: s.unknown.gender },
    { count: s.ethnicMinority, unknown: s.unknown.ethnicity },
    { count: s.religious, unknown: s.unknown.religion },
    { count: s.youthUnion, unknown: s.unknown.youthUnion },
    { count: s.aged18to30, unknown: s.unknown.age },
  ];
}

export const emptyStructure = (): Structure => ({
  admitted: 0,
  women: 0,
  ethnicMinority: 0,
  religious: 0,
  youthUnion: 0,
  aged18to30: 0,
  ageMonths: 0,
  aged: 0,
  unknown: { gender: 0, ethnicity: 0, religion: 0, youthUnion: 0, age: 0 },
  byTarget: new Map(),
});

/** 18 to 30 years old inclusive, in whole months as the Party counts age. */
const YOUNG_FROM = 18 * 12;
const YOUNG_UNTIL = 31 * 12;

/** `count` people of whom nothing is known (a figure typed in `Số liệu`, or a unit's own file). */
export function unknownStructure(count: number): Structure {
  const s = emptyStructure();
  s.admitted = count;
  s.unknown = { gender: count, ethnicity: count, religion: count, youthUnion: count, age: count };
  if (count > 0) s.byTarget.set('', count);
  return s;
}

function addPerson(s: Structure, c: Candidate, admitted: Day): void {
  const p = c.profile;
  s.admitted++;
  if (p.woman === null) s.unknown.gender++;
  else if (p.woman) s.women++;
  if (p.ethnicMinority === null) s.unknown.ethnicity++;
  else if (p.ethnicMinority) s.ethnicMinority++;
  if (p.religious === null) s.unknown.religion++;
  else if (p.religious) s.religious++;
  if (p.youthUnion === null) s.unknown.youthUnion++;
  else if (p.youthUnion) s.youthUnion++;
  if (p.birth === null) s.unknown.age++;
  else {
    const months = monthsBetween(p.birth, admitted);
    s.aged++;
    s.ageMonths += months;
    if (months >= YOUNG_FROM && months < YOUNG_UNTIL) s.aged18to30++;
  }
  s.byTarget.set(p.target, (s.byTarget.get(p.target) ?? 0) + 1);
}

/** Adds `b` into `a` (subtotals and totals are sums of their rows). */
export function addStructure(a: Structure, b: Structure): void {
  a.admitted += b.admitted;
  a.women += b.women;
  a.ethnicMinority += b.ethnicMinority;
  a.religious += b.religious;
  a.youthUnion += b.youthUnion;
  a.aged18to30 += b.aged18to30;
  a.ageMonths += b.ageMonths;
  a.aged += b.aged;
  for (const k of Object.keys(a.unknown) as (keyof Structure['unknown'])[])
    a.unknown[k] += b.unknown[k];
  for (const [k, n] of b.byTarget) a.byTarget.set(k, (a.byTarget.get(k) ?? 0) + n);
}

/** Years at admission with one decimal; null when no one's age is known. */
export function averageAge(s: Structure): number | null {
  return s.aged === 0 ? null : Math.round((s.ageMonths / s.aged / 12) * 10) / 10;
}

/**
 * Each unit's structure of the people admitted from `from` (null: any day) to `to`, and not
 * after `asOf` (null: no cut): distinct people per unit, as the milestone's figure counts them,
 * the first of a person's rows giving their data.
 */
export function structureOf(
  units: readonly Unit[],
  candidates: readonly Candidate[],
  from: Day | null,
  to: Day,
  asOf: Day | null,
): Map<string, Structure> {
  const byUnit = new Map<string, Structure>(units.map((u) => [u.code, emptyStructure()]));
  const seen = new Map<string, Set<number>>();
  for (const c of candidates) {
    const day = c.admitted;
    if (day === null || day > to || (from !== null && day < from)) continue;
    if (asOf !== null && day > asOf) continue;
    const s = byUnit.get(c.unitCode);
    if (!s) continue;
    let people = seen.get(c.unitCode);
    if (!people) seen.set(c.unitCode, (people = new Set()));
    if (people.has(c.identity)) continue;
    people.add(c.identity);
    addPerson(s, c, day);
  }
  return byUnit;
}

/** Distinct people per unit sent to a class (`Ngày cử đi học`) from `from` to `to`. */
export function nominationsOf(
  units: readonly Unit[],
  candidates: readonly Candidate[],
  from: Day,
  to: Day,
): Map<string, number> {
  const seen = new Map<string, Set<number>>(units.map((u) => [u.code, new Set()]));
  for (const c of candidates) {
    const day = c.nominated;
    if (day === null || day < from || day > to) continue;
    seen.get(c.unitCode)?.add(c.identity);
  }
  return new Map([...seen].map(([code, people]) => [code, people.size]));
}

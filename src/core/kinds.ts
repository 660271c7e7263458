// Kinds of cell are data: `Trường học`, `Doanh nghiệp`, `Thôn`, `Công an`, `Quân sự`, `Cơ quan`,
// whatever a plan lists. Two spellings are one kind when they normalise alike.
import { matchKey } from './normalize';
import type { Milestone, Unit } from './model';

export const sameKind = (a: string, b: string): boolean => matchKey(a) === matchKey(b);

/** Whether a milestone (its `Áp dụng cho`) is for the unit's kind of cell. */
export function appliesToUnit(milestone: Milestone, unit: Unit): boolean {
  return milestone.appliesTo === 'all' || milestone.appliesTo.some((k) => sameKind(k, unit.type));
}

/** The kinds of the units, each once, as first typed, in the order first met. */
export function kindsOf(units: readonly Unit[]): string[] {
  const seen = new Map<string, string>();
  for (const u of units) if (!seen.has(matchKey(u.type))) seen.set(matchKey(u.type), u.type);
  return [...seen.values()];
}

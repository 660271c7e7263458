// Kinds of cell are data: `Trường học`, `Doanh nghiệp`, `Thôn`, `Công an`, `Quân sự`, `Cơ quan`,
// whatever a plan lists. Two spellings are one kind when they normalise alike.
import { matchKey } from '../text/normalize';
import type { Milestone, Unit } from '../model';

export const sameKind = (a: string, b: string): boolean => matchKey(a) === matchKey(b);

// Asked for every row of a list: the keys of a milestone's kinds and of the (few) kinds typed are
// worked out once, not per row.
const listKeys = new WeakMap<readonly string[], Set<string>>();
const kindKeys = new Map<string, string>();

function kindKey(kind: string): string {
  let key = kindKeys.get(kind);
  if (key === undefined) {
    key = matchKey(kind);
    // Kinds are a handful; a bound keeps a pathological sheet from growing the map.
    if (kindKeys.size > 1000) kindKeys.clear();
    kindKeys.set(kind, key);
  }
  return key;
}

/** Whether a milestone (its `Áp dụng cho`) is for the unit's kind of cell. */
export function appliesToUnit(milestone: Milestone, unit: Unit): boolean {
  if (milestone.appliesTo === 'all') return true;
  const kinds = milestone.appliesTo;
  let keys = listKeys.get(kinds);
  if (!keys) {
    keys = new Set(kinds.map(kindKey));
    listKeys.set(kinds, keys);
  }
  return keys.has(kindKey(unit.kind));
}

/** The kinds of the units, each once, as first typed, in the order first met. */
export function kindsOf(units: readonly Unit[]): string[] {
  const seen = new Map<string, string>();
  for (const u of units) if (!seen.has(matchKey(u.kind))) seen.set(matchKey(u.kind), u.kind);
  return [...seen.values()];
}

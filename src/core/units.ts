import { foldKey, matchKey } from './normalize';
import type { Unit } from './model';

/**
 * Finds a unit by code, name or alias however it was typed (NFD, "Hoà", case, spaces), and
 * suggests the nearest one when nothing matches. Built once per run: lookups are O(1).
 */
export class UnitIndex {
  private readonly byKey = new Map<string, Unit>();
  private readonly byFold = new Map<string, Unit>();
  private readonly cache = new Map<string, Unit | null>();

  constructor(readonly units: readonly Unit[]) {
    for (const unit of units) {
      for (const label of [unit.code, unit.name, ...unit.aliases]) {
        const key = matchKey(label);
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, unit);
        const fold = foldKey(label);
        if (fold !== '' && !this.byFold.has(fold)) this.byFold.set(fold, unit);
      }
    }
  }

  find(typed: string): Unit | null {
    let hit = this.cache.get(typed);
    if (hit === undefined) {
      hit = this.byKey.get(matchKey(typed)) ?? null;
      this.cache.set(typed, hit);
    }
    return hit;
  }

  /**
   * The nearest unit by name, alias or code compared without diacritics: the same letters, or
   * a few typing slips away (edit distance at most a fifth of the length, and at least 2).
   */
  suggest(typed: string): Unit | null {
    const fold = foldKey(typed);
    const exact = this.byFold.get(fold);
    if (exact) return exact;
    let best: Unit | null = null;
    let bestDistance = Math.max(2, Math.floor(fold.length / 5)) + 1;
    for (const [label, unit] of this.byFold) {
      if (Math.abs(label.length - fold.length) >= bestDistance) continue;
      const distance = editDistance(fold, label, bestDistance);
      if (distance < bestDistance) {
        best = unit;
        bestDistance = distance;
      }
    }
    return best;
  }
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowBest) rowBest = value;
    }
    if (rowBest >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? limit;
}

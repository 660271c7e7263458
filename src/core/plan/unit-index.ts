import { foldKey, matchKey } from '../text/normalize';
import type { Unit } from '../model';

// Local names for Math's functions: a global looked up in an inner loop is slow where the global
// object is not a plain object (Node's vm, where the bundle is tested).
const { abs, floor, max, min } = Math;

/**
 * Finds a unit by code, name or alias however it was typed (NFD, "Hoà", case, spaces), and
 * suggests the nearest one when nothing matches. Built once per run: lookups are O(1).
 */
export class UnitIndex {
  private readonly byKey = new Map<string, Unit>();
  private readonly byFold = new Map<string, Unit>();
  private readonly cache = new Map<string, Unit | null>();
  private readonly suggestions = new Map<string, Unit | null>();

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
    // The same wrong name tends to be typed on every row of a unit: compare it once.
    const known = this.suggestions.get(fold);
    if (known !== undefined) return known;
    const best = this.nearest(fold);
    this.suggestions.set(fold, best);
    return best;
  }

  private labels: { label: string; unit: Unit; letters: Uint8Array }[] | null = null;

  private nearest(fold: string): Unit | null {
    this.labels ??= [...this.byFold].map(([label, unit]) => ({
      label,
      unit,
      letters: letterCounts(label),
    }));
    const letters = letterCounts(fold);
    let best: Unit | null = null;
    let bestDistance = max(2, floor(fold.length / 5)) + 1;
    for (const { label, unit, letters: theirs } of this.labels) {
      if (abs(label.length - fold.length) >= bestDistance) continue;
      // Cheap lower bounds first: most of a province's names are far apart.
      if (letterDifference(letters, theirs, bestDistance) >= bestDistance) continue;
      const distance = editDistance(fold, label, bestDistance);
      if (distance < bestDistance) {
        best = unit;
        bestDistance = distance;
      }
    }
    return best;
  }
}

const BUCKETS = 32;

/** How many letters of each kind (folded into 32 buckets), for a lower bound on the distance. */
function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(BUCKETS);
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i) & (BUCKETS - 1);
    if ((counts[b] as number) < 255) counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

/**
 * Each edit adds, removes or swaps one letter, so the letters one text has beyond the other
 * (either way round) never exceed the edit distance.
 */
function letterDifference(a: Uint8Array, b: Uint8Array, limit: number): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d > 0) more += d;
    else fewer -= d;
    if (more >= limit || fewer >= limit) return limit;
  }
  return max(more, fewer);
}

/**
 * Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. The common
 * prefix and suffix are dropped first (they never change the distance, and unit names share long
 * ones: "Trường THPT …"), then only the band of cells within `limit` of the diagonal is computed.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (abs(n - m) >= limit) return limit;
  if (n === 0 || m === 0) return min(max(n, m), limit);
  const band = Number.isFinite(limit) ? limit : max(n, m);
  const big = n + m + 1;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= band ? j : big;
  for (let i = 1; i <= n; i++) {
    const from = max(1, i - band);
    const to = min(m, i + band);
    current[from - 1] = from === 1 ? i : big;
    let rowBest = current[from - 1] as number;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(start + j - 1) ? 0 : 1;
      const value = min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (to < m) current[to + 1] = big;
    if (rowBest >= limit) return limit;
    [previous, current] = [current, previous];
  }
  return min(previous[m] as number, limit);
}

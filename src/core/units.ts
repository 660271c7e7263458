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

  /** The unit whose name differs from the typed text only in diacritics, if any. */
  suggest(typed: string): Unit | null {
    return this.byFold.get(foldKey(typed)) ?? null;
  }
}

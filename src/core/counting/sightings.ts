// The first row of each person in each unit, to tell a repeat in one unit (counted once) from
// the same name and birth day in two units (reported on both rows, each unit counting its own).
import type { CandidateRow, Unit } from '../model';

export interface FirstSeen {
  sheet: string;
  row: number;
  unitCode: string;
  unitName: string;
}

export function here(raw: CandidateRow, unit: Unit): FirstSeen {
  return { sheet: raw.sheet, row: raw.row, unitCode: unit.code, unitName: unit.name };
}

/**
 * The first row of each person (name and date of birth) in each unit. A repeat within a unit is
 * reported on the later row; a person in two units on both rows, each naming the other, and each
 * unit still counts its own row: a unit's figure never depends on what another unit typed.
 */
export class Sightings {
  private readonly first: (FirstSeen | undefined)[] = [];
  /** The first row in each further unit, kept only for the few people seen in several units. */
  private readonly elsewhere = new Map<number, FirstSeen[]>();

  constructor(private readonly report: (at: FirstSeen, of: FirstSeen, sameUnit: boolean) => void) {}

  /** True when the row repeats an earlier one of the same person in the same unit. */
  see(identity: number, seen: FirstSeen): boolean {
    const first = this.first[identity];
    if (first === undefined) {
      this.first[identity] = seen;
      return false;
    }
    if (first.unitCode === seen.unitCode) {
      this.report(seen, first, true);
      return true;
    }
    const others = this.elsewhere.get(identity);
    const inUnit = others?.find((o) => o.unitCode === seen.unitCode);
    if (inUnit) {
      this.report(seen, inUnit, true);
      return true;
    }
    this.report(seen, first, false);
    if (others) others.push(seen);
    else {
      this.report(first, seen, false);
      this.elsewhere.set(identity, [seen]);
    }
    return false;
  }
}

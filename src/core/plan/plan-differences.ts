// Figures of one plan may only land in a workbook that has the same units and milestones: a code
// the target lacks would drop a figure, or count it against another plan's quota.
import { matchKey } from '../text/normalize';
import type { Plan } from '../model';

export interface PlanDifferences {
  /** Unit codes of the source that the target does not have. */
  units: string[];
  /** Milestone codes of the source that the target does not have. */
  milestones: string[];
}

type Codes = readonly { code: string }[];

/** The codes of `source` missing from `target`, compared in any spelling. */
export function missingFrom(
  source: { units: Codes; milestones: Codes },
  target: Pick<Plan, 'units' | 'milestones'>,
): PlanDifferences {
  const has = (list: Codes) => new Set(list.map((x) => matchKey(x.code)));
  const units = has(target.units);
  const milestones = has(target.milestones);
  return {
    units: source.units.map((u) => u.code).filter((c) => !units.has(matchKey(c))),
    milestones: source.milestones.map((m) => m.code).filter((c) => !milestones.has(matchKey(c))),
  };
}

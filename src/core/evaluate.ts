// The one use case every front end shares: interpret the sheets, check them, count.
import { interpretCandidates, type RowSummary } from './candidates';
import { computeFulfillment, type Fulfillment } from './fulfillment';
import {
  interpretMilestones,
  interpretSettings,
  interpretUnits,
  type MilestoneField,
  type RawSettings,
  type RawUnitTable,
} from './plan-input';
import { UnitIndex } from './units';
import type { Day } from './dates';
import type { CandidateField, CandidateRow, Plan, Problem } from './model';
import type { RawTable } from './table';

export interface WorkbookInput {
  units: RawUnitTable;
  milestones: RawTable<MilestoneField>;
  settings: RawSettings;
  candidates: { columns: Record<CandidateField, string>; rows: CandidateRow[] };
}

export interface Evaluation {
  plan: Plan;
  fulfillment: Fulfillment;
  problems: Problem[];
  /** Candidate rows read, and how many had an error (left out where it matters) or warnings. */
  rows: RowSummary;
}

/**
 * `asOf` cuts the counts (null: count everything); `today` is the real date, against which a
 * date in the future is a typing mistake.
 */
export function evaluate(input: WorkbookInput, asOf: Day | null, today: Day): Evaluation {
  const ms = interpretMilestones(input.milestones);
  const us = interpretUnits(
    input.units,
    ms.milestones.map((m) => m.code),
  );
  const st = interpretSettings(input.settings);
  const cs = interpretCandidates({
    rows: input.candidates.rows,
    columns: input.candidates.columns,
    units: new UnitIndex(us.units),
    milestones: ms.milestones,
    today,
  });
  return {
    plan: { settings: st.settings, units: us.units, milestones: ms.milestones },
    fulfillment: computeFulfillment(us.units, ms.milestones, cs.candidates, asOf),
    problems: [...st.problems, ...us.problems, ...ms.problems, ...cs.problems],
    rows: cs.summary,
  };
}

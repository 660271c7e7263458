// The one use case every front end shares: interpret the sheets, check them, count.
import { interpretCandidates } from './counting/candidates';
import { type RowSummary } from './model';
import { checkLower, type RawLowerTable } from './counting/lower-figures';
import { interpretCounts, type RawCountTable, type ReportedCounts } from './counting/counts';
import { PROBLEM } from './messages/problems';
import { computeFulfillment, type Fulfillment } from './counting/fulfillment';
import { interpretMilestones } from './plan/milestones-input';
import { interpretSettings } from './plan/settings-input';
import { interpretUnits } from './plan/units-input';
import { type MilestoneField, type RawSettings, type RawUnitTable } from './plan/raw-plan';
import { UnitIndex } from './plan/unit-index';
import type { UnitFileFigures } from './counting/unit-files';
import { interpretHolidays } from './plan/holidays';
import { computePipeline, type Pipeline, type ReportedPipeline } from './pipeline/pipeline';
import { WorkingCalendar } from './calendar/working-days';
import {
  checkKinds,
  checkMilestones,
  checkPlanIdentity,
  checkUnmatchedColumns,
  withUnitKinds,
} from './plan/plan-checks';
import type { Day } from './calendar/dates';
import type {
  Candidate,
  CandidateField,
  CandidateRow,
  Plan,
  Problem,
  Settings,
  Unit,
} from './model';
import type { RawTable } from './text/cells';

export interface WorkbookInput {
  units: RawUnitTable;
  milestones: RawTable<MilestoneField>;
  settings: RawSettings;
  /** Empty in counts-only mode: then no sheet with names is even read. */
  candidates: { columns: Record<CandidateField, string>; rows: CandidateRow[] };
  /** `Số liệu` (and the units' `SL - <Mã>` sheets), when the workbook has them. */
  counts: RawCountTable | null;
  /** `Ngày nghỉ`; absent in a workbook made before it existed (the built-in days are used). */
  holidays?: RawTable<'day' | 'name'> | null;
  /** What was read from the units' own files (one spreadsheet per unit), figures only. */
  unitFiles?: readonly UnitFileFigures[];
  /** `Cấp dưới`: the lower committees and their figures files, in a higher committee's workbook. */
  lower?: RawLowerTable | null;
}

export interface Evaluation {
  plan: Plan;
  fulfillment: Fulfillment;
  /** Each person's stage from resolution to official membership, as of the same day. */
  pipeline: Pipeline;
  problems: Problem[];
  /** Candidate rows read, and how many had an error (left out where it matters) or warnings. */
  rows: RowSummary;
  /**
   * The rows admitted or sent to a class, as counted: what the structure of those admitted and
   * the period reports count (core/counting/structure.ts). Empty in counts-only mode.
   */
  people: Candidate[];
  /**
   * The figures typed in `Số liệu` / `SL - <Mã>` or read from units' own files, per unit and
   * milestone, with the structure a unit reported beside an admission figure.
   */
  reported: ReportedCounts;
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
  // Kinds in `Áp dụng cho` shown as `Chỉ tiêu` spells them.
  const all = ms.milestones.map((m) => withUnitKinds(m, us.units));
  // Archived milestones (an earlier year's) stay valid codes for old rows, and nothing else.
  const current = all.filter((m) => !m.archived);
  const index = new UnitIndex(us.units);
  const cs = interpretCandidates({
    rows: input.candidates.rows,
    columns: input.candidates.columns,
    units: index,
    milestones: all,
    today,
    probationMonths: st.settings.pipeline.probationMonths,
    certificateMonths: st.settings.pipeline.certificateMonths,
  });
  const codes = all.map((m) => m.code);
  const counted = input.counts
    ? interpretCounts(input.counts, index, codes)
    : {
        reported: new Map() as ReportedCounts,
        pipeline: new Map<string, ReportedPipeline>(),
        problems: [],
      };
  addUnitFiles(counted, index, input.unitFiles ?? []);
  const fulfillment = computeFulfillment(us.units, current, cs.candidates, asOf, counted.reported);
  const holidays = interpretHolidays(input.holidays);
  const pipeline = pipelineOf(
    us.units,
    cs.candidates,
    asOf,
    today,
    st.settings,
    holidays.days,
    counted.pipeline,
  );
  const planChecks = [
    ...holidays.problems,
    ...checkPlanIdentity(input.settings, st.settings),
    ...checkUnmatchedColumns(input.units.unmatched ?? [], codes, 'quotas'),
    ...checkMilestones(input.milestones, current, input.units.quotaCodes, st.settings.planDate),
    ...checkKinds(input.milestones, current, us.units),
    ...checkUnmatchedColumns(input.counts?.unmatched ?? [], codes, 'counts'),
  ];
  return {
    plan: { settings: st.settings, units: us.units, milestones: current },
    fulfillment,
    pipeline,
    problems: [
      ...st.problems,
      ...us.problems,
      ...ms.problems,
      ...planChecks,
      ...counted.problems,
      ...mismatches(fulfillment, counted.reported),
      ...(input.lower
        ? checkLower(
            input.lower,
            index,
            counted.reported,
            input.counts?.unreadable ?? [],
            today,
            st.settings.lateDays,
          )
        : []),
      ...cs.problems,
      ...(input.unitFiles ?? []).flatMap((f) => f.problems),
    ],
    rows: addRows(
      cs.summary,
      (input.unitFiles ?? []).map((f) => f.rows),
    ),
    people: cs.candidates.filter((c) => c.admitted !== null || c.nominated !== null),
    reported: counted.reported,
  };
}

/** A unit's own file reports like a row of `Số liệu`: the Board's list still wins where it has anyone. */
function addUnitFiles(
  counted: { reported: ReportedCounts; pipeline: Map<string, ReportedPipeline> },
  index: UnitIndex,
  unitFiles: readonly UnitFileFigures[],
): void {
  for (const f of unitFiles) {
    const unit = index.find(f.code);
    if (!unit) continue;
    let byMilestone = counted.reported.get(unit.code);
    if (!byMilestone) counted.reported.set(unit.code, (byMilestone = new Map()));
    for (const [code, count] of Object.entries(f.counts))
      if (!byMilestone.has(code))
        byMilestone.set(code, {
          count,
          source: 'files',
          sheet: f.label,
          row: 0,
          updated: null,
          by: '',
        });
    if (!counted.pipeline.has(unit.code))
      counted.pipeline.set(unit.code, { ...f.pipeline, source: 'files' });
  }
}

/** Each person's stage as of the report day, or of today when the report has none. */
function pipelineOf(
  units: readonly Unit[],
  candidates: readonly Candidate[],
  asOf: Day | null,
  today: Day,
  settings: Settings,
  holidays: readonly Day[],
  reported: Map<string, ReportedPipeline>,
): Pipeline {
  // Custom functions are told no "today" (see formulas.ts): then no dossier has a stage to show.
  const day = asOf ?? (Number.isFinite(today) ? today : null);
  return day === null
    ? computePipeline(units, [], 0, settings.pipeline, new WorkingCalendar([]))
    : computePipeline(
        units,
        candidates,
        day,
        settings.pipeline,
        new WorkingCalendar(holidays),
        reported,
      );
}

/** A unit with people listed and a different typed count: the list wins, the Board is told. */
function mismatches(fulfillment: Fulfillment, reported: ReportedCounts): Problem[] {
  const problems: Problem[] = [];
  for (const { unit, results } of fulfillment.units) {
    for (const [code, typed] of reported.get(unit.code) ?? []) {
      const r = results[code];
      if (r && r.source === 'list' && r.actual !== typed.count) {
        problems.push({
          sheet: typed.sheet,
          row: typed.row,
          column: code,
          code: 'count_mismatch',
          severity: 'warning',
          message: PROBLEM.countMismatch(r.actual, typed.count),
          suggestion: PROBLEM.countMismatchSuggestion,
        });
      }
    }
  }
  return problems;
}

/** Rows read in the Board's workbook and in the units' own files, together. */
function addRows(own: RowSummary, files: readonly RowSummary[]): RowSummary {
  return files.reduce(
    (sum, r) => ({
      rows: sum.rows + r.rows,
      withErrors: sum.withErrors + r.withErrors,
      withWarningsOnly: sum.withWarningsOnly + r.withWarningsOnly,
    }),
    own,
  );
}

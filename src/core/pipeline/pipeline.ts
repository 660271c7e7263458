// From candidate to official member: each person's stage and the day their file falls due, by
// Quy định 24-QĐ/TW and its successors (limits in `Cấu hình`):
// - awaiting_decision: the cell proposed admission, no decision yet; due the 60th working day
//   after the resolution;
// - awaiting_ceremony: decided, no ceremony yet; due the 30th working day after the decision;
// - probation: the ceremony was held; the cell must consider official membership by the 30th
//   working day after the end of the 12 months;
// - official: recognised.
// A date after the as-of day has not happened yet.
import type { Day } from '../calendar/dates';
import type { Candidate } from '../model';
import type { PipelineRules, Unit } from '../model';
import { addMonths, type WorkingCalendar } from '../calendar/working-days';

export type Stage = 'awaiting_decision' | 'awaiting_ceremony' | 'probation' | 'official';
export type OpenStage = Exclude<Stage, 'official'>;
export const STAGES: Stage[] = ['awaiting_decision', 'awaiting_ceremony', 'probation', 'official'];
export const OPEN_STAGES: OpenStage[] = ['awaiting_decision', 'awaiting_ceremony', 'probation'];

export interface Dossier {
  sheet: string;
  row: number;
  unitCode: string;
  /** Stands for the person in reminder keys (see FileDates.key); never a name. */
  key: string;
  stage: Stage;
  /** The day the current step is due; null once official. */
  due: Day | null;
  overdue: boolean;
}

/** The steps of the funnel, in order: how many people of a unit reached each. */
export type FunnelStep =
  'classed' | 'certified' | 'proposed' | 'admitted' | 'ceremony' | 'official';
export const FUNNEL_STEPS: FunnelStep[] = [
  'classed',
  'certified',
  'proposed',
  'admitted',
  'ceremony',
  'official',
];

export interface UnitPipeline {
  unit: Unit;
  stages: Record<Stage, number>;
  overdue: Record<OpenStage, number>;
  /** The earliest due day of an open file, overdue ones included. */
  nextDue: Day | null;
  funnel: Record<FunnelStep, number>;
  /** Where the figures come from: the person list, or the counts the unit reported. */
  source: 'list' | 'counts' | 'files' | null;
}

export interface Pipeline {
  asOf: Day;
  dossiers: Dossier[];
  units: UnitPipeline[];
  total: Omit<UnitPipeline, 'unit' | 'source' | 'nextDue'>;
}

/** Counts a unit reported in `Số liệu` instead of a list (counts-only mode). */
export interface ReportedPipeline {
  /** Typed in `Số liệu` (the default), or counted from the unit's own file. */
  source?: 'counts' | 'files';
  stages: Partial<Record<Stage, number>>;
  overdue: Partial<Record<OpenStage, number>>;
}

const seen = (day: Day | null, asOf: Day): Day | null => (day !== null && day <= asOf ? day : null);

/** A person's stage and due day as of a day, or null when the person is not in the pipeline. */
export function stageOf(
  dates: {
    resolution: Day | null;
    decision: Day | null;
    ceremony: Day | null;
    recognized: Day | null;
  },
  asOf: Day,
  rules: PipelineRules,
  calendar: WorkingCalendar,
): { stage: Stage; due: Day | null } | null {
  const recognized = seen(dates.recognized, asOf);
  const ceremony = seen(dates.ceremony, asOf);
  const decision = seen(dates.decision, asOf);
  const resolution = seen(dates.resolution, asOf);
  if (recognized !== null) return { stage: 'official', due: null };
  if (ceremony !== null) {
    const end = addMonths(ceremony, rules.probationMonths);
    return { stage: 'probation', due: calendar.addWorkingDays(end, rules.considerDays) };
  }
  if (decision !== null)
    return {
      stage: 'awaiting_ceremony',
      due: calendar.addWorkingDays(decision, rules.ceremonyDays),
    };
  if (resolution !== null)
    return {
      stage: 'awaiting_decision',
      due: calendar.addWorkingDays(resolution, rules.decisionDays),
    };
  return null;
}

const zeroStages = (): Record<Stage, number> => ({
  awaiting_decision: 0,
  awaiting_ceremony: 0,
  probation: 0,
  official: 0,
});
const zeroOverdue = (): Record<OpenStage, number> => ({
  awaiting_decision: 0,
  awaiting_ceremony: 0,
  probation: 0,
});
const zeroFunnel = (): Record<FunnelStep, number> => ({
  classed: 0,
  certified: 0,
  proposed: 0,
  admitted: 0,
  ceremony: 0,
  official: 0,
});

/**
 * Every person's file and each unit's figures as of a day. A unit with nobody in the list takes
 * the figures it reported in `Số liệu`, if any (counts-only mode).
 */
export function computePipeline(
  units: readonly Unit[],
  candidates: readonly Candidate[],
  asOf: Day,
  rules: PipelineRules,
  calendar: WorkingCalendar,
  reported: ReadonlyMap<string, ReportedPipeline> = new Map(),
): Pipeline {
  const files: Dossier[] = [];
  const byUnit = new Map(
    units.map((unit) => [
      unit.code,
      {
        unit,
        stages: zeroStages(),
        overdue: zeroOverdue(),
        nextDue: null as Day | null,
        funnel: zeroFunnel(),
        source: null as UnitPipeline['source'],
      },
    ]),
  );
  for (const c of candidates) {
    const f = c.dossier;
    const u = byUnit.get(c.unitCode);
    if (!f || !u) continue;
    const funnel = u.funnel;
    if (f.classed) funnel.classed++;
    if (seen(f.certified, asOf) !== null) funnel.certified++;
    if (seen(f.resolution, asOf) !== null) funnel.proposed++;
    if (seen(f.decision, asOf) !== null) funnel.admitted++;
    if (seen(f.ceremony, asOf) !== null) funnel.ceremony++;
    if (seen(f.recognized, asOf) !== null) funnel.official++;
    const at = f.key === null ? null : stageOf(f, asOf, rules, calendar);
    if (at === null || f.key === null) continue;
    u.source = 'list';
    const overdue = at.due !== null && at.due < asOf;
    files.push({
      sheet: c.sheet,
      row: c.row,
      unitCode: c.unitCode,
      key: f.key,
      stage: at.stage,
      due: at.due,
      overdue,
    });
    u.stages[at.stage]++;
    if (overdue && at.stage !== 'official') u.overdue[at.stage]++;
    if (at.due !== null && (u.nextDue === null || at.due < u.nextDue)) u.nextDue = at.due;
  }
  for (const u of byUnit.values()) {
    const typed = reported.get(u.unit.code);
    if (u.source === 'list' || !typed) continue;
    for (const s of STAGES) u.stages[s] = typed.stages[s] ?? 0;
    for (const s of OPEN_STAGES) u.overdue[s] = typed.overdue[s] ?? 0;
    u.source = typed.source ?? 'counts';
  }
  const total = { stages: zeroStages(), overdue: zeroOverdue(), funnel: zeroFunnel() };
  for (const u of byUnit.values()) {
    for (const s of STAGES) total.stages[s] += u.stages[s];
    for (const s of OPEN_STAGES) total.overdue[s] += u.overdue[s];
    for (const s of FUNNEL_STEPS) total.funnel[s] += u.funnel[s];
  }
  return { asOf, dossiers: files, units: [...byUnit.values()], total };
}

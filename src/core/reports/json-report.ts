// The JSON report of `ptdv report --json`: a stable shape other tools can read.
import { formatIso, type Day } from '../calendar/dates';
import type { Evaluation } from '../evaluate';
import type { RowSummary } from '../model';
import type { Result } from '../counting/fulfillment';
import { forecastRow, paceRisks, type Forecast } from '../forecast/forecast';
import type { Pace } from '../model';
import type { AppliesTo, MilestoneKind, Problem, Severity } from '../model';
import type { OpenStage, Stage } from '../pipeline/pipeline';

/** The pace forecast of an open milestone, dates as ISO text. */
export interface JsonForecast {
  start: string;
  elapsedDays: number;
  windowDays: number;
  perWeek: number;
  /** Null in the window's first week (status `too_early`). */
  projected: number | null;
  reachDate: string | null;
  shortfall: number;
  status: Pace;
}

type JsonForecasts = Record<string, JsonForecast | null>;

export interface JsonReport {
  asOf: string | null;
  issuer: { name: string; level: string; planNumber: string; planDate: string | null };
  milestones: {
    code: string;
    name: string;
    kind: MilestoneKind;
    appliesTo: AppliesTo;
    from: string | null;
    deadline: string;
  }[];
  units: {
    code: string;
    name: string;
    /** The kind of cell as shown in `Chỉ tiêu.Loại` (Plan 145: `Trường học`, `Doanh nghiệp`). */
    type: string;
    committee: string;
    results: Record<string, Result>;
    /** By milestone code; null where the milestone is not open or the unit has no minimum. */
    forecasts: JsonForecasts;
  }[];
  totals: {
    byType: Record<string, Record<string, Result>>;
    byCommittee: Record<string, Record<string, Result>>;
    all: Record<string, Result>;
    forecasts: JsonForecasts;
  };
  /** Units behind or at risk on an open milestone, the worst first. */
  atRisk: {
    unit: string;
    milestone: string;
    actual: number;
    min: number;
    forecast: JsonForecast;
  }[];
  /** Where each unit's files stand, and each person's file (sheet and row, never a name). */
  pipeline: {
    units: {
      code: string;
      stages: Record<Stage, number>;
      overdue: Record<OpenStage, number>;
      /** `list` or `counts` (reported in Số liệu); null with neither. */
      source: 'list' | 'counts' | 'files' | null;
    }[];
    people: {
      sheet: string;
      row: number;
      unit: string;
      stage: Stage;
      due: string | null;
      overdue: boolean;
    }[];
  };
  /** Candidate rows read; how many had an error (left out where it matters) or only warnings. */
  rows: RowSummary;
  problems: (Pick<Problem, 'sheet' | 'row' | 'column' | 'code' | 'message'> & {
    severity: Severity;
    suggestion?: string;
  })[];
}

const iso = (day: Day | null): string | null => (day === null ? null : formatIso(day));

function jsonForecast(f: Forecast): JsonForecast {
  return {
    start: formatIso(f.start),
    elapsedDays: f.elapsedDays,
    windowDays: f.windowDays,
    perWeek: f.perWeek,
    projected: f.projected,
    reachDate: iso(f.reachDay),
    shortfall: f.shortfall,
    status: f.status,
  };
}

export function buildJsonReport(evaluation: Evaluation): JsonReport {
  const { plan, fulfillment } = evaluation;
  const s = plan.settings;
  const forecasts = (results: Record<string, Result>): JsonForecasts =>
    Object.fromEntries(
      Object.entries(forecastRow(results, plan.milestones, fulfillment.asOf, s.planDate)).map(
        ([code, f]) => [code, f ? jsonForecast(f) : null],
      ),
    );
  return {
    asOf: iso(fulfillment.asOf),
    issuer: {
      name: s.issuerName,
      level: s.issuerLevel,
      planNumber: s.planNumber,
      planDate: iso(s.planDate),
    },
    milestones: plan.milestones.map((m) => ({
      code: m.code,
      name: m.name,
      kind: m.kind,
      appliesTo: m.appliesTo,
      from: iso(m.from),
      deadline: formatIso(m.deadline),
    })),
    units: fulfillment.units.map(({ unit, results }) => ({
      code: unit.code,
      name: unit.name,
      type: unit.kind,
      committee: unit.committee,
      results,
      forecasts: forecasts(results),
    })),
    totals: {
      byType: Object.fromEntries(fulfillment.byKind.map((g) => [g.key, g.results])),
      byCommittee: Object.fromEntries(fulfillment.byCommittee.map((g) => [g.key, g.results])),
      all: fulfillment.all,
      forecasts: forecasts(fulfillment.all),
    },
    atRisk: paceRisks(fulfillment, s.planDate).map((r) => ({
      unit: r.unit.code,
      milestone: r.milestone.code,
      actual: r.result.actual,
      min: r.result.min ?? 0,
      forecast: jsonForecast(r.forecast),
    })),
    pipeline: {
      units: evaluation.pipeline.units.map((u) => ({
        code: u.unit.code,
        stages: u.stages,
        overdue: u.overdue,
        source: u.source,
      })),
      people: evaluation.pipeline.dossiers.map((f) => ({
        sheet: f.sheet,
        row: f.row,
        unit: f.unitCode,
        stage: f.stage,
        due: iso(f.due),
        overdue: f.overdue,
      })),
    },
    rows: evaluation.rows,
    problems: evaluation.problems.map((p) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      code: p.code,
      severity: p.severity,
      message: p.message,
      ...(p.suggestion ? { suggestion: p.suggestion } : {}),
    })),
  };
}

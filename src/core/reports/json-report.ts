// The JSON report of `ptdv report --json`: a stable shape other tools can read.
import { formatIso, type Day } from '../calendar/dates';
import type { Evaluation } from '../evaluate';
import type { RowSummary } from '../model';
import type { Result } from '../counting/fulfillment';
import { forecastRow, paceRisks, type Forecast } from '../forecast/forecast';
import type { Pace } from '../model';
import type { AppliesTo, MilestoneKind, Problem, Severity } from '../model';
import type { OpenStage, Stage } from '../pipeline/pipeline';
import type { Period } from '../calendar/periods';
import { averageAge, type Structure, type StructureCounts } from '../counting/structure';
import { periodTable, structureTables, type StructureLine } from './structure-report';

/** The structure of a unit's (or a total's) admissions; see core/counting/structure.ts. */
export interface JsonStructure extends StructureCounts {
  /** Years at admission, one decimal; null when no one's birth date is known. */
  averageAge: number | null;
  /** By `Đối tượng` as typed; people with none under "". */
  byTarget: Record<string, number>;
}

export interface JsonStructureTable {
  /** The admission milestone's code; null for the period. */
  milestone: string | null;
  from: string | null;
  to: string;
  units: (JsonStructure & { code: string })[];
  byType: Record<string, JsonStructure>;
  byCommittee: Record<string, JsonStructure>;
  total: JsonStructure;
}

export interface JsonPeriodFigures {
  admitted: number;
  nominated: number;
  previous: { admitted: number; nominated: number };
  /** Units whose admissions are counts from `Số liệu` or their own file, without days: left out. */
  unitsWithoutDays: number;
}

export interface JsonPeriod {
  from: string;
  to: string;
  previous: { from: string; to: string };
  units: (JsonPeriodFigures & { code: string })[];
  byType: Record<string, JsonPeriodFigures>;
  byCommittee: Record<string, JsonPeriodFigures>;
  total: JsonPeriodFigures;
}

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
  /**
   * The structure of those admitted, one entry per admission milestone and, when a period is
   * asked for, one for the period (milestone null).
   */
  structure: JsonStructureTable[];
  /** With a period asked for: its admissions and nominations beside the same days a year earlier. */
  period?: JsonPeriod;
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

function jsonStructure(s: Structure): JsonStructure {
  return {
    admitted: s.admitted,
    women: s.women,
    ethnicMinority: s.ethnicMinority,
    religious: s.religious,
    youthUnion: s.youthUnion,
    aged18to30: s.aged18to30,
    averageAge: averageAge(s),
    unknown: { ...s.unknown },
    byTarget: Object.fromEntries(s.byTarget),
  };
}

/** A table's lines in the report's shape: units by code, subtotals by kind and committee. */
function split<L extends { kind: StructureLine['kind']; key: string }, T>(
  lines: readonly L[],
  convert: (line: L) => T,
): {
  units: (T & { code: string })[];
  byType: Record<string, T>;
  byCommittee: Record<string, T>;
  total: T;
} {
  const of = (kind: StructureLine['kind']) => lines.filter((l) => l.kind === kind);
  const total = of('total')[0];
  if (!total) throw new Error('a table without its total');
  return {
    units: of('unit').map((l) => ({ code: l.key, ...convert(l) })),
    byType: Object.fromEntries(of('kind').map((l) => [l.key, convert(l)])),
    byCommittee: Object.fromEntries(of('committee').map((l) => [l.key, convert(l)])),
    total: convert(total),
  };
}

export function buildJsonReport(
  evaluation: Evaluation,
  options: { period?: Period | null } = {},
): JsonReport {
  const period = options.period ?? null;
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
    structure: structureTables(evaluation, period).map((t) => ({
      milestone: t.milestone?.code ?? null,
      from: iso(t.from),
      to: formatIso(t.to),
      ...split(t.lines, (l) => jsonStructure(l.structure)),
    })),
    ...(period ? { period: jsonPeriod(evaluation, period) } : {}),
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

function jsonPeriod(evaluation: Evaluation, period: Period): JsonPeriod {
  const table = periodTable(evaluation, period);
  return {
    from: formatIso(period.from),
    to: formatIso(period.to),
    previous: { from: formatIso(table.previous.from), to: formatIso(table.previous.to) },
    ...split(table.lines, (l) => ({
      admitted: l.admitted,
      nominated: l.nominated,
      previous: { ...l.previous },
      unitsWithoutDays: l.withoutDays,
    })),
  };
}

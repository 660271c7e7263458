// The JSON report of `ptdv report --json`: a stable shape other tools can read.
import { formatIso, type Day } from './dates';
import type { Evaluation } from './evaluate';
import type { RowSummary } from './candidates';
import type { Result } from './fulfillment';
import type { AppliesTo, MilestoneKind, Problem, Severity, UnitType } from './model';

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
    type: UnitType;
    committee: string;
    results: Record<string, Result>;
  }[];
  totals: {
    byType: Record<string, Record<string, Result>>;
    byCommittee: Record<string, Record<string, Result>>;
    all: Record<string, Result>;
  };
  /** Candidate rows read; how many had an error (left out where it matters) or only warnings. */
  rows: RowSummary;
  problems: (Pick<Problem, 'sheet' | 'row' | 'column' | 'code' | 'message'> & {
    severity: Severity;
    suggestion?: string;
  })[];
}

const iso = (day: Day | null): string | null => (day === null ? null : formatIso(day));

export function buildJsonReport(evaluation: Evaluation): JsonReport {
  const { plan, fulfillment } = evaluation;
  const s = plan.settings;
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
      type: unit.type,
      committee: unit.committee,
      results,
    })),
    totals: {
      byType: Object.fromEntries(fulfillment.byType.map((g) => [g.key, g.results])),
      byCommittee: Object.fromEntries(fulfillment.byCommittee.map((g) => [g.key, g.results])),
      all: fulfillment.all,
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

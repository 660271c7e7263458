// The standing office's report as data: heading, summary, one section per milestone (table and
// bars) and the units at risk. Rendered as an HTML page (report-html.ts) and as a sheet
// (workbook/report-sheet.ts) from this one model, so the two always say the same thing.
import { formatDmy, type Day } from '../calendar/dates';
import type { Evaluation } from '../evaluate';
import { forecast, paceRisks, windowStart, type Forecast } from '../forecast/forecast';
import type { Pace } from '../model';
import type { Result } from '../counting/fulfillment';
import {
  ALL_UNITS,
  FUNNEL_LABEL,
  NO_COMMITTEE,
  SUBTOTAL_BY_COMMITTEE,
  SUBTOTAL_BY_KIND,
} from '../messages/labels';
import { REPORT } from '../messages/report';
import type { Milestone, Status } from '../model';
import { kindsOf, sameKind } from '../plan/kinds';
import {
  FUNNEL_STEPS,
  OPEN_STAGES,
  STAGES,
  type OpenStage,
  type Stage,
} from '../pipeline/pipeline';

export type ReportRowKind = 'unit' | 'group' | 'total';

export interface ReportRow {
  kind: ReportRowKind;
  label: string;
  target: string;
  actual: number;
  /** actual / minimum, percent with one decimal; null without a minimum. */
  percent: number | null;
  status: Status;
  projected: number | null;
  pace: Pace | null;
}

export interface ReportBar {
  label: string;
  percent: number;
  status: Status;
}

/** Where a milestone stands on the report date. */
export type Phase = 'not_started' | 'open' | 'closed' | 'no_start';

export interface ReportSection {
  milestone: Milestone;
  /** Only open milestones (started, not past) have a forecast. */
  phase: Phase;
  title: string;
  rows: ReportRow[];
  bars: ReportBar[];
}

export interface ReportRisk {
  unit: string;
  milestone: string;
  deadline: string;
  target: string;
  actual: number;
  projected: number;
  reachDate: string;
  pace: Pace;
}

export interface ReportDossierRow {
  label: string;
  total: boolean;
  stages: Record<Stage, number>;
  overdue: Record<OpenStage, number>;
}

/** Part IV: files per unit (units with none left out) and the funnel; null with no file at all. */
export interface ReportDossiers {
  rows: ReportDossierRow[];
  overdue: number;
  funnel: { label: string; count: number }[];
}

export interface ReportDocument {
  /** Left block of the heading: the reporting body (upper case), its star, the number line. */
  body: string[];
  /** Right block: the Party's name and the place-and-date line. */
  motto: string;
  placeDate: string;
  title: string;
  subtitle: string;
  summary: string[];
  sections: ReportSection[];
  risks: ReportRisk[];
  dossiers: ReportDossiers | null;
  /** Milestones open on the report date (so an empty risk list means "all on track"). */
  openMilestones: number;
  recipients: string[];
  /** The date the figures are counted to (dd/mm/yyyy). */
  asOf: string;
}

const toRow = (kind: ReportRowKind, label: string, r: Result, f: Forecast | null): ReportRow => ({
  kind,
  label,
  target: r.target ?? '',
  actual: r.actual,
  percent: r.percent,
  status: r.status,
  projected: f ? f.projected : null,
  pace: f ? f.status : null,
});

const hasQuota = (r: Result | undefined): r is Result => r !== undefined && r.min !== null;

function section(
  evaluation: Evaluation,
  milestone: Milestone,
  asOf: Day,
  planStart: Day | null,
): ReportSection {
  const { fulfillment } = evaluation;
  const code = milestone.code;
  const rows: ReportRow[] = [];
  const bars: ReportBar[] = [];
  const start = windowStart(milestone, planStart);
  const phase: Phase =
    asOf > milestone.deadline
      ? 'closed'
      : start === null
        ? 'no_start'
        : asOf < start
          ? 'not_started'
          : 'open';
  const f = (r: Result) => forecast(r, milestone, asOf, planStart);
  for (const { unit, results } of fulfillment.units) {
    const r = results[code];
    if (!hasQuota(r)) continue;
    rows.push(toRow('unit', unit.name, r, f(r)));
    bars.push({ label: unit.name, percent: r.percent ?? 0, status: r.status });
  }
  for (const g of fulfillment.byKind) {
    const r = g.results[code];
    if (hasQuota(r)) rows.push(toRow('group', SUBTOTAL_BY_KIND(g.key), r, f(r)));
  }
  for (const g of fulfillment.byCommittee) {
    const r = g.results[code];
    if (hasQuota(r))
      rows.push(toRow('group', SUBTOTAL_BY_COMMITTEE(g.key || NO_COMMITTEE), r, f(r)));
  }
  const all = fulfillment.all[code];
  if (hasQuota(all)) rows.push(toRow('total', ALL_UNITS, all, f(all)));
  return {
    milestone,
    phase,
    title: REPORT.sectionTitle(code, milestone.name, formatDmy(milestone.deadline)),
    rows,
    bars,
  };
}

function summary(evaluation: Evaluation, sections: ReportSection[], asOf: Day): string[] {
  const { plan, rows } = evaluation;
  const kinds = kindsOf(plan.units).map((k): [string, number] => [
    k,
    plan.units.filter((u) => sameKind(u.kind, k)).length,
  ]);
  const lines = [REPORT.summaryLead(formatDmy(asOf), plan.units.length, kinds, sections.length)];
  for (const s of sections) {
    const units = s.rows.filter((r) => r.kind === 'unit');
    const total = s.rows.find((r) => r.kind === 'total');
    if (!total) continue;
    const reached = units.filter((r) => r.status !== 'not_met').length;
    const behind = units.filter((r) => r.pace === 'behind').length;
    const atRisk = units.filter((r) => r.pace === 'at_risk').length;
    lines.push(
      REPORT.summaryMilestone({
        code: s.milestone.code,
        name: s.milestone.name,
        actual: total.actual,
        target: total.target,
        percent: total.percent,
        reached,
        units: units.length,
        state: s.phase === 'open' ? REPORT.openState(behind, atRisk) : REPORT.phaseState[s.phase],
      }),
    );
  }
  if (plan.settings.dataMode === 'list')
    lines.push(REPORT.summaryRows(rows.rows, rows.withErrors, rows.withWarningsOnly));
  return lines;
}

function dossiersPart(evaluation: Evaluation): ReportDossiers | null {
  const { pipeline } = evaluation;
  const rows: ReportDossierRow[] = pipeline.units
    .filter((u) => STAGES.some((s) => u.stages[s] > 0))
    .map((u) => ({ label: u.unit.name, total: false, stages: u.stages, overdue: u.overdue }));
  const funnel = FUNNEL_STEPS.map((step) => ({
    label: FUNNEL_LABEL[step],
    count: pipeline.total.funnel[step],
  }));
  if (rows.length === 0 && funnel.every((f) => f.count === 0)) return null;
  rows.push({
    label: ALL_UNITS,
    total: true,
    stages: pipeline.total.stages,
    overdue: pipeline.total.overdue,
  });
  const overdue = OPEN_STAGES.reduce((n, s) => n + pipeline.total.overdue[s], 0);
  return { rows, overdue, funnel };
}

/**
 * The one rule for the report's two days, in Sheets and on the command line alike: the figures
 * are counted to the as-of day asked for (the day it is made when none is), and the document is
 * dated the day it is made, the as-of day standing in its title. An as-of day still to come has no
 * figures yet: null.
 */
export function reportDays(asked: Day | null, madeOn: Day): { asOf: Day; madeOn: Day } | null {
  const asOf = asked ?? madeOn;
  return asOf > madeOn ? null : { asOf, madeOn };
}

/** The report of an evaluation as of its day (see reportDays), dated `today`, the day it is made. */
export function buildReportDocument(evaluation: Evaluation, today: Day): ReportDocument {
  const { plan, fulfillment } = evaluation;
  const s = plan.settings;
  const asOf = fulfillment.asOf ?? today;
  const sections = fulfillment.milestones
    .map((m) => section(evaluation, m, asOf, s.planDate))
    .filter((sec) => sec.rows.length > 0);
  const risks = paceRisks({ ...fulfillment, asOf }, s.planDate).map((r) => ({
    unit: r.unit.name,
    milestone: r.milestone.code,
    deadline: formatDmy(r.milestone.deadline),
    target: r.result.target ?? '',
    actual: r.result.actual,
    projected: r.forecast.projected ?? 0,
    reachDate: r.forecast.reachDay === null ? REPORT.never : formatDmy(r.forecast.reachDay),
    pace: r.forecast.status,
  }));
  return {
    body: [
      (s.reportingBody || s.issuerName || REPORT.defaultBody).toLocaleUpperCase('vi'),
      '*',
      REPORT.number,
    ],
    motto: REPORT.motto,
    placeDate: REPORT.placeDate(s.place, today),
    title: REPORT.title,
    subtitle: REPORT.subtitle(
      s.planNumber,
      s.planDate === null ? '' : formatDmy(s.planDate),
      s.issuerName,
      formatDmy(asOf),
    ),
    summary: summary(evaluation, sections, asOf),
    sections,
    risks,
    dossiers: dossiersPart(evaluation),
    openMilestones: sections.filter((sec) => sec.phase === 'open').length,
    recipients: REPORT.recipients(s.issuerName),
    asOf: formatDmy(asOf),
  };
}

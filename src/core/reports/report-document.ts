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
import {
  reportHeading,
  reportRecipients,
  reportSignature,
  type ReportHeading,
  type ReportSignature,
} from './report-form';
import type { Period } from '../calendar/periods';
import { averageAge, type StructureCounts } from '../counting/structure';
import { periodTable, structureTables, type StructureLineKind } from './structure-report';
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

/**
 * One row of a table of the structure of those admitted ("cơ cấu"): a unit, a subtotal or the
 * total. Each count column may have people whose data is not given: `unknown` says how many.
 */
export interface StructureRow extends StructureCounts {
  kind: ReportRowKind;
  label: string;
  /** Of the milestone's minimum (one decimal); null for a period or without a minimum. */
  percent: number | null;
  /** Years at admission, one decimal; null when no one admitted has a usable birth date. */
  averageAge: number | null;
  /** Admitted by `Đối tượng` as typed (columns in `ReportStructure.targets` order). */
  byTarget: Record<string, number>;
}

/** The structure of those admitted for one admission milestone, or for a period. */
export interface ReportStructure {
  title: string;
  /** The milestone's code; null for the period. */
  milestone: string | null;
  /** dd/mm/yyyy. */
  from: string;
  to: string;
  /** The `Đối tượng` values met, in the order of the columns. */
  targets: string[];
  rows: StructureRow[];
}

/** Admissions and class nominations in a period, beside the same days a year earlier. */
export interface PeriodRow {
  kind: ReportRowKind;
  label: string;
  admitted: number;
  nominated: number;
  previousAdmitted: number;
  previousNominated: number;
}

export interface ReportPeriod {
  title: string;
  /** Said under the table when some units report counts without days (null otherwise). */
  note: string | null;
  /** dd/mm/yyyy, the period and the same days a year earlier. */
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  rows: PeriodRow[];
}

export interface ReportDocument {
  heading: ReportHeading;
  /** Right block: the Party's name and the place-and-date line. */
  motto: string;
  placeDate: string;
  title: string;
  subtitle: string;
  summary: string[];
  sections: ReportSection[];
  risks: ReportRisk[];
  dossiers: ReportDossiers | null;
  /** Part V: the structure of those admitted, one table per admission milestone (and period). */
  structure: ReportStructure[];
  /** Part VI, with a period asked for (`--from/--to/--period`): the period beside last year's. */
  period: ReportPeriod | null;
  /** Milestones open on the report date (so an empty risk list means "all on track"). */
  openMilestones: number;
  signature: ReportSignature;
  /** Under `Nơi nhận:`, one a line: "- Thường trực … (để báo cáo),", …, "- Lưu …". */
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

const lineLabel = (kind: StructureLineKind, key: string, unit?: { name: string }): string =>
  kind === 'unit'
    ? (unit?.name ?? key)
    : kind === 'kind'
      ? SUBTOTAL_BY_KIND(key)
      : kind === 'committee'
        ? SUBTOTAL_BY_COMMITTEE(key || NO_COMMITTEE)
        : ALL_UNITS;

const rowKind = (kind: StructureLineKind): ReportRowKind =>
  kind === 'unit' ? 'unit' : kind === 'total' ? 'total' : 'group';

/** The name a period goes by in a report ("quý I năm 2026"). */
export function periodName(period: Period): string {
  const name = REPORT.periodName(
    period.kind,
    period.year,
    formatDmy(period.from),
    formatDmy(period.to),
    period.quarter,
  );
  // A quarter or a year still running is counted to the as-of day: the name says so.
  return period.running && period.kind !== 'days' && period.kind !== 'to_date'
    ? REPORT.runningPeriod(name, formatDmy(period.to))
    : name;
}

/** Part V: one table per admission milestone, and the period's, with subtotals and the total. */
export function reportStructure(evaluation: Evaluation, period: Period | null): ReportStructure[] {
  return structureTables(evaluation, period).map((t) => {
    // Kinds and committees with no one admitted and no quota would only add lines of zeros.
    const lines = t.lines.filter(
      (l) =>
        l.kind === 'unit' ||
        l.kind === 'total' ||
        l.structure.admitted > 0 ||
        (l.result?.min ?? null) !== null,
    );
    const targets = [...(lines.find((l) => l.kind === 'total')?.structure.byTarget.keys() ?? [])]
      .filter((k) => k !== '')
      .sort((a, b) => a.localeCompare(b, 'vi'));
    if (lines.some((l) => l.structure.byTarget.has(''))) targets.push(REPORT.noTarget);
    return {
      title: t.milestone
        ? REPORT.structureTitle(
            t.milestone.code,
            t.milestone.name,
            t.from === null ? null : formatDmy(t.from),
            formatDmy(t.to),
          )
        : REPORT.periodStructureTitle(period ? periodName(period) : ''),
      milestone: t.milestone?.code ?? null,
      from: t.from === null ? '' : formatDmy(t.from),
      to: formatDmy(t.to),
      targets,
      rows: lines.map((l): StructureRow => {
        const st = l.structure;
        return {
          kind: rowKind(l.kind),
          label: lineLabel(l.kind, l.key, l.unit),
          admitted: st.admitted,
          percent: l.result?.percent ?? null,
          women: st.women,
          ethnicMinority: st.ethnicMinority,
          religious: st.religious,
          youthUnion: st.youthUnion,
          aged18to30: st.aged18to30,
          averageAge: averageAge(st),
          unknown: { ...st.unknown },
          byTarget: Object.fromEntries(
            [...st.byTarget].map(([k, n]) => [k === '' ? REPORT.noTarget : k, n]),
          ),
        };
      }),
    };
  });
}

/** Part VI: the period's admissions and nominations beside last year's (units with neither left out). */
export function reportPeriod(evaluation: Evaluation, period: Period): ReportPeriod {
  const table = periodTable(evaluation, period);
  const active = (l: (typeof table.lines)[number]) =>
    l.admitted + l.nominated + l.previous.admitted + l.previous.nominated > 0;
  const previousName = REPORT.periodName(
    'days',
    period.year - 1,
    formatDmy(table.previous.from),
    formatDmy(table.previous.to),
  );
  const withoutDays = table.lines.find((l) => l.kind === 'total')?.withoutDays ?? 0;
  return {
    title: REPORT.periodTitle(periodName(period), previousName),
    note: withoutDays > 0 ? REPORT.periodWithoutDays(withoutDays) : null,
    from: formatDmy(period.from),
    to: formatDmy(period.to),
    previousFrom: formatDmy(table.previous.from),
    previousTo: formatDmy(table.previous.to),
    rows: table.lines
      .filter((l) => l.kind === 'total' || active(l))
      .map((l) => ({
        kind: rowKind(l.kind),
        label: lineLabel(l.kind, l.key, l.unit),
        admitted: l.admitted,
        nominated: l.nominated,
        previousAdmitted: l.previous.admitted,
        previousNominated: l.previous.nominated,
      })),
  };
}

/** The report of an evaluation as of its day (see reportDays), dated `today`, the day it is made. */
export function buildReportDocument(
  evaluation: Evaluation,
  today: Day,
  options: { period?: Period | null } = {},
): ReportDocument {
  const period = options.period ?? null;
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
    heading: reportHeading(s),
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
    structure: reportStructure(evaluation, period),
    period: period ? reportPeriod(evaluation, period) : null,
    openMilestones: sections.filter((sec) => sec.phase === 'open').length,
    signature: reportSignature(s),
    recipients: reportRecipients(s),
    asOf: formatDmy(asOf),
  };
}

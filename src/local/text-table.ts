// The fulfillment table as aligned terminal text.
import { formatDmy } from '../core/calendar/dates';
import {
  ALL_UNITS,
  NO_COMMITTEE,
  PACE_LABEL,
  STAGE_LABEL,
  STATUS_LABEL,
  SUBTOTAL_BY_COMMITTEE,
  SUBTOTAL_BY_KIND,
} from '../core/messages/labels';
import { CHECK } from '../core/messages/sheets';
import { CLI } from '../core/messages/cli';
import type { Evaluation } from '../core/evaluate';
import { isOpen, paceRisks } from '../core/forecast/forecast';
import type { Result } from '../core/counting/fulfillment';
import type { Period } from '../core/calendar/periods';
import { formatDecimal, formatPercent } from '../core/messages/labels';
import { REPORT } from '../core/messages/report';
import { reportPeriod, reportStructure } from '../core/reports/report-document';
import { countColumns } from '../core/counting/structure';

const NAME_WIDTH = 36;

const width = (s: string): number => [...s.normalize('NFC')].length;
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

function clip(s: string, n: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= n ? s : chars.slice(0, n - 1).join('') + '…';
}

function cell(r: Result | undefined): string {
  if (!r) return '';
  if (r.target === null) return r.actual === 0 ? '·' : `${r.actual}`;
  return `${r.actual}/${r.target} ${STATUS_LABEL[r.status]}`;
}

/** Rows under a header, the first two columns left-aligned and the figures right-aligned. */
function aligned(head: string[], rows: string[][], totalsFrom: number, left = 2): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, i) => all.reduce((w, r) => Math.max(w, width(r[i] ?? '')), 0));
  const line = (r: string[]) =>
    r
      .map((v, i) => (i < left ? padEnd(v, widths[i] ?? 0) : padStart(v, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    line(head),
    rule,
    ...rows.slice(0, totalsFrom).map(line),
    rule,
    ...rows.slice(totalsFrom).map(line),
  ];
}

/** The structure of those admitted (part V of the report), one table per milestone and period. */
export function renderStructure(evaluation: Evaluation, period: Period | null): string {
  const out: string[] = [];
  for (const table of reportStructure(evaluation, period)) {
    const head = [...REPORT.structureColumns.slice(1), ...table.targets];
    const rows = table.rows.map((r) => [
      clip(r.label, NAME_WIDTH),
      String(r.admitted),
      r.percent === null ? '' : formatPercent(r.percent),
      ...countColumns(r).map((c) => REPORT.withUnknown(c.count, c.unknown)),
      r.averageAge === null ? '' : formatDecimal(r.averageAge),
      ...table.targets.map((t) => String(r.byTarget[t] ?? 0)),
    ]);
    const units = table.rows.filter((r) => r.kind === 'unit').length;
    out.push(table.title, '', ...aligned(head, rows, units, 1), '');
  }
  return [REPORT.partStructure, REPORT.structureIntro, '', ...out].join('\n');
}

/** Part VI: the period's admissions and nominations beside the same days a year earlier. */
export function renderPeriod(evaluation: Evaluation, period: Period): string {
  const part = reportPeriod(evaluation, period);
  const rows = part.rows.map((r) => [
    clip(r.label, NAME_WIDTH),
    String(r.admitted),
    String(r.previousAdmitted),
    String(r.nominated),
    String(r.previousNominated),
  ]);
  const units = part.rows.filter((r) => r.kind === 'unit').length;
  const head = REPORT.periodColumns.slice(1);
  return [REPORT.partPeriod, part.title, '', ...aligned(head, rows, units, 1), ''].join('\n');
}

export function renderTable(evaluation: Evaluation): string {
  const { fulfillment, plan } = evaluation;
  const ms = fulfillment.milestones;
  const head = [CLI.codeHeader, CLI.unitHeader, ...ms.map((m) => m.code)];
  const body: string[][] = fulfillment.units.map(({ unit, results }) => [
    unit.code,
    clip(unit.name, NAME_WIDTH),
    ...ms.map((m) => cell(results[m.code])),
  ]);
  const totals: string[][] = [
    ...fulfillment.byKind.map((g) => [
      '',
      SUBTOTAL_BY_KIND(g.key),
      ...ms.map((m) => cell(g.results[m.code])),
    ]),
    ...fulfillment.byCommittee.map((g) => [
      '',
      clip(SUBTOTAL_BY_COMMITTEE(g.key || NO_COMMITTEE), NAME_WIDTH),
      ...ms.map((m) => cell(g.results[m.code])),
    ]),
    ['', ALL_UNITS, ...ms.map((m) => cell(fulfillment.all[m.code]))],
  ];
  const s = plan.settings;
  const title = CLI.tableTitle(
    s.planNumber,
    s.issuerName,
    fulfillment.asOf === null ? '' : formatDmy(fulfillment.asOf),
  );
  return [title, '', ...aligned(head, [...body, ...totals], body.length), ''].join('\n');
}

export function renderProblemSummary(evaluation: Evaluation, limit: number): string {
  const errors = evaluation.problems.filter((p) => p.severity === 'error').length;
  const warnings = evaluation.problems.length - errors;
  const r = evaluation.rows;
  const countsOnly = evaluation.plan.settings.dataMode === 'counts';
  const lines = [
    countsOnly ? CHECK.countsOnly : CHECK.summary(r.rows, r.withErrors, r.withWarningsOnly),
    CLI.problemSummary(errors, warnings),
  ];
  for (const p of evaluation.problems.slice(0, limit)) lines.push(CLI.problemLine(p));
  if (evaluation.problems.length > limit)
    lines.push(CLI.moreProblems(evaluation.problems.length - limit));
  return lines.join('\n');
}

/** The units the pace forecast flags, worst first. */
export function renderRisks(evaluation: Evaluation): string {
  const { fulfillment, plan } = evaluation;
  const risks = paceRisks(fulfillment, plan.settings.planDate);
  const openMilestones = fulfillment.milestones.filter((m) =>
    isOpen(m, fulfillment.asOf, plan.settings.planDate),
  ).length;
  return [
    CLI.risksTitle(risks.length, openMilestones),
    ...risks.map((r) =>
      CLI.riskLine(
        r.unit.name,
        r.milestone.code,
        r.result.actual,
        r.result.target ?? '',
        r.forecast.projected ?? 0,
        PACE_LABEL[r.forecast.status],
      ),
    ),
    '',
  ].join('\n');
}

/** Overdue files by unit, each by sheet and row (never a name), and each unit's figures. */
export function renderOverdueDossiers(evaluation: Evaluation): string {
  const { pipeline } = evaluation;
  const overdue = pipeline.dossiers.filter((f) => f.overdue);
  const lines = [CLI.filesTitle(formatDmy(pipeline.asOf), overdue.length)];
  // Grouped once: a province has thousands of files over 2,000 units.
  const byUnit = new Map<string, typeof overdue>();
  for (const f of overdue) {
    const list = byUnit.get(f.unitCode);
    if (list) list.push(f);
    else byUnit.set(f.unitCode, [f]);
  }
  for (const u of pipeline.units) {
    const mine = byUnit.get(u.unit.code);
    if (!mine) continue;
    lines.push(`  ${u.unit.code} ${u.unit.name}:`);
    for (const f of mine)
      lines.push(
        CLI.fileLine(f.sheet, f.row, STAGE_LABEL[f.stage], f.due === null ? '' : formatDmy(f.due)),
      );
  }
  lines.push('');
  return lines.join('\n');
}

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
  const all = [head, ...body, ...totals];
  const widths = head.map((_, i) => all.reduce((w, r) => Math.max(w, width(r[i] ?? '')), 0));
  const line = (r: string[]) =>
    r
      .map((v, i) => (i < 2 ? padEnd(v, widths[i] ?? 0) : padStart(v, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const s = plan.settings;
  const title = CLI.tableTitle(
    s.planNumber,
    s.issuerName,
    fulfillment.asOf === null ? '' : formatDmy(fulfillment.asOf),
  );
  return [title, '', line(head), rule, ...body.map(line), rule, ...totals.map(line), ''].join('\n');
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

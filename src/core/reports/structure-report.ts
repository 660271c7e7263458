// The structure of those admitted, per unit, per kind of cell, per committee and in total, for each
// admission milestone and for a period; and the period's admissions and class nominations beside
// the same days a year earlier. One model for the JSON, the text, the HTML, the .docx and the
// sheets, so every rendering says the same; every subtotal and total is the sum of its rows.
import type { Day } from '../calendar/dates';
import { previousPeriod, type Period } from '../calendar/periods';
import type { Evaluation } from '../evaluate';
import type { Result } from '../counting/fulfillment';
import {
  addStructure,
  emptyStructure,
  nominationsOf,
  structureOf,
  unknownStructure,
  type Structure,
} from '../counting/structure';
import { structureOfCounts } from '../counting/reported-structure';
import type { Milestone, Unit } from '../model';

export type StructureLineKind = 'unit' | 'kind' | 'committee' | 'total';

export interface StructureLine {
  kind: StructureLineKind;
  /** The unit's code, the kind of cell, the committee ('' when none), or '' for the total. */
  key: string;
  unit?: Unit;
  structure: Structure;
  /** The milestone's result for the line (its figure and quota); absent for a period. */
  result?: Result;
}

export interface StructureTable {
  /** The admission milestone; null for the period. */
  milestone: Milestone | null;
  from: Day | null;
  to: Day;
  lines: StructureLine[];
}

/** Lines per unit, then per kind, per committee, and the total, each a sum of unit lines. */
function linesOf(
  evaluation: Evaluation,
  perUnit: (unit: Unit) => Structure,
  resultOf?: (
    unit: Unit | null,
    group?: { by: 'kind' | 'committee'; key: string },
  ) => Result | undefined,
): StructureLine[] {
  const { units } = evaluation.plan;
  const lines: StructureLine[] = [];
  const kinds = new Map<string, Structure>();
  const committees = new Map<string, Structure>();
  const total = emptyStructure();
  for (const unit of units) {
    const s = perUnit(unit);
    const result = resultOf?.(unit);
    // A unit with neither a quota nor anyone admitted has nothing to report.
    if (s.admitted === 0 && (result === undefined || result.min === null)) {
      // It still belongs to its groups (with zeros), so subtotals list every kind.
    } else
      lines.push({
        kind: 'unit',
        key: unit.code,
        unit,
        structure: s,
        ...(result ? { result } : {}),
      });
    for (const [map, key] of [
      [kinds, unit.kind],
      [committees, unit.committee],
    ] as const) {
      let group = map.get(key);
      if (!group) map.set(key, (group = emptyStructure()));
      addStructure(group, s);
    }
    addStructure(total, s);
  }
  for (const [key, structure] of kinds) {
    const result = resultOf?.(null, { by: 'kind', key });
    lines.push({ kind: 'kind', key, structure, ...(result ? { result } : {}) });
  }
  for (const [key, structure] of committees) {
    const result = resultOf?.(null, { by: 'committee', key });
    lines.push({ kind: 'committee', key, structure, ...(result ? { result } : {}) });
  }
  const result = resultOf?.(null);
  lines.push({ kind: 'total', key: '', structure: total, ...(result ? { result } : {}) });
  return lines;
}

/**
 * Each unit's structure for admissions from `from` to `to`: from the list where the figure is the
 * list's; for a count typed in `Số liệu`, the structure the unit typed beside it; else (no
 * structure typed, or a unit's own file) that count with everything unknown.
 */
export function perUnitStructure(
  evaluation: Evaluation,
  from: Day | null,
  to: Day,
  figureOf: (unit: Unit) => Result | undefined,
  milestone?: string,
): (unit: Unit) => Structure {
  const counted = structureOf(
    evaluation.plan.units,
    evaluation.people,
    from,
    to,
    evaluation.fulfillment.asOf,
  );
  return (unit) => {
    const r = figureOf(unit);
    if (r && (r.source === 'counts' || r.source === 'files')) {
      const typed =
        milestone === undefined
          ? undefined
          : evaluation.reported.get(unit.code)?.get(milestone)?.structure;
      return typed ? structureOfCounts(typed) : unknownStructure(r.actual);
    }
    return counted.get(unit.code) ?? emptyStructure();
  };
}

/**
 * Tables already worked out, per evaluation and period: a report written into the workbook and
 * printed asks twice (about 0.1 s each on a province's 200,000 rows), and an evaluation never
 * changes once made.
 */
const worked = new WeakMap<Evaluation, Map<string, readonly StructureTable[]>>();

/** One table per admission milestone (and one for the period), in the plan's order. */
export function structureTables(
  evaluation: Evaluation,
  period: Period | null,
): readonly StructureTable[] {
  const key = period ? `${period.from}-${period.to}` : '';
  let byPeriod = worked.get(evaluation);
  if (!byPeriod) worked.set(evaluation, (byPeriod = new Map()));
  let tables = byPeriod.get(key);
  if (!tables) byPeriod.set(key, (tables = workOutTables(evaluation, period)));
  return tables;
}

function workOutTables(evaluation: Evaluation, period: Period | null): StructureTable[] {
  const { fulfillment } = evaluation;
  const tables: StructureTable[] = [];
  for (const milestone of fulfillment.milestones) {
    if (milestone.kind !== 'admission') continue;
    const code = milestone.code;
    const unitResult = new Map(fulfillment.units.map((u) => [u.unit.code, u.results[code]]));
    const byKind = new Map(fulfillment.byKind.map((g) => [g.key, g.results[code]]));
    const byCommittee = new Map(fulfillment.byCommittee.map((g) => [g.key, g.results[code]]));
    const figureOf = (unit: Unit) => unitResult.get(unit.code);
    tables.push({
      milestone,
      from: milestone.from,
      to: milestone.deadline,
      lines: linesOf(
        evaluation,
        perUnitStructure(evaluation, milestone.from, milestone.deadline, figureOf, code),
        (unit, group) =>
          unit
            ? figureOf(unit)
            : group === undefined
              ? fulfillment.all[code]
              : (group.by === 'kind' ? byKind : byCommittee).get(group.key),
      ),
    });
  }
  if (period) {
    tables.push({
      milestone: null,
      from: period.from,
      to: period.to,
      lines: linesOf(
        evaluation,
        perUnitStructure(evaluation, period.from, period.to, () => undefined),
      ),
    });
  }
  return tables;
}

export interface PeriodLine {
  kind: StructureLineKind;
  key: string;
  unit?: Unit;
  admitted: number;
  nominated: number;
  previous: { admitted: number; nominated: number };
  /**
   * Units of the line whose admissions come from `Số liệu` or their own file: counts without
   * days, which no period can hold (their period figures are left at 0 and said to be missing).
   */
  withoutDays: number;
}

export interface PeriodTable {
  period: Period;
  previous: { from: Day; to: Day };
  lines: PeriodLine[];
}

/**
 * Admissions (decisions) and class nominations in the period, per unit, kind, committee and in
 * total, with the same days a year earlier. Counted from the list only (a count typed in
 * `Số liệu` has no days).
 */
export function periodTable(evaluation: Evaluation, period: Period): PeriodTable {
  const { units } = evaluation.plan;
  const asOf = evaluation.fulfillment.asOf;
  const previous = previousPeriod(period);
  const admittedIn = (from: Day, to: Day) => structureOf(units, evaluation.people, from, to, asOf);
  const now = admittedIn(period.from, period.to);
  const before = admittedIn(previous.from, previous.to);
  const nominatedNow = nominationsOf(units, evaluation.people, period.from, cut(period.to, asOf));
  const nominatedBefore = nominationsOf(units, evaluation.people, previous.from, previous.to);
  // A unit whose admission figures are all counts typed in `Số liệu` or read from its own file.
  const counted = new Set(
    evaluation.fulfillment.units
      .filter(({ results }) => {
        const admissions = evaluation.fulfillment.milestones
          .filter((m) => m.kind === 'admission')
          .map((m) => results[m.code]?.source ?? null)
          .filter((source) => source !== null);
        return admissions.length > 0 && admissions.every((s) => s === 'counts' || s === 'files');
      })
      .map(({ unit }) => unit.code),
  );
  const lineOf = (kind: StructureLineKind, key: string, members: readonly Unit[]): PeriodLine => {
    const sum = (f: (u: Unit) => number) => members.reduce((n, u) => n + f(u), 0);
    return {
      kind,
      key,
      withoutDays: members.filter((u) => counted.has(u.code)).length,
      admitted: sum((u) => now.get(u.code)?.admitted ?? 0),
      nominated: sum((u) => nominatedNow.get(u.code) ?? 0),
      previous: {
        admitted: sum((u) => before.get(u.code)?.admitted ?? 0),
        nominated: sum((u) => nominatedBefore.get(u.code) ?? 0),
      },
    };
  };
  const lines: PeriodLine[] = units.map((unit) => ({ ...lineOf('unit', unit.code, [unit]), unit }));
  const group = (kind: 'kind' | 'committee', keyOf: (u: Unit) => string) => {
    const groups = new Map<string, Unit[]>();
    for (const u of units) groups.set(keyOf(u), [...(groups.get(keyOf(u)) ?? []), u]);
    for (const [key, members] of groups) lines.push(lineOf(kind, key, members));
  };
  group('kind', (u) => u.kind);
  group('committee', (u) => u.committee);
  lines.push(lineOf('total', '', units));
  return { period, previous, lines };
}

/** A period's end, not after the day the figures are counted to. */
const cut = (to: Day, asOf: Day | null): Day => (asOf !== null && asOf < to ? asOf : to);

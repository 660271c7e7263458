// What a committee sends to the committee above it (a commune to its province): its own totals,
// per milestone of the higher plan its `Mốc` maps to, its files by stage and the structure of
// those admitted — counts only, never a person. Every figure is the sum of its dashboard's rows.
import type { Evaluation } from '../evaluate';
import type { Milestone, MilestoneKind } from '../model';
import { matchKey } from '../text/normalize';
import { HIGHER } from '../messages/levels';
import { OPEN_STAGES, STAGES, type OpenStage, type Stage } from '../pipeline/pipeline';
import { structureTables } from '../reports/structure-report';
import { addStructure, emptyStructure, type Structure } from '../counting/structure';

export interface HigherFigures {
  /** This committee's code in the higher plan (`Mã đơn vị ở cấp trên`), and its name. */
  code: string;
  name: string;
  /** The higher plan's milestones this plan maps to, in this plan's order, each once. */
  milestones: { code: string; kind: MilestoneKind }[];
  /** Higher milestone code -> the total of this plan's milestones mapped to it. */
  counts: Map<string, number>;
  stages: Record<Stage, number>;
  overdue: Record<OpenStage, number>;
  /** Higher admission milestone code -> the structure of those admitted, summed likewise. */
  structure: Map<string, Structure>;
  /** Higher codes this plan maps milestones of both kinds to (a mistake in `Mốc cấp trên`). */
  mixedKinds: string[];
  /**
   * Higher codes two of whose admission milestones overlap (days and kinds of unit): a person
   * admitted in both windows would be counted twice, so the figures are not sent.
   */
  overlapping: { code: string; milestones: [string, string] }[];
}

/** The higher plan's code of a milestone: `Mốc cấp trên`, or its own code when blank. */
export const higherCodeOf = (m: { code: string; higher?: string }): string =>
  m.higher !== undefined && m.higher !== '' ? m.higher : m.code;

/** Whether two admission milestones can count the same admission: days and kinds overlap. */
function overlap(a: Milestone, b: Milestone): boolean {
  const from = (m: Milestone) => m.from ?? -Infinity;
  if (from(a) > b.deadline || from(b) > a.deadline) return false;
  if (a.appliesTo === 'all' || b.appliesTo === 'all') return true;
  const kinds = new Set(a.appliesTo.map(matchKey));
  return b.appliesTo.some((k) => kinds.has(matchKey(k)));
}

export function higherFigures(evaluation: Evaluation): HigherFigures {
  const { settings } = evaluation.plan;
  const { fulfillment, pipeline } = evaluation;
  const milestones: HigherFigures['milestones'] = [];
  const counts = new Map<string, number>();
  const mixedKinds = new Set<string>();
  const overlapping: HigherFigures['overlapping'] = [];
  // Codes typed in another case or tone placement are the same higher milestone.
  const mapped = new Map<string, Milestone[]>();
  const spelling = (m: Milestone): string => {
    const key = matchKey(higherCodeOf(m));
    const first = mapped.get(key)?.[0];
    return first ? higherCodeOf(first) : higherCodeOf(m);
  };
  for (const m of fulfillment.milestones) {
    const code = spelling(m);
    const key = matchKey(code);
    const same = mapped.get(key) ?? [];
    const known = milestones.find((h) => h.code === code);
    if (!known) milestones.push({ code, kind: m.kind });
    else if (known.kind !== m.kind) mixedKinds.add(code);
    for (const other of same)
      if (m.kind === 'admission' && other.kind === 'admission' && overlap(m, other))
        overlapping.push({ code, milestones: [other.code, m.code] });
    mapped.set(key, [...same, m]);
    counts.set(code, (counts.get(code) ?? 0) + (fulfillment.all[m.code]?.actual ?? 0));
  }
  const structure = new Map<string, Structure>();
  for (const table of structureTables(evaluation, null)) {
    if (table.milestone === null) continue;
    const total = table.lines.find((l) => l.kind === 'total');
    if (!total) continue;
    const code = spelling(table.milestone);
    let sum = structure.get(code);
    if (!sum) structure.set(code, (sum = emptyStructure()));
    addStructure(sum, total.structure);
  }
  const stages = Object.fromEntries(STAGES.map((s) => [s, pipeline.total.stages[s]])) as Record<
    Stage,
    number
  >;
  const overdue = Object.fromEntries(
    OPEN_STAGES.map((s) => [s, pipeline.total.overdue[s]]),
  ) as Record<OpenStage, number>;
  return {
    code: settings.higherCode,
    name: settings.issuerName,
    milestones,
    counts,
    stages,
    overdue,
    structure,
    mixedKinds: [...mixedKinds],
    overlapping,
  };
}

/** Why these figures cannot be sent (said in Vietnamese), or null: `Mốc cấp trên` is sound. */
export function figuresRefusal(f: HigherFigures): string | null {
  if (f.mixedKinds.length > 0) return HIGHER.mixedKinds(f.mixedKinds);
  if (f.overlapping.length > 0) return HIGHER.overlapping(f.overlapping);
  return null;
}

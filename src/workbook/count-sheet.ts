// `Số liệu` and each unit's `SL - <Mã>`: per unit a row of counts (no name), the layout every
// writer of those sheets shares — setup, unit rooms, `ptdv counts` and the figures a committee
// sends to the one above it — and the one place that puts a row's cells in the header's order.
import { STRUCTURE_FIELDS } from '../core/counting/reported-structure';
import { countColumns, type StructureCounts } from '../core/counting/structure';
import type { Milestone } from '../core/model';
import type { OpenStage, Stage } from '../core/pipeline/pipeline';
import {
  COUNT_PIPELINE_COLUMNS,
  COUNTS_FIXED_HEADERS,
  STRUCTURE_COUNT_LABELS,
  structureCountHeader,
} from './contract';
import type { Cell, SheetLayout } from './port';
import { SPARE_ROWS } from './spare-rows';

type CountMilestone = Pick<Milestone, 'code' | 'kind' | 'archived'>;

const structureMilestones = (milestones: readonly CountMilestone[]) =>
  milestones.filter((m) => m.kind === 'admission' && !m.archived);

/**
 * `Số liệu` (and each unit's `SL - <Mã>`): header and layout for these milestones: a column per
 * code, the stages, then per current admission milestone the structure of those admitted.
 */
export function countSheetLayout(
  milestones: readonly Pick<Milestone, 'code' | 'kind' | 'archived'>[],
  spareRows: number = SPARE_ROWS.counts,
): {
  header: string[];
  layout: SheetLayout;
} {
  const structure = structureMilestones(milestones).flatMap((m) =>
    STRUCTURE_FIELDS.flatMap((f) =>
      [STRUCTURE_COUNT_LABELS[f].count, STRUCTURE_COUNT_LABELS[f].unknown].map((label) =>
        structureCountHeader(m.code, label),
      ),
    ),
  );
  const header = [
    COUNTS_FIXED_HEADERS.code,
    COUNTS_FIXED_HEADERS.name,
    ...milestones.map((m) => m.code),
    ...COUNT_PIPELINE_COLUMNS.map((c) => c.header),
    ...structure,
    COUNTS_FIXED_HEADERS.updated,
    COUNTS_FIXED_HEADERS.updatedBy,
  ];
  const updated = header.length - 1;
  const firstStructure = updated - structure.length;
  const widths: Record<number, number> = { 1: 110, 2: 300, [updated]: 110, [updated + 1]: 200 };
  for (let c = firstStructure; c < updated; c++) widths[c] = 120;
  return {
    header,
    layout: {
      headerRow: 1,
      dateColumns: [updated],
      percentColumns: [],
      widths,
      spareRows,
      validations: [{ column: updated, kind: 'date' }],
    },
  };
}

/** What one row of counts says; blank where it says nothing, so it never overrides another. */
export interface CountRowValues {
  code: string;
  name: string;
  /** A milestone's figure, or null for a blank. */
  count: (milestone: string) => number | null;
  /** Files by stage and overdue, or null for blanks. */
  pipeline: { stages: Record<Stage, number>; overdue: Record<OpenStage, number> } | null;
  /** An admission milestone's structure of those admitted, or null for blanks. */
  structure: (milestone: string) => StructureCounts | null;
  /** `Ngày cập nhật`: the day (midnight) or, for figures sent up, the time of the update. */
  updated: Date;
  by: string;
}

/** A row's cells in the order of countSheetLayout's header. */
export function countRow(milestones: readonly CountMilestone[], v: CountRowValues): Cell[] {
  const p = v.pipeline;
  return [
    v.code,
    v.name,
    ...milestones.map((m) => v.count(m.code) ?? ''),
    ...COUNT_PIPELINE_COLUMNS.map((c) => {
      if (!p) return '';
      if (c.field.endsWith('_overdue'))
        return p.overdue[c.field.slice(0, -'_overdue'.length) as OpenStage];
      return p.stages[c.field as Stage];
    }),
    // Each count beside how many are not known; both blank where nobody's data is known.
    ...structureMilestones(milestones).flatMap((m): Cell[] => {
      const s = v.structure(m.code);
      if (!s) return STRUCTURE_FIELDS.flatMap(() => ['', '']);
      return countColumns(s).flatMap((c): Cell[] =>
        c.count === 0 && c.unknown === s.admitted && s.admitted > 0
          ? ['', '']
          : [c.count, c.unknown],
      );
    }),
    v.updated,
    v.by,
  ];
}

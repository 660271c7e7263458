// A person list's figures in the `Số liệu` layout, counts only: what an office that keeps names on
// its own machine hands to the shared sheet. No name or date of birth is ever in these rows.
import { instantOfDay, type Day } from '../core/calendar/dates';
import type { Evaluation } from '../core/evaluate';
import type { OpenStage, Stage } from '../core/pipeline/pipeline';
import { COUNT_PIPELINE_COLUMNS } from './contract';
import type { Cell } from './port';
import { countSheetLayout } from './seed';

/** The header and one row per unit; `day` and `by` fill `Ngày cập nhật` and `Người cập nhật`. */
export function countsExport(
  evaluation: Evaluation,
  day: Day,
  by: string,
): { rows: Cell[][]; layout: ReturnType<typeof countSheetLayout>['layout'] } {
  const codes = evaluation.fulfillment.milestones.map((m) => m.code);
  const { header, layout } = countSheetLayout(codes);
  const pipelines = new Map(evaluation.pipeline.units.map((u) => [u.unit.code, u]));
  const rows: Cell[][] = [
    header,
    ...evaluation.fulfillment.units.map(({ unit, results }) => {
      // People by stage, counts only: each stage and its overdue ones, as `Số liệu` heads them.
      const p = pipelines.get(unit.code);
      const stageCells = COUNT_PIPELINE_COLUMNS.map((c) => {
        if (!p || (p.source !== 'list' && p.source !== 'files')) return '';
        if (c.field.endsWith('_overdue'))
          return p.overdue[c.field.slice(0, -'_overdue'.length) as OpenStage];
        return p.stages[c.field as Stage];
      });
      return [
        unit.code,
        unit.name,
        // Only the list counts here (a figure typed into the local `Số liệu` is not re-exported);
        // a blank, not a 0, where the list has no one, so it never overrides a unit's own report.
        ...codes.map((c) => {
          const source = results[c]?.source;
          return source === 'list' || source === 'files' ? (results[c]?.actual ?? 0) : '';
        }),
        ...stageCells,
        instantOfDay(day),
        by,
      ];
    }),
  ];
  return { rows, layout };
}

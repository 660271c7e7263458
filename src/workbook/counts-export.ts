// A person list's figures in the `Số liệu` layout, counts only: what an office that keeps names on
// its own machine hands to the shared sheet. No name or date of birth is ever in these rows.
import { instantOfDay, type Day } from '../core/calendar/dates';
import type { Evaluation } from '../core/evaluate';
import type { OpenStage, Stage } from '../core/pipeline/pipeline';
import { countColumns } from '../core/counting/structure';
import { perUnitStructure } from '../core/reports/structure-report';
import type { Unit } from '../core/model';
import { COUNT_PIPELINE_COLUMNS } from './contract';
import type { Cell } from './port';
import { countSheetLayout } from './seed';

/** The header and one row per unit; `day` and `by` fill `Ngày cập nhật` and `Người cập nhật`. */
export function countsExport(
  evaluation: Evaluation,
  day: Day,
  by: string,
): { rows: Cell[][]; layout: ReturnType<typeof countSheetLayout>['layout'] } {
  const { milestones } = evaluation.fulfillment;
  const codes = milestones.map((m) => m.code);
  const { header, layout } = countSheetLayout(milestones);
  const pipelines = new Map(evaluation.pipeline.units.map((u) => [u.unit.code, u]));
  const results = new Map(evaluation.fulfillment.units.map((u) => [u.unit.code, u.results]));
  // Per admission milestone, each unit's structure of those admitted, as the report counts it.
  const structures = milestones
    .filter((m) => m.kind === 'admission' && !m.archived)
    .map((m) => ({
      code: m.code,
      of: perUnitStructure(
        evaluation,
        m.from,
        m.deadline,
        (unit: Unit) => results.get(unit.code)?.[m.code],
        m.code,
      ),
    }));
  const rows: Cell[][] = [
    header,
    ...evaluation.fulfillment.units.map(({ unit, results }) => {
      // Only the list counts here (a figure typed into the local `Số liệu` is not re-exported);
      // a blank, not a 0, where the list has no one, so it never overrides a unit's own report.
      const exported = (code: string) => {
        const source = results[code]?.source;
        return source === 'list' || source === 'files';
      };
      // People by stage, counts only: each stage and its overdue ones, as `Số liệu` heads them.
      const p = pipelines.get(unit.code);
      const stageCells = COUNT_PIPELINE_COLUMNS.map((c) => {
        if (!p || (p.source !== 'list' && p.source !== 'files')) return '';
        if (c.field.endsWith('_overdue'))
          return p.overdue[c.field.slice(0, -'_overdue'.length) as OpenStage];
        return p.stages[c.field as Stage];
      });
      // Each count beside how many are not known; both blank where nobody's data is known.
      const structureCells = structures.flatMap(({ code, of }): Cell[] => {
        const s = of(unit);
        return countColumns(s).flatMap((c): Cell[] =>
          !exported(code) || (c.count === 0 && c.unknown === s.admitted && s.admitted > 0)
            ? ['', '']
            : [c.count, c.unknown],
        );
      });
      return [
        unit.code,
        unit.name,
        ...codes.map((c) => (exported(c) ? (results[c]?.actual ?? 0) : '')),
        ...stageCells,
        ...structureCells,
        instantOfDay(day),
        by,
      ];
    }),
  ];
  return { rows, layout };
}

// A person list's figures in the `Số liệu` layout, counts only: what an office that keeps names on
// its own machine hands to the shared sheet. No name or date of birth is ever in these rows.
import { instantOfDay, type Day } from '../core/calendar/dates';
import type { Evaluation } from '../core/evaluate';
import { perUnitStructure } from '../core/reports/structure-report';
import type { Unit } from '../core/model';
import type { Cell } from './port';
import { countRow, countSheetLayout } from './count-sheet';

/** The header and one row per unit; `day` and `by` fill `Ngày cập nhật` and `Người cập nhật`. */
export function countsExport(
  evaluation: Evaluation,
  day: Day,
  by: string,
): { rows: Cell[][]; layout: ReturnType<typeof countSheetLayout>['layout'] } {
  const { milestones } = evaluation.fulfillment;
  const { header, layout } = countSheetLayout(milestones);
  const pipelines = new Map(evaluation.pipeline.units.map((u) => [u.unit.code, u]));
  const results = new Map(evaluation.fulfillment.units.map((u) => [u.unit.code, u.results]));
  // Per admission milestone, each unit's structure of those admitted, as the report counts it.
  const structures = new Map(
    milestones
      .filter((m) => m.kind === 'admission')
      .map((m) => [
        m.code,
        perUnitStructure(
          evaluation,
          m.from,
          m.deadline,
          (unit: Unit) => results.get(unit.code)?.[m.code],
          m.code,
        ),
      ]),
  );
  const rows: Cell[][] = [
    header,
    ...evaluation.fulfillment.units.map(({ unit, results }) => {
      // Only the list counts here (a figure typed into the local `Số liệu` is not re-exported);
      // a blank, not a 0, where the list has no one, so it never overrides a unit's own report.
      const exported = (code: string) => {
        const source = results[code]?.source;
        return source === 'list' || source === 'files';
      };
      const p = pipelines.get(unit.code);
      return countRow(milestones, {
        code: unit.code,
        name: unit.name,
        count: (code) => (exported(code) ? (results[code]?.actual ?? 0) : null),
        pipeline: p && (p.source === 'list' || p.source === 'files') ? p : null,
        structure: (code) => (exported(code) ? (structures.get(code)?.(unit) ?? null) : null),
        updated: instantOfDay(day),
        by,
      });
    }),
  ];
  return { rows, layout };
}

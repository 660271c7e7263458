// Counts reported per unit (sheet `Số liệu`), for committees that keep no names in the cloud.
import { readDay, type Day } from '../calendar/dates';
import { PROBLEM } from '../messages/problems';
import { cellText, isBlank, type RawRow, type RawTable } from '../text/cells';
import type { UnitIndex } from '../plan/unit-index';
import { problemAt, type ProblemCode } from '../problems';
import type { UnmatchedColumn } from '../plan/raw-plan';
import type { CellValue, Problem, Unit } from '../model';
import type { OpenStage, ReportedPipeline, Stage } from '../pipeline/pipeline';
import {
  filledStructureCells,
  readReportedStructure,
  type RawStructureCells,
} from './reported-structure';
import type { StructureCounts } from './structure';

export type CountField = 'code' | 'name' | 'updated' | 'updatedBy';
/** Per-unit file counts by stage (counts-only mode), each stage and its overdue ones. */
export type PipelineCountField =
  | 'awaiting_decision'
  | 'awaiting_decision_overdue'
  | 'awaiting_ceremony'
  | 'awaiting_ceremony_overdue'
  | 'probation'
  | 'probation_overdue'
  | 'official';

export interface RawCountRow extends RawRow<CountField> {
  sheet: string;
  /** The unit whose own `SL - <Mã>` sheet the row is in: only that unit may be reported there. */
  sheetUnit?: string;
  /** Cells under the columns headed by a milestone code. */
  counts: Record<string, CellValue>;
  /** Cells under the stage columns, when the sheet has them. */
  pipeline?: Partial<Record<PipelineCountField, CellValue>>;
  /** Per admission milestone's code, the structure cells of those admitted, when present. */
  structure?: Record<string, RawStructureCells>;
}

export interface RawCountTable extends Omit<RawTable<CountField>, 'rows'> {
  rows: RawCountRow[];
  /** Columns of the count sheets that are neither in the contract nor a milestone's code. */
  unmatched?: UnmatchedColumn[];
  /** Header of each stage column, to name it in problems. */
  pipelineColumns?: Record<PipelineCountField, string>;
  /** Count sheets that show an import's error instead of figures (a lower committee's). */
  unreadable?: UnreadableCounts[];
}

export interface ReportedCount {
  count: number;
  /** Typed in `Số liệu` (the default), or counted from the unit's own file. */
  source?: 'counts' | 'files';
  sheet: string;
  row: number;
  updated: Day | null;
  by: string;
  /** An admission figure's structure as the unit reported it beside the figure, if it did. */
  structure?: StructureCounts;
}

/** unit code -> milestone code -> the reported figure. */
export type ReportedCounts = Map<string, Map<string, ReportedCount>>;

const PIPELINE_FIELDS: PipelineCountField[] = [
  'awaiting_decision',
  'awaiting_decision_overdue',
  'awaiting_ceremony',
  'awaiting_ceremony_overdue',
  'probation',
  'probation_overdue',
  'official',
];

/** A count cell: a whole number from 0, typed or as a number cell; NaN otherwise. */
function countOf(value: CellValue | undefined): number {
  const n =
    typeof value === 'number'
      ? value
      : /^\s*\d+\s*$/.test(cellText(value))
        ? Number(cellText(value))
        : NaN;
  return Number.isInteger(n) && n >= 0 ? n : NaN;
}

type Report = (column: string, code: ProblemCode, message: string, suggestion?: string) => void;

export function interpretCounts(
  table: RawCountTable,
  units: UnitIndex,
  milestoneCodes: readonly string[],
): { reported: ReportedCounts; pipeline: Map<string, ReportedPipeline>; problems: Problem[] } {
  const reported: ReportedCounts = new Map();
  const pipeline = new Map<string, ReportedPipeline>();
  const problems: Problem[] = (table.unreadable ?? []).map(unreadableProblem);
  for (const raw of table.rows) {
    const report: Report = (column, code, message, suggestion) =>
      problems.push(
        problemAt({ sheet: raw.sheet, row: raw.row, column, code, message, suggestion }),
      );
    const filled = milestoneCodes.filter((m) => !isBlank(raw.counts[m]));
    const stages = PIPELINE_FIELDS.filter((f) => !isBlank(raw.pipeline?.[f]));
    const typed = cellText(raw.cells.code) || cellText(raw.cells.name);
    const structureOnly = Object.keys(raw.structure ?? {}).filter(
      (m) => !filled.includes(m) && filledStructureCells(raw.structure?.[m]).length > 0,
    );
    if (typed === '' || (filled.length === 0 && stages.length === 0 && structureOnly.length === 0))
      continue;
    const unit = unitOfRow(raw, typed, units, table.columns.code, report);
    if (unit === null) continue;
    const updated = readDay(raw.cells.updated);
    if (updated.kind === 'invalid') {
      // The day of a report is a note: a mistake in it does not stop the figures counting.
      problems.push(
        problemAt({
          sheet: raw.sheet,
          row: raw.row,
          column: table.columns.updated,
          code: 'date_invalid',
          severity: 'warning',
          message: PROBLEM.dateInvalid(updated.text),
        }),
      );
    }
    // A breakdown without the figure it breaks down says nothing: said, not counted.
    for (const code of structureOnly) {
      const first = filledStructureCells(raw.structure?.[code])[0];
      if (first)
        report(
          first.column,
          'structure_without_count',
          PROBLEM.structureWithoutCount(code),
          PROBLEM.structureWithoutCountSuggestion(code),
        );
    }
    if (stages.length > 0 && !pipeline.has(unit.code)) {
      pipeline.set(unit.code, stagesOfRow(raw, stages, table.pipelineColumns, report));
    }
    // A unit may report in `Số liệu` and in its own `SL - <Mã>` sheet; each figure only once.
    let byMilestone = reported.get(unit.code);
    if (!byMilestone) reported.set(unit.code, (byMilestone = new Map()));
    for (const code of filled) {
      const value = raw.counts[code];
      const n = countOf(value);
      if (Number.isNaN(n)) {
        report(code, 'count_invalid', PROBLEM.countInvalid(cellText(value)));
        continue;
      }
      const first = byMilestone.get(code);
      if (first) {
        report(
          code,
          'count_duplicate',
          PROBLEM.countDuplicate(unit.name, `${first.sheet}, dòng ${first.row}`),
        );
        continue;
      }
      const cells = raw.structure?.[code];
      byMilestone.set(code, {
        count: n,
        sheet: raw.sheet,
        row: raw.row,
        updated: updated.kind === 'ok' ? updated.day : null,
        by: cellText(raw.cells.updatedBy),
        ...(cells
          ? {
              structure: readReportedStructure(cells, n, countOf, (column, kind, message) =>
                report(column, kind === 'over' ? 'structure_over' : 'count_invalid', message),
              ),
            }
          : {}),
      });
    }
  }
  return { reported, pipeline, problems };
}

/** The row's unit by code, else by name; null (reported) when unknown or of another unit's sheet. */
function unitOfRow(
  raw: RawCountRow,
  typed: string,
  units: UnitIndex,
  column: string,
  report: Report,
): Unit | null {
  const unit = units.find(cellText(raw.cells.code)) ?? units.find(cellText(raw.cells.name));
  if (unit === null) {
    const near = units.suggest(typed);
    report(
      column,
      'unit_unknown',
      PROBLEM.unitUnknown(typed),
      near ? PROBLEM.unitSuggestion(near.name) : PROBLEM.unitSuggestionAdd,
    );
    return null;
  }
  if (raw.sheetUnit !== undefined && units.find(raw.sheetUnit)?.code !== unit.code) {
    report(column, 'unit_not_this_sheet', PROBLEM.unitNotThisSheet(unit.name, raw.sheet));
    return null;
  }
  return unit;
}

/** People per stage (and overdue) a unit reported; a cell that is not a count is an error. */
function stagesOfRow(
  raw: RawCountRow,
  stages: readonly PipelineCountField[],
  columns: RawCountTable['pipelineColumns'],
  report: Report,
): ReportedPipeline {
  const reported: ReportedPipeline = { stages: {}, overdue: {} };
  for (const field of stages) {
    const value = raw.pipeline?.[field];
    const n = countOf(value);
    if (Number.isNaN(n)) {
      report(columns?.[field] ?? field, 'count_invalid', PROBLEM.countInvalid(cellText(value)));
      continue;
    }
    if (field.endsWith('_overdue'))
      reported.overdue[field.slice(0, -'_overdue'.length) as OpenStage] = n;
    else reported.stages[field as Stage] = n;
  }
  return reported;
}

/** A lower committee's counts sheet whose import shows an error instead of figures. */
export interface UnreadableCounts {
  sheet: string;
  /** The unit whose own `SL - <Mã>` sheet it is, as the sheet's name gives it. */
  unit: string | null;
  /** What the sheet shows (`#REF!`, `#N/A`, `Loading...`). */
  text: string;
  /** Whether the figures last read from it were used instead. */
  fallback: boolean;
}

/** `#REF!` and the other errors a formula shows, and an import still loading. */
const IMPORT_ERROR = /^(#[A-Z/0]+[!?]?|#N\/A|Loading\.\.\.|Đang tải\.\.\.)$/i;

export function isImportError(text: string): boolean {
  return IMPORT_ERROR.test(text.trim());
}

/** The problem an unreadable import is: an error, or a warning while the last figures stand in. */
export function unreadableProblem(u: UnreadableCounts): Problem {
  return problemAt({
    sheet: u.sheet,
    row: 1,
    column: 'A',
    code: 'lower_unreadable',
    severity: u.fallback ? 'warning' : 'error',
    message: PROBLEM.lowerUnreadable(u.sheet, u.text, u.fallback),
  });
}

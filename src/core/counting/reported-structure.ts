// The structure of those admitted as a unit reports it in counts-only mode: beside a milestone's
// figure in `Số liệu`, how many of those people are women, of an ethnic minority, religious, Youth
// Union members and aged 18–30, and how many of each the unit does not know. No person is ever
// named; the counts must fit inside the figure they break down.
import { PROBLEM } from '../messages/problems';
import { cellText, isBlank } from '../text/cells';
import type { CellValue } from '../model';
import { unknownStructure, type Structure, type StructureCounts } from './structure';

/** The columns a structure breaks down into, each a count with its unknown (StructureCounts). */
export type StructureField = keyof StructureCounts['unknown'];

export const STRUCTURE_FIELDS: readonly StructureField[] = [
  'gender',
  'ethnicity',
  'religion',
  'youthUnion',
  'age',
];

/** The count each field gives (women for gender, and so on). */
const COUNT_OF: Record<StructureField, Exclude<keyof StructureCounts, 'admitted' | 'unknown'>> = {
  gender: 'women',
  ethnicity: 'ethnicMinority',
  religion: 'religious',
  youthUnion: 'youthUnion',
  age: 'aged18to30',
};

/** A cell as read, with its column's header to name it in a problem. */
export interface ReportedCell {
  value: CellValue;
  column: string;
}

/** One milestone's structure cells of a row: per field, its count and its unknown, when present. */
export type RawStructureCells = Partial<
  Record<StructureField, { count?: ReportedCell; unknown?: ReportedCell }>
>;

/** Cells of a milestone's structure that hold anything. */
export function filledStructureCells(cells: RawStructureCells | undefined): ReportedCell[] {
  if (!cells) return [];
  return STRUCTURE_FIELDS.flatMap((f) => [cells[f]?.count, cells[f]?.unknown]).filter(
    (c): c is ReportedCell => c !== undefined && !isBlank(c.value),
  );
}

export type StructureProblem = (column: string, kind: 'invalid' | 'over', message: string) => void;

/**
 * The structure of `admitted` people from a row's cells: a field whose count is blank is unknown
 * for everyone (a unit that has not counted); its unknown cell blank is 0. A cell that is not a
 * count, or a count and its unknown more than the figure, is reported and the field left unknown.
 */
export function readReportedStructure(
  cells: RawStructureCells | undefined,
  admitted: number,
  countOf: (value: CellValue) => number,
  report: StructureProblem,
): StructureCounts {
  const s: StructureCounts = unknownStructure(admitted);
  for (const field of STRUCTURE_FIELDS) {
    const count = cells?.[field]?.count;
    const unknown = cells?.[field]?.unknown;
    if (count === undefined || isBlank(count.value)) continue;
    const n = countOf(count.value);
    const u = unknown === undefined || isBlank(unknown.value) ? 0 : countOf(unknown.value);
    const bad = Number.isNaN(n) ? count : Number.isNaN(u) ? unknown : undefined;
    if (bad) {
      report(bad.column, 'invalid', PROBLEM.countInvalid(cellText(bad.value)));
      continue;
    }
    if (n + u > admitted) {
      report(count.column, 'over', PROBLEM.structureOver(n, u, admitted));
      continue;
    }
    s[COUNT_OF[field]] = n;
    s.unknown[field] = u;
  }
  return s;
}

/** A reported structure as the report counts it: no one's age or `Đối tượng` is known. */
export function structureOfCounts(counts: StructureCounts): Structure {
  const s = unknownStructure(counts.admitted);
  for (const field of STRUCTURE_FIELDS) {
    s[COUNT_OF[field]] = counts[COUNT_OF[field]];
    s.unknown[field] = counts.unknown[field];
  }
  return s;
}

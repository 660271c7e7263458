// Reading a unit's own spreadsheet (one file per unit, seen only by its officer and the Board)
// into figures for the Board's workbook: the file's rows are that unit's list, evaluated under
// the Board's plan; what is kept is counts, files per stage and problems by row, never a name.
import { evaluate, type WorkbookInput } from '../core/evaluate';
import { UNIT_FILES } from '../core/messages/setup';
import {
  unitFileProblem,
  unreadFile,
  withoutPersonalData,
  type UnitFileFigures,
} from '../core/counting/unit-files';
import { cellText, columnLetters, isBlankRow } from '../core/text/cells';
import { matchKey } from '../core/text/normalize';
import type { Day } from '../core/calendar/dates';
import type { CandidateField, CandidateRow } from '../core/model';
import { CANDIDATE_COLUMNS, SHEET, type ColumnSpec } from './contract';
import { ContractError } from './errors';
import { headerLabels, locateHeader } from './header';
import type { Cell } from './port';

/** The sheet of a unit's file that holds its list. */
export const UNIT_FILE_SHEET = SHEET.candidates;

const FIELDS = CANDIDATE_COLUMNS.filter(
  (c): c is ColumnSpec<CandidateField> => c.field !== 'index',
);

/** The file's rows as candidates of its unit (a row without a unit belongs to it). */
function fileRows(
  values: Cell[][],
  label: string,
  code: string,
): { rows: CandidateRow[]; columnOf: (header: string) => number | null } {
  const header = locateHeader(label, values, FIELDS);
  const rows: CandidateRow[] = [];
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cells: CandidateRow['cells'] = {};
    for (const spec of FIELDS) {
      const c = header.columns[spec.field];
      if (c !== undefined) cells[spec.field] = line[c] ?? null;
    }
    if (isBlankRow(cells)) continue;
    if (cellText(cells.unit) === '') cells.unit = code;
    rows.push({ sheet: label, row: r + 1, cells, sheetUnit: code });
  }
  const columnOf = (text: string) => {
    const at = header.byKey.get(matchKey(text));
    return at === undefined ? null : at + 1;
  };
  return { rows, columnOf };
}

/**
 * What a unit's file says, as of a day, under the Board's plan (`board`: the Board's workbook as
 * read, whose own list and counts are left aside here).
 */
export function summarizeUnitFile(
  board: WorkbookInput,
  file: { code: string; url: string; values: Cell[][] },
  asOf: Day,
  today: Day,
): UnitFileFigures {
  const label = UNIT_FILES.label(file.code);
  let read: ReturnType<typeof fileRows>;
  try {
    read = fileRows(file.values, label, file.code);
  } catch (e) {
    if (!(e instanceof ContractError)) throw e;
    return unreadFile(
      { code: file.code, label, url: file.url },
      unitFileProblem(label, { code: 'unit_file_unreadable', row: 1, message: e.message }),
    );
  }
  const { index: _index, ...columns } = headerLabels(CANDIDATE_COLUMNS);
  const e = evaluate(
    {
      ...board,
      candidates: { columns: columns as Record<CandidateField, string>, rows: read.rows },
      counts: null,
      unitFiles: [],
    },
    asOf,
    today,
  );
  const mine = (code: string) => matchKey(code) === matchKey(file.code);
  const results = e.fulfillment.units.find((u) => mine(u.unit.code))?.results ?? {};
  const counts: Record<string, number> = {};
  for (const [code, r] of Object.entries(results)) if (r.source === 'list') counts[code] = r.actual;
  const unit = e.pipeline.units.find((u) => mine(u.unit.code));
  return {
    code: file.code,
    label,
    url: file.url,
    counts,
    pipeline:
      unit?.source === 'list'
        ? { stages: unit.stages, overdue: unit.overdue }
        : { stages: {}, overdue: {} },
    problems: e.problems
      .filter((p) => p.sheet === label)
      .map((p) => {
        // Kiểm tra links each problem to its cell in the unit's file (the file's only sheet).
        const column = file.url ? read.columnOf(p.column) : null;
        const link =
          column === null
            ? {}
            : { link: `${file.url}#gid=0&range=${columnLetters(column)}${p.row}` };
        return { ...withoutPersonalData(p), ...link };
      }),
    rows: e.rows,
  };
}

// Reads the input sheets into the raw tables core interprets: one read per sheet.
import { matchKey } from '../core/text/normalize';
import { cellText, isBlankRow, type RawRow, type RawTable } from '../core/text/cells';
import { REPORT } from '../core/messages/report';
import type { WorkbookInput } from '../core/evaluate';
import type { CandidateField, CandidateRow, Milestone, Unit } from '../core/model';
import { interpretMilestones } from '../core/plan/milestones-input';
import { interpretUnits } from '../core/plan/units-input';
import { interpretSettings } from '../core/plan/settings-input';
import {
  type MilestoneField,
  type RawSettings,
  type RawUnitRow,
  type SettingField,
} from '../core/plan/raw-plan';
import {
  isImportError,
  type PipelineCountField,
  type RawCountRow,
  type RawCountTable,
  type UnreadableCounts,
} from '../core/counting/counts';
import type { UnmatchedColumn } from '../core/plan/raw-plan';
import type { RawLowerTable } from '../core/counting/lower-figures';
import {
  STRUCTURE_FIELDS,
  type RawStructureCells,
  type StructureField,
} from '../core/counting/reported-structure';
import {
  CANDIDATE_COLUMNS,
  COUNT_COLUMNS,
  COUNT_PIPELINE_COLUMNS,
  HOLIDAY_COLUMNS,
  LOWER_COLUMNS,
  MILESTONE_COLUMNS,
  SETTINGS_COLUMNS,
  SETTING_KEYS,
  SHEET,
  STRUCTURE_COUNT_LABELS,
  UNIT_COLUMNS,
  UNIT_COUNT_SHEET_PREFIX,
  UNIT_SHEET_PREFIX,
  structureCountHeader,
  type ColumnSpec,
} from './contract';
import { ContractError } from './errors';
import { headerLabels, locateHeader, type HeaderMap } from './header';
import type { Cell, LastGoodFigures, Workbook } from './port';

/**
 * Where each header sits, by sheet then header (both as match keys), 1-based: filled while
 * reading, so problems can link to their cell without reading the sheets again.
 */
export type ColumnPositions = Map<string, Map<string, number>>;

export function columnOf(positions: ColumnPositions, sheet: string, header: string): number | null {
  return positions.get(matchKey(sheet))?.get(matchKey(header)) ?? null;
}

export function requireSheet(workbook: Workbook, name: string): Cell[][] {
  const values = workbook.readSheet(name);
  if (values === null) throw ContractError.sheetMissing(name);
  return values;
}

function rowsOf<F extends string>(
  values: Cell[][],
  header: HeaderMap<F>,
  specs: readonly ColumnSpec<F>[],
): RawRow<F>[] {
  // Field and column pairs worked out once, not per row (a province's list has 200,000 rows).
  const fields: F[] = [];
  const columns: number[] = [];
  for (const spec of specs) {
    const c = header.columns[spec.field];
    if (c !== undefined) {
      fields.push(spec.field);
      columns.push(c);
    }
  }
  // Each row's cells start as a copy of one object that already holds every field read: one
  // allocation a row, where adding the fields one by one grew each row's object several times
  // (114 MB of a province's read, measured with V8's sampling heap profiler).
  const template: Partial<Record<F, Cell>> = {};
  for (const f of fields) template[f] = null;
  const rows: RawRow<F>[] = [];
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cells: Partial<Record<F, Cell>> = { ...template };
    for (let k = 0; k < fields.length; k++)
      cells[fields[k] as F] = line[columns[k] as number] ?? null;
    rows.push({ row: r + 1, cells });
  }
  return rows;
}

export function readTable<F extends string>(
  workbook: Workbook,
  sheet: string,
  specs: readonly ColumnSpec<F>[],
  positions?: ColumnPositions,
  given?: Cell[][],
): { table: RawTable<F>; values: Cell[][]; header: HeaderMap<F> } {
  const values = given ?? requireSheet(workbook, sheet);
  const header = locateHeader(sheet, values, specs);
  if (positions) {
    const at = new Map<string, number>();
    for (const [key, index] of header.byKey) at.set(key, index + 1);
    positions.set(matchKey(sheet), at);
  }
  return {
    table: { sheet, columns: headerLabels(specs), rows: rowsOf(values, header, specs) },
    values,
    header,
  };
}

export function readMilestones(
  workbook: Workbook,
  positions?: ColumnPositions,
): RawTable<MilestoneField> {
  return readTable(workbook, SHEET.milestones, MILESTONE_COLUMNS, positions).table;
}

/**
 * The header's other columns with their cells: neither a contract column nor a milestone code,
 * so core can tell a code typed differently from a column a user added for their own notes.
 */
function unmatchedColumns<F extends string>(
  sheet: string,
  values: Cell[][],
  header: HeaderMap<F>,
  specs: readonly { header: string }[],
  codes: readonly string[],
): UnmatchedColumn[] {
  const known = new Set([...specs.map((s) => matchKey(s.header)), ...codes.map(matchKey)]);
  const columns: UnmatchedColumn[] = [];
  const headerLine = values[header.headerIndex] ?? [];
  headerLine.forEach((cell, c) => {
    const text = cellText(cell);
    if (text === '' || known.has(matchKey(text))) return;
    const cells: Cell[] = [];
    for (let r = header.headerIndex + 1; r < values.length; r++) cells.push(values[r]?.[c] ?? null);
    columns.push({ sheet, headerRow: header.headerIndex + 1, header: text, values: cells });
  });
  return columns;
}

export function readUnits(
  workbook: Workbook,
  milestoneCodes: readonly string[],
  positions?: ColumnPositions,
): WorkbookInput['units'] {
  const { table, values, header } = readTable(workbook, SHEET.quotas, UNIT_COLUMNS, positions);
  const quotaColumns = milestoneCodes
    .map((code) => [code, header.byKey.get(matchKey(code))] as const)
    .filter((entry): entry is readonly [string, number] => entry[1] !== undefined);
  const rows: RawUnitRow[] = table.rows.map((row) => {
    const line = values[row.row - 1] ?? [];
    return {
      ...row,
      quotas: Object.fromEntries(quotaColumns.map(([code, c]) => [code, line[c] ?? null])),
    };
  });
  return {
    ...table,
    rows,
    quotaCodes: quotaColumns.map(([code]) => code),
    unmatched: unmatchedColumns(SHEET.quotas, values, header, UNIT_COLUMNS, milestoneCodes),
  };
}

export function readSettings(workbook: Workbook, positions?: ColumnPositions): RawSettings {
  const { table } = readTable(workbook, SHEET.settings, SETTINGS_COLUMNS, positions);
  const byKey = new Map(SETTING_KEYS.map((s) => [matchKey(s.key), s.field]));
  const entries: RawSettings['entries'] = {};
  for (const row of table.rows) {
    const key = cellText(row.cells.key);
    const field: SettingField | undefined = byKey.get(matchKey(key));
    if (field && !entries[field]) {
      entries[field] = { row: row.row, key, value: row.cells.value ?? null };
    }
  }
  return { sheet: SHEET.settings, valueColumn: table.columns.value, entries };
}

/** The unit code of a `DS - <Mã>` sheet, or null for any other sheet. */
export function unitOfSheet(name: string): string | null {
  const text = cellText(name);
  const prefix = /^DS\s*-\s*/i.exec(text);
  return prefix && text.length > prefix[0].length ? text.slice(prefix[0].length) : null;
}

export const unitSheetName = (code: string): string => `${UNIT_SHEET_PREFIX}${code}`;

const CANDIDATE_FIELDS = CANDIDATE_COLUMNS.filter(
  (c): c is ColumnSpec<CandidateField> => c.field !== 'index',
);

/**
 * Candidates from `Danh sách` and from every unit's own `DS - <Mã>` sheet, where a row with no
 * unit belongs to the sheet's unit.
 */
export function readCandidates(
  workbook: Workbook,
  positions?: ColumnPositions,
): WorkbookInput['candidates'] {
  const sheets = [
    SHEET.candidates,
    ...workbook.sheetNames().filter((n) => unitOfSheet(n) !== null),
  ];
  const rows: CandidateRow[] = [];
  for (const sheet of sheets) {
    // `STT` is only a running number: it is not even read.
    const { table } = readTable(workbook, sheet, CANDIDATE_FIELDS, positions);
    const unit = unitOfSheet(sheet);
    for (const r of table.rows) {
      const cells = r.cells;
      if (unit === null) {
        rows.push({ sheet, row: r.row, cells });
        continue;
      }
      if (cellText(cells.unit) === '' && !isBlankRow(cells)) cells.unit = unit;
      rows.push({ sheet, row: r.row, cells, sheetUnit: unit });
    }
  }
  const { index: _index, ...columns } = headerLabels(CANDIDATE_COLUMNS);
  return { columns: columns as Record<CandidateField, string>, rows };
}

/** The unit code of a `SL - <Mã>` sheet, or null for any other sheet. */
export function unitOfCountSheet(name: string): string | null {
  const text = cellText(name);
  const prefix = /^SL\s*-\s*/i.exec(text);
  return prefix && text.length > prefix[0].length ? text.slice(prefix[0].length) : null;
}

export const unitCountSheetName = (code: string): string => `${UNIT_COUNT_SHEET_PREFIX}${code}`;

/**
 * The structure columns of a count sheet, per milestone code (`KN2026 - Nữ`, also with a space
 * for the dash): each field's count and unknown column, with the header as typed.
 */
function structureColumns(
  header: HeaderMap<string>,
  headerLine: readonly Cell[],
  codes: readonly string[],
): {
  code: string;
  field: StructureField;
  which: 'count' | 'unknown';
  at: number;
  label: string;
}[] {
  const found = [];
  for (const code of codes)
    for (const field of STRUCTURE_FIELDS)
      for (const which of ['count', 'unknown'] as const) {
        const label = STRUCTURE_COUNT_LABELS[field][which];
        const at =
          header.byKey.get(matchKey(structureCountHeader(code, label))) ??
          header.byKey.get(matchKey(`${code} ${label}`));
        if (at !== undefined)
          found.push({ code, field, which, at, label: cellText(headerLine[at]) });
      }
  return found;
}

/**
 * `Số liệu` and every `SL - <Mã>` sheet; null when the workbook keeps no counts at all. A sheet
 * whose first cell is an import's error is said (`unreadable`) and read from `lastGood` if it
 * has it, never as zeros.
 */
export function readCounts(
  workbook: Workbook,
  milestoneCodes: readonly string[],
  required: boolean,
  positions?: ColumnPositions,
  lastGood?: LastGoodFigures,
): RawCountTable | null {
  const names = workbook.sheetNames();
  // A unit's own sheet first: its figure wins over one typed for it in `Số liệu`.
  const sheets = [
    ...names.filter((n) => unitOfCountSheet(n) !== null),
    ...(required || names.some((n) => matchKey(n) === matchKey(SHEET.counts))
      ? [SHEET.counts]
      : []),
  ];
  if (sheets.length === 0) return null;
  const rows: RawCountRow[] = [];
  const unmatched: UnmatchedColumn[] = [];
  const known = [...COUNT_COLUMNS, ...COUNT_PIPELINE_COLUMNS];
  const unreadable: UnreadableCounts[] = [];
  for (const sheet of sheets) {
    let given = workbook.readSheet(sheet) ?? [];
    const first = cellText(given[0]?.[0]);
    if (isImportError(first)) {
      const fallback = lastGood?.get(sheet) ?? null;
      unreadable.push({ sheet, unit: unitOfCountSheet(sheet), text: first, fallback: !!fallback });
      if (!fallback) continue;
      given = fallback;
    } else if (given.length > 0) lastGood?.set(sheet, given);
    const { table, values, header } = readTable(workbook, sheet, COUNT_COLUMNS, positions, given);
    const structureAt = structureColumns(header, values[header.headerIndex] ?? [], milestoneCodes);
    unmatched.push(
      ...unmatchedColumns(
        sheet,
        values,
        header,
        [...known, ...structureAt.map((c) => ({ header: c.label }))],
        milestoneCodes,
      ),
    );
    const stageAt = COUNT_PIPELINE_COLUMNS.map(
      (c) => [c.field, header.byKey.get(matchKey(c.header))] as const,
    ).filter((e): e is readonly [PipelineCountField, number] => e[1] !== undefined);
    const unit = unitOfCountSheet(sheet);
    const at = milestoneCodes
      .map((code) => [code, header.byKey.get(matchKey(code))] as const)
      .filter((e): e is readonly [string, number] => e[1] !== undefined);
    for (const r of table.rows) {
      const line = values[r.row - 1] ?? [];
      const cells = { ...r.cells };
      if (unit !== null && cellText(cells.code) === '') cells.code = unit;
      rows.push({
        ...(unit !== null ? { sheetUnit: unit } : {}),
        sheet,
        row: r.row,
        cells,
        counts: Object.fromEntries(at.map(([code, c]) => [code, line[c] ?? null])),
        ...(stageAt.length > 0
          ? { pipeline: Object.fromEntries(stageAt.map(([f, c]) => [f, line[c] ?? null])) }
          : {}),
        ...(structureAt.length > 0 ? { structure: structureCellsOf(line, structureAt) } : {}),
      });
    }
  }
  return {
    sheet: SHEET.counts,
    columns: headerLabels(COUNT_COLUMNS),
    rows,
    unmatched,
    pipelineColumns: headerLabels(COUNT_PIPELINE_COLUMNS),
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}

/**
 * The store of last figures, for the `SL - <Mã>` sheets of the lower committees `Cấp dưới` lists
 * with an address only: a unit's own typed sheet is never an import, and never kept.
 */
function lowerOnly(
  store: LastGoodFigures | undefined,
  lower: RawLowerTable | null,
): LastGoodFigures | undefined {
  if (!store || !lower) return undefined;
  const codes = new Set(
    lower.rows
      .filter((r) => cellText(r.cells.url) !== '')
      .map((r) => matchKey(cellText(r.cells.code))),
  );
  const listed = (sheet: string) => codes.has(matchKey(unitOfCountSheet(sheet) ?? ''));
  return {
    get: (sheet) => (listed(sheet) ? store.get(sheet) : null),
    set: (sheet, values) => {
      if (listed(sheet)) store.set(sheet, values);
    },
  };
}

/** `Cấp dưới`, when the workbook has it (a higher committee's). */
export function readLower(workbook: Workbook, positions?: ColumnPositions): RawLowerTable | null {
  if (!workbook.sheetNames().some((n) => matchKey(n) === matchKey(SHEET.lower))) return null;
  return readTable(workbook, SHEET.lower, LOWER_COLUMNS, positions).table;
}

/** A row's structure cells per milestone code, each with its column's header. */
function structureCellsOf(
  line: readonly Cell[],
  columns: ReturnType<typeof structureColumns>,
): Record<string, RawStructureCells> {
  const byCode: Record<string, RawStructureCells> = {};
  for (const { code, field, which, at, label } of columns) {
    const cells = (byCode[code] ??= {});
    (cells[field] ??= {})[which] = { value: line[at] ?? null, column: label };
  }
  return byCode;
}

/** The plan's three sheets, enough to know its units and milestones without its people. */
export function isPlanSheet(name: string): boolean {
  const key = matchKey(name);
  return [SHEET.quotas, SHEET.milestones, SHEET.settings].some((s) => matchKey(s) === key);
}

/** The units and milestones of a workbook's plan, read from `Mốc` and `Chỉ tiêu` only. */
export function readPlanUnits(workbook: Workbook): { units: Unit[]; milestones: Milestone[] } {
  const milestones = interpretMilestones(readMilestones(workbook)).milestones;
  const codes = milestones.map((m) => m.code);
  return { units: interpretUnits(readUnits(workbook, codes), codes).units, milestones };
}

/**
 * Whether the engine reads a sheet to evaluate the workbook: not the sheets it writes (the
 * dashboard, files, structure, problems, reports) nor the mail log (read by reminders only).
 */
export function isEngineInput(name: string): boolean {
  const key = matchKey(name);
  const written = [
    SHEET.dashboard,
    SHEET.files,
    SHEET.structure,
    SHEET.problems,
    SHEET.mailLog,
  ].map(matchKey);
  // `Báo cáo dd-mm-yyyy`: the standing office's reports (see REPORT.sheetName).
  return !written.includes(key) && !key.startsWith(matchKey(REPORT.sheetName('')));
}

/** `Ngày nghỉ`, when the workbook has it (an older one reads the built-in days off). */
export function readHolidays(
  workbook: Workbook,
  positions?: ColumnPositions,
): RawTable<'day' | 'name'> | null {
  if (!workbook.sheetNames().some((n) => matchKey(n) === matchKey(SHEET.holidays))) return null;
  return readTable(workbook, SHEET.holidays, HOLIDAY_COLUMNS, positions).table;
}

/**
 * Everything `evaluate` needs, read once per sheet. Throws ContractError on a missing sheet or
 * column. In counts-only mode no sheet that may hold names is read at all.
 */
export function readInput(workbook: Workbook, positions?: ColumnPositions): WorkbookInput {
  const settings = readSettings(workbook, positions);
  const countsOnly = interpretSettings(settings).settings.dataMode === 'counts';
  const milestones = readMilestones(workbook, positions);
  const codes = milestones.rows.map((r) => cellText(r.cells.code)).filter((c) => c !== '');
  const { index: _index, ...columns } = headerLabels(CANDIDATE_COLUMNS);
  const lower = readLower(workbook, positions);
  return {
    milestones,
    units: readUnits(workbook, codes, positions),
    settings,
    candidates: countsOnly
      ? { columns: columns as Record<CandidateField, string>, rows: [] }
      : readCandidates(workbook, positions),
    counts: readCounts(workbook, codes, countsOnly, positions, lowerOnly(workbook.lastGood, lower)),
    holidays: readHolidays(workbook, positions),
    lower,
  };
}

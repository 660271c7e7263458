// Reads the input sheets into the raw tables core interprets: one read per sheet.
import { matchKey } from '../core/normalize';
import { cellText, type RawRow, type RawTable } from '../core/table';
import type { WorkbookInput } from '../core/evaluate';
import type { CandidateField, CandidateRow } from '../core/model';
import type { MilestoneField, RawSettings, RawUnitRow, SettingField } from '../core/plan-input';
import {
  CANDIDATE_COLUMNS,
  MILESTONE_COLUMNS,
  SETTINGS_COLUMNS,
  SETTING_KEYS,
  SHEET,
  UNIT_COLUMNS,
  type ColumnSpec,
} from './contract';
import { ContractError } from './errors';
import { headerLabels, locateHeader, type HeaderMap } from './header';
import type { Cell, Workbook } from './port';

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
  const rows: RawRow<F>[] = [];
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cells: Partial<Record<F, Cell>> = {};
    for (const spec of specs) {
      const c = header.columns[spec.field];
      if (c !== undefined) cells[spec.field] = line[c] ?? null;
    }
    rows.push({ row: r + 1, cells });
  }
  return rows;
}

export function readTable<F extends string>(
  workbook: Workbook,
  sheet: string,
  specs: readonly ColumnSpec<F>[],
): { table: RawTable<F>; values: Cell[][]; header: HeaderMap<F> } {
  const values = requireSheet(workbook, sheet);
  const header = locateHeader(sheet, values, specs);
  return {
    table: { sheet, columns: headerLabels(specs), rows: rowsOf(values, header, specs) },
    values,
    header,
  };
}

export function readMilestones(workbook: Workbook): RawTable<MilestoneField> {
  return readTable(workbook, SHEET.milestones, MILESTONE_COLUMNS).table;
}

export function readUnits(
  workbook: Workbook,
  milestoneCodes: readonly string[],
): WorkbookInput['units'] {
  const { table, values, header } = readTable(workbook, SHEET.quotas, UNIT_COLUMNS);
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
  return { ...table, rows };
}

export function readSettings(workbook: Workbook): RawSettings {
  const { table } = readTable(workbook, SHEET.settings, SETTINGS_COLUMNS);
  const byKey = new Map(SETTING_KEYS.map((s) => [matchKey(s.key), s.field]));
  const entries: RawSettings['entries'] = {};
  for (const row of table.rows) {
    const key = cellText(row.cells.key);
    const field: SettingField | undefined = byKey.get(matchKey(key));
    if (field && !entries[field])
      entries[field] = { row: row.row, key, value: row.cells.value ?? null };
  }
  return { sheet: SHEET.settings, valueColumn: table.columns.value, entries };
}

export function readCandidates(workbook: Workbook): WorkbookInput['candidates'] {
  const { table } = readTable(workbook, SHEET.candidates, CANDIDATE_COLUMNS);
  const rows: CandidateRow[] = table.rows.map((r) => {
    const { index: _index, ...cells } = r.cells;
    return { sheet: SHEET.candidates, row: r.row, cells };
  });
  const { index: _index, ...columns } = table.columns;
  return { columns: columns as Record<CandidateField, string>, rows };
}

/** Everything `evaluate` needs, read once per sheet. Throws ContractError on a missing sheet/column. */
export function readInput(workbook: Workbook): WorkbookInput {
  const milestones = readMilestones(workbook);
  const codes = milestones.rows.map((r) => cellText(r.cells.code)).filter((c) => c !== '');
  return {
    milestones,
    units: readUnits(workbook, codes),
    settings: readSettings(workbook),
    candidates: readCandidates(workbook),
  };
}

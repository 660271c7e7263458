// The plan's sheets as read by header, before interpretation: what src/workbook hands to the
// plan's readers and checks.
import type { RawRow, RawTable } from '../text/cells';
import type { CellValue, Settings } from '../model';

export type UnitField = 'code' | 'name' | 'aliases' | 'kind' | 'committee' | 'emails';
export type MilestoneField =
  | 'code'
  | 'name'
  | 'kind'
  | 'appliesTo'
  | 'from'
  | 'deadline'
  | 'opening'
  | 'leadDays'
  | 'archived'
  | 'higher';
/** Settings read from a cell of their own (the rejected addresses are derived). */
export type SettingField =
  | Exclude<keyof Settings, 'rejectedBoardEmails' | 'pipeline'>
  | Exclude<keyof Settings['pipeline'], 'leadDays'>
  | 'fileLeadDays';

/** A column of `Chỉ tiêu` or `Số liệu` that is neither in the contract nor a milestone's code. */
export interface UnmatchedColumn {
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  header: string;
  /** The column's cells below the header. */
  values: CellValue[];
}

export interface RawUnitRow extends RawRow<UnitField> {
  /** Cells under the columns headed by a milestone code. */
  quotas: Record<string, CellValue>;
}
export interface RawUnitTable extends RawTable<UnitField> {
  rows: RawUnitRow[];
  /** The milestone codes that head a column (to tell which milestones have no quota column). */
  quotaCodes?: string[];
  /** Other columns, checked for a milestone code typed differently. */
  unmatched?: UnmatchedColumn[];
}

export interface RawSettings {
  sheet: string;
  /** Column header of the values, to name in problems. */
  valueColumn: string;
  entries: Partial<Record<SettingField, { row: number; key: string; value: CellValue }>>;
}

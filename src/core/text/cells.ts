import type { CellValue } from '../model';
import { isDateObject } from '../calendar/dates';
import { cleanText } from './normalize';

/** Rows of one sheet, read by header: each field's cell, and the header text to name in problems. */
export interface RawTable<F extends string> {
  sheet: string;
  columns: Record<F, string>;
  rows: RawRow<F>[];
}

export interface RawRow<F extends string> {
  /** 1-based, as the user sees it in the sheet. */
  row: number;
  cells: Partial<Record<F, CellValue>>;
}

/** A cell as trimmed NFC text ('' for empty); numbers and booleans as typed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (isDateObject(value)) {
    return Number.isNaN((value as Date).getTime()) ? '' : (value as Date).toISOString();
  }
  return String(value);
}

/** Cheaper than `cellText(v) === ''`: it runs on every cell of every row. */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && value.trim() === '';
}

export function isBlankRow(cells: Partial<Record<string, CellValue>>): boolean {
  for (const key in cells) if (!isBlank(cells[key])) return false;
  return true;
}

/** Splits `a; b, c` lists (aliases, e-mails). */
export function splitList(value: CellValue | undefined, separators: RegExp): string[] {
  return cellText(value)
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The longest row's length (at least `floor`). A loop, not `Math.max(...rows)`: spreading
 * 200,000 rows as arguments overflows the call stack.
 */
export function widestRow(rows: readonly (readonly unknown[])[], floor = 0): number {
  let width = floor;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** `A`, …, `Z`, `AA`, …: the letters of a 1-based column in an A1 reference. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

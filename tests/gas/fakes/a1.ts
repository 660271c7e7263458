/** A1 notation: column letters and range parsing, shared by Sheet, Spreadsheet and helpers. */
import { gasError } from './errors';

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function boxToA1(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row}`;
  if (box.numRows === 1 && box.numCols === 1) return start;
  const end = `${columnLetters(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
  return `${start}:${end}`;
}

/** Splits "'My Sheet'!A1:B2" into the sheet name (if any) and the plain A1 part. */
export function splitSheetName(a1: string): { sheetName: string | null; a1: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, a1: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Z]*)\$?(\d*)$/i;

/**
 * Parses 'B2', 'A1:D10', whole columns 'A:C', whole rows '2:5' and open-ended 'A2:C'. Open ends
 * extend to the sheet's current size, like the real service.
 */
export function parseA1(a1: string, maxRows: number, maxCols: number): Box {
  const parts = a1.trim().split(':');
  const first = CELL.exec(parts[0] ?? '');
  const second = parts.length === 2 ? CELL.exec(parts[1] ?? '') : first;
  const single = parts.length === 1;
  if (parts.length > 2 || !first || !second || (single ? !first[1] || !first[2] : !parts[0])) {
    throw gasError('Range not found');
  }
  const c1 = first[1] ? columnNumber(first[1]) : 1;
  const r1 = first[2] ? Number(first[2]) : 1;
  const c2 = second[1] ? columnNumber(second[1]) : parts.length === 2 ? maxCols : c1;
  const r2 = second[2] ? Number(second[2]) : parts.length === 2 ? maxRows : r1;
  if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) throw gasError('Range not found');
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

// The words a user types for yes and no (`Có`, `x`, `TRUE`, `bật`…): one list, so a milestone's
// `Lưu trữ`, the `Chạy thử` setting and the new year all read a cell the same way.
import type { CellValue } from '../model';
import { cellText } from './cells';
import { foldKey } from './normalize';

const YES = new Set(['có', 'true', 'x', '1', 'yes', 'bật'].map(foldKey));
const NO = new Set(['không', 'false', '0', 'no', 'tắt', ''].map(foldKey));

/** True for a yes-word or a ticked box, false for a no-word or blank, null for anything else. */
export function readYesNo(value: CellValue | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  const key = foldKey(cellText(value));
  if (YES.has(key)) return true;
  return NO.has(key) ? false : null;
}

/** A cell that says yes; anything else (blank, no, a stray word) is no. */
export const isYes = (value: CellValue | undefined): boolean => readYesNo(value) === true;

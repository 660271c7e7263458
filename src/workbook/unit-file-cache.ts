// The hidden sheet `Tệp đơn vị (số liệu)`: per unit file, the figures last read and when — counts,
// people per stage, problems by row, never a name — so a run reads only the files that changed.
import type { UnitFileFigures } from '../core/counting/unit-files';
import { UNIT_FILES } from '../core/messages/setup';
import { cellText } from '../core/text/cells';
import type { Cell } from './port';

export const CACHE = `${UNIT_FILES.sheet} (số liệu)`;
/** Unit code, file id, Drive's modified time, the day and plan the figures are for, figures, read at. */
export const CACHE_HEADER = ['Mã', 'Mã tệp', 'Sửa lần cuối', 'Tính đến ngày', 'Số liệu', 'Đọc lúc'];
/** Sheets holds at most 50,000 characters in a cell; a margin is kept. */
const CELL_LIMIT = 45_000;

/** The figures a cache row holds for this file (whatever day they were read for), or null. */
export function cachedFigures(row: readonly Cell[], fileId: string): UnitFileFigures | null {
  if (cellText(row[1]) !== fileId) return null;
  try {
    return JSON.parse(cellText(row[4])) as UnitFileFigures;
  } catch {
    return null;
  }
}

/**
 * The figures as one cell, under Sheets' 50,000 characters a cell: a file with very many problems
 * keeps its counts and its first problems (the rest are seen when the file is read again).
 */
export function cacheText(figures: UnitFileFigures): string {
  let kept = figures.problems.length;
  let text = JSON.stringify(figures);
  while (text.length > CELL_LIMIT && kept > 0) {
    kept = Math.floor(kept / 2);
    text = JSON.stringify({ ...figures, problems: figures.problems.slice(0, kept) });
  }
  return text;
}

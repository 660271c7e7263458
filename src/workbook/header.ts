// Finds a sheet's header row and its columns by header text, wherever users moved them.
import { matchKey } from '../core/text/normalize';
import { cellText } from '../core/text/cells';
import { ContractError } from './errors';
import type { ColumnSpec } from './contract';
import type { Cell } from './port';

/** Titles may sit above the header, so the first rows are searched for the best match. */
const HEADER_SEARCH_ROWS = 10;

export interface HeaderMap<F extends string> {
  /** 0-based index of the header row in the sheet's values. */
  headerIndex: number;
  /** 0-based column of each field found. */
  columns: Partial<Record<F, number>>;
  /** Header key (normalised) -> 0-based column, for columns named by data (milestone codes). */
  byKey: Map<string, number>;
}

export function locateHeader<F extends string>(
  sheet: string,
  values: Cell[][],
  specs: readonly ColumnSpec<F>[],
): HeaderMap<F> {
  const wanted = specs.map((s) => matchKey(s.header));
  let best = -1;
  let bestScore = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, values.length); r++) {
    const keys = new Set((values[r] ?? []).map((v) => matchKey(cellText(v))));
    const score = wanted.filter((k) => keys.has(k)).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  const headerIndex = Math.max(best, 0);
  const byKey = new Map<string, number>();
  (values[headerIndex] ?? []).forEach((v, i) => {
    const key = matchKey(cellText(v));
    if (key !== '' && !byKey.has(key)) byKey.set(key, i);
  });
  const columns: Partial<Record<F, number>> = {};
  for (const spec of specs) {
    const index = byKey.get(matchKey(spec.header));
    if (index !== undefined) columns[spec.field] = index;
    else if (spec.required) throw ContractError.columnMissing(sheet, spec.header);
  }
  return { headerIndex, columns, byKey };
}

export function headerLabels<F extends string>(specs: readonly ColumnSpec<F>[]): Record<F, string> {
  return Object.fromEntries(specs.map((s) => [s.field, s.header])) as Record<F, string>;
}

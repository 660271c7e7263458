// `ptdv remind` decides from a lean read of the file and only appends to the mail log. The rows
// it appends are kept here, seen by its own later reads, and written into the file afterwards by
// the full reader and writer (which keep every format, validation and protection), and only when
// there is something to write: a day without mail does not rewrite a 200,000-row file.
import { CONTRACT_ERROR } from '../core/messages/problems';
import { matchKey } from '../core/text/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import { FileError } from './xlsx-workbook';

export class StagedAppends implements Workbook {
  private readonly staged = new Map<string, Cell[][]>();

  constructor(private readonly base: Workbook) {}

  sheetNames(): string[] {
    return this.base.sheetNames();
  }

  readSheet(name: string): Cell[][] | null {
    const rows = this.base.readSheet(name);
    const added = this.staged.get(matchKey(name));
    if (!rows || !added) return rows;
    // As the sheet would read once written: equal-length rows.
    const width = Math.max(rows[0]?.length ?? 0, ...added.map((r) => r.length));
    const pad = (r: Cell[]) => [...r, ...new Array<Cell>(width - r.length).fill('')];
    return [...rows, ...added].map(pad);
  }

  appendRows(name: string, rows: Cell[][]): void {
    if (this.base.readSheet(name) === null) throw new FileError(CONTRACT_ERROR.sheetMissing(name));
    const key = matchKey(name);
    this.staged.set(key, [...(this.staged.get(key) ?? []), ...rows.map((r) => [...r])]);
  }

  writeSheet(name: string, _rows: Cell[][], _layout: SheetLayout): void {
    throw new Error(`only appends are staged: cannot write "${name}"`);
  }

  writeValues(name: string, _rows: Cell[][]): void {
    throw new Error(`only appends are staged: cannot write "${name}"`);
  }

  /** Whether anything waits to be written. */
  get pending(): boolean {
    return this.staged.size > 0;
  }

  /** What was staged, sheet by sheet in the order first staged, under the sheets' own names. */
  appends(): StagedRows[] {
    const names = new Map(this.base.sheetNames().map((n) => [matchKey(n), n]));
    return [...this.staged].map(([key, rows]) => ({ sheet: names.get(key) ?? key, rows }));
  }
}

export interface StagedRows {
  sheet: string;
  rows: Cell[][];
}

/** Appends staged rows to `target`, in order. */
export function replay(appends: readonly StagedRows[], target: Workbook): void {
  for (const { sheet, rows } of appends) target.appendRows(sheet, rows);
}

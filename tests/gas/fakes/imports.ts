/**
 * IMPORTRANGE as Sheets computes it, for the province's side of two levels
 * (https://support.google.com/docs/answer/3093340): a cell holding `=IMPORTRANGE("<url>",
 * "<sheet>!<range>")` shows the source's values, spilling right and down from the cell, once
 * someone with access to the source clicked "Allow access" for this spreadsheet; until then, and
 * whenever the source is gone or no longer shared with the one who allowed it, the cell is
 * `#REF!`. A spill that would overwrite a typed cell, or reach past the grid, is `#REF!` too
 * ("Array result was not expanded because it would overwrite data in …").
 *
 * Sources are other environments' files, registered by the test (`publish`) as live views:
 * who may read the file, and a sheet's values as the source's Sheets API holds them.
 */
import type { CellValue } from './cells';

export interface ImportSource {
  /** The addresses the file is shared with (owner included), read each time. */
  readers(): string[];
  /** A sheet's values from A1, or null without such a sheet. */
  values(sheet: string): CellValue[][] | null;
}

const FORMULA = /^=\s*IMPORTRANGE\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)\s*$/i;
const RANGE = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export class ImportRegistry {
  private readonly sources = new Map<string, ImportSource>();
  /** Source id -> the account that allowed it for this spreadsheet. */
  private readonly allowed = new Map<string, string>();

  /** Whether any source was registered (else no formula can yield anything). */
  active = false;

  publish(id: string, source: ImportSource): void {
    this.sources.set(id, source);
    this.active = true;
  }

  /** Forgets a source, as a file deleted for good. */
  unpublish(id: string): void {
    this.sources.delete(id);
  }

  /** "Allow access", clicked by `user`: works only for a source `user` can read. */
  allow(id: string, user: string): boolean {
    const source = this.sources.get(id);
    if (
      !source ||
      !source
        .readers()
        .map((r) => r.toLowerCase())
        .includes(user.toLowerCase())
    )
      return false;
    this.allowed.set(id, user.toLowerCase());
    return true;
  }

  isImport(formula: string): boolean {
    return FORMULA.test(formula);
  }

  /** The grid an IMPORTRANGE formula yields, or the error it shows. */
  evaluate(formula: string): CellValue[][] | '#REF!' | '#N/A' {
    const m = FORMULA.exec(formula);
    if (!m) return '#N/A';
    const id = /\/spreadsheets\/d\/([\w-]+)/.exec(m[1] ?? '')?.[1] ?? '';
    const source = this.sources.get(id);
    const by = this.allowed.get(id);
    if (!source || by === undefined) return '#REF!';
    if (
      !source
        .readers()
        .map((r) => r.toLowerCase())
        .includes(by)
    )
      return '#REF!';
    const r = RANGE.exec(m[2] ?? '');
    if (!r) return '#REF!';
    const title = r[1] !== undefined ? r[1].replace(/''/g, "'") : (r[2] ?? '');
    const values = source.values(title);
    if (values === null) return '#REF!';
    const [c0, r0, c1, r1] = [
      columnNumber(r[3] ?? 'A') - 1,
      Number(r[4]) - 1,
      columnNumber(r[5] ?? 'A') - 1,
      Number(r[6]) - 1,
    ];
    const out: CellValue[][] = [];
    for (let row = r0; row <= r1; row++) {
      const line: CellValue[] = [];
      for (let col = c0; col <= c1; col++) line.push(values[row]?.[col] ?? '');
      out.push(line);
    }
    return out;
  }
}

import type { Cell, SheetLayout, Workbook } from './port';

/**
 * The Workbook port over plain arrays: what a custom function receives as ranges, and what
 * tests use. Sheet names compare exactly; callers pass the contract's names.
 */
export class MemoryWorkbook implements Workbook {
  readonly sheets = new Map<string, Cell[][]>();
  readonly layouts = new Map<string, SheetLayout>();

  constructor(sheets: Record<string, Cell[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, rows);
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  readSheet(name: string): Cell[][] | null {
    return this.sheets.get(name) ?? null;
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    this.sheets.set(name, rows);
    this.layouts.set(name, layout);
  }

  writeValues(name: string, rows: Cell[][]): void {
    if (!this.sheets.has(name)) throw new Error(`no sheet ${name}`);
    this.sheets.set(
      name,
      rows.map((r) => [...r]),
    );
  }

  appendRows(name: string, rows: Cell[][]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    for (const r of rows) sheet.push([...r]);
  }
}

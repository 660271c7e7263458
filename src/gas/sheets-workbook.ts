// The Workbook port over the bound Google Sheet. Every read is one getValues per sheet and
// every write one setValues per block, whatever the number of rows (Apps Script bills each
// service call as a round trip).
import { matchKey } from '../core/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sheets turns typed text into formulas (`=…`), numbers or dates (`8-10`); a leading apostrophe
 * keeps any string exactly as text, and Sheets does not show or return the apostrophe.
 */
export function asText(value: Cell): Cell {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

export class SheetsWorkbook implements Workbook {
  private sheets: Map<string, Sheet> | null = null;

  constructor(private readonly spreadsheet: Spreadsheet) {}

  private index(): Map<string, Sheet> {
    if (this.sheets === null) {
      this.sheets = new Map();
      for (const sheet of this.spreadsheet.getSheets()) {
        const key = matchKey(sheet.getName());
        if (!this.sheets.has(key)) this.sheets.set(key, sheet);
      }
    }
    return this.sheets;
  }

  sheet(name: string): Sheet | null {
    return this.index().get(matchKey(name)) ?? null;
  }

  sheetNames(): string[] {
    return [...this.index().values()].map((s) => s.getName());
  }

  readSheet(name: string): Cell[][] | null {
    const sheet = this.sheet(name);
    return sheet === null ? null : (sheet.getDataRange().getValues() as Cell[][]);
  }

  /** Creates the sheet when missing; `index` places a new one among the tabs. */
  ensureSheet(name: string, index?: number): { sheet: Sheet; created: boolean } {
    const found = this.sheet(name);
    if (found) return { sheet: found, created: false };
    const sheet =
      index === undefined
        ? this.spreadsheet.insertSheet(name)
        : this.spreadsheet.insertSheet(name, index);
    this.index().set(matchKey(name), sheet);
    return { sheet, created: true };
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    const { sheet } = this.ensureSheet(name);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const height = Math.max(1, rows.length);
    const grid = rows.map((r) => {
      const line = r.map(asText);
      while (line.length < width) line.push('');
      return line;
    });
    if (grid.length === 0) grid.push(new Array<Cell>(width).fill(''));
    sheet.clear();
    const maxRows = sheet.getMaxRows();
    if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
    sheet.getRange(1, 1, height, width).setValues(grid);
    sheet.getRange(layout.headerRow, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(layout.headerRow);
    for (const [column, px] of Object.entries(layout.widths))
      sheet.setColumnWidth(Number(column), px);
    const body = height - layout.headerRow;
    if (body > 0) {
      for (const c of layout.dateColumns) {
        sheet.getRange(layout.headerRow + 1, c, body, 1).setNumberFormat('dd/mm/yyyy');
      }
      for (const c of layout.percentColumns) {
        sheet.getRange(layout.headerRow + 1, c, body, 1).setNumberFormat('0.0%');
      }
    }
  }
}

import type { CellValue } from '../core/model';

export type Cell = CellValue;

/** How a written sheet should look; each adapter applies what its medium supports. */
export interface SheetLayout {
  /** 1-based row of the header; rows above it are titles. */
  headerRow: number;
  /** 1-based columns holding calendar dates (shown dd/mm/yyyy). */
  dateColumns: number[];
  /** 1-based columns holding fractions shown as percentages. */
  percentColumns: number[];
  /** Column widths in pixels, by 1-based column; missing ones keep the default. */
  widths: Record<number, number>;
  /** 1-based columns holding a status label, coloured by conditional formatting. */
  statusColumns?: number[];
  /** Bar charts to keep beside the table (replaced, never duplicated, on each write). */
  charts?: ChartSpec[];
  /** Input helps for the rows below the header. */
  validations?: ValidationSpec[];
  /**
   * Empty rows kept below the table for typing (default 0). Every cell of the grid counts toward
   * the workbook's 10,000,000, so a sheet is trimmed to what it holds plus this margin.
   */
  spareRows?: number;
  /** A column whose cells link to other cells (one target per row of the table, or null). */
  links?: { column: number; targets: (CellTarget | LinkTarget | null)[] };
}

/** A cell in another file, by its address. */
export interface LinkTarget {
  url: string;
}

/** A cell of another sheet, 1-based. */
export interface CellTarget {
  sheet: string;
  row: number;
  column: number;
}

export interface ChartSpec {
  title: string;
  /** 1-based rows and columns of the labels and the values (a fraction shown as %). */
  firstRow: number;
  lastRow: number;
  labelColumn: number;
  valueColumn: number;
}

export type ValidationSpec =
  /** `strict` rejects other values; otherwise they are kept and only flagged. */
  | { column: number; kind: 'choices'; values: string[]; strict: boolean }
  | { column: number; kind: 'date' }
  /** A dropdown of the values in a column of another sheet (below its header). */
  | { column: number; kind: 'column-of'; sheet: string; sourceHeader: string };

/**
 * The port every adapter implements: one read per sheet, one write per block. Dates cross it
 * as instants at midnight Vietnam time, the way a Google Sheet in Asia/Ho_Chi_Minh holds them.
 */
export interface Workbook {
  sheetNames(): string[];
  /** Every cell of the sheet (rows of equal length), or null when there is no such sheet. */
  readSheet(name: string): Cell[][] | null;
  /** Replaces the sheet's cells with `rows`, creating the sheet when missing. */
  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void;
  /**
   * Replaces the values of an existing sheet that users keep (`Mốc`, `Chỉ tiêu`, `Cấu hình`), in
   * one block, keeping its formats, input helps and protections; the grid grows to fit.
   */
  writeValues(name: string, rows: Cell[][]): void;
  /** Adds rows after the last used row of an existing sheet, in one block. */
  appendRows(name: string, rows: Cell[][]): void;
  /**
   * Where the figures last read from each lower committee's `SL - <Mã>` sheet are kept, when the
   * workbook keeps them (Google Sheets: document properties); read by every evaluation.
   */
  readonly lastGood?: LastGoodFigures;
}

/**
 * The figures last read from each lower committee's counts sheet, for a run in which its import
 * shows an error (Sheets' IMPORTRANGE: not yet allowed, no longer shared, still loading).
 */
export interface LastGoodFigures {
  get(sheet: string): Cell[][] | null;
  /** Noted for the end of the run; saved only by whoever calls the store's own save. */
  set(sheet: string, values: Cell[][]): void;
}

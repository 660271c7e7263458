// The cells of one worksheet part, decoded from the walk through its XML (xlsx-sheet-scan.ts, on
// saxes, the XML parser exceljs itself uses), a chunk of text at a time. exceljs's streaming WorksheetReader builds a Row and a
// Cell object with its style for every cell and looks each address up through its cache; on the
// 200,000-row list that took 3.35 s of a 3.6 s read, this takes 2.25 s (measured on the bench's
// file, read alone). Each value is decoded as exceljs's full reader decodes it (lib/xlsx/xform/
// sheet/cell-xform.js, exceljs 4.4) and then passed through `toCell`, so both reads agree cell for
// cell; tests/local/streaming.test.ts compares them.
import type ExcelJS from 'exceljs';
import exceljsUtils from 'exceljs/lib/utils/utils';
import type { Cell } from '../workbook/port';
import { toCell, VIETNAM_OFFSET_MS } from './xlsx-workbook';
import { columnOf, scanSheet } from './xlsx-sheet-scan';
import type { ParsedCellSink } from './xlsx-sheet-halves';

/** What the workbook's other parts say about the cells of a sheet. */
export interface SheetContext {
  /** The shared string table, each string as the text its cells show (xlsx-shared-strings.ts). */
  sharedStrings: readonly string[];
  /** Whether a cell of this style index shows a date (its number format). */
  isDateStyle(styleId: number): boolean;
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
  /**
   * The dates read so far, by serial: the bench's 200,000 rows hold 591,969 date cells on 7,886
   * days, and one `Date` a day instead of one a cell spares the read its allocations
   * and the collector that many objects to trace while the list is computed. Nothing mutates a
   * cell (Sheets' `getValues` gives fresh ones, but no code of ptdv sets a date's time).
   */
  dates: Map<number, Date>;
}

/** 1-based row and column of each corner of a range such as "A1:C2". */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [from = '', to = from] = ref.split(':');
  const row = (a: string) => parseInt(a.replace(/^[A-Z]+/, ''), 10);
  return { top: row(from), left: columnOf(from), bottom: row(to), right: columnOf(to) };
}

/** The value exceljs's full reader gives a cell of type `t` with the text of its `<v>`. */
function decodeValue(t: string | undefined, text: string, context: SheetContext): unknown {
  switch (t) {
    case 's':
      return context.sharedStrings[parseInt(text, 10)];
    case 'str':
      return exceljsUtils.xmlDecode(text);
    case 'inlineStr':
      return text;
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return { error: text };
    default:
      return parseFloat(text);
  }
}

/**
 * A cell's value; under a date format a number (and, as exceljs does, any formula result) is a
 * date. Style 0 is no style to exceljs (its `styleId &&`), whatever its format.
 */
function decode(
  t: string | undefined,
  formula: boolean,
  text: string,
  styleId: number,
  context: SheetContext,
): unknown {
  // An empty <v> is no result at all to exceljs (its `if (model.value)`).
  if (formula && text === '') return undefined;
  // A formula's cached result is read as a number unless it is a string, a boolean or an error.
  const kind = formula && (t === 's' || t === 'inlineStr') ? undefined : t;
  return dated(decodeValue(kind, text, context), formula, styleId, context);
}

/**
 * A date cell as the port's cell: exceljs's `excelToDate` (the same expression, so the same
 * millisecond) read as Vietnam's wall clock, as `toCell` reads a date, in one `Date` where the
 * two steps made or changed one each (a list has several dates a row).
 */
function serialDate(serial: number, date1904: boolean): Date {
  const wallClock = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(wallClock - VIETNAM_OFFSET_MS);
}

/**
 * A decoded value under its cell's style: a date when the format says so (see `decode`), then
 * already the port's cell.
 */
function dated(value: unknown, formula: boolean, styleId: number, context: SheetContext): unknown {
  const date = styleId !== 0 && context.isDateStyle(styleId);
  if (date && (formula || typeof value === 'number')) {
    const serial = value as number;
    let day = context.dates.get(serial);
    if (day === undefined) {
      day = serialDate(serial, context.date1904);
      context.dates.set(serial, day);
    }
    return day;
  }
  // exceljs then drops a formula result that is 0, false or empty (FormulaValue's `_copyModel`).
  return formula && !value ? undefined : value;
}

/** A decoded value as the port's cell: a date is already one (`dated`). */
function asCell(value: unknown): Cell {
  return value instanceof Date ? value : toCell(value as ExcelJS.CellValue);
}

/** A sheet's rows as read: row i is the sheet's row i + 1, as long as its last cell, or missing. */
export interface SheetRows {
  rows: Cell[][];
  /**
   * The sheet's width as exceljs's full reader gives it: the last cell (a value, a formula or an
   * empty cell with a format) of the rows that hold any value or merged cell; 0 when none does.
   */
  width: number;
}

/** Rows made of the cells of a walk through a sheet (xlsx-sheet-scan.ts), decoded on arrival. */
export class RowsBuilder implements ParsedCellSink {
  private readonly rows: Cell[][] = [];
  private readonly merges: string[] = [];
  /** Per row index: the last cell exceljs keeps, and whether the row holds a value. */
  private readonly lastCell: number[] = [];
  private readonly valued: boolean[] = [];

  /**
   * An empty row as wide as the widest row so far, copied for each new row: its cells are then
   * set in place, where a row grown cell by cell and then padded to the sheet's width was copied
   * several times over (0.16 s of the bench's 200,000-row list to pad alone).
   */
  private blank: Cell[] = [];

  constructor(private readonly context: SheetContext) {}

  row(rowNumber: number): void {
    this.rows[rowNumber - 1] = this.blank.slice();
  }

  /**
   * A cell with a value at `column`: the next rows start at least that wide. Not for an empty
   * cell that only has a format, which may lie far to the right and does not widen the sheet.
   */
  private widen(column: number): void {
    while (this.blank.length < column) this.blank.push('');
  }

  cell(
    rowNumber: number,
    column: number,
    type: string | undefined,
    styleId: number,
    formula: boolean,
    text: string | null,
  ): void {
    const r = rowNumber - 1;
    const line = (this.rows[r] ??= []);
    line[column - 1] =
      text === null ? '' : asCell(decode(type, formula, text, styleId, this.context));
    if (column > (this.lastCell[r] ?? 0)) this.lastCell[r] = column;
    if (text !== null || formula) {
      this.valued[r] = true;
      if (column > this.blank.length) this.widen(column);
    }
  }

  parsedCell(
    rowNumber: number,
    column: number,
    type: string | undefined,
    styleId: number,
    value: number,
  ): void {
    const r = rowNumber - 1;
    const line = (this.rows[r] ??= []);
    const decoded = type === 's' ? this.context.sharedStrings[value] : value;
    line[column - 1] = asCell(dated(decoded, false, styleId, this.context));
    if (column > (this.lastCell[r] ?? 0)) this.lastCell[r] = column;
    this.valued[r] = true;
    if (column > this.blank.length) this.widen(column);
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** The rows, once every cell has arrived. */
  finish(): SheetRows {
    const { rows, lastCell, valued } = this;
    // exceljs's full reader gives every cell of a merged range its first cell's value (the range
    // counts as used even when that is empty).
    for (const ref of this.merges) {
      const { top, left, bottom, right } = rangeOf(ref);
      const value = rows[top - 1]?.[left - 1] ?? '';
      for (let r = top; r <= bottom; r++) {
        const line = (rows[r - 1] ??= []);
        for (let c = left; c <= right; c++) line[c - 1] = value;
        if (right > (lastCell[r - 1] ?? 0)) lastCell[r - 1] = right;
        valued[r - 1] = true;
      }
    }
    let width = 0;
    valued.forEach((v, r) => {
      if (v && (lastCell[r] ?? 0) > width) width = lastCell[r] ?? 0;
    });
    return { rows, width };
  }
}

/** Reads a worksheet part (its text, in chunks) into rows of cells. */
export async function sheetRows(
  chunks: AsyncIterable<string>,
  context: SheetContext,
): Promise<SheetRows> {
  const rows = new RowsBuilder(context);
  const scanner = scanSheet(rows);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return rows.finish();
}

// The cells of one worksheet part, decoded from the XML events of saxes (the XML parser exceljs
// itself uses), a chunk of text at a time. exceljs's streaming WorksheetReader builds a Row and a
// Cell object with its style for every cell and looks each address up through its cache; on the
// 200,000-row list that took 3.35 s of a 3.6 s read, this takes 2.25 s (measured on the bench's
// file, read alone). Each value is decoded as exceljs's full reader decodes it (lib/xlsx/xform/
// sheet/cell-xform.js, exceljs 4.4) and then passed through `toCell`, so both reads agree cell for
// cell; tests/local/streaming.test.ts compares them.
import type ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import exceljsUtils from 'exceljs/lib/utils/utils';
import type { Cell } from '../workbook/port';
import { toCell } from './xlsx-workbook';

/** What the workbook's other parts say about the cells of a sheet. */
export interface SheetContext {
  /** The shared string table: text, or exceljs's `{ richText }`. */
  sharedStrings: readonly unknown[];
  /** Whether a cell of this style index shows a date (its number format). */
  isDateStyle(styleId: number): boolean;
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
}

/** 1-based column of an address such as "AB12". */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
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
  const value = decodeValue(kind, text, context);
  const date = styleId !== 0 && context.isDateStyle(styleId);
  if (date && (formula || typeof value === 'number'))
    return exceljsUtils.excelToDate(value as number, context.date1904);
  // exceljs then drops a formula result that is 0, false or empty (FormulaValue's `_copyModel`).
  return formula && !value ? undefined : value;
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

/** Reads a worksheet part (its text, in chunks) into rows of cells. */
export async function sheetRows(
  chunks: AsyncIterable<string>,
  context: SheetContext,
): Promise<SheetRows> {
  const rows: Cell[][] = [];
  const merges: string[] = [];
  /** Per row index: the last cell exceljs keeps, and whether the row holds a value. */
  const lastCell: number[] = [];
  const valued: boolean[] = [];
  const parser = new SaxesParser();
  let row: Cell[] = [];
  let rowNumber = 0;
  let column = 0;
  let kept = 0;
  let inCell = false;
  let type: string | undefined;
  let styleId = 0;
  let formula = false;
  // The text of the cell's <v> or of the <t>s of its inline string; null while it has none.
  let text: string | null = null;
  let reading = false;

  parser.on('opentag', (node: SaxesTagPlain) => {
    const a = node.attributes;
    switch (node.name) {
      case 'row':
        rowNumber = a.r ? parseInt(a.r, 10) : rowNumber + 1;
        row = [];
        rows[rowNumber - 1] = row;
        kept = 0;
        break;
      case 'c':
        inCell = true;
        // Without an address a cell follows the last one exceljs kept.
        column = a.r ? columnOf(a.r) : kept + 1;
        type = a.t;
        styleId = a.s ? parseInt(a.s, 10) : 0;
        formula = false;
        text = null;
        break;
      case 'f':
        if (inCell) formula = true;
        break;
      case 'v':
      case 't':
        if (inCell) {
          reading = true;
          text ??= '';
        }
        break;
      case 'mergeCell':
        if (a.ref) merges.push(a.ref);
        break;
      default:
        break;
    }
  });
  // CDATA is not read: exceljs's full reader ignores it in cells too.
  parser.on('text', (value: string) => {
    if (reading) text += value;
  });
  parser.on('closetag', (node: SaxesTagPlain) => {
    switch (node.name) {
      case 'v':
      case 't':
        reading = false;
        break;
      case 'c': {
        inCell = false;
        const hasValue = text !== null || formula;
        // exceljs drops a cell with neither a value nor a format (its "merge" cells).
        if (!hasValue && styleId === 0) break;
        row[column - 1] =
          text === null
            ? ''
            : toCell(decode(type, formula, text, styleId, context) as ExcelJS.CellValue);
        kept = column;
        const r = rowNumber - 1;
        if (column > (lastCell[r] ?? 0)) lastCell[r] = column;
        if (hasValue) valued[r] = true;
        break;
      }
      default:
        break;
    }
  });
  let failure: Error | null = null;
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;

  // exceljs's full reader gives every cell of a merged range its first cell's value (the range
  // counts as used even when that is empty).
  for (const ref of merges) {
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

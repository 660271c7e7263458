// The Workbook port over a whole .xlsx in exceljs's model: the files ptdv makes (`init`, `demo`,
// the counts file), and with PTDV_XLSX_READ=full any file read and written whole, as before the
// lean read and the patched write. Saved atomically (atomic-file.ts).
import { existsSync, readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { CONTRACT_ERROR } from '../core/messages/problems';
import { isDateObject } from '../core/calendar/dates';
import { matchKey } from '../core/text/normalize';
import { columnLetters } from '../core/text/cells';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import { writeFileAtomically } from './atomic-file';
import { FileError } from './file-error';
import { inExceljsLayout, styleEveryTable } from './xlsx-dialects';

let exceljs: typeof ExcelJS | undefined;

/**
 * exceljs, loaded the first time a whole workbook is made or read: loading it costs 0.15 s, and
 * the commands that read lean and write patched (report, check, counts, remind) never need it.
 */
function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  exceljs ??= require('exceljs') as typeof ExcelJS;
  return exceljs;
}

/** Vietnam's clocks against UTC: how far exceljs's wall-clock dates are from the port's instants. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const PX_PER_CHAR = 7;

interface Ordered {
  orderNo: number;
}

/**
 * exceljs hands out a cell's wall-clock time as if it were UTC; the port speaks instants in
 * Vietnam time (as a Google Sheet set to Asia/Ho_Chi_Minh does), so shift by the offset.
 */
const fromWallClock = (d: Date): Date => new Date(d.getTime() - VIETNAM_OFFSET_MS);
const toWallClock = (d: Date): Date => new Date(d.getTime() + VIETNAM_OFFSET_MS);

export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (isDateObject(value)) return fromWallClock(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

function toExcel(value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (isDateObject(value)) return toWallClock(value);
  return value;
}

export class XlsxWorkbook implements Workbook {
  private constructor(private readonly book: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const book = new (excel().Workbook)();
    book.creator = 'ptdv';
    return new XlsxWorkbook(book);
  }

  static async open(path: string): Promise<XlsxWorkbook> {
    if (!existsSync(path)) throw new FileError(CONTRACT_ERROR.fileMissing(path));
    const book = new (excel().Workbook)();
    try {
      const data = readFileSync(path);
      // Pictures, charts, comments and tables as other programs lay them out (openpyxl,
      // LibreOffice), handed over as exceljs reads them: see xlsx-dialects.ts. Not a zip at all:
      // exceljs says so just below.
      const layout = await inExceljsLayout(data).catch(() => null);
      // exceljs's typings call a Buffer an ArrayBuffer; it takes Node's.
      await book.xlsx.load((layout ?? data) as unknown as ExcelJS.Buffer);
    } catch (e) {
      // exceljs says "Can't find end of central directory…" or a parser's "Unexpected close tag":
      // the user needs to hear what to do. A TypeError is exceljs tripping over a part of a sound
      // file it does not know: never its words or its stack, but not "broken" either.
      const internal =
        e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
      throw new FileError(
        internal ? CONTRACT_ERROR.fileNotOpened(path) : CONTRACT_ERROR.fileUnreadable(path),
      );
    }
    styleEveryTable(book);
    return new XlsxWorkbook(book);
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    const key = matchKey(name);
    return this.book.worksheets.find((ws) => matchKey(ws.name) === key);
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  readSheet(name: string): Cell[][] | null {
    const ws = this.find(name);
    if (!ws) return null;
    const width = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
    const rows: Cell[][] = [];
    // `findRow` and `values` read what is there; `getRow`/`getCell` would create every empty
    // cell they touch (hundreds of MB on a province's list).
    for (let r = 1; r <= ws.rowCount; r++) {
      const values = (ws.findRow(r)?.values ?? []) as ExcelJS.CellValue[];
      const line: Cell[] = new Array<Cell>(width);
      for (let c = 1; c <= width; c++) line[c - 1] = toCell(values[c]);
      rows.push(line);
    }
    return rows;
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    const old = this.find(name);
    // exceljs orders sheets by an untyped `orderNo`; reusing it keeps the tab where it was.
    const order = old && (old as unknown as Ordered).orderNo;
    if (old) this.book.removeWorksheet(old.id);
    const ws = this.book.addWorksheet(old?.name ?? name, {
      views: [{ state: 'frozen', ySplit: layout.headerRow }],
    });
    if (order !== undefined) (ws as unknown as Ordered).orderNo = order;
    rows.forEach((line, r) => {
      const row = ws.getRow(r + 1);
      line.forEach((value, c) => {
        const v = toExcel(value);
        if (v !== null) row.getCell(c + 1).value = v;
      });
    });
    if (layout.links) {
      const { column, targets } = layout.links;
      targets.forEach((t, i) => {
        const label = rows[i]?.[column - 1];
        if (t && typeof label === 'string' && label !== '') {
          const hyperlink =
            'url' in t
              ? t.url
              : `#'${t.sheet.replace(/'/g, "''")}'!${columnLetters(t.column)}${t.row}`;
          ws.getRow(i + 1).getCell(column).value = { text: label, hyperlink };
        }
      });
    }
    ws.getRow(layout.headerRow).font = { bold: true };
    for (const [col, px] of Object.entries(layout.widths)) {
      ws.getColumn(Number(col)).width = Math.round(px / PX_PER_CHAR);
    }
    for (const c of layout.dateColumns) ws.getColumn(c).numFmt = 'dd/mm/yyyy';
    for (const c of layout.percentColumns) ws.getColumn(c).numFmt = '0.0%';
  }

  writeValues(name: string, rows: Cell[][]): void {
    const ws = this.find(name);
    if (!ws) throw new FileError(CONTRACT_ERROR.sheetMissing(name));
    rows.forEach((line, r) => {
      const row = ws.getRow(r + 1);
      line.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = toExcel(value);
        if (isDateObject(value)) cell.numFmt = 'dd/mm/yyyy';
      });
    });
  }

  appendRows(name: string, rows: Cell[][]): void {
    const ws = this.find(name);
    if (!ws) throw new FileError(CONTRACT_ERROR.sheetMissing(name));
    for (const line of rows) ws.addRow(line.map(toExcel));
  }

  /** Read and written whole: a save always writes the file again (as before the patched write). */
  readonly pending = true;

  /** The whole workbook as it will be saved, made in memory. */
  async render(): Promise<Uint8Array> {
    return new Uint8Array((await this.book.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /** Writes the whole workbook, atomically (see atomic-file.ts). */
  async save(path: string): Promise<void> {
    writeFileAtomically(path, await this.render());
  }
}

// A lean read of an .xlsx for the commands that only read it (report without --write, check,
// counts, init --plan-from): exceljs's streaming WorkbookReader, values only (no hyperlinks; the
// styles only to tell a date from a number, so cells read exactly as the full reader gives them),
// and only the sheets the engine reads. A province's 200,000-row list is read row by row instead
// of building every cell object of the whole workbook.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { CONTRACT_ERROR } from '../core/messages';
import { matchKey } from '../core/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import { FileError, toCell, XlsxWorkbook } from './xlsx-workbook';

/** A workbook read once, whose sheets can only be read. */
export class ReadOnlyWorkbook implements Workbook {
  constructor(
    private readonly names: string[],
    private readonly sheets: Map<string, Cell[][]>,
  ) {}

  sheetNames(): string[] {
    return [...this.names];
  }

  readSheet(name: string): Cell[][] | null {
    const key = matchKey(name);
    const found = this.names.find((n) => matchKey(n) === key);
    if (found === undefined) return null;
    const values = this.sheets.get(found);
    // A sheet left unread by choice: asking for it is a mistake in the command, not the file.
    if (!values) throw new Error(`sheet "${found}" was not read`);
    return values;
  }

  writeSheet(name: string, _rows: Cell[][], _layout: SheetLayout): void {
    throw new Error(`read-only workbook: cannot write "${name}"`);
  }

  writeValues(name: string, _rows: Cell[][]): void {
    throw new Error(`read-only workbook: cannot write "${name}"`);
  }

  appendRows(name: string, _rows: Cell[][]): void {
    throw new Error(`read-only workbook: cannot write "${name}"`);
  }
}

interface StreamedRow {
  number: number;
  values: ExcelJS.CellValue[];
}
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  name: string;
}

/** Reads `path`, keeping the sheets `wanted` says to. */
export async function readXlsx(
  path: string,
  wanted: (name: string) => boolean,
): Promise<ReadOnlyWorkbook> {
  if (!existsSync(path)) throw new FileError(CONTRACT_ERROR.fileMissing(path));
  const names: string[] = [];
  const sheets = new Map<string, Cell[][]>();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      names.push(sheet.name);
      const keep = wanted(sheet.name);
      const rows: Cell[][] = [];
      let width = 0;
      for await (const row of sheet) {
        if (!keep) continue;
        const values = row.values;
        const line: Cell[] = [];
        for (let c = 1; c < values.length; c++) line.push(toCell(values[c]));
        rows[row.number - 1] = line;
        if (line.length > width) width = line.length;
      }
      if (!keep) continue;
      // Rows of equal length, empty rows included, as every Workbook hands them out.
      for (let r = 0; r < rows.length; r++) {
        const line = rows[r] ?? [];
        while (line.length < width) line.push('');
        rows[r] = line;
      }
      sheets.set(sheet.name, rows);
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    // exceljs's streaming reader trips over some files whose workbook part comes last (seen on a
    // small file it wrote itself: "Cannot read properties of undefined (reading 'sheets')"); the
    // full reader reads those, and says in Vietnamese when a file is not an .xlsx at all.
    const full = await XlsxWorkbook.open(path);
    const all = full.sheetNames();
    return new ReadOnlyWorkbook(
      all,
      new Map(all.filter(wanted).map((n) => [n, full.readSheet(n) ?? []])),
    );
  }
  return new ReadOnlyWorkbook(names, sheets);
}

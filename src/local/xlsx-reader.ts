// A lean read of an .xlsx for the commands that only read it (report without --write, check,
// counts, init --plan-from, and remind's planning): values only, and only the sheets the engine
// reads. A province's 200,000-row list is read as a stream of XML, never as a cell object each.
//
// The zip is opened by its central directory (unzipper, exceljs's own unzip library) so its parts
// are read in the order the reader needs them: relationships, workbook, styles, shared strings,
// then the wanted sheets only. exceljs's streaming WorkbookReader reads the parts in the order
// they lie in the file, and Excel, Google Sheets and exceljs itself all put the shared strings
// after the sheets: it then copies every sheet to a temporary file first, and it fails outright
// on files whose workbook part comes last. The first parts go to WorkbookReader's own part
// readers (`_parseRels`, …; not in its typings, so named in `PartReaders` below), the shared
// strings to the full reader's xform; the sheets to `sheetRows`, which decodes their cells as
// exceljs's full reader does, only faster.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import unzipper from 'unzipper';
import { CONTRACT_ERROR } from '../core/messages/problems';
import { matchKey } from '../core/text/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import exceljsUtils from 'exceljs/lib/utils/utils';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform';
import { sheetRows, type SheetContext, type SheetRows } from './xlsx-sheet-rows';
import { FileError } from './file-error';
import { XlsxWorkbook } from './xlsx-workbook';

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

/** What WorkbookReader keeps once the workbook part is read (exceljs 4.4). */
interface SheetEntry {
  name: string;
  rId: string;
}
interface Relationship {
  Id: string;
  Target: string;
}

/** WorkbookReader's part readers (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface PartReaders {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  workbookRels?: Relationship[];
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
}

/** The path of a part the workbook's relationships point to (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/** Rows of equal length (the sheet's width as the full reader gives it), empty rows included. */
function squared({ rows, width }: SheetRows): Cell[][] {
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r] ?? [];
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = '';
    line.length = width;
    rows[r] = line;
  }
  return rows;
}

/**
 * `PTDV_XLSX_READ=full` reads every file with the full reader instead, as before the lean read
 * existed: a way around a file the lean read might take differently, and the bench's "before".
 */
export function fullReadRequested(): boolean {
  return process.env.PTDV_XLSX_READ === 'full';
}

/** Reads `path`, keeping the sheets `wanted` says to. */
export async function readXlsx(
  path: string,
  wanted: (name: string) => boolean,
): Promise<ReadOnlyWorkbook> {
  if (!existsSync(path)) throw new FileError(CONTRACT_ERROR.fileMissing(path));
  if (fullReadRequested()) {
    const full = await XlsxWorkbook.open(path);
    const all = full.sheetNames();
    return new ReadOnlyWorkbook(
      all,
      new Map(all.filter(wanted).map((n) => [n, full.readSheet(n) ?? []])),
    );
  }
  try {
    return await readLean(path, wanted);
  } catch (e) {
    // Not a zip (a .csv renamed), a truncated download, broken XML: say so in Vietnamese, as the
    // full reader does, rather than a parser's stack.
    if (e instanceof FileError) throw e;
    throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
  }
}

async function readLean(
  path: string,
  wanted: (name: string) => boolean,
): Promise<ReadOnlyWorkbook> {
  const zip = await unzipper.Open.file(path);
  const parts = new Map(zip.files.map((f) => [f.path, f]));
  // Text, decoded across chunk boundaries: exceljs decodes each chunk of bytes on its own, which
  // garbles any letter whose UTF-8 bytes straddle two chunks ("Tr��ờng"), as Vietnamese does on
  // every page (exceljs issues 2063 and 2084: https://github.com/exceljs/exceljs/issues/2084).
  const part = (name: string) => parts.get(name)?.stream().setEncoding('utf8');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as PartReaders;
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  // The shared strings through the full reader's own xform: exceljs's streaming reader keeps
  // `_x000D_` (Excel's carriage return) undecoded, the whitespace between tags of an indented
  // file, and a phonetic reading in place of the text.
  const strings = new SharedStringsXform();
  const table = part('xl/sharedStrings.xml');
  if (table) await strings.parseStream(table);

  const dateStyles = new Map<number, boolean>();
  const context: SheetContext = {
    sharedStrings: strings.values ?? [],
    date1904: reader.properties?.model?.date1904 === true,
    isDateStyle(id) {
      let isDate = dateStyles.get(id);
      if (isDate === undefined) {
        isDate = exceljsUtils.isDateFmt(reader.styles?.getStyleModel(id)?.numFmt);
        dateStyles.set(id, isDate);
      }
      return isDate;
    },
  };
  const names: string[] = [];
  const sheets = new Map<string, Cell[][]>();
  const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, partPath(r.Target)]));
  for (const sheet of reader.model?.sheets ?? []) {
    // Worksheets only, as the full reader lists them (a chart sheet holds no cells).
    if (!/(^|\/)worksheets\//.test(targets.get(sheet.rId) ?? '')) continue;
    names.push(sheet.name);
    if (!wanted(sheet.name)) continue;
    const target = targets.get(sheet.rId);
    const stream = target === undefined ? undefined : part(target);
    if (!stream) throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
    sheets.set(sheet.name, squared(await sheetRows(stream, context)));
  }
  return new ReadOnlyWorkbook(names, sheets);
}

// A lean read of an .xlsx for the commands that only read it (report without --write, check,
// counts, init --plan-from, and remind's planning): values only, and only the sheets the engine
// reads. A province's 200,000-row list is read as a stream of XML, never as a cell object each.
//
// The zip is opened by its central directory (yauzl: native inflate, and 4 ms to load where
// unzipper, exceljs's own, took 80 ms of every command) so its parts
// are read in the order the reader needs them: relationships, workbook, styles, shared strings,
// then the wanted sheets only. exceljs's streaming WorkbookReader reads the parts in the order
// they lie in the file, and Excel, Google Sheets and exceljs itself all put the shared strings
// after the sheets: it then copies every sheet to a temporary file first, and it fails outright
// on files whose workbook part comes last. The index parts go to the full reader's own xforms
// (the ones WorkbookReader uses; not in exceljs's typings, so named in exceljs-utils.d.ts); the
// shared strings to `readSharedStrings` and the sheets to `sheetRows`, which read them as
// exceljs's full reader does, only faster.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CONTRACT_ERROR } from '../core/messages/problems';
import { matchKey } from '../core/text/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import exceljsUtils from 'exceljs/lib/utils/utils';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import { RowsBuilder, sheetRows, type SheetContext, type SheetRows } from './xlsx-sheet-rows';
import { readSharedStrings, readSomeSharedStrings } from './xlsx-shared-strings';
import {
  halfReader,
  sheetRowsInHalves,
  type HalfReader,
  type HalvesUnderWay,
} from './xlsx-half-reader';
import {
  inflatePart,
  packSheet,
  sharedIndexes,
  splitBytes,
  textChunks,
  unpack,
  type PackedCells,
  type StoredPart,
} from './xlsx-sheet-halves';
import { FileError } from './file-error';
import { withPrefixes } from './xlsx-dialects';
import { MAIN_NS, prefixesMain } from './xlsx-main-prefix';
import { XlsxWorkbook } from './xlsx-workbook';

/**
 * A workbook read once, whose sheets can only be read, each of them once: the rows are handed
 * over, not kept. A command reads each sheet once (the port's rule: one read per sheet), and a
 * province's list (200,000 rows, about 165 MB of cells) then goes as soon as the engine has taken
 * what it needs from it, instead of staying beside everything computed from it until the command
 * ends (measured on the bench's file: 237 MB live at the end of `remind`'s run, 73 MB once let go).
 */
export class ReadOnlyWorkbook implements Workbook {
  constructor(
    private readonly names: string[],
    /** The rows of each sheet read; null once handed over. */
    private readonly sheets: Map<string, Cell[][] | null>,
  ) {}

  sheetNames(): string[] {
    return [...this.names];
  }

  readSheet(name: string): Cell[][] | null {
    const key = matchKey(name);
    const found = this.names.find((n) => matchKey(n) === key);
    if (found === undefined) return null;
    const values = this.sheets.get(found);
    // A sheet left unread by choice, or asked for twice: a mistake in the command, not the file.
    if (values === undefined) throw new Error(`sheet "${found}" was not read`);
    if (values === null) throw new Error(`sheet "${found}" already handed over`);
    this.sheets.set(found, null);
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
  const zip = await openZip(path);
  try {
    return await readParts(path, zip, wanted);
  } finally {
    zip.close();
  }
}

/** The zip's entries by name, read from its central directory. */
async function openZip(path: string): Promise<yauzl.ZipFile & { parts: Map<string, yauzl.Entry> }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) =>
      e ? reject(e) : resolve(z),
    ),
  );
  const parts = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      parts.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return Object.assign(zip, { parts });
}

async function readParts(
  path: string,
  zip: yauzl.ZipFile & { parts: Map<string, yauzl.Entry> },
  wanted: (name: string) => boolean,
): Promise<ReadOnlyWorkbook> {
  // Text, decoded across chunk boundaries: exceljs decodes each chunk of bytes on its own, which
  // garbles any letter whose UTF-8 bytes straddle two chunks ("Tr��ờng"), as Vietnamese does on
  // every page (exceljs issues 2063 and 2084: https://github.com/exceljs/exceljs/issues/2084).
  const raw = async (name: string): Promise<Readable | undefined> => {
    const entry = zip.parts.get(name);
    if (!entry) return undefined;
    return new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))),
    );
  };
  const part = async (name: string): Promise<Readable | undefined> =>
    (await raw(name))?.setEncoding('utf8');
  /**
   * A small SpreadsheetML part (the workbook, the styles) for exceljs's xforms, which know its
   * elements only unprefixed: one written with a prefix (xlsx-main-prefix.ts) is handed over in
   * the default namespace.
   */
  const mainPart = async (name: string): Promise<Readable | undefined> => {
    const stream = await part(name);
    if (!stream) return undefined;
    let xml = '';
    for await (const chunk of stream) xml += chunk as string;
    if (prefixesMain(xml)) xml = withPrefixes(xml, { [MAIN_NS]: '' }) ?? xml;
    return Readable.from([xml]);
  };
  // Where a large sheet's data lies in the file, for the reader of halves to read and inflate
  // it off this thread while the styles and shared strings are parsed here.
  const stored = async (entry: yauzl.Entry): Promise<StoredPart> => {
    if (entry.isEncrypted()) throw new Error('encrypted part');
    const header = await new Promise<{ fileDataStart: number }>((resolve, reject) =>
      zip.readLocalFileHeader(entry, { minimal: true }, (e, h) => (e ? reject(e) : resolve(h))),
    );
    return {
      path,
      start: header.fileDataStart,
      length: entry.compressedSize,
      method: entry.compressionMethod,
      size: entry.uncompressedSize,
    };
  };
  /**
   * The shared strings, all of them or only those `needed` (when it is not null). The table is
   * read and inflated in one step, as a large sheet is (`inflatePart`), then walked: through
   * yauzl's stream its chunks had cost the main thread 100-150 ms of stream machinery and waits
   * for the next chunk, in the 0.4-0.9 s it parses a province's 258,734 strings, before it can
   * begin its share of the list.
   */
  const sharedStrings = async (needed: ReadonlySet<number> | null): Promise<string[]> => {
    if (needed?.size === 0) return [];
    const entry = zip.parts.get('xl/sharedStrings.xml');
    if (!entry) return [];
    const inflated = inflatePart(await stored(entry));
    const bytes = Buffer.from(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    return (needed && readSomeSharedStrings(bytes, needed)) ?? readSharedStrings(textChunks(bytes));
  };
  const rels = await part('xl/_rels/workbook.xml.rels');
  const book = await mainPart('xl/workbook.xml');
  if (!rels || !book) throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
  const workbookRels = await new RelationshipsXform().parseStream(rels);
  const workbook = new WorkbookXform();
  await workbook.parseStream(book);
  const targets = new Map((workbookRels ?? []).map((r) => [r.Id, partPath(r.Target)]));
  // Worksheets only, as the full reader lists them (a chart sheet holds no cells).
  const isWorksheet = (rId: string) => /(^|\/)worksheets\//.test(targets.get(rId) ?? '');
  const halves: HalfReader | null = workbook.model?.sheets?.some((sheet) => {
    const entry = zip.parts.get(targets.get(sheet.rId) ?? '');
    return (
      entry &&
      isWorksheet(sheet.rId) &&
      wanted(sheet.name) &&
      entry.uncompressedSize >= splitBytes()
    );
  })
    ? halfReader()
    : null;
  const large = new Map<string, Promise<HalvesUnderWay>>();
  for (const sheet of workbook.model?.sheets ?? []) {
    const entry = zip.parts.get(targets.get(sheet.rId) ?? '');
    if (!entry || !isWorksheet(sheet.rId) || !wanted(sheet.name)) continue;
    if (halves && entry.uncompressedSize >= splitBytes()) {
      const underWay = stored(entry).then((data) => halves.read(data));
      // Taken when its sheet's turn comes; until then a failure must not count as unhandled.
      underWay.catch(() => undefined);
      large.set(sheet.name, underWay);
    }
  }
  try {
    const stylesPart = await mainPart('xl/styles.xml');
    const styles = stylesPart ? new StylesXform() : null;
    if (styles && stylesPart) await styles.parseStream(stylesPart);
    // The shared strings read as the full reader reads them (xlsx-shared-strings.ts): exceljs's
    // streaming reader keeps `_x000D_` (Excel's carriage return) undecoded, the whitespace
    // between tags of an indented file, and a phonetic reading in place of the text.
    // With no sheet to cut (none of the list's size is wanted), each wanted sheet is walked
    // first, its cells packed, so that only the shared strings they use are read
    // (`readSomeSharedStrings`): `counts --into` and `new-year` read only the plan's sheets of a
    // 200,000-row workbook, which use a few thousand of its 258,734.
    const packed = new Map<string, PackedCells>();
    if (!halves)
      for (const sheet of workbook.model?.sheets ?? []) {
        if (!isWorksheet(sheet.rId) || !wanted(sheet.name)) continue;
        const stream = await raw(targets.get(sheet.rId) ?? '');
        if (!stream) throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
        packed.set(sheet.name, await packSheet(stream.setEncoding('utf8')));
      }
    const strings = await sharedStrings(halves ? null : sharedIndexes(packed.values()));
    const dateStyles = new Map<number, boolean>();
    const context: SheetContext = {
      sharedStrings: strings,
      date1904: workbook.map.workbookPr?.model?.date1904 === true,
      dates: new Map(),
      isDateStyle(id) {
        let isDate = dateStyles.get(id);
        if (isDate === undefined) {
          isDate = exceljsUtils.isDateFmt(styles?.getStyleModel(id)?.numFmt);
          dateStyles.set(id, isDate);
        }
        return isDate;
      },
    };
    const names: string[] = [];
    const sheets = new Map<string, Cell[][]>();
    for (const sheet of workbook.model?.sheets ?? []) {
      if (!isWorksheet(sheet.rId)) continue;
      names.push(sheet.name);
      if (!wanted(sheet.name)) continue;
      const target = targets.get(sheet.rId) ?? '';
      const underWay = large.get(sheet.name);
      large.delete(sheet.name);
      const opened = async () => {
        const stream = await raw(target);
        if (!stream) throw new FileError(CONTRACT_ERROR.fileUnreadable(path));
        return stream;
      };
      const cells = packed.get(sheet.name);
      if (cells) {
        const builder = new RowsBuilder(context);
        unpack(cells, builder);
        sheets.set(sheet.name, squared(builder.finish()));
        continue;
      }
      const inHalves = underWay && (await sheetRowsInHalves(await underWay, context));
      // The worker's memory (the whole part, inflated) goes as soon as it has nothing left to do.
      if (large.size === 0) halves?.close();
      const rows = inHalves || (await sheetRows((await opened()).setEncoding('utf8'), context));
      sheets.set(sheet.name, squared(rows));
    }
    return new ReadOnlyWorkbook(names, sheets);
  } finally {
    halves?.close();
  }
}

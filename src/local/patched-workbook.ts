// The Workbook port over an office's .xlsx for the commands that write into it (`report --write`,
// `remind`, `counts --into`, `new-year`): read lean (the sheets the engine needs), and write only
// what ptdv owns. On save the file is opened as a zip and only the sheets written change (and the
// index parts that must name a new sheet, and the styles part by appending): the office's charts,
// pictures, comments, tables, macros and every other sheet keep their bytes.
import { readFileSync } from 'node:fs';
import { CLI } from '../core/messages/cli';
import { CONTRACT_ERROR } from '../core/messages/problems';
import { matchKey } from '../core/text/normalize';
import type { Cell, SheetLayout, Workbook } from '../workbook/port';
import { writeFileAtomically } from './atomic-file';
import { lockForWriting } from './write-lock';
import { fullReadRequested, readXlsx, ReadOnlyWorkbook } from './xlsx-reader';
import { XlsxPackage } from './xlsx-patch/package';
import {
  appendRowsBytes,
  replaceValuesXml,
  worksheetXml,
  type CellWriter,
} from './xlsx-patch/sheet-xml';
import { FileError } from './file-error';
import { XlsxWorkbook } from './xlsx-workbook';

type Edit =
  | { kind: 'sheet'; name: string; rows: Cell[][]; layout: SheetLayout }
  | { kind: 'values'; name: string; rows: Cell[][] }
  | { kind: 'append'; name: string; rows: Cell[][] };

export class PatchedXlsx implements Workbook {
  /** By sheet (matchKey of its name), in the order first written. */
  private readonly edits = new Map<string, Edit>();

  /** The sheets' names as the file has them (kept when the lean read is let go). */
  private readonly names: string[];

  private constructor(
    private readonly path: string,
    /** The lean read; let go once the file is rendered, which needs only the edits. */
    private base: ReadOnlyWorkbook | null,
    /** A file ptdv makes, from nothing: rendered from an empty workbook, not from `path`. */
    private readonly fresh = false,
  ) {
    this.names = base?.sheetNames() ?? [];
  }

  /** Opens `path`, reading the sheets `wanted` says to (the only ones `readSheet` can give). */
  static async open(path: string, wanted: (name: string) => boolean): Promise<PatchedXlsx> {
    return new PatchedXlsx(path, await readXlsx(path, wanted));
  }

  /**
   * A new workbook, to be saved to `path` (the counts file): written as the office's files are,
   * without loading exceljs.
   */
  static create(path: string): PatchedXlsx {
    return new PatchedXlsx(path, new ReadOnlyWorkbook([], new Map()), true);
  }

  sheetNames(): string[] {
    const names = [...this.names];
    const known = new Set(names.map(matchKey));
    for (const e of this.edits.values()) if (!known.has(matchKey(e.name))) names.push(e.name);
    return names;
  }

  readSheet(name: string): Cell[][] | null {
    const edit = this.edits.get(matchKey(name));
    if (edit && edit.kind !== 'append') return edit.rows.map((r) => [...r]);
    if (!this.base) throw new Error(`"${name}" read after the file was rendered`);
    const rows = this.base.readSheet(name);
    if (!rows || !edit) return rows;
    // As the sheet would read once written: rows of equal length.
    const all = [...rows, ...edit.rows];
    const width = all.reduce((w, r) => Math.max(w, r.length), 0);
    return all.map((r) => [...r, ...new Array<Cell>(width - r.length).fill('')]);
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    this.edits.set(matchKey(name), { kind: 'sheet', name: this.nameOf(name), rows, layout });
  }

  writeValues(name: string, rows: Cell[][]): void {
    if (!this.has(name)) throw new FileError(CONTRACT_ERROR.sheetMissing(name));
    this.edits.set(matchKey(name), { kind: 'values', name: this.nameOf(name), rows });
  }

  appendRows(name: string, rows: Cell[][]): void {
    const key = matchKey(name);
    const edit = this.edits.get(key);
    if (!edit && !this.has(name)) throw new FileError(CONTRACT_ERROR.sheetMissing(name));
    const copy = rows.map((r) => [...r]);
    if (edit) edit.rows.push(...copy);
    else this.edits.set(key, { kind: 'append', name: this.nameOf(name), rows: copy });
  }

  /** Whether anything waits to be written. */
  get pending(): boolean {
    return this.edits.size > 0;
  }

  /**
   * The file as it will be saved, made in memory from the file as it is now: a part that cannot
   * be edited fails here, before anything is written anywhere.
   */
  async render(): Promise<Buffer> {
    // The sheets read (a province's list among them) are not needed to write the edits: let go,
    // they would otherwise stay in memory beside the file being made.
    this.base = null;
    let pack: XlsxPackage;
    try {
      pack = this.fresh ? XlsxPackage.empty() : await XlsxPackage.load(readFileSync(this.path));
    } catch {
      throw new FileError(CONTRACT_ERROR.fileUnreadable(this.path));
    }
    let styles: Awaited<ReturnType<XlsxPackage['stylesPart']>>;
    try {
      styles = await pack.stylesPart();
    } catch {
      throw new FileError(CONTRACT_ERROR.fileUnreadable(this.path));
    }
    const writer: CellWriter = { style: (need) => styles.id(need), date1904: pack.date1904 };
    for (const edit of this.edits.values()) {
      try {
        await apply(pack, edit, writer);
      } catch (e) {
        if (e instanceof FileError) throw e;
        // A part that does not read as XML, say: named, and nothing written.
        throw new FileError(CLI.sheetUnwritable(this.path, edit.name));
      }
    }
    return pack.bytes();
  }

  /** Writes the edits into `target` (by default the file read), atomically; nothing if none. */
  async save(target: string = this.path): Promise<void> {
    if (!this.pending && target === this.path && !this.fresh) return;
    writeFileAtomically(target, await this.render());
  }

  private has(name: string): boolean {
    const key = matchKey(name);
    return this.names.some((n) => matchKey(n) === key);
  }

  /** The sheet's name as the file spells it, or as given for a new one. */
  private nameOf(name: string): string {
    const key = matchKey(name);
    return this.names.find((n) => matchKey(n) === key) ?? name;
  }
}

/** Whether a sheet's XML holds a formula (`<f>`, in any prefix). */
const hasFormula = (xml: string) => /<(\w+:)?f[\s>/]/.test(xml);

/** One sheet's edit made in the package. */
async function apply(pack: XlsxPackage, edit: Edit, writer: CellWriter): Promise<void> {
  const existing = pack.sheetPath(edit.name);
  if (edit.kind === 'sheet') {
    if (existing !== null && hasFormula(await pack.read(existing))) await pack.dropCalcChain();
    const path = existing ?? (await pack.addSheet(edit.name));
    const { xml, links } = worksheetXml(edit.rows, edit.layout, writer);
    pack.write(path, xml);
    pack.setLinks(path, links);
    return;
  }
  if (existing === null) throw new FileError(CONTRACT_ERROR.sheetMissing(edit.name));
  const xml = await pack.read(existing);
  if (edit.kind === 'values' && hasFormula(xml)) await pack.dropCalcChain();
  pack.write(
    existing,
    edit.kind === 'append'
      ? appendRowsBytes(xml, edit.rows, writer)
      : replaceValuesXml(xml, edit.rows, writer),
  );
}

/** A workbook a command writes into and then saves, to its own path or another. */
export interface WritableWorkbook extends Workbook {
  /** Whether a save would write anything. */
  readonly pending: boolean;
  /** The file as it will be saved, made in memory (a command may write it itself, atomically). */
  render(): Promise<Uint8Array>;
  save(target: string): Promise<void>;
}

/**
 * The office's file, opened to be written: patched in place, or with `PTDV_XLSX_READ=full` read
 * and written whole by exceljs as before (the way around a file the lean read takes wrongly).
 */
export async function openForWriting(
  path: string,
  wanted: (name: string) => boolean,
): Promise<WritableWorkbook> {
  // Taken before the file is read: what another run saves meanwhile is never read stale.
  lockForWriting(path);
  return fullReadRequested() ? XlsxWorkbook.open(path) : PatchedXlsx.open(path, wanted);
}

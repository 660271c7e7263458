/**
 * Spreadsheet: the sheets, sharing (owner/editors), named ranges, protections and toasts.
 * Test helpers at the end create and look up sheets without recording anything.
 *
 * Two limits of the real service live here: the workbook holds at most 10,000,000 cells
 * (sum of getMaxRows() x getMaxColumns() over its sheets; assertCellRoom), and protections are
 * enforced against the effective user (assertCanEdit).
 */
import { ImportRegistry } from './imports';
import { splitSheetName, type Box } from './a1';
import type { CellValue } from './cells';
import { CELL_LIMIT_MESSAGE, gasError, PROTECTED_MESSAGE, WORKBOOK_CELL_LIMIT } from './errors';
import type { FakeProtection, ProtectionDescription, ProtectionHost } from './protection';
import type { FakeRange } from './range';
import { SERVICE } from './record';
import { FakeSheet } from './sheet';
import type { GasState } from './state';
import type { FakeUi } from './ui';
import { emailOf, FakeUser } from './users';

export interface SpreadsheetOptions {
  /** Changed by env.makeCopy: the copy is another spreadsheet, with its own address. */
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheetNames: string[];
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

/** The parts of `box` outside `hole` (at most four boxes). */
function subtract(box: Box, hole: Box): Box[] {
  if (!overlaps(box, hole)) return [box];
  const out: Box[] = [];
  const top = hole.row - box.row;
  const bottom = box.row + box.numRows - (hole.row + hole.numRows);
  if (top > 0) out.push({ ...box, numRows: top });
  if (bottom > 0) out.push({ ...box, row: hole.row + hole.numRows, numRows: bottom });
  const row = Math.max(box.row, hole.row);
  const numRows = Math.min(box.row + box.numRows, hole.row + hole.numRows) - row;
  const left = hole.col - box.col;
  const right = box.col + box.numCols - (hole.col + hole.numCols);
  if (left > 0) out.push({ row, numRows, col: box.col, numCols: left });
  if (right > 0) out.push({ row, numRows, col: hole.col + hole.numCols, numCols: right });
  return out;
}

/** True when every cell of `box` lies in one of `holes`. */
function coveredBy(box: Box, holes: readonly Box[]): boolean {
  let rest = [box];
  for (const hole of holes) rest = rest.flatMap((part) => subtract(part, hole));
  return rest.length === 0;
}

/** What a change touches, for assertCanEdit. */
export interface EditScope {
  /** The cells changed; null for the sheet as a whole (its name, frozen rows, charts...). */
  cells: Box | null;
  /** Rows or columns inserted/deleted: a sheet protection's unprotected ranges don't help. */
  structural?: boolean;
  /** Which range protections the change hits (default: those overlapping `cells`). */
  hitsRange?: (protectedBox: Box) => boolean;
}

export class FakeSpreadsheet implements ProtectionHost {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly protectionList: FakeProtection[] = [];
  private sheets: FakeSheet[] = [];
  private active: FakeSheet | null = null;
  private readonly editorList: string[] = [];
  private readonly viewerList: string[] = [];
  private readonly namedRanges = new Map<string, FakeRange>();
  private nextSheetId = 0;
  /** Other files IMPORTRANGE may read (imports.ts); the test registers them. */
  readonly imports = new ImportRegistry();
  /** > 0 while a test helper writes: protections are not enforced then. */
  private helperDepth = 0;
  private chartIds = 0;
  private name: string;
  private timeZone: string;
  private locale: string;

  constructor(
    private readonly state: GasState,
    private readonly ui: FakeUi,
    private readonly options: SpreadsheetOptions,
  ) {
    this.name = options.name;
    this.timeZone = options.timeZone;
    this.locale = options.locale;
    for (const name of options.sheetNames) this.addSheet(name);
    this.active = this.sheets[0] ?? null;
  }

  // ---- ProtectionHost and other fakes' plumbing -------------------------------------------

  /** Before values are read: every IMPORTRANGE cell shows what Sheets would compute now. */
  recalculateImports(): void {
    // Only once a test registered a source: every other test reads at no extra cost.
    if (this.imports.active)
      for (const sheet of this.sheets) sheet.recalculateImports(this.imports);
  }

  owner(): string {
    return this.state.owner;
  }
  effectiveUser(): string {
    return this.state.effectiveUser;
  }
  addProtection(protection: FakeProtection): FakeProtection {
    this.protectionList.push(protection);
    return protection;
  }
  enforcing(): boolean {
    return this.helperDepth === 0;
  }
  /** Runs `fn` as the test itself (FakeSheet.load): protections are not enforced. */
  unguarded<T>(fn: () => T): T {
    this.helperDepth++;
    try {
      return fn();
    } finally {
      this.helperDepth--;
    }
  }
  /**
   * Throws the real "protected cell or object" error unless the effective user may make the
   * change: the owner always may; otherwise every protection of the sheet that is not
   * warning-only, whose editors lack the user and that the change hits refuses it. A sheet
   * protection is hit by any change except a cell change lying wholly in its unprotected ranges;
   * a range protection by a change overlapping its range.
   */
  assertCanEdit(sheet: FakeSheet, scope: EditScope): void {
    if (!this.enforcing() || this.protectionList.length === 0) return;
    const user = this.state.effectiveUser.toLowerCase();
    if (user === this.state.owner.toLowerCase()) return;
    const { cells, structural = false } = scope;
    const hitsRange = scope.hitsRange ?? ((box: Box) => cells !== null && overlaps(cells, box));
    const name = sheet.getName();
    for (const p of this.protectionList) {
      if (p.sheetName() !== name || p.isWarningOnly() || p.canEdit()) continue;
      const hit =
        p.type === 'SHEET'
          ? structural || cells === null || !coveredBy(cells, p.unprotectedBoxes())
          : hitsRange(p.getRange());
      if (hit) throw gasError(PROTECTED_MESSAGE);
    }
  }
  /** Sum over the sheets of getMaxRows() x getMaxColumns(). */
  totalCells(): number {
    return this.sheets.reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
  }
  /** Throws the real error when `extra` more cells would take the workbook past the limit. */
  assertCellRoom(extra: number): void {
    if (extra > 0 && this.totalCells() + extra > WORKBOOK_CELL_LIMIT) {
      throw gasError(CELL_LIMIT_MESSAGE);
    }
  }
  removeProtection(protection: FakeProtection): void {
    const index = this.protectionList.indexOf(protection);
    if (index >= 0) this.protectionList.splice(index, 1);
  }
  nextChartId(): number {
    return ++this.chartIds;
  }
  assertNameFree(name: string): void {
    if (this.sheets.some((s) => s.getName().toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  // ---- identity and settings --------------------------------------------------------------

  /** env.makeCopy: this is now the copy, another spreadsheet with its own id and address. */
  becomeCopy(id: string): void {
    this.options.id = id;
  }

  getId(): string {
    return this.options.id;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.options.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.ui.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // ---- sheets -----------------------------------------------------------------------------

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.getSheetId() === id) ?? null;
  }
  /** insertSheet(), (name), (index), (name, index): index is 0-based; the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.freeDefaultName();
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const sheet = this.addSheet(name, [], at);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (!this.sheets.includes(sheet)) throw gasError('Sheet not found');
    if (this.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    // A protected sheet, or one holding a protected range, is not the user's to delete.
    this.assertCanEdit(sheet, { cells: null, hitsRange: () => true });
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const p of [...this.protectionList])
      if (p.sheetName() === sheet.getName()) this.removeProtection(p);
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
  }
  getActiveSheet(): FakeSheet | null {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    if (!this.sheets.includes(sheet)) throw gasError('Sheet not found');
    this.active = sheet;
    return sheet;
  }
  moveActiveSheet(position: number): void {
    const sheet = this.active;
    if (!sheet) return;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position - 1, 0, sheet);
  }
  /** 'Sheet1!A1:B2', or 'A1' on the active sheet. */
  getRange(a1: string): FakeRange {
    const { sheetName, a1: cells } = splitSheetName(a1);
    const sheet = sheetName === null ? this.active : this.getSheetByName(sheetName);
    if (!sheet) throw gasError('Range not found');
    return sheet.getRange(cells);
  }
  setNamedRange(name: string, range: FakeRange): void {
    this.namedRanges.set(name, range);
  }
  getRangeByName(name: string): FakeRange | null {
    return this.namedRanges.get(name) ?? null;
  }
  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
  }
  getProtections(type: string): FakeProtection[] {
    return this.protectionList.filter((p) => p.getProtectionType() === String(type));
  }

  // ---- sharing ----------------------------------------------------------------------------

  getOwner(): FakeUser {
    return new FakeUser('SpreadsheetApp', this.state.owner);
  }
  getEditors(): FakeUser[] {
    return [this.state.owner, ...this.editorList].map((e) => new FakeUser('SpreadsheetApp', e));
  }
  addEditor(user: unknown): this {
    const email = emailOf(user);
    if (email !== this.state.owner && !this.editorList.includes(email)) this.editorList.push(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    users.forEach((user) => this.addEditor(user));
    return this;
  }
  removeEditor(user: unknown): this {
    const index = this.editorList.indexOf(emailOf(user));
    if (index >= 0) this.editorList.splice(index, 1);
    return this;
  }
  getViewers(): FakeUser[] {
    return this.viewerList.map((e) => new FakeUser('SpreadsheetApp', e));
  }
  addViewer(user: unknown): this {
    const email = emailOf(user);
    if (!this.viewerList.includes(email)) this.viewerList.push(email);
    return this;
  }
  addViewers(users: unknown[]): this {
    users.forEach((user) => this.addViewer(user));
    return this;
  }
  removeViewer(user: unknown): this {
    const index = this.viewerList.indexOf(emailOf(user));
    if (index >= 0) this.viewerList.splice(index, 1);
    return this;
  }

  // ---- test helpers (unrecorded when called on the raw fake) ------------------------------

  /** The sheet called `name`; throws with the existing names when it is missing. */
  sheet(name: string): FakeSheet {
    const sheet = this.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet "${name}"; sheets are: ${this.sheetNames().join(', ')}`);
    return sheet;
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.getName());
  }
  /**
   * Creates a sheet (at the end) holding `values` from A1, without making it active. Like a
   * new sheet in Sheets it is 1000 x 26, grown to fit `values`; the workbook's cell limit holds.
   */
  addSheet(
    name: string,
    values: (CellValue | null | undefined)[][] = [],
    index?: number,
  ): FakeSheet {
    this.assertNameFree(name);
    const width = values.reduce((w, line) => Math.max(w, line.length), 0);
    this.assertCellRoom(Math.max(1000, values.length) * Math.max(26, width));
    const sheet = new FakeSheet(this, name, this.nextSheetId);
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 1;
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    sheet.load(values);
    return sheet;
  }
  /** Every protection in the spreadsheet, described. */
  protections(): ProtectionDescription[] {
    return this.protectionList.map((p) => p.describe());
  }
  editorEmails(): string[] {
    return [this.state.owner, ...this.editorList];
  }

  private freeDefaultName(): string {
    let n = this.sheets.length + 1;
    while (this.getSheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}

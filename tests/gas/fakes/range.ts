/**
 * Range: a rectangle of a FakeSheet. All state lives in the sheet's CellStore; a range is only
 * coordinates, so two ranges over the same cells always agree. A range never reaches past the
 * grid (Sheet.getRange refuses it) and writes never grow the sheet; every write is checked
 * against protections for the effective user before it changes anything. Error messages copy
 * the real service's wording so code that reports them can be tested.
 */
import { types } from 'util';
import { boxToA1, type Box } from './a1';
import { CONTENT_KEYS, FORMAT_KEYS, type Cell, type CellKey, type CellValue } from './cells';
import { displayValue } from './display';
import { gasError } from './errors';
import { FakeProtection } from './protection';
import { SERVICE } from './record';
import type { FakeSheet } from './sheet';
import { FakeDataValidationBuilder, type FakeDataValidation } from './validation';

type Grid<T> = T[][];

/** Converts whatever the script passed into something a cell can hold. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (types.isDate(value)) return new Date(value.getTime());
  const kind = Object.prototype.toString.call(value).slice(8, -1);
  throw gasError(`Cannot store a value of type ${kind} in a cell.`);
}

/**
 * Writes a value as the Sheets UI would take typed input: '=...' becomes a formula, a leading
 * apostrophe forces text (and is dropped), and a plain-text ('@') cell keeps strings verbatim.
 */
function enter(cell: Cell, raw: unknown): void {
  const value = toCellValue(raw);
  cell.formula = '';
  cell.value = value;
  if (typeof value !== 'string' || cell.numberFormat === '@') return;
  if (value.length > 1 && value.startsWith('=')) cell.formula = value;
  else if (value.startsWith("'")) cell.value = value.slice(1);
}

export class FakeRange implements Box {
  readonly [SERVICE] = 'SpreadsheetApp';

  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  // ---- internal grid plumbing -------------------------------------------------------------

  private read<T>(pick: (cell: Readonly<Cell>) => T): Grid<T> {
    const out: Grid<T> = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numCols; c++) {
        line.push(pick(this.sheet.store.peek(this.row + r, this.col + c)));
      }
      out.push(line);
    }
    return out;
  }

  /**
   * Every write goes through here first: the range must still be inside the grid (rows may have
   * been deleted since it was made) and the effective user must be allowed to edit its cells.
   */
  private assertWritable(): void {
    this.sheet.assertInGrid(this);
    this.sheet.assertCanEdit({ cells: this });
  }

  private each(apply: (cell: Cell, r: number, c: number) => void): this {
    this.assertWritable();
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++) {
        apply(this.sheet.store.touch(this.row + r, this.col + c), r, c);
      }
    }
    return this;
  }

  private checkGrid(data: unknown, method: string): Grid<unknown> {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw gasError(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    const grid = data as Grid<unknown>;
    if (grid.length !== this.numRows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of grid) {
      if (line.length !== this.numCols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numCols}.`,
        );
      }
    }
    return grid;
  }

  private writeGrid(data: unknown, method: string, apply: (cell: Cell, v: unknown) => void): this {
    const grid = this.checkGrid(data, method);
    return this.each((cell, r, c) => apply(cell, grid[r]?.[c]));
  }

  private set<K extends CellKey>(key: K, value: Cell[K]): this {
    return this.each((cell) => {
      cell[key] = value;
    });
  }

  private first<T>(pick: (cell: Readonly<Cell>) => T): T {
    return pick(this.sheet.store.peek(this.row, this.col));
  }

  /** Test helper (also used by other fakes): 'Sheet1!A1:B2'. */
  describe(): string {
    return `${this.sheet.getName()}!${boxToA1(this)}`;
  }

  // ---- geometry ---------------------------------------------------------------------------

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    return boxToA1(this);
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getGridId(): number {
    return this.sheet.getSheetId();
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || row > this.numRows || column < 1 || column > this.numCols) {
      throw gasError('Cell reference out of range');
    }
    return new FakeRange(this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    return this.sheet.getRange(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }
  activate(): this {
    this.sheet.activate();
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }
  isBlank(): boolean {
    return this.read((cell) => cell.value === '' && cell.formula === '').every((l) =>
      l.every(Boolean),
    );
  }

  // ---- values and formulas ----------------------------------------------------------------

  getValues(): Grid<CellValue> {
    this.sheet.spreadsheet.recalculateImports();
    return this.read((cell) => (cell.value instanceof Date ? new Date(cell.value) : cell.value));
  }
  getValue(): CellValue {
    return this.getValues()[0]?.[0] ?? '';
  }
  getDisplayValues(): Grid<string> {
    const timeZone = this.sheet.spreadsheet.getSpreadsheetTimeZone();
    const imports = this.sheet.spreadsheet.imports;
    this.sheet.spreadsheet.recalculateImports();
    return this.read((cell) =>
      cell.formula && !imports.isImport(cell.formula)
        ? cell.formula
        : displayValue(cell.value, cell.numberFormat, timeZone),
    );
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }
  setValues(values: unknown[][]): this {
    return this.writeGrid(values, 'setValues', enter);
  }
  setValue(value: unknown): this {
    toCellValue(value);
    return this.each((cell) => enter(cell, value));
  }
  getFormulas(): Grid<string> {
    return this.read((cell) => cell.formula);
  }
  getFormula(): string {
    return this.first((cell) => cell.formula);
  }
  setFormula(formula: string): this {
    return this.each((cell) => {
      cell.formula = formula;
      cell.value = formula;
    });
  }
  setFormulas(formulas: string[][]): this {
    return this.writeGrid(formulas, 'setFormulas', (cell, formula) => {
      cell.formula = String(formula ?? '');
      cell.value = cell.formula;
    });
  }
  clearContent(): this {
    this.assertWritable();
    this.sheet.store.reset(CONTENT_KEYS, this);
    return this;
  }
  clearFormat(): this {
    this.assertWritable();
    this.sheet.store.reset(FORMAT_KEYS, this);
    return this;
  }
  clearNote(): this {
    this.assertWritable();
    this.sheet.store.reset(['note'], this);
    return this;
  }
  clearDataValidations(): this {
    this.assertWritable();
    this.sheet.store.reset(['validation'], this);
    return this;
  }
  /** With no options everything goes (contents, formats, validations, notes), like the real one. */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const all =
      !options ||
      !(
        options.contentsOnly ||
        options.formatOnly ||
        options.validationsOnly ||
        options.commentsOnly
      );
    if (all || options?.contentsOnly) this.clearContent();
    if (all || options?.formatOnly) this.clearFormat();
    if (all || options?.validationsOnly) this.clearDataValidations();
    if (all || options?.commentsOnly) this.clearNote();
    return this;
  }

  // ---- formats ----------------------------------------------------------------------------

  setNumberFormat(format: string): this {
    return this.set('numberFormat', format);
  }
  setNumberFormats(formats: string[][]): this {
    return this.writeGrid(
      formats,
      'setNumberFormats',
      (cell, f) => (cell.numberFormat = String(f)),
    );
  }
  getNumberFormat(): string {
    return this.first((cell) => cell.numberFormat);
  }
  getNumberFormats(): Grid<string> {
    return this.read((cell) => cell.numberFormat);
  }
  setFontWeight(weight: string | null): this {
    return this.set('fontWeight', weight ?? 'normal');
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.writeGrid(
      weights,
      'setFontWeights',
      (cell, w) => (cell.fontWeight = String(w ?? 'normal')),
    );
  }
  getFontWeight(): string {
    return this.first((cell) => cell.fontWeight);
  }
  getFontWeights(): Grid<string> {
    return this.read((cell) => cell.fontWeight);
  }
  setFontColor(color: string | null): this {
    return this.set('fontColor', color ?? DEFAULT_FONT_COLOR);
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.writeGrid(
      colors,
      'setFontColors',
      (cell, c) => (cell.fontColor = String(c ?? DEFAULT_FONT_COLOR)),
    );
  }
  getFontColor(): string {
    return this.first((cell) => cell.fontColor);
  }
  getFontColors(): Grid<string> {
    return this.read((cell) => cell.fontColor);
  }
  setFontStyle(style: string | null): this {
    return this.set('fontStyle', style ?? 'normal');
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.writeGrid(
      styles,
      'setFontStyles',
      (cell, v) => (cell.fontStyle = String(v ?? 'normal')),
    );
  }
  getFontStyles(): Grid<string> {
    return this.read((cell) => cell.fontStyle);
  }
  setFontSize(size: number): this {
    return this.set('fontSize', size);
  }
  setFontFamily(family: string | null): this {
    return this.set('fontFamily', family ?? 'Arial');
  }
  setBackground(color: string | null): this {
    return this.set('background', color ?? DEFAULT_BACKGROUND);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.writeGrid(
      colors,
      'setBackgrounds',
      (cell, c) => (cell.background = String(c ?? DEFAULT_BACKGROUND)),
    );
  }
  getBackground(): string {
    return this.first((cell) => cell.background);
  }
  getBackgrounds(): Grid<string> {
    return this.read((cell) => cell.background);
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.set('horizontalAlignment', alignment ?? 'general');
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.writeGrid(
      alignments,
      'setHorizontalAlignments',
      (cell, a) => (cell.horizontalAlignment = String(a ?? 'general')),
    );
  }
  getHorizontalAlignment(): string {
    return this.first((cell) => cell.horizontalAlignment);
  }
  getHorizontalAlignments(): Grid<string> {
    return this.read((cell) => cell.horizontalAlignment);
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.set('verticalAlignment', alignment ?? 'bottom');
  }
  setWrap(wrap: boolean): this {
    return this.set('wrap', wrap);
  }
  setWraps(wraps: boolean[][]): this {
    return this.writeGrid(wraps, 'setWraps', (cell, w) => (cell.wrap = Boolean(w)));
  }
  setWrapStrategy(strategy: string): this {
    return this.set('wrap', String(strategy) === 'WRAP');
  }
  getWrap(): boolean {
    return this.first((cell) => cell.wrap);
  }
  getWraps(): Grid<boolean> {
    return this.read((cell) => cell.wrap);
  }
  /** Borders are only recorded (sheet.borders()), not modelled per cell. */
  setBorder(...args: unknown[]): this {
    this.assertWritable();
    this.sheet.borderLog.push({ range: boxToA1(this), args });
    return this;
  }

  // ---- notes ------------------------------------------------------------------------------

  setNote(note: string | null): this {
    return this.set('note', note ?? '');
  }
  setNotes(notes: (string | null)[][]): this {
    return this.writeGrid(notes, 'setNotes', (cell, n) => (cell.note = String(n ?? '')));
  }
  getNote(): string {
    return this.first((cell) => cell.note);
  }
  getNotes(): Grid<string> {
    return this.read((cell) => cell.note);
  }

  // ---- data validation --------------------------------------------------------------------

  setDataValidation(rule: FakeDataValidation | null): this {
    return this.set('validation', rule);
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.writeGrid(rules, 'setDataValidations', (cell, rule) => {
      cell.validation = (rule as FakeDataValidation | null | undefined) ?? null;
    });
  }
  getDataValidation(): FakeDataValidation | null {
    return this.first((cell) => cell.validation);
  }
  getDataValidations(): Grid<FakeDataValidation | null> {
    return this.read((cell) => cell.validation);
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    const rule = new FakeDataValidationBuilder().requireCheckbox(checked, unchecked).build();
    const off = unchecked === undefined ? false : toCellValue(unchecked);
    return this.each((cell) => {
      cell.validation = rule;
      if (cell.value === '' && cell.formula === '') cell.value = off;
    });
  }
  removeCheckboxes(): this {
    return this.each((cell) => {
      if (cell.validation?.getCriteriaType() !== 'CHECKBOX') return;
      cell.validation = null;
      cell.value = '';
    });
  }

  // ---- merges, protection, sorting --------------------------------------------------------

  /** Merging keeps only the top-left value, as in Sheets. */
  merge(): this {
    this.assertWritable();
    this.sheet.addMerge(this);
    return this.each((cell, r, c) => {
      if (r > 0 || c > 0) Object.assign(cell, { value: '', formula: '' });
    });
  }
  mergeAcross(): this {
    this.assertWritable();
    for (let r = 0; r < this.numRows; r++)
      this.sheet.getRange(this.row + r, this.col, 1, this.numCols).merge();
    return this;
  }
  mergeVertically(): this {
    this.assertWritable();
    for (let c = 0; c < this.numCols; c++)
      this.sheet.getRange(this.row, this.col + c, this.numRows, 1).merge();
    return this;
  }
  breakApart(): this {
    this.assertWritable();
    this.sheet.removeMerges(this);
    return this;
  }
  isPartOfMerge(): boolean {
    return this.sheet.mergesTouching(this).length > 0;
  }
  getMergedRanges(): FakeRange[] {
    return this.sheet
      .mergesTouching(this)
      .map((b) => new FakeRange(this.sheet, b.row, b.col, b.numRows, b.numCols));
  }
  protect(): FakeProtection {
    this.assertWritable();
    return this.sheet.spreadsheet.addProtection(
      new FakeProtection(this.sheet.spreadsheet, 'RANGE', () => this.sheet.getName(), this),
    );
  }
  /** Sorts whole rows of the range (all attributes move with the value). Blanks go last. */
  sort(
    spec:
      | number
      | { column: number; ascending?: boolean }
      | (number | { column: number; ascending?: boolean })[],
  ): this {
    const keys = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : { column: s.column, ascending: s.ascending !== false },
    );
    const rows: Cell[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: Cell[] = [];
      for (let c = 0; c < this.numCols; c++)
        line.push({ ...this.sheet.store.peek(this.row + r, this.col + c) });
      rows.push(line);
    }
    rows.sort((a, b) => {
      for (const key of keys) {
        const index = key.column - this.col;
        const order = compareCells(a[index]?.value ?? '', b[index]?.value ?? '', key.ascending);
        if (order !== 0) return order;
      }
      return 0;
    });
    return this.each((cell, r, c) => Object.assign(cell, rows[r]?.[c]));
  }
}

const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_BACKGROUND = '#ffffff';

function rank(value: CellValue): number {
  if (typeof value === 'number' || value instanceof Date) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function compareCells(a: CellValue, b: CellValue, ascending: boolean): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  let order = rank(a) - rank(b);
  if (order === 0) {
    if (typeof a === 'string' && typeof b === 'string')
      order = a.localeCompare(b, undefined, { sensitivity: 'base' });
    else order = Number(a) - Number(b);
  }
  return ascending ? order : -order;
}

/**
 * Sheet: grid size, cell store, layout (frozen rows, widths, hidden rows/columns, merges) and the
 * objects attached to a sheet (conditional format rules, charts). Protections live on the
 * spreadsheet so both Sheet.getProtections and Spreadsheet.getProtections can see them.
 *
 * The grid is as strict as the real one: a range reaching below getMaxRows() or right of
 * getMaxColumns() is refused ("The coordinates of the range are outside the dimensions of the
 * sheet.", see errors.ts), so writes never grow a sheet. Only the insertRows/insertColumns
 * family and appendRow (which adds the row it needs, like the real one) grow it, within the
 * workbook's 10,000,000-cell limit. Every change is checked against protections for the
 * effective user (FakeSpreadsheet.assertCanEdit).
 *
 * Methods named like the Apps Script API are what the bundle calls. The "test helpers" section at
 * the end is for assertions: grids of values/formats over the data range, and plain descriptions.
 */
import type { ImportRegistry } from './imports';
import { boxToA1, parseA1, splitSheetName, type Box } from './a1';
import {
  CellStore,
  CONTENT_KEYS,
  FORMAT_KEYS,
  type Cell,
  type CellKey,
  type CellValue,
} from './cells';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, type ChartDescription } from './charts';
import type { FakeConditionalFormatRule, RuleDescription } from './conditionalFormat';
import { gasError, OUTSIDE_GRID_MESSAGE } from './errors';
import { FakeProtection, type ProtectionDescription } from './protection';
import { FakeRange, toCellValue } from './range';
import { SERVICE } from './record';
import type { EditScope, FakeSpreadsheet } from './spreadsheet';
import type { ValidationDescription } from './validation';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

function toInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw gasError(`Cannot convert '${String(value)}' to int.`);
  }
  return value;
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

export class FakeSheet {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly store = new CellStore();
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidthMap = new Map<number, number>();
  readonly rowHeightMap = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  /** Columns passed to autoResizeColumns (their width is not computed). */
  readonly autoResized = new Set<number>();
  readonly borderLog: { range: string; args: unknown[] }[] = [];
  private merged: Box[] = [];
  private rules: FakeConditionalFormatRule[] = [];
  private chartList: FakeEmbeddedChart[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly sheetId: number,
  ) {}

  /**
   * Recomputes this sheet's IMPORTRANGE cells (imports.ts): earlier spills cleared, then each
   * formula's grid spilled from its cell, or its error shown there.
   */
  recalculateImports(imports: ImportRegistry): void {
    const anchors: { row: number; col: number; cell: Cell }[] = [];
    this.store.each((row, col, cell) => {
      if (cell.spill) {
        cell.value = '';
        cell.spill = false;
      }
      if (cell.formula !== '' && imports.isImport(cell.formula)) anchors.push({ row, col, cell });
    });
    for (const { row, col, cell } of anchors) {
      const result = imports.evaluate(cell.formula);
      if (typeof result === 'string') {
        cell.value = result;
        continue;
      }
      const height = result.length;
      const width = Math.max(0, ...result.map((r) => r.length));
      // The store counts from 1, as Sheets does.
      let blocked = row + height - 1 > this.maxRows || col + width - 1 > this.maxColumns;
      for (let r = 0; r < height && !blocked; r++)
        for (let c = 0; c < width && !blocked; c++) {
          if (r === 0 && c === 0) continue;
          const other = this.store.peek(row + r, col + c);
          if (other.formula !== '' || (other.value !== '' && !other.spill)) blocked = true;
        }
      if (blocked) {
        cell.value = '#REF!';
        continue;
      }
      result.forEach((line, r) =>
        line.forEach((value, c) => {
          if (r === 0 && c === 0) cell.value = value;
          else if (value !== '')
            Object.assign(this.store.touch(row + r, col + c), { value, spill: true });
        }),
      );
    }
  }

  /**
   * Enlarges the grid to hold `box` (new sheets start at 1000 x 26), within the workbook's cell
   * limit. Only appendRow and the load() helper grow a sheet this way; range writes never do.
   */
  private growTo(box: Box): void {
    const rows = Math.max(this.maxRows, box.row + box.numRows - 1);
    const cols = Math.max(this.maxColumns, box.col + box.numCols - 1);
    this.spreadsheet.assertCellRoom(rows * cols - this.maxRows * this.maxColumns);
    this.maxRows = rows;
    this.maxColumns = cols;
  }
  /** Throws the real error when `box` reaches past the grid. */
  assertInGrid(box: Box): void {
    if (box.row + box.numRows - 1 > this.maxRows || box.col + box.numCols - 1 > this.maxColumns) {
      throw gasError(OUTSIDE_GRID_MESSAGE);
    }
  }
  /** Checks a change of this sheet against its protections (see FakeSpreadsheet.assertCanEdit). */
  assertCanEdit(scope: EditScope): void {
    this.spreadsheet.assertCanEdit(this, scope);
  }
  /** A change of the sheet as a whole (name, layout, rules, charts): a sheet protection hits it. */
  private assertSheetEditable(): void {
    this.assertCanEdit({ cells: null });
  }
  /** Every cell of the grid, for whole-sheet clears. */
  private wholeGrid(): Box {
    return { row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns };
  }

  // ---- identity ---------------------------------------------------------------------------

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.assertSheetEditable();
    if (name !== this.name) this.spreadsheet.assertNameFree(name);
    this.name = name;
    return this;
  }
  getSheetName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.spreadsheet.getSheets().indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  activate(): this {
    this.spreadsheet.setActiveSheet(this);
    return this;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): this {
    this.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }

  // ---- ranges -----------------------------------------------------------------------------

  getRange(a1: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const box = parseA1(splitSheetName(rowOrA1).a1, this.maxRows, this.maxColumns);
      this.assertInGrid(box);
      return new FakeRange(this, box.row, box.col, box.numRows, box.numCols);
    }
    const [row, col, rows, cols] = [rowOrA1, column, numRows, numColumns].map(toInt) as number[];
    if (row === undefined || row < 1) throw gasError('The starting row of the range is too small.');
    if (col === undefined || col < 1)
      throw gasError('The starting column of the range is too small.');
    if (rows === undefined || rows < 1)
      throw gasError('The number of rows in the range must be at least 1.');
    if (cols === undefined || cols < 1)
      throw gasError('The number of columns in the range must be at least 1.');
    this.assertInGrid({ row, col, numRows: rows, numCols: cols });
    return new FakeRange(this, row, col, rows, cols);
  }
  getDataRange(): FakeRange {
    return new FakeRange(
      this,
      1,
      1,
      Math.max(1, this.getLastRow()),
      Math.max(1, this.getLastColumn()),
    );
  }
  // A spilled import's cells count as content, as Sheets counts them.
  getLastRow(): number {
    this.spreadsheet.recalculateImports();
    return this.store.lastRow();
  }
  getLastColumn(): number {
    this.spreadsheet.recalculateImports();
    return this.store.lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw gasError(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    // The real appendRow adds the row (and columns) it needs; nothing changes if it may not.
    rowContents.forEach(toCellValue);
    const box = { row: this.getLastRow() + 1, col: 1, numRows: 1, numCols: rowContents.length };
    this.assertCanEdit({ cells: box });
    this.growTo(box);
    new FakeRange(this, box.row, box.col, 1, box.numCols).setValues([rowContents]);
    return this;
  }

  // ---- inserting and deleting rows/columns ------------------------------------------------

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAt(afterPosition + 1, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insertRowsAt(beforePosition, howMany);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsAt(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsAt(rowIndex, numRows);
  }
  private insertRowsAt(at: number, count: number): this {
    if (at < 1 || at > this.maxRows + 1 || count < 1)
      throw gasError('Those rows are out of bounds.');
    // Refused by a sheet protection, and by a range protection the new rows would split.
    this.assertCanEdit({
      cells: null,
      structural: true,
      hitsRange: (p) => p.row < at && at < p.row + p.numRows,
    });
    this.spreadsheet.assertCellRoom(count * this.maxColumns);
    this.store.shiftRows(at, count);
    this.maxRows += count;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows - this.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.assertCanEdit({
      cells: { row: rowPosition, col: 1, numRows: howMany, numCols: this.maxColumns },
      structural: true,
    });
    this.store.shiftRows(rowPosition, -howMany);
    this.maxRows -= howMany;
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insertColumnsAt(beforePosition, howMany);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsAt(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsAt(columnIndex, numColumns);
  }
  private insertColumnsAt(at: number, count: number): this {
    if (at < 1 || at > this.maxColumns + 1 || count < 1) {
      throw gasError('Those columns are out of bounds.');
    }
    this.assertCanEdit({
      cells: null,
      structural: true,
      hitsRange: (p) => p.col < at && at < p.col + p.numCols,
    });
    this.spreadsheet.assertCellRoom(count * this.maxRows);
    this.store.shiftColumns(at, count);
    this.maxColumns += count;
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw gasError('Those columns are out of bounds.');
    }
    if (howMany >= this.maxColumns - this.frozenColumns) {
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.assertCanEdit({
      cells: { row: 1, col: columnPosition, numRows: this.maxRows, numCols: howMany },
      structural: true,
    });
    this.store.shiftColumns(columnPosition, -howMany);
    this.maxColumns -= howMany;
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  // ---- clearing ---------------------------------------------------------------------------

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.assertCanEdit({ cells: this.wholeGrid() });
    const all = !options?.contentsOnly && !options?.formatOnly;
    if (all || options?.contentsOnly) this.store.reset(CONTENT_KEYS);
    if (all || options?.formatOnly) this.store.reset(FORMAT_KEYS);
    return this;
  }
  clearContents(): this {
    this.assertCanEdit({ cells: this.wholeGrid() });
    this.store.reset(CONTENT_KEYS);
    return this;
  }
  clearFormats(): this {
    this.assertCanEdit({ cells: this.wholeGrid() });
    this.store.reset(FORMAT_KEYS);
    return this;
  }
  clearNotes(): this {
    this.assertCanEdit({ cells: this.wholeGrid() });
    this.store.reset(['note']);
    return this;
  }

  // ---- layout -----------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.assertSheetEditable();
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.assertSheetEditable();
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.assertSheetEditable();
    this.columnWidthMap.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.assertSheetEditable();
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidthMap.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidthMap.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.assertSheetEditable();
    for (let c = startColumn; c < startColumn + numColumns; c++) this.autoResized.add(c);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setRowHeight(rowPosition: number, height: number): this {
    this.assertSheetEditable();
    this.rowHeightMap.set(rowPosition, height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.assertSheetEditable();
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeightMap.set(r, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this.rowHeightMap.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.assertSheetEditable();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.assertSheetEditable();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.assertSheetEditable();
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.assertSheetEditable();
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.has(rowPosition);
  }

  // ---- merges (used by FakeRange) ---------------------------------------------------------

  addMerge(box: Box): void {
    this.removeMerges(box);
    this.merged.push({ row: box.row, col: box.col, numRows: box.numRows, numCols: box.numCols });
  }
  removeMerges(box: Box): void {
    this.merged = this.merged.filter((m) => !overlaps(m, box));
  }
  mergesTouching(box: Box): Box[] {
    return this.merged.filter((m) => overlaps(m, box));
  }

  // ---- conditional formats ----------------------------------------------------------------

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.assertSheetEditable();
    this.rules = [...rules];
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.rules];
  }
  clearConditionalFormatRules(): void {
    this.assertSheetEditable();
    this.rules = [];
  }

  // ---- charts -----------------------------------------------------------------------------

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder();
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.assertSheetEditable();
    chart.state.id ??= this.spreadsheet.nextChartId();
    this.chartList.push(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this.chartList];
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.assertSheetEditable();
    this.chartList = this.chartList.filter((c) => c.state.id !== chart.state.id);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this.assertSheetEditable();
    const index = this.chartList.findIndex((c) => c.state.id === chart.state.id);
    if (chart.state.id === null || index < 0) throw gasError('Chart not found in the sheet.');
    this.chartList[index] = chart;
  }

  // ---- protection -------------------------------------------------------------------------

  /** Returns the existing sheet protection if there is one, like the real service. */
  protect(): FakeProtection {
    const existing = this.getProtections('SHEET')[0];
    if (existing) return existing;
    const whole = new FakeRange(this, 1, 1, this.maxRows, this.maxColumns);
    return this.spreadsheet.addProtection(
      new FakeProtection(this.spreadsheet, 'SHEET', () => this.name, whole),
    );
  }
  getProtections(type: string): FakeProtection[] {
    return this.spreadsheet.getProtections(type).filter((p) => p.sheetName() === this.name);
  }

  // ---- test helpers (unrecorded when called on the raw fake) ------------------------------

  /** The box helpers read by default: the data range, or nothing for an empty sheet. */
  private helperRange(a1?: string): FakeRange | null {
    if (a1 !== undefined) return this.getRange(a1);
    if (this.getLastRow() === 0) return null;
    return this.getDataRange();
  }
  /** Grid of one cell attribute over `a1` (default: the data range). */
  grid<K extends CellKey>(key: K, a1?: string): Cell[K][][] {
    const range = this.helperRange(a1);
    if (!range) return [];
    const out: Cell[K][][] = [];
    for (let r = range.row; r < range.row + range.numRows; r++) {
      const line: Cell[K][] = [];
      for (let c = range.col; c < range.col + range.numCols; c++)
        line.push(this.store.peek(r, c)[key]);
      out.push(line);
    }
    return out;
  }
  values(a1?: string): CellValue[][] {
    return this.helperRange(a1)?.getValues() ?? [];
  }
  displayValues(a1?: string): string[][] {
    return this.helperRange(a1)?.getDisplayValues() ?? [];
  }
  formulas(a1?: string): string[][] {
    return this.grid('formula', a1);
  }
  numberFormats(a1?: string): string[][] {
    return this.grid('numberFormat', a1);
  }
  notes(a1?: string): string[][] {
    return this.grid('note', a1);
  }
  backgrounds(a1?: string): string[][] {
    return this.grid('background', a1);
  }
  fontWeights(a1?: string): string[][] {
    return this.grid('fontWeight', a1);
  }
  fontColors(a1?: string): string[][] {
    return this.grid('fontColor', a1);
  }
  validations(a1?: string): (ValidationDescription | null)[][] {
    return this.grid('validation', a1).map((line) => line.map((rule) => rule?.describe() ?? null));
  }
  /** Every attribute of one cell, e.g. cell('B2').numberFormat. */
  cell(a1: string): Cell {
    const box = parseA1(a1, this.maxRows, this.maxColumns);
    return { ...this.store.peek(box.row, box.col) };
  }
  /**
   * Seeds values at (row, col) without recording; ragged rows are padded with ''. The test is
   * not the script: the sheet grows to fit (within the workbook's cell limit) and protections
   * do not apply.
   */
  load(values: unknown[][], row = 1, col = 1): this {
    if (values.length === 0) return this;
    const width = values.reduce((w, line) => Math.max(w, line.length), 1);
    const padded = values.map((line) => [...line, ...Array<unknown>(width - line.length).fill('')]);
    this.growTo({ row, col, numRows: padded.length, numCols: width });
    this.spreadsheet.unguarded(() =>
      this.getRange(row, col, padded.length, width).setValues(padded),
    );
    return this;
  }
  /** Width of every column 1..getMaxColumns(). */
  columnWidths(): number[] {
    return Array.from({ length: this.maxColumns }, (_, i) => this.getColumnWidth(i + 1));
  }
  autoResizedColumns(): number[] {
    return [...this.autoResized].sort((a, b) => a - b);
  }
  merges(): string[] {
    return this.merged.map(boxToA1);
  }
  borders(): { range: string; args: unknown[] }[] {
    return this.borderLog.map((b) => ({ ...b, args: [...b.args] }));
  }
  conditionalFormats(): RuleDescription[] {
    return this.rules.map((rule) => rule.describe());
  }
  charts(): ChartDescription[] {
    return this.chartList.map((chart) => chart.describe());
  }
  protections(): ProtectionDescription[] {
    return this.spreadsheet.protectionList
      .filter((p) => p.sheetName() === this.name)
      .map((p) => p.describe());
  }
}

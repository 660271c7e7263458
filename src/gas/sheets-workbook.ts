// The Workbook port over the bound Google Sheet. Every read is one getValues per sheet and
// every write one setValues per block, whatever the number of rows (Apps Script bills each
// service call as a round trip).
import { propertiesLastGood } from './last-good';
import { fnv1a } from '../core/text/hash';
import { matchKey } from '../core/text/normalize';
import { ContractError } from '../workbook/errors';
import { locateHeader } from '../workbook/header';
import type { ColumnSpec } from '../workbook/contract';
import { STATUS_COLOURS } from '../core/messages/labels';
import { VALIDATION_HELP } from '../core/messages/sheets';
import { columnLetters, widestRow } from '../core/text/cells';
import type {
  Cell,
  CellTarget,
  ChartSpec,
  LinkTarget,
  SheetLayout,
  ValidationSpec,
  Workbook,
} from '../workbook/port';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** One document property per sheet (a value may hold 9 KB): `ptdv.layout.<sheet>`. */
const LAYOUT_PREFIX = 'ptdv.layout.';

/**
 * A short fingerprint of what the formatting calls of a write depend on: the layout, the width, and the height where
 * rules or charts span the rows. Link targets are values, not layout.
 */
export function layoutSignature(layout: SheetLayout, width: number, height: number): string {
  const { links: _links, ...rest } = layout;
  const spansRows = (layout.statusColumns?.length ?? 0) > 0 || (layout.charts?.length ?? 0) > 0;
  const text = JSON.stringify({ ...rest, width, height: spansRows ? height : null });
  // A hash keeps the stored value short; FNV-1a over the text, with its length.
  return `${fnv1a(text).toString(16)}-${text.length}`;
}

/** Rows of sheet each chart takes, so stacked charts do not overlap. */
const CHART_ROWS = 20;
/** Rows added beyond an appended block, so most runs append without growing the sheet. */
const APPEND_MARGIN = 200;
/** Columns right of a table that its charts are anchored in (an anchor must lie in the grid). */
const CHART_COLUMNS = 8;

/**
 * Gives a sheet exactly `rows` × `columns` cells: a range outside the grid cannot be written
 * (Sheets throws "The coordinates of the range are outside the dimensions of the sheet", e.g.
 * https://github.com/diegomanuel/binance-to-google-sheets/issues/19), and every cell of every
 * sheet counts toward the spreadsheet's 10,000,000 (a new sheet already takes 1,000 × 26).
 */
export function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** Adds rows or columns so that the grid reaches at least `rows` × `columns`; never shrinks. */
export function growGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Sheets turns typed text into formulas (`=…`), numbers or dates (`8-10`); a leading apostrophe
 * keeps any string exactly as text, and Sheets does not show or return the apostrophe.
 */
export function asText(value: Cell): Cell {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** A bar chart of a percent column against a label column: the dashboard's and the report's. */
export function barChart(
  sheet: Sheet,
  spec: Pick<ChartSpec, 'title' | 'firstRow' | 'lastRow' | 'labelColumn' | 'valueColumn'>,
  values: 'percent' | 'count' = 'percent',
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const rows = spec.lastRow - spec.firstRow + 1;
  return sheet
    .newChart()
    .asBarChart()
    .setTitle(spec.title)
    .setOption('legend', { position: 'none' })
    .setOption('hAxis', { format: values === 'percent' ? 'percent' : '#,##0', minValue: 0 })
    .addRange(sheet.getRange(spec.firstRow, spec.labelColumn, rows, 1))
    .addRange(sheet.getRange(spec.firstRow, spec.valueColumn, rows, 1));
}

interface ColumnRun {
  start: number;
  count: number;
}

/** Consecutive columns as (start, count) runs. */
function columnRuns(columns: readonly number[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === c) last.count++;
    else runs.push({ start: c, count: 1 });
  }
  return runs;
}

/** Consecutive columns of the same width, as (start, count, px). */
export function widthRuns(
  widths: Record<number, number>,
): { start: number; count: number; px: number }[] {
  const runs: { start: number; count: number; px: number }[] = [];
  const columns = Object.keys(widths)
    .map(Number)
    .sort((a, b) => a - b);
  for (const column of columns) {
    const px = widths[column] as number;
    const last = runs[runs.length - 1];
    if (last && last.px === px && last.start + last.count === column) last.count++;
    else runs.push({ start: column, count: 1, px });
  }
  return runs;
}

export class SheetsWorkbook implements Workbook {
  private sheets: Map<string, { sheet: Sheet; name: string }> | null = null;
  /** The lower committees' last figures (a higher committee's); saved by a refresh only. */
  readonly lastGood = propertiesLastGood();

  constructor(readonly spreadsheet: Spreadsheet) {}

  private index(): Map<string, { sheet: Sheet; name: string }> {
    if (this.sheets === null) {
      this.sheets = new Map();
      for (const sheet of this.spreadsheet.getSheets()) {
        const name = sheet.getName();
        const key = matchKey(name);
        if (!this.sheets.has(key)) this.sheets.set(key, { sheet, name });
      }
    }
    return this.sheets;
  }

  sheet(name: string): Sheet | null {
    return this.index().get(matchKey(name))?.sheet ?? null;
  }

  sheetNames(): string[] {
    return [...this.index().values()].map((s) => s.name);
  }

  private readonly dataRanges = new Map<string, Range>();

  readSheet(name: string): Cell[][] | null {
    const range = this.dataRange(name);
    return range === null ? null : (range.getValues() as Cell[][]);
  }

  /** The used range of a sheet, asked once per run (the marks reuse the one the read used). */
  dataRange(name: string): Range | null {
    const key = matchKey(name);
    let range = this.dataRanges.get(key);
    if (range === undefined) {
      const sheet = this.sheet(name);
      if (sheet === null) return null;
      range = sheet.getDataRange();
      this.dataRanges.set(key, range);
    }
    return range;
  }

  /** Creates the sheet when missing; `index` places a new one among the tabs. */
  ensureSheet(name: string, index?: number): { sheet: Sheet; created: boolean } {
    const found = this.sheet(name);
    if (found) return { sheet: found, created: false };
    const sheet =
      index === undefined
        ? this.spreadsheet.insertSheet(name)
        : this.spreadsheet.insertSheet(name, index);
    this.index().set(matchKey(name), { sheet, name });
    return { sheet, created: true };
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    this.dataRanges.delete(matchKey(name));
    const { sheet, created } = this.ensureSheet(name);
    const width = widestRow(rows, 1);
    const height = Math.max(1, rows.length);
    const grid = rows.map((r) => {
      const line = r.map(asText);
      while (line.length < width) line.push('');
      return line;
    });
    // Our own link formulas, the one kind of cell that must not be written as text.
    if (layout.links) {
      const { column, targets } = layout.links;
      targets.forEach((target, i) => {
        const line = grid[i];
        if (target && line)
          line[column - 1] = this.linkFormula(target, String(rows[i]?.[column - 1] ?? ''));
      });
    }
    if (grid.length === 0) grid.push(new Array<Cell>(width).fill(''));
    // Formats, rules and charts cost dozens of round trips and depend only on the layout (and,
    // for rules and charts, the number of rows): applied again only when that changes.
    const signature = layoutSignature(layout, width, height);
    const [before, beforeHeight] = (this.layouts().get(name) ?? '').split('|');
    if (
      !created &&
      before === signature &&
      this.writeValuesOnly(sheet, grid, Number(beforeHeight) || 0, layout.charts?.length ?? 0)
    ) {
      if (Number(beforeHeight) !== grid.length) this.rememberLayout(name, signature, grid.length);
      return;
    }
    sheet.clear();
    const charts = layout.charts?.length ?? 0;
    // At least one row below the frozen header: Sheets refuses to delete every unfrozen row.
    const rowsNeeded = Math.max(
      height + (layout.spareRows ?? 0),
      charts * CHART_ROWS,
      layout.headerRow + 1,
    );
    fitGrid(sheet, rowsNeeded, charts > 0 ? width + 1 + CHART_COLUMNS : width);
    sheet.getRange(1, 1, height, width).setValues(grid);
    sheet.getRange(layout.headerRow, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(layout.headerRow);
    // One call per run of equal widths (a dashboard has dozens of 90 px columns).
    for (const run of widthRuns(layout.widths)) sheet.setColumnWidths(run.start, run.count, run.px);
    // Formats and validations cover the whole column, so rows typed later get them too.
    const below = rowsNeeded - layout.headerRow;
    if (below > 0) {
      // Neighbouring columns that take the same format or rule share one range: a unit room's
      // four date columns are two calls, not four (hundreds of rooms are made in one run).
      const columns = (run: ColumnRun) =>
        sheet.getRange(layout.headerRow + 1, run.start, below, run.count);
      for (const run of columnRuns(layout.dateColumns)) columns(run).setNumberFormat('dd/mm/yyyy');
      for (const run of columnRuns(layout.percentColumns)) columns(run).setNumberFormat('0.0%');
      const byRule = new Map<string, { spec: ValidationSpec; columns: number[] }>();
      for (const v of layout.validations ?? []) {
        const { column, ...rest } = v;
        const key = JSON.stringify(rest);
        const entry = byRule.get(key);
        if (entry) entry.columns.push(column);
        else byRule.set(key, { spec: v, columns: [column] });
      }
      for (const [key, { spec, columns: at }] of byRule) {
        const rule = this.validation(key, spec);
        if (rule) for (const run of columnRuns(at)) columns(run).setDataValidation(rule);
      }
    }
    if (layout.statusColumns) this.colourStatuses(sheet, layout, height);
    if (layout.charts) this.replaceCharts(sheet, layout.charts, width);
    this.rememberLayout(name, signature, grid.length);
  }

  /**
   * The layout is already in place: write the values over the last ones, padded with blank rows
   * down to where those ended (two or three round trips). False when the sheet no longer fits
   * them (a user deleted rows or columns) or lost a chart: the caller lays the sheet out again.
   */
  private writeValuesOnly(sheet: Sheet, grid: Cell[][], previousHeight: number, charts: number) {
    if (charts > 0 && sheet.getCharts().length !== charts) return false;
    const width = grid[0]?.length ?? 1;
    const rows = [...grid];
    while (rows.length < previousHeight) rows.push(new Array<Cell>(width).fill(''));
    // The width is part of the signature, and the grid held `previousHeight` rows: only more
    // rows need a look (a user who deleted rows or columns makes the write throw, caught below).
    if (rows.length > previousHeight && sheet.getMaxRows() < rows.length) return false;
    try {
      sheet.getRange(1, 1, rows.length, width).setValues(rows);
    } catch {
      return false;
    }
    return true;
  }

  private layoutCache: Map<string, string> | null = null;

  /** The layout each sheet was last given, from the document's properties (one read). */
  private layouts(): Map<string, string> {
    if (this.layoutCache === null) {
      this.layoutCache = new Map();
      const all = PropertiesService.getDocumentProperties().getProperties();
      for (const [key, value] of Object.entries(all))
        if (key.startsWith(LAYOUT_PREFIX))
          this.layoutCache.set(key.slice(LAYOUT_PREFIX.length), value);
    }
    return this.layoutCache;
  }

  /** The layout and how many rows it was written over (`<signature>|<rows>`). */
  private rememberLayout(name: string, signature: string, height: number): void {
    const value = `${signature}|${height}`;
    this.layouts().set(name, value);
    try {
      PropertiesService.getDocumentProperties().setProperty(LAYOUT_PREFIX + name, value);
    } catch {
      // A full property store (500 KB) loses only the fingerprint: the formats are applied
      // again next time, the values are written either way.
    }
  }

  writeValues(name: string, rows: Cell[][]): void {
    this.dataRanges.delete(matchKey(name));
    const sheet = this.sheet(name);
    if (sheet === null) throw ContractError.sheetMissing(name);
    const width = widestRow(rows, 1);
    const grid = rows.map((r) => [...r.map(asText), ...new Array<Cell>(width - r.length).fill('')]);
    growGrid(sheet, grid.length, width);
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
  }

  /**
   * Adds the date columns a typed-in list lacks after its last column, headed and formatted;
   * what users typed stays where it is. Returns the headers added.
   */
  addDateColumns(
    name: string,
    headers: readonly string[],
    specs: readonly ColumnSpec<string>[],
  ): string[] {
    const sheet = this.sheet(name);
    if (sheet === null || sheet.getLastRow() === 0) return [];
    const width = Math.max(1, sheet.getLastColumn());
    // The header is among the first rows (titles may sit above it).
    const top = sheet
      .getRange(1, 1, Math.min(10, sheet.getLastRow()), width)
      .getValues() as Cell[][];
    const header = locateHeader(name, top, specs);
    const have = new Set((top[header.headerIndex] ?? []).map((v) => matchKey(String(v))));
    const missing = headers.filter((h) => !have.has(matchKey(h)));
    if (missing.length === 0) return [];
    this.dataRanges.delete(matchKey(name));
    growGrid(sheet, sheet.getMaxRows(), width + missing.length);
    const row = header.headerIndex + 1;
    const added = sheet.getRange(row, width + 1, 1, missing.length);
    added.setValues([missing.map(asText)]);
    added.setFontWeight('bold');
    const below = sheet.getMaxRows() - row;
    if (below > 0)
      sheet.getRange(row + 1, width + 1, below, missing.length).setNumberFormat('dd/mm/yyyy');
    return missing;
  }

  appendRows(name: string, rows: Cell[][]): void {
    this.dataRanges.delete(matchKey(name));
    const sheet = this.sheet(name);
    if (sheet === null) throw ContractError.sheetMissing(name);
    if (rows.length === 0) return;
    const width = widestRow(rows);
    const grid = rows.map((r) => [...r.map(asText), ...new Array<Cell>(width - r.length).fill('')]);
    const first = sheet.getLastRow() + 1;
    // A log grows by a block each run: room is made first, a block at a time, never per row.
    growGrid(sheet, first + grid.length - 1 + APPEND_MARGIN, width);
    sheet.getRange(first, 1, grid.length, width).setValues(grid);
  }

  private readonly gids = new Map<string, number | null>();

  /** A link to a cell; the sheet's id is asked once per sheet, not once per link. */
  private linkFormula(target: CellTarget | LinkTarget, label: string): Cell {
    const text = label.replace(/"/g, '""');
    // A cell of a unit's own file: its address, built by the script (never typed by a user).
    if ('url' in target) return `=HYPERLINK("${target.url.replace(/"/g, '%22')}","${text}")`;
    if (!this.gids.has(target.sheet))
      this.gids.set(target.sheet, this.sheet(target.sheet)?.getSheetId() ?? null);
    const gid = this.gids.get(target.sheet);
    if (gid === null || gid === undefined) return asText(label);
    const url = `#gid=${gid}&range=${columnLetters(target.column)}${target.row}`;
    return `=HYPERLINK("${url}","${text}")`;
  }

  /** Rules built in this run, by spec: a built rule serves every sheet that needs it. */
  private readonly rules = new Map<string, DataValidation | null>();

  private validation(key: string, spec: ValidationSpec): DataValidation | null {
    if (!this.rules.has(key)) this.rules.set(key, this.buildValidation(spec));
    return this.rules.get(key) ?? null;
  }

  private buildValidation(spec: ValidationSpec): DataValidation | null {
    const builder = SpreadsheetApp.newDataValidation();
    switch (spec.kind) {
      case 'choices':
        return builder
          .requireValueInList(spec.values, true)
          .setAllowInvalid(!spec.strict)
          .setHelpText(VALIDATION_HELP.choices(spec.values))
          .build();
      case 'date':
        // Only flagged, not rejected: a date typed as text is still read, and checked.
        return builder
          .requireDate()
          .setAllowInvalid(true)
          .setHelpText(VALIDATION_HELP.date)
          .build();
      case 'column-of': {
        // Found by header, sized to the source sheet: a range past its edge would throw.
        const source = this.sheet(spec.sheet);
        const width = source?.getLastColumn() ?? 0;
        if (source === null || width === 0 || source.getMaxRows() < 2) return null;
        const header = source.getRange(1, 1, 1, width).getValues()[0] ?? [];
        const at = header.findIndex((h) => matchKey(String(h)) === matchKey(spec.sourceHeader));
        if (at < 0) return null;
        return builder
          .requireValueInRange(source.getRange(2, at + 1, source.getMaxRows() - 1, 1), true)
          .setAllowInvalid(true)
          .setHelpText(VALIDATION_HELP.unit)
          .build();
      }
    }
  }

  /** One rule per status for all status columns at once; replaces the sheet's earlier rules. */
  private colourStatuses(sheet: Sheet, layout: SheetLayout, height: number): void {
    const rows = height - layout.headerRow;
    if (rows <= 0) return;
    const ranges = (layout.statusColumns ?? []).map((c) =>
      sheet.getRange(layout.headerRow + 1, c, rows, 1),
    );
    const rules = STATUS_COLOURS.map((s) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(s.label)
        .setBackground(s.background)
        .setRanges(ranges)
        .build(),
    );
    sheet.setConditionalFormatRules(rules);
  }

  /** The sheet is the script's own, so every chart on it is one of ours: replace them all. */
  private replaceCharts(sheet: Sheet, charts: readonly ChartSpec[], width: number): void {
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    charts.forEach((spec, i) => {
      sheet.insertChart(
        barChart(sheet, spec)
          .setPosition(1 + i * CHART_ROWS, width + 2, 0, 0)
          .build(),
      );
    });
  }
}

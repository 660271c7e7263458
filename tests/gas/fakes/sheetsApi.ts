/**
 * The Sheets advanced service (v4), as "one spreadsheet per unit" uses it: Spreadsheets.create
 * with a header row, Spreadsheets.batchUpdate (formats, data validation, sheet properties) and
 * Spreadsheets.Values.get to read a unit's list back.
 *
 * A spreadsheet created here is a Drive file of the shared DriveStore (same id, owned by the
 * effective user, listed by Drive.Files.list, shared with Drive.Permissions). Under `drive.file`
 * the script reaches only those: any other id, the bound spreadsheet's included, answers
 * "Requested entity was not found." (the Sheets API's 404, as gas-fakes' advanced Sheets fake,
 * brucemcpherson/gas-fakes, also throws it).
 *
 * Cells hold strings, numbers, booleans, formulas (not evaluated) and Dates: a date an officer
 * types is a Date at midnight in the spreadsheet's time zone (sheets.typeInto).
 */
import { types } from 'util';
import { columnLetters, columnNumber } from './a1';
import { formatSheetsDate, zonedParts } from './dates';
import { SPREADSHEET_MIME, type DriveFileRecord, type DriveStore } from './drive';
import { apiError } from './errors';
import { SERVICE } from './record';

export type ApiCellValue = string | number | boolean | Date;

/** Read requests per minute per user (https://developers.google.com/sheets/api/limits). */
export const READS_PER_MINUTE = 60;
/** Write requests a minute per user per project (https://developers.google.com/sheets/api/limits). */
export const WRITES_PER_MINUTE = 60;
const WRITE_QUOTA =
  "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.";
const READ_QUOTA =
  "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.";

export interface ApiCell {
  value: ApiCellValue;
  /** Formula text ('=…') when the cell holds one; its value is then '' (not evaluated). */
  formula?: string;
  /** userEnteredFormat as sent, for inspection. */
  format?: unknown;
}

export interface ApiSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  /** 0-based row -> 0-based column -> cell. */
  cells: Map<number, Map<number, ApiCell>>;
  /** setDataValidation requests received for this sheet, in order. */
  validations: { range: GridRange; rule: unknown }[];
}

export interface ApiSpreadsheet {
  id: string;
  title: string;
  locale: string;
  timeZone: string;
  sheets: ApiSheet[];
  /** Every batchUpdate request, in order. */
  requests: object[];
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

interface CellData {
  userEnteredValue?: {
    stringValue?: string;
    numberValue?: number;
    boolValue?: boolean;
    formulaValue?: string;
  };
  userEnteredFormat?: unknown;
}

interface SpreadsheetResource {
  properties?: { title?: string; locale?: string; timeZone?: string };
  sheets?: {
    properties?: {
      sheetId?: number;
      title?: string;
      gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
    };
    data?: { startRow?: number; startColumn?: number; rowData?: { values?: CellData[] }[] }[];
  }[];
}

const NOT_FOUND = 'Requested entity was not found.';
/** Day 0 of Sheets' serial numbers. */
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

const isEmpty = (cell: ApiCell | undefined) =>
  cell === undefined || (cell.value === '' && cell.formula === undefined);

/** A sheet title as the API writes it in a range: quoted unless letters, digits and _. */
function quoteTitle(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/**
 * Sheets' date serial number: days since 1899-12-30 (the whole part, the calendar day in the
 * spreadsheet's time zone) plus the time as a fraction of the day
 * (https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption).
 */
export function serialNumber(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const days = (Date.UTC(p.year, p.month - 1, p.day) - EPOCH_1899_12_30) / 86_400_000;
  const seconds = p.hour * 3600 + p.minute * 60 + p.second + p.millisecond / 1000;
  return days + seconds / 86_400;
}

/** A Date the way the spreadsheet's locale shows it ('dd/mm/yyyy' in vi_VN). */
function formatDate(date: Date, book: ApiSpreadsheet): string {
  const p = zonedParts(date, book.timeZone);
  const day = book.locale === 'en_US' ? 'm/d/yyyy' : 'dd/mm/yyyy';
  const withTime = p.hour + p.minute + p.second > 0 ? `${day} hh:mm:ss` : day;
  return formatSheetsDate(date, withTime, book.timeZone);
}

/** A number as General format shows it: '20', and '1,5' in a decimal-comma locale. */
function formatNumber(value: number, book: ApiSpreadsheet): string {
  const text = String(value);
  return book.locale === 'en_US' ? text : text.replace('.', ',');
}

/**
 * One cell as values.get renders it
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption): FORMATTED_VALUE
 * (the default) as the cell shows, a string; UNFORMATTED_VALUE numbers and booleans as such and
 * dates per dateTimeRenderOption (SERIAL_NUMBER by default, or FORMATTED_STRING), which
 * FORMATTED_VALUE ignores; FORMULA like UNFORMATTED_VALUE but formulas as their text.
 */
function render(
  cell: ApiCell | undefined,
  book: ApiSpreadsheet,
  valueRender: ValueRenderOption,
  dateRender: DateTimeRenderOption,
): unknown {
  if (cell === undefined) return '';
  if (cell.formula !== undefined && valueRender === 'FORMULA') return cell.formula;
  const v = cell.value;
  if (v instanceof Date) {
    if (valueRender === 'FORMATTED_VALUE' || dateRender === 'FORMATTED_STRING')
      return formatDate(v, book);
    return serialNumber(v, book.timeZone);
  }
  if (valueRender !== 'FORMATTED_VALUE') return v;
  if (typeof v === 'number') return formatNumber(v, book);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

interface ParsedRange {
  sheet: ApiSheet;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const A1_PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * "'Danh sách'", "'Danh sách'!A1:N", "Sheet1!A2:C5", "Sheet1", "A1:B2" (first sheet), "A:C",
 * "2:5", "B3". Open ends reach the grid's edge; explicit ends past it are refused as the API does.
 */
function parseRange(range: string, book: ApiSpreadsheet, method: string): ParsedRange {
  const unparsable = () => apiError(method, `Unable to parse range: ${range}`);
  let title: string | null = null;
  let a1 = '';
  const text = String(range).trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < text.length; i++) {
      const ch = text.charAt(i);
      if (ch === "'" && text.charAt(i + 1) === "'") {
        name += "'";
        i++;
      } else if (ch === "'") break;
      else name += ch;
    }
    if (i >= text.length) throw unparsable();
    title = name;
    const rest = text.slice(i + 1);
    if (rest.startsWith('!')) a1 = rest.slice(1);
    else if (rest !== '') throw unparsable();
  } else if (text.includes('!')) {
    const bang = text.lastIndexOf('!');
    title = text.slice(0, bang);
    a1 = text.slice(bang + 1);
  } else if (book.sheets.some((s) => s.title === text)) {
    title = text;
  } else {
    a1 = text;
  }
  const sheet = title === null ? book.sheets[0] : book.sheets.find((s) => s.title === title);
  if (!sheet) throw unparsable();
  if (a1 === '') return { sheet, r0: 0, c0: 0, r1: sheet.rowCount - 1, c1: sheet.columnCount - 1 };

  const parts = a1.split(':');
  const first = A1_PART.exec(parts[0] ?? '');
  const second = parts.length === 2 ? A1_PART.exec(parts[1] ?? '') : first;
  if (parts.length > 2 || !first || !second || (parts.length === 1 && (!first[1] || !first[2])))
    throw unparsable();
  const open = parts.length === 2;
  const c0 = first[1] ? columnNumber(first[1]) - 1 : 0;
  const r0 = first[2] ? Number(first[2]) - 1 : 0;
  const c1 = second[1] ? columnNumber(second[1]) - 1 : open ? sheet.columnCount - 1 : c0;
  const r1 = second[2] ? Number(second[2]) - 1 : open ? sheet.rowCount - 1 : r0;
  if (r0 < 0 || r1 < r0 || c1 < c0) throw unparsable();
  if (r1 >= sheet.rowCount || c1 >= sheet.columnCount)
    throw apiError(
      method,
      `Range (${quoteTitle(sheet.title)}!${a1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  return { sheet, r0, c0, r1, c1 };
}

function setCell(sheet: ApiSheet, row: number, col: number, cell: ApiCell | undefined): void {
  let cells = sheet.cells.get(row);
  if (!cell) {
    cells?.delete(col);
    return;
  }
  if (!cells) sheet.cells.set(row, (cells = new Map()));
  cells.set(col, cell);
}

function cellFromData(data: CellData): ApiCell | undefined {
  const v = data.userEnteredValue;
  const format = data.userEnteredFormat !== undefined ? { format: data.userEnteredFormat } : {};
  if (!v) return data.userEnteredFormat !== undefined ? { value: '', ...format } : undefined;
  if (v.formulaValue !== undefined) return { value: '', formula: v.formulaValue, ...format };
  const value = v.stringValue ?? v.numberValue ?? v.boolValue;
  return value === undefined ? undefined : { value, ...format };
}

/** A value as a person types it into a cell: '' / null clears it, '=…' is a formula. */
function cellFromTyped(value: unknown): ApiCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (types.isDate(value)) return { value: new Date(value.getTime()) };
  if (typeof value === 'string' && value.startsWith('=')) return { value: '', formula: value };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return { value };
  return { value: String(value) };
}

/** Cells of a box, rows then columns, with empty trailing cells and rows dropped. */
function trimmed(grid: unknown[][], empty: boolean[][]): unknown[][] {
  const out = grid.map((row, i) => {
    let end = row.length;
    while (end > 0 && empty[i]?.[end - 1]) end--;
    return row.slice(0, end);
  });
  while (out.length > 0 && (out[out.length - 1]?.length ?? 0) === 0) out.pop();
  return out;
}

export class FakeSheetsValues {
  readonly [SERVICE] = 'Sheets';
  constructor(private readonly service: FakeSheetsService) {}

  update(
    resource: ValueRangeBody,
    spreadsheetId: string,
    range: string,
    optionalArgs: { valueInputOption?: string } = {},
  ): Record<string, unknown> {
    return updateValues(this.service, resource, spreadsheetId, range, optionalArgs);
  }

  /**
   * spreadsheets.values.get (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/get):
   * a ValueRange whose `range` is the whole requested range in A1 notation, and whose `values`
   * omit empty trailing rows and columns ("For output, empty trailing rows and columns will not
   * be included", ValueRange) and are absent when nothing is left. A blank row inside stays as [].
   */
  get(
    spreadsheetId: string,
    range: string,
    optionalArgs: {
      valueRenderOption?: ValueRenderOption;
      dateTimeRenderOption?: DateTimeRenderOption;
      majorDimension?: 'ROWS' | 'COLUMNS';
    } = {},
  ): Record<string, unknown> {
    const method = 'sheets.spreadsheets.values.get';
    this.service.countRead(method);
    const book = this.service.reachable(spreadsheetId, method);
    const { sheet, r0, c0, r1, c1 } = parseRange(range, book, method);
    const valueRender = optionalArgs.valueRenderOption ?? 'FORMATTED_VALUE';
    const dateRender = optionalArgs.dateTimeRenderOption ?? 'SERIAL_NUMBER';
    const byColumns = optionalArgs.majorDimension === 'COLUMNS';
    const grid: unknown[][] = [];
    const empty: boolean[][] = [];
    const [outer0, outer1, inner0, inner1] = byColumns ? [c0, c1, r0, r1] : [r0, r1, c0, c1];
    for (let o = outer0; o <= outer1; o++) {
      const line: unknown[] = [];
      const blanks: boolean[] = [];
      for (let i = inner0; i <= inner1; i++) {
        const cell = byColumns ? sheet.cells.get(i)?.get(o) : sheet.cells.get(o)?.get(i);
        line.push(render(cell, book, valueRender, dateRender));
        blanks.push(isEmpty(cell));
      }
      grid.push(line);
      empty.push(blanks);
    }
    const values = trimmed(grid, empty);
    const a1 = `${columnLetters(c0 + 1)}${r0 + 1}:${columnLetters(c1 + 1)}${r1 + 1}`;
    return {
      range: `${quoteTitle(sheet.title)}!${a1}`,
      majorDimension: byColumns ? 'COLUMNS' : 'ROWS',
      ...(values.length > 0 ? { values } : {}),
    };
  }
}

export interface ValueRangeBody {
  values?: unknown[][];
}

/**
 * spreadsheets.values.update (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/update):
 * `valueInputOption` is required; RAW stores strings as typed (a leading '=' stays text),
 * USER_ENTERED parses them as the UI would. Writing needs edit rights; the values must fit the
 * grid from the range's first cell.
 */
export function updateValues(
  service: FakeSheetsService,
  resource: ValueRangeBody,
  spreadsheetId: string,
  range: string,
  optionalArgs: { valueInputOption?: string } = {},
): Record<string, unknown> {
  const method = 'sheets.spreadsheets.values.update';
  service.countWrite(method);
  const option = optionalArgs.valueInputOption;
  if (option !== 'RAW' && option !== 'USER_ENTERED')
    throw apiError(method, "'valueInputOption' is required but not specified");
  const book = service.reachable(spreadsheetId, method);
  service.assertWriter(book, method);
  const { sheet, r0, c0 } = parseRange(range, book, method);
  const values = Array.isArray(resource?.values) ? resource.values : [];
  const height = values.length;
  const width = Math.max(0, ...values.map((r) => (Array.isArray(r) ? r.length : 0)));
  if (r0 + height > sheet.rowCount || c0 + width > sheet.columnCount)
    throw apiError(
      method,
      `Range (${quoteTitle(sheet.title)}!${range}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell =
        value === '' || value === null || value === undefined
          ? undefined
          : option === 'USER_ENTERED'
            ? cellFromTyped(value)
            : {
                value:
                  typeof value === 'number' || typeof value === 'boolean' ? value : String(value),
              };
      setCell(sheet, r0 + r, c0 + c, cell);
    }),
  );
  service.touched(book);
  return { spreadsheetId, updatedRange: range, updatedRows: height, updatedColumns: width };
}

export class FakeSheetsSpreadsheets {
  readonly [SERVICE] = 'Sheets';
  readonly Values: FakeSheetsValues;

  constructor(private readonly service: FakeSheetsService) {
    this.Values = new FakeSheetsValues(service);
  }

  /**
   * spreadsheets.create: a new spreadsheet in the effective user's Drive, its sheets as given
   * (default one sheet, 1000 x 26, named for the locale: 'Trang tính1' in vi_VN) with their
   * `data` written as user-entered values. Returns the Spreadsheet resource.
   */
  create(resource: SpreadsheetResource = {}): Record<string, unknown> {
    return this.service.createSpreadsheet(resource);
  }

  /**
   * spreadsheets.batchUpdate: all requests or none ("if any request is not valid, the entire
   * request fails"). Requests naming a sheetId the spreadsheet lacks are refused; the fake
   * applies setDataValidation (kept per sheet: sheets.validationsOf) and updateSheetProperties,
   * and records every request (sheets.requestsOf). The file's modifiedTime moves to now.
   */
  batchUpdate(
    resource: { requests?: object[] },
    spreadsheetId: string,
    _optionalArgs?: Record<string, unknown>,
  ): Record<string, unknown> {
    return this.service.batchUpdate(resource, spreadsheetId);
  }
}

export class FakeSheetsService {
  readonly [SERVICE] = 'Sheets';
  readonly Spreadsheets: FakeSheetsSpreadsheets;
  private readonly books = new Map<string, ApiSpreadsheet>();
  private nextSheetId = 1;

  constructor(private readonly store: DriveStore) {
    this.Spreadsheets = new FakeSheetsSpreadsheets(this);
  }

  /** When each user's reads were made (ms), for the per-minute quota. */
  private readonly reads = new Map<string, number[]>();

  /**
   * A read request against the quota of 60 read requests per minute per user per project
   * (https://developers.google.com/sheets/api/limits): one more in the last 60 s answers 429
   * with Google's message ("Quota exceeded for quota metric 'Read requests' and limit 'Read
   * requests per minute per user' …", as quoted in public error logs).
   */
  countRead(method: string): void {
    const now = this.store.state.now().getTime();
    const user = this.store.state.effectiveUser;
    const recent = (this.reads.get(user) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= READS_PER_MINUTE) throw apiError(method, READ_QUOTA);
    recent.push(now);
    this.reads.set(user, recent);
  }

  /** When each user's writes were made (ms). */
  private readonly writes = new Map<string, number[]>();

  /** A write request (create, batchUpdate) against the 60 a minute, as `countRead` does. */
  countWrite(method: string): void {
    const now = this.store.state.now().getTime();
    const user = this.store.state.effectiveUser;
    const recent = (this.writes.get(user) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= WRITES_PER_MINUTE) throw apiError(method, WRITE_QUOTA);
    recent.push(now);
    this.writes.set(user, recent);
  }

  /** The spreadsheet if drive.file lets the script see it, else the API's 404. */
  reachable(spreadsheetId: string, method: string): ApiSpreadsheet {
    const file = this.store.visible(String(spreadsheetId));
    const book = this.books.get(String(spreadsheetId));
    if (!file || !book || file.mimeType !== SPREADSHEET_MIME) throw apiError(method, NOT_FOUND);
    return book;
  }

  createSpreadsheet(resource: SpreadsheetResource): Record<string, unknown> {
    this.countWrite('sheets.spreadsheets.create');
    const props = resource?.properties ?? {};
    const locale = props.locale ?? 'vi_VN';
    const id = this.store.newId('spreadsheet');
    const book: ApiSpreadsheet = {
      id,
      title: props.title ?? 'Untitled spreadsheet',
      locale,
      timeZone: props.timeZone ?? this.store.state.timeZone,
      sheets: [],
      requests: [],
    };
    const specs = resource?.sheets && resource.sheets.length > 0 ? resource.sheets : [{}];
    specs.forEach((spec, index) => {
      const p = spec.properties ?? {};
      const grid = p.gridProperties ?? {};
      const sheet: ApiSheet = {
        sheetId: p.sheetId ?? (index === 0 ? 0 : this.nextSheetId++),
        title: p.title ?? `${locale === 'vi_VN' ? 'Trang tính' : 'Sheet'}${index + 1}`,
        rowCount: grid.rowCount ?? 1000,
        columnCount: grid.columnCount ?? 26,
        ...(grid.frozenRowCount !== undefined ? { frozenRowCount: grid.frozenRowCount } : {}),
        cells: new Map(),
        validations: [],
      };
      for (const block of spec.data ?? []) {
        (block.rowData ?? []).forEach((row, r) => {
          (row.values ?? []).forEach((data, c) => {
            const cell = cellFromData(data ?? {});
            if (cell) setCell(sheet, (block.startRow ?? 0) + r, (block.startColumn ?? 0) + c, cell);
          });
        });
      }
      book.sheets.push(sheet);
    });
    this.store.add({ id, name: book.title, mimeType: SPREADSHEET_MIME, parents: ['my-drive'] });
    this.books.set(id, book);
    return this.resource(book);
  }

  batchUpdate(resource: { requests?: object[] }, spreadsheetId: string): Record<string, unknown> {
    const method = 'sheets.spreadsheets.batchUpdate';
    this.countWrite(method);
    const book = this.reachable(spreadsheetId, method);
    this.assertWriter(book, method);
    const file = this.store.files.get(book.id) as DriveFileRecord;
    const requests = Array.isArray(resource?.requests) ? resource.requests : [];
    if (requests.length === 0) throw apiError(method, 'Must specify at least one request.');
    // Validate everything first: the API applies all requests or none.
    const targets = requests.map((request, i) => {
      const [kind = '', body] = Object.entries(request as Record<string, unknown>)[0] ?? [];
      const b = (body ?? {}) as Record<string, unknown>;
      const range = b.range as GridRange | undefined;
      const props = b.properties as { sheetId?: number } | undefined;
      const sheetId =
        kind === 'updateSheetProperties'
          ? (props?.sheetId ?? 0)
          : range
            ? (range.sheetId ?? 0)
            : null;
      const sheet = sheetId === null ? undefined : book.sheets.find((s) => s.sheetId === sheetId);
      if (sheetId !== null && !sheet)
        throw apiError(method, `Invalid requests[${i}].${kind}: No grid with id: ${sheetId}`);
      return { kind, body: b, sheet };
    });
    for (const { kind, body, sheet } of targets) {
      if (!sheet) continue;
      if (kind === 'setDataValidation')
        sheet.validations.push({ range: { ...(body.range as GridRange) }, rule: body.rule });
      if (kind === 'updateSheetProperties')
        applySheetProperties(sheet, body.properties, String(body.fields ?? ''));
    }
    book.requests.push(...requests.map((r) => structuredClone(r)));
    this.store.touch(file);
    return { spreadsheetId: book.id, replies: requests.map(() => ({})) };
  }

  /** Edit rights on the file, or the API's 403. */
  assertWriter(book: ApiSpreadsheet, method: string): void {
    const role = this.store.roleOf(this.store.files.get(book.id) as DriveFileRecord);
    if (role !== 'owner' && role !== 'writer')
      throw apiError(method, 'The caller does not have permission');
  }

  /** The file's modifiedTime moves on a write. */
  touched(book: ApiSpreadsheet): void {
    const file = this.store.files.get(book.id);
    if (file) this.store.touch(file);
  }

  private resource(book: ApiSpreadsheet): Record<string, unknown> {
    return {
      spreadsheetId: book.id,
      properties: { title: book.title, locale: book.locale, timeZone: book.timeZone },
      sheets: book.sheets.map((s, index) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          index,
          sheetType: 'GRID',
          gridProperties: {
            rowCount: s.rowCount,
            columnCount: s.columnCount,
            ...(s.frozenRowCount !== undefined ? { frozenRowCount: s.frozenRowCount } : {}),
          },
        },
      })),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
    };
  }

  // Test helpers (not part of the API).

  private book(spreadsheetId: string): ApiSpreadsheet {
    const book = this.books.get(spreadsheetId);
    if (!book) throw new Error(`FakeSheetsService: no spreadsheet ${spreadsheetId}`);
    return book;
  }

  private sheetOf(spreadsheetId: string, sheetTitle: string): ApiSheet {
    const sheet = this.book(spreadsheetId).sheets.find((s) => s.title === sheetTitle);
    if (!sheet) throw new Error(`FakeSheetsService: no sheet '${sheetTitle}' in ${spreadsheetId}`);
    return sheet;
  }

  /**
   * What an officer typing in their file does: writes `rows` from (startRow, startColumn),
   * 1-based (default A2, below the header); '' / null / undefined clears a cell, a Date is a
   * typed date, '=…' a formula. Rows added past the grid grow it, as "add more rows" would.
   * The file's modifiedTime becomes the clock's now (1 ms later than before if it has not moved).
   */
  typeInto(
    spreadsheetId: string,
    sheetTitle: string,
    rows: unknown[][],
    startRow = 2,
    startColumn = 1,
  ): void {
    const sheet = this.sheetOf(spreadsheetId, sheetTitle);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const at = { row: startRow - 1 + r, col: startColumn - 1 + c };
        setCell(sheet, at.row, at.col, cellFromTyped(value));
        sheet.rowCount = Math.max(sheet.rowCount, at.row + 1);
        sheet.columnCount = Math.max(sheet.columnCount, at.col + 1);
      });
    });
    const file = this.store.files.get(spreadsheetId);
    if (file) this.store.touch(file);
  }

  /** The sheet's stored values from A1 to its last filled cell ('' for empty, Dates as Dates). */
  valuesOf(spreadsheetId: string, sheetTitle: string): ApiCellValue[][] {
    const sheet = this.sheetOf(spreadsheetId, sheetTitle);
    let lastRow = -1;
    let lastCol = -1;
    for (const [row, cells] of sheet.cells)
      for (const [col, cell] of cells)
        if (!isEmpty(cell)) {
          lastRow = Math.max(lastRow, row);
          lastCol = Math.max(lastCol, col);
        }
    const out: ApiCellValue[][] = [];
    for (let r = 0; r <= lastRow; r++) {
      const line: ApiCellValue[] = [];
      for (let c = 0; c <= lastCol; c++) {
        const cell = sheet.cells.get(r)?.get(c);
        const v = cell?.formula ?? cell?.value ?? '';
        line.push(v instanceof Date ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }

  /** Every batchUpdate request the spreadsheet received, in order. */
  requestsOf(spreadsheetId: string): object[] {
    return this.book(spreadsheetId).requests;
  }

  /** The setDataValidation ranges and rules a sheet received, in order. */
  validationsOf(spreadsheetId: string, sheetTitle: string): { range: GridRange; rule: unknown }[] {
    return this.sheetOf(spreadsheetId, sheetTitle).validations;
  }

  /** The full record (title, locale, time zone, sheets with grid sizes and cells). */
  spreadsheet(spreadsheetId: string): ApiSpreadsheet {
    return this.book(spreadsheetId);
  }

  /** Ids of the spreadsheets the script created, in order. */
  spreadsheetIds(): string[] {
    return [...this.books.keys()];
  }
}

/** updateSheetProperties: copies the `fields` it names ('*' for all) from `properties`. */
function applySheetProperties(sheet: ApiSheet, properties: unknown, fields: string): void {
  const p = (properties ?? {}) as {
    title?: string;
    gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
  };
  const names = fields.split(',').map((f) => f.trim());
  const wants = (name: string) =>
    names.some((f) => f === '*' || f === name || name.startsWith(`${f}.`));
  if (wants('title') && p.title !== undefined) sheet.title = p.title;
  const g = p.gridProperties ?? {};
  if (wants('gridProperties.rowCount') && g.rowCount !== undefined) sheet.rowCount = g.rowCount;
  if (wants('gridProperties.columnCount') && g.columnCount !== undefined)
    sheet.columnCount = g.columnCount;
  if (wants('gridProperties.frozenRowCount') && g.frozenRowCount !== undefined)
    sheet.frozenRowCount = g.frozenRowCount;
}

// Calendar days, not instants: a deadline is "19/5/2024" wherever the machine runs. A Day is
// the number of days since 1970-01-01; instants are read in Asia/Ho_Chi_Minh, which has been
// UTC+7 without daylight saving since 1975, so a fixed offset is exact for every date we meet.

// Local names for Math's functions: a global looked up in an inner loop is slow where the global
// object is not a plain object (Node's vm, where the bundle is tested).
const { floor, round } = Math;

export type Day = number;

const MS_PER_DAY = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Spreadsheet serial of 1970-01-01 (serials count from 1899-12-30). */
const SERIAL_OF_EPOCH = 25_569;
const MAX_SERIAL = 2_958_465; // 31/12/9999

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Date.UTC maps years 0-99 to 1900-1999; those never reach here as valid data anyway.
  if (check.getUTCFullYear() !== year) return null;
  return round(ms / MS_PER_DAY);
}

/**
 * The proleptic Gregorian date of a day, as `Date`'s UTC fields give it, in integer arithmetic
 * (H. Hinnant's civil_from_days: 400-year eras of 146,097 days, years from March): no `Date` to
 * make for each of a list's ages and probation ends (tests/core/dates.test.ts checks it against
 * `Date` over ±10,000 years).
 */
export function ymdOf(day: Day): Ymd {
  const z = floor(day) + 719_468;
  const era = floor(z / 146_097);
  const ofEra = z - era * 146_097;
  const yearOfEra = floor(
    (ofEra - floor(ofEra / 1460) + floor(ofEra / 36_524) - floor(ofEra / 146_096)) / 365,
  );
  const ofYear = ofEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const fromMarch = floor((5 * ofYear + 2) / 153);
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day: ofYear - floor((153 * fromMarch + 2) / 5) + 1 };
}

/** Before 13/06/1975 the south's clocks were UTC+8 (UTC+9 in 1945), so older dates need tz data. */
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 13);
let historical: Intl.DateTimeFormat | null | undefined;

function historicalDay(instant: Date): Day | null {
  if (historical === undefined) {
    try {
      historical = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Ho_Chi_Minh',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      historical = null;
    }
  }
  if (historical === null) return null;
  const parts = Object.fromEntries(historical.formatToParts(instant).map((p) => [p.type, p.value]));
  return dayFromYmd(Number(parts.year), Number(parts.month), Number(parts.day));
}

/**
 * The calendar day an instant falls on in Vietnam: a birth date cell of 1964 in a Google Sheet
 * is midnight at UTC+8, and must still read as that day.
 */
export function dayOfInstant(instant: Date): Day {
  const t = instant.getTime();
  if (t < FIXED_OFFSET_SINCE) {
    const day = historicalDay(instant);
    if (day !== null) return day;
  }
  return floor((t + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** Midnight of a Vietnamese calendar day, as an instant (what Sheets stores for a date cell). */
export function instantOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY - VIETNAM_OFFSET_MS);
}

/** Midnight UTC of a calendar day: how .xlsx files carry a date without a zone. */
export function utcMidnightOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function dayFromSerial(serial: number): Day {
  return floor(serial) - SERIAL_OF_EPOCH;
}

export function serialOfDay(day: Day): number {
  return day + SERIAL_OF_EPOCH;
}

export type DateReading =
  { kind: 'empty' } | { kind: 'ok'; day: Day } | { kind: 'invalid'; text: string };

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isDateObject(value: unknown): value is Date {
  // Dates from another realm (a vm, Apps Script's services) fail `instanceof`.
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Reads a cell as a calendar day: a Date (read in Vietnam time), a spreadsheet serial number,
 * `dd/mm/yyyy` text (also with `-` or `.`), or ISO text. Never throws.
 */
export function readDay(value: unknown): DateReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (isDateObject(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? { kind: 'invalid', text: 'Invalid Date' } : ok(dayOfInstant(value));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > MAX_SERIAL) {
      return { kind: 'invalid', text: String(value) };
    }
    return ok(dayFromSerial(value));
  }
  if (typeof value !== 'string') return { kind: 'invalid', text: describe(value) };
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  let m = DMY.exec(text);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]), text);
  m = ISO_DATE.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);
  if (ISO_INSTANT.test(text)) {
    const t = Date.parse(text);
    if (!Number.isNaN(t)) return ok(dayOfInstant(new Date(t)));
  }
  return { kind: 'invalid', text };
}

/** Text for an unexpected cell value; some objects (no prototype) cannot even be stringified. */
function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

function ok(day: Day): DateReading {
  return { kind: 'ok', day };
}

function fromParts(year: number, month: number, day: number, text: string): DateReading {
  const d = dayFromYmd(year, month, day);
  return d === null ? { kind: 'invalid', text } : ok(d);
}

export const zeroPad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDmy(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${zeroPad(d)}/${zeroPad(month)}/${zeroPad(year, 4)}`;
}

export function formatIso(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${zeroPad(year, 4)}-${zeroPad(month)}-${zeroPad(d)}`;
}

/** `dd/mm/yyyy HH:mm` in Vietnam time. */
export function formatDateTimeVietnam(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const day = floor(shifted.getTime() / MS_PER_DAY);
  return `${formatDmy(day)} ${zeroPad(shifted.getUTCHours())}:${zeroPad(shifted.getUTCMinutes())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Whole months from one day to another counted by calendar month, the way the Party counts a
 * candidate's age ("tính theo tháng"): born in June 2006, 18 years = 216 months from June 2024.
 */
export function monthsBetween(from: Day, to: Day): number {
  const a = ymdOf(from);
  const b = ymdOf(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

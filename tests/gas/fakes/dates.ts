/**
 * Date formatting in a given time zone, without depending on the process time zone: Intl supplies
 * the wall-clock fields, and we assemble Java SimpleDateFormat patterns (Utilities.formatDate) and
 * Sheets number formats (Range.getDisplayValues) from them.
 */
import { gasError } from './errors';

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // zone offset from UTC at that instant
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const millisecond = ((date.getTime() % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const offsetMinutes = Math.round((asUtc - date.getTime()) / 60000);
  return { year, month, day, hour, minute, second, millisecond, weekday, offsetMinutes };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offset(minutes: number, separator: string, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  return withMinutes ? `${sign}${hours}${separator}${pad(abs % 60, 2)}` : `${sign}${hours}`;
}

function dayOfYear(p: ZonedParts): number {
  return (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000 + 1;
}

/** One Java pattern letter run, e.g. 'yyyy' or 'MMM'. */
function javaField(letter: string, n: number, p: ZonedParts): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[p.month - 1] ?? '';
      if (n === 3) return (MONTHS[p.month - 1] ?? '').slice(0, 3);
      return pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p), n);
    case 'E':
      return n >= 4 ? (WEEKDAYS[p.weekday] ?? '') : (WEEKDAYS[p.weekday] ?? '').slice(0, 3);
    case 'u':
      return String(p.weekday === 0 ? 7 : p.weekday);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millisecond, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
    case 'z':
      return `GMT${offset(p.offsetMinutes, ':')}`;
    case 'Z':
      return offset(p.offsetMinutes, '');
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      return n === 1
        ? offset(p.offsetMinutes, '', false)
        : offset(p.offsetMinutes, n >= 3 ? ':' : '');
    default:
      throw gasError(`Illegal pattern character '${letter}'`);
  }
}

/** Utilities.formatDate: Java SimpleDateFormat pattern in the given zone. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) out += "'";
      else out += pattern.slice(i + 1, end < 0 ? undefined : end).replace(/''/g, "'");
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j++;
      out += javaField(ch, j - i, p);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Tokens of a Sheets date/time format: letter runs (lower-cased) or literal text. */
function sheetsTokens(format: string): { text: string; literal: boolean }[] {
  const tokens: { text: string; literal: boolean }[] = [];
  for (let i = 0; i < format.length;) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      tokens.push({ text: format.slice(i + 1, end < 0 ? undefined : end), literal: true });
      i = end < 0 ? format.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ text: format.charAt(i + 1), literal: true });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ text: 'am/pm', literal: false });
      i += 5;
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (format.charAt(j).toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ text: format.slice(i, j).toLowerCase(), literal: false });
      i = j;
    } else {
      tokens.push({ text: ch, literal: true });
      i++;
    }
  }
  return tokens;
}

/** True when a Sheets number format describes a date or time (e.g. 'dd/mm/yyyy'). */
export function isDateFormat(format: string): boolean {
  if (format === 'General' || format === '@') return false;
  return sheetsTokens(format).some((token) => !token.literal);
}

/** Renders a Date through a Sheets date format ('m' is minutes next to an hour or seconds). */
export function formatSheetsDate(date: Date, format: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = sheetsTokens(format);
  const twelveHour = tokens.some((t) => t.text === 'am/pm');
  const fields = tokens.filter((t) => !t.literal);
  return tokens
    .map((token) => {
      if (token.literal) return token.text;
      const n = token.text.length;
      const at = fields.indexOf(token);
      switch (token.text[0]) {
        case 'd':
          if (n >= 4) return WEEKDAYS[p.weekday] ?? '';
          if (n === 3) return (WEEKDAYS[p.weekday] ?? '').slice(0, 3);
          return pad(p.day, n);
        case 'y':
          return n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        case 'h': {
          const hour = twelveHour ? p.hour % 12 || 12 : p.hour;
          return pad(hour, Math.min(n, 2));
        }
        case 's':
          return pad(p.second, Math.min(n, 2));
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        default: {
          const prev = fields[at - 1]?.text[0];
          const next = fields[at + 1]?.text[0];
          if (prev === 'h' || next === 's') return pad(p.minute, Math.min(n, 2));
          if (n >= 4) return MONTHS[p.month - 1] ?? '';
          if (n === 3) return (MONTHS[p.month - 1] ?? '').slice(0, 3);
          return pad(p.month, n);
        }
      }
    })
    .join('');
}

// The periods committees report on: a quarter, the first six or nine months, the year, the year
// to date, or any two days; and the same days a year earlier, which reports put beside them.
import { dayFromYmd, ymdOf, type Day } from './dates';

export type PeriodKind = 'quarter' | 'half' | 'nine' | 'year' | 'to_date' | 'days';

export interface Period {
  kind: PeriodKind;
  from: Day;
  /** The last day counted: the period's end, or the as-of day while it runs (see clipPeriod). */
  to: Day;
  /** The year of a named period; the quarter's number for a quarter. */
  year: number;
  quarter?: number;
  /** True when `to` is the as-of day, before the period's own end. */
  running?: boolean;
}

/** The years a period may name: those of the Party's plans, not a typo's year 50. */
const FIRST_YEAR = 1950;
const LAST_YEAR = 9999;

const lastDayOf = (year: number, month: number): Day => {
  for (let d = 31; d >= 28; d--) {
    const day = dayFromYmd(year, month, d);
    if (day !== null) return day;
  }
  throw new Error(`no last day for ${year}-${month}`);
};
const firstDayOf = (year: number, month: number): Day => dayFromYmd(year, month, 1) as Day;

/**
 * A period as written on the command line and in `Xuất báo cáo`: `Q1-2026` … `Q4-2026`,
 * `6T-2026` (to 30/6), `9T-2026` (to 30/9), `2026`, or `YTD` (from 1/1 of `asOf`'s year to
 * `asOf`). Case and spaces do not matter (`q2 2026`, `6t-2026`). Null when unreadable.
 */
export function readPeriod(text: string, asOf: Day): Period | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, '-');
  if (t === 'YTD') {
    const year = ymdOf(asOf).year;
    return { kind: 'to_date', from: firstDayOf(year, 1), to: asOf, year };
  }
  const inRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;
  let m = /^Q([1-4])-(\d{4})$/.exec(t);
  if (m && inRange(Number(m[2]))) {
    const quarter = Number(m[1]);
    const year = Number(m[2]);
    return {
      kind: 'quarter',
      from: firstDayOf(year, quarter * 3 - 2),
      to: lastDayOf(year, quarter * 3),
      year,
      quarter,
    };
  }
  m = /^([69])T-(\d{4})$/.exec(t);
  if (m && inRange(Number(m[2]))) {
    const year = Number(m[2]);
    const months = Number(m[1]);
    return {
      kind: months === 6 ? 'half' : 'nine',
      from: firstDayOf(year, 1),
      to: lastDayOf(year, months),
      year,
    };
  }
  m = /^(\d{4})$/.exec(t);
  if (m && inRange(Number(m[1]))) {
    const year = Number(m[1]);
    return { kind: 'year', from: firstDayOf(year, 1), to: lastDayOf(year, 12), year };
  }
  return null;
}

/**
 * The period as counted on `asOf`: a period still running ends on `asOf` (so the same days a year
 * earlier end a year before `asOf` too); null when it has not begun.
 */
export function clipPeriod(period: Period, asOf: Day): Period | null {
  if (period.from > asOf) return null;
  return period.to > asOf ? { ...period, to: asOf, running: true } : period;
}

/** Any two days (`--from`/`--to`): null when the end comes before the start. */
export function periodOfDays(from: Day, to: Day): Period | null {
  return to < from ? null : { kind: 'days', from, to, year: ymdOf(from).year };
}

/**
 * The same day a year earlier; 29/02 becomes 28/02. The end of a month stays the end of its month,
 * so the first quarter of a leap year (to 31/03) and of the year before cover the same months.
 */
export function yearEarlier(day: Day): Day {
  const { year, month, day: d } = ymdOf(day);
  return dayFromYmd(year - 1, month, d) ?? lastDayOf(year - 1, month);
}

/** The same days a year earlier (reports call it "cùng kỳ năm trước"). */
export function previousPeriod(period: Period): { from: Day; to: Day } {
  const { year, month } = ymdOf(period.to);
  // A period to the end of February ends at the end of February a year earlier too (28/02/2025
  // beside 29/02/2024).
  const endOfFebruary = month === 2 && period.to === lastDayOf(year, 2);
  return {
    from: yearEarlier(period.from),
    to: endOfFebruary ? lastDayOf(year - 1, 2) : yearEarlier(period.to),
  };
}

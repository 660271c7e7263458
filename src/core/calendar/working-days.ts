// Working days as the State counts them (Party texts do not define them): Monday to Friday, less
// public holidays and official days off, which move every year (Tết) and so are data (`Ngày nghỉ`).
import { dayFromYmd, weekdayOf, ymdOf, type Day } from './dates';

export class WorkingCalendar {
  private readonly holidays: Set<Day>;
  private readonly memo = new Map<number, Day>();

  constructor(holidays: Iterable<Day>) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(day: Day): boolean {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  /**
   * "Within N working days of D" ends on the N-th working day after D: D itself never counts,
   * whether or not it is a working day. A province has thousands of files, mostly on a few
   * hundred distinct days, so each (day, N) is worked out once.
   */
  addWorkingDays(from: Day, n: number): Day {
    const memoKey = from * 1024 + n;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    let day = from;
    for (let left = n; left > 0;) {
      day++;
      if (this.isWorkingDay(day)) left--;
    }
    this.memo.set(memoKey, day);
    return day;
  }
}

/**
 * The same day of the month `months` later (19/05/2024 + 12 months = 19/05/2025); a day the month
 * lacks becomes its last day (31/08 + 6 months = 28/02 or 29/02).
 */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  for (let dd = d; dd > 0; dd--) {
    const found = dayFromYmd(y, m, dd);
    if (found !== null) return found;
  }
  return day;
}

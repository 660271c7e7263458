import fc from 'fast-check';
import {
  dayFromYmd,
  formatDateTimeVietnam,
  formatDmy,
  formatIso,
  instantOfDay,
  monthsBetween,
  readDay,
  weekdayOf,
  ymdOf,
  type Day,
} from '../../src/core/calendar/dates';

const d = (y: number, m: number, day: number): Day => dayFromYmd(y, m, day) as Day;

describe('readDay', () => {
  test.each<[unknown, string]>([
    ['19/5/2024', '2024-05-19'],
    ['19/05/2024', '2024-05-19'],
    [' 19 / 05 / 2024 ', '2024-05-19'],
    ['19-05-2024', '2024-05-19'],
    ['19.05.2024', '2024-05-19'],
    ['2024-05-19', '2024-05-19'],
    ['29/02/2024', '2024-02-29'],
    [45431, '2024-05-19'],
    [45431.99, '2024-05-19'],
    // Midnight in Vietnam is 17:00 UTC the day before: a Sheets date cell.
    [new Date('2024-05-18T17:00:00Z'), '2024-05-19'],
    [new Date('2024-05-18T16:59:59Z'), '2024-05-18'],
    [new Date('2024-05-19T16:59:59Z'), '2024-05-19'],
    ['2024-05-18T17:30:00Z', '2024-05-19'],
    ['2024-05-19T00:30:00+07:00', '2024-05-19'],
    // Until 13/06/1975 Saigon time was UTC+8: a Sheets date cell of 01/07/1964 is 16:00 UTC.
    [new Date('1964-06-30T16:00:00Z'), '1964-07-01'],
    [new Date('1945-05-31T15:00:00Z'), '1945-06-01'],
  ])('%p is %s', (value, iso) => {
    const r = readDay(value);
    expect(r.kind).toBe('ok');
    expect(r.kind === 'ok' && formatIso(r.day)).toBe(iso);
  });

  test.each<[unknown]>([
    ['31/02/2024'],
    ['29/02/2023'],
    ['2024-13-01'],
    ['19/5/24'],
    ['abc'],
    [-3],
    [true],
    [new Date(NaN)],
    [{}],
  ])('%p cannot be read', (value) => {
    expect(readDay(value).kind).toBe('invalid');
  });

  test.each<[unknown]>([[''], ['   '], [null], [undefined]])('%p is empty', (value) => {
    expect(readDay(value).kind).toBe('empty');
  });

  test('never throws, whatever the cell holds', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        readDay(v);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        readDay(s);
      }),
    );
  });

  test('dd/mm/yyyy, ISO and instants all round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: d(1900, 1, 1), max: d(2100, 12, 31) }), (day) => {
        for (const v of [formatDmy(day), formatIso(day), instantOfDay(day)]) {
          const r = readDay(v);
          expect(r.kind === 'ok' && r.day).toBe(day);
        }
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  test('weekdays: classes open on Sundays', () => {
    expect(weekdayOf(d(2024, 4, 7))).toBe(0);
    expect(weekdayOf(d(2024, 5, 19))).toBe(0);
    expect(weekdayOf(d(2024, 5, 20))).toBe(1);
  });

  test.each([
    [d(2006, 6, 15), d(2024, 6, 1), 216],
    [d(2006, 6, 15), d(2024, 5, 31), 215],
    [d(2006, 1, 31), d(2024, 1, 1), 216],
    [d(2006, 12, 1), d(2024, 11, 30), 215],
  ])('monthsBetween(%p, %p) = %p (age counted by calendar month)', (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });

  test("a day's year, month and date are those of Date's calendar, over ±10,000 years", () => {
    const fromDate = (day: number) => {
      const t = new Date(day * 86_400_000);
      return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
    };
    fc.assert(
      fc.property(fc.integer({ min: -4_380_000, max: 2_930_000 }), (day) => {
        expect(ymdOf(day)).toEqual(fromDate(day));
      }),
      { numRuns: 20_000 },
    );
    // Every day of four centuries around today, leap years and their turns included.
    for (let day = -200_000; day <= 200_000; day++) {
      const [mine, theirs] = [ymdOf(day), fromDate(day)];
      if (mine.year !== theirs.year || mine.month !== theirs.month || mine.day !== theirs.day)
        expect(mine).toEqual(theirs);
    }
    expect(ymdOf(d(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(ymdOf(d(1900, 3, 1))).toEqual({ year: 1900, month: 3, day: 1 });
  });

  test('formatDateTimeVietnam shows Vietnam wall-clock time', () => {
    expect(formatDateTimeVietnam(new Date('2024-05-18T17:30:00Z'))).toBe('19/05/2024 00:30');
  });
});

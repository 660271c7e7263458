// Concepts that exist once: the yes-words, the day lists, the report's two days, the unit-file
// read schedule, the problem-code table. Each is used by Sheets and by the command line alike.
import { dayFromYmd, type Day } from '../../src/core/calendar/dates';
import { scheduleReads } from '../../src/core/counting/unit-file-schedule';
import { PROBLEM_CODES, problemAt } from '../../src/core/problems';
import { reportDays } from '../../src/core/reports/report-document';
import { readDayList } from '../../src/core/text/day-list';
import { readYesNo } from '../../src/core/text/yes-no';
import { MILESTONE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { moveToNewYear } from '../../src/workbook/new-year';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { plan145Workbook } from '../helpers/plan-workbook';

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as Day;

describe('one list of yes-words', () => {
  test.each([
    ['Có', true],
    ['có', true],
    ['Co', true],
    ['x', true],
    ['TRUE', true],
    [true, true],
    ['bật', true],
    ['1', true],
    ['Không', false],
    ['tắt', false],
    ['', false],
    [false, false],
    ['có lẽ', null],
  ] as const)('%p reads as %p', (cell, yes) => {
    expect(readYesNo(cell)).toBe(yes);
  });

  test('`bật` in Lưu trữ archives a milestone for the engine and for the new year alike', () => {
    const book = plan145Workbook();
    const rows = book.readSheet(SHEET.milestones) ?? [];
    const header = rows[0] ?? [];
    const at = header.indexOf(MILESTONE_COLUMNS.find((c) => c.field === 'archived')?.header ?? '');
    expect(at).toBeGreaterThan(0);
    const archivedCode = String(rows[1]?.[0]);
    (rows[1] as unknown[])[at] = 'bật';
    book.sheets.set(SHEET.milestones, rows);
    const evaluation = evaluateWorkbook(book, new Date('2024-06-01T05:00:00Z'));
    expect(evaluation.fulfillment.milestones.map((m) => m.code)).not.toContain(archivedCode);
    const summary = moveToNewYear(book, 2025);
    // An archived milestone is not carried into the new year a second time.
    expect(summary.milestones.map(([from]) => from)).not.toContain(archivedCode);
    expect(summary.milestones.length).toBe(evaluation.fulfillment.milestones.length);
  });
});

describe('one parser for a list of days', () => {
  test.each([
    ['14, 7, 3, 1', [14, 7, 3, 1], false],
    ['1; 7 14', [14, 7, 1], false],
    ['7, 7, 14', [14, 7], false],
    ['', [], false],
    ['14, 7, bảy', [14, 7], true],
    ['0', [], true],
    ['2.5, 3', [3], true],
  ] as const)('%p → %p (invalid: %p)', (text, days, invalid) => {
    expect(readDayList(text)).toEqual({ days, invalid });
  });
});

describe("the report's two days: dated the day it is made, figures to the as-of day", () => {
  test('no as-of day: both are the day it is made', () => {
    expect(reportDays(null, day(2024, 9, 2))).toEqual({
      asOf: day(2024, 9, 2),
      madeOn: day(2024, 9, 2),
    });
  });
  test('an earlier as-of day stays in the title; the date line is the day it is made', () => {
    expect(reportDays(day(2024, 9, 1), day(2024, 9, 2))).toEqual({
      asOf: day(2024, 9, 1),
      madeOn: day(2024, 9, 2),
    });
  });
  test('an as-of day still to come is refused', () => {
    expect(reportDays(day(2024, 9, 3), day(2024, 9, 2))).toBeNull();
  });
});

describe('which unit files a run reads', () => {
  const file = (
    id: string,
    lastRead: string,
    over: Partial<{ visible: boolean; fresh: boolean }> = {},
  ) => ({
    id,
    lastRead,
    visible: true,
    fresh: false,
    ...over,
  });
  test('gone, still good, read now, left for later', () => {
    const turns = scheduleReads(
      [
        file('gone', '', { visible: false }),
        file('good', '2024-01-01', { fresh: true }),
        file('old', '2024-01-02'),
        file('never', ''),
        file('newer', '2024-01-03'),
      ],
      2,
    );
    expect(Object.fromEntries(turns)).toEqual({
      gone: 'missing',
      good: 'cached',
      never: 'read',
      old: 'read',
      newer: 'later',
    });
  });
  test('over the runs every changed file gets its turn', () => {
    let files = Array.from({ length: 130 }, (_, i) => file(`f${i}`, ''));
    const readIn: number[] = [];
    for (let run = 1; files.some((f) => !f.fresh); run++) {
      const turns = scheduleReads(files);
      const stamp = `2024-01-0${run}`;
      files = files.map((f) =>
        turns.get(f.id) === 'read' ? { ...f, fresh: true, lastRead: stamp } : f,
      );
      readIn.push([...turns.values()].filter((t) => t === 'read').length);
    }
    expect(readIn).toEqual([55, 55, 20]);
  });
});

describe('the problem-code table', () => {
  test('a code brings its severity and its suggestion; a caller may name a closer one', () => {
    const at = { sheet: SHEET.candidates, row: 3, column: 'Ngày sinh' };
    const plain = problemAt({ ...at, code: 'date_invalid', message: 'x' });
    expect(plain.severity).toBe('error');
    expect(plain.suggestion).toBe(PROBLEM_CODES.date_invalid.suggestion);
    expect(problemAt({ ...at, code: 'over_age', message: 'x' })).toEqual({
      ...at,
      code: 'over_age',
      severity: 'warning',
      message: 'x',
    });
    expect(
      problemAt({ ...at, code: 'unit_unknown', message: 'x', suggestion: 'y' }).suggestion,
    ).toBe('y');
    expect(
      problemAt({ ...at, code: 'date_future', message: 'x', severity: 'warning' }).severity,
    ).toBe('warning');
  });
  test('every code says when it is reported', () => {
    for (const [code, spec] of Object.entries(PROBLEM_CODES))
      expect([code, spec.when.length > 10]).toEqual([code, true]);
  });
});

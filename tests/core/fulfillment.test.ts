import { dayFromYmd, type Day } from '../../src/core/calendar/dates';
import { resultFor } from '../../src/core/counting/fulfillment';
import { buildJsonReport } from '../../src/core/reports/json-report';
import { SHEET } from '../../src/workbook/contract';
import type { Cell } from '../../src/workbook/port';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const NOW = new Date('2024-12-31T05:00:00Z');
const day = (iso: string): Day => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d) as Day;
};
const HH1 = 'Trường THPT Hiệp Hòa số 1';

/** An adult student with a certificate, admitted on `admitted`. */
const admittedOn = (admitted: string, i: number, extra: Partial<Person> = {}): Person => ({
  name: `Học sinh Mẫu ${i}`,
  birth: '01/01/2006',
  unit: HH1,
  classCode: 'BD1-HS',
  certified: '14/04/2024',
  admitted,
  ...extra,
});

function run(people: Person[], asOf = '2024-12-31') {
  const book = plan145Workbook();
  addPeople(book, people);
  return evaluateWorkbook(book, NOW, day(asOf));
}

const resultOf = (e: ReturnType<typeof run>, unit: string, milestone: string) =>
  e.fulfillment.units.find((u) => u.unit.code === unit)?.results[milestone];

describe('status against a quota', () => {
  test.each([
    [7, 'not_met'],
    [8, 'met'],
    [10, 'met'],
    [11, 'exceeded'],
  ])('range 8-10 with %p is %s', (actual, status) => {
    expect(resultFor(actual, { min: 8, max: 10 }).status).toBe(status);
  });
  test.each([
    [19, 'not_met', 95],
    [20, 'met', 100],
    [21, 'exceeded', 105],
  ])('single 20 with %p is %s (%p%)', (actual, status, percent) => {
    const r = resultFor(actual, { min: 20, max: 20 });
    expect(r.status).toBe(status);
    expect(r.percent).toBe(percent);
    expect(r.target).toBe('20');
  });
  test.each([
    [1, 'not_met', 50],
    [2, 'met', 100],
    [5, 'met', 250],
    [500, 'met', 25000],
  ])('"từ 2 trở lên" with %p is %s (%p%): no upper bound, never exceeded', (actual, status, pc) => {
    expect(resultFor(actual, { min: 2, max: Number.POSITIVE_INFINITY })).toMatchObject({
      target: 'từ 2 trở lên',
      min: 2,
      max: null,
      status,
      percent: pc,
    });
  });
  test('no quota', () => {
    expect(resultFor(3, null)).toMatchObject({
      status: 'no_quota',
      percent: null,
      target: null,
      actual: 3,
    });
  });
});

describe('counting Plan 145', () => {
  test('nine admissions before 19/5, typed in every spelling, are nine', () => {
    const spellings = [
      HH1,
      'Trường THPT Hiệp Hoà số 1',
      HH1.normalize('NFD'),
      'trường thpt hiệp hoà số 1 ',
      'THPT-HH1',
    ];
    const e = run(
      Array.from({ length: 9 }, (_, i) =>
        admittedOn('10/05/2024', i, { unit: spellings[i % spellings.length] }),
      ),
    );
    expect(e.problems).toEqual([]);
    expect(resultOf(e, 'THPT-HH1', 'KN-19-5')).toMatchObject({
      actual: 9,
      status: 'met',
      target: '8-10',
    });
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')).toMatchObject({
      actual: 9,
      status: 'not_met',
      target: '10',
    });
    expect(resultOf(e, 'THPT-HH1', 'BD1-HS')).toMatchObject({ actual: 9, status: 'not_met' });
  });

  test('admission window edges: the first day and the deadline count, the day after does not', () => {
    const e = run([
      admittedOn('01/01/2024', 1, { certified: '15/12/2023' }),
      admittedOn('19/05/2024', 2),
      admittedOn('20/05/2024', 3),
    ]);
    expect(resultOf(e, 'THPT-HH1', 'KN-19-5')?.actual).toBe(2);
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')?.actual).toBe(3);
  });

  test('the report date cuts off later admissions', () => {
    const e = run([admittedOn('10/05/2024', 1), admittedOn('10/06/2024', 2)], '2024-05-31');
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')?.actual).toBe(1);
  });

  test('a duplicate person counts once and is reported as a warning', () => {
    const e = run([
      admittedOn('10/05/2024', 1),
      admittedOn('11/05/2024', 1, { unit: 'Trường THPT Hiệp Hoà số 1' }),
    ]);
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')?.actual).toBe(1);
    expect(e.problems).toEqual([
      expect.objectContaining({ code: 'duplicate', severity: 'warning', row: 3 }),
    ]);
  });

  test('errors leave the row out of the counts they affect', () => {
    const e = run([
      admittedOn('10/05/2024', 1, { birth: '01/06/2006' }), // 17 years 11 months
      admittedOn('10/05/2024', 2, { certified: '11/05/2024' }), // certificate after admission
      admittedOn('10/05/2024', 3, { unit: 'Trường THPT Hiệp Hòa số 9' }), // unknown unit
      admittedOn('31/02/2024', 4), // unreadable date
      admittedOn('10/05/2024', 5, { birth: '01/05/2006' }), // 18 by month: counts
    ]);
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')?.actual).toBe(1);
    // Class nominations are not affected by admission errors (the unknown unit counts nowhere).
    expect(resultOf(e, 'THPT-HH1', 'BD1-HS')?.actual).toBe(4);
    expect(e.problems.map((p) => [p.row, p.code, p.severity, p.column])).toEqual([
      [2, 'underage', 'error', 'Ngày kết nạp'],
      [3, 'certificate_after_admission', 'error', 'Ngày cấp giấy chứng nhận'],
      [4, 'unit_unknown', 'error', 'Đơn vị'],
      [5, 'date_invalid', 'error', 'Ngày kết nạp'],
    ]);
  });

  test('warnings still count: no certificate date yet', () => {
    const e = run([admittedOn('10/05/2024', 1, { certified: '' })]);
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')?.actual).toBe(1);
    expect(e.problems).toEqual([
      expect.objectContaining({ code: 'certificate_missing', severity: 'warning' }),
    ]);
  });

  test('dates typed as text are read like date cells', () => {
    const book = plan145Workbook();
    addPeople(book, [admittedOn('19/05/2024', 1), admittedOn('2024-05-19', 2)], true);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(resultOf(e, 'THPT-HH1', 'KN-19-5')?.actual).toBe(2);
  });

  test('an unknown unit typed without diacritics gets a suggestion', () => {
    const e = run([admittedOn('10/05/2024', 1, { unit: 'Truong THPT Hiep Hoa so 2' })]);
    expect(e.problems[0]).toMatchObject({
      code: 'unit_unknown',
      suggestion: 'Có phải là "Trường THPT Hiệp Hòa số 2"?',
    });
  });

  test('both names of a company spelt two ways find the same unit', () => {
    const e = run([
      {
        name: 'A',
        birth: '01/01/1990',
        unit: 'Công ty cổ phần đầu tư và thương mại Sơn Uyên',
        classCode: 'BD1-CN',
      },
      {
        name: 'B',
        birth: '01/01/1990',
        unit: 'Công ty Cổ phần đầu tư và thương mại Uyên Sơn',
        classCode: 'BD1-CN',
      },
      { name: 'C', birth: '01/01/1990', unit: 'Công ty May Hà Thanh', classCode: 'BD1-CN' },
    ]);
    expect(resultOf(e, 'DN-UYENSON', 'BD1-CN')?.actual).toBe(2);
    expect(resultOf(e, 'DN-HATHANH', 'BD1-CN')?.actual).toBe(1);
  });
});

describe('totals', () => {
  test('Plan 145 assigns 47 student and 23 worker admissions, 70 in all', () => {
    const e = run([]);
    const byType = Object.fromEntries(
      e.fulfillment.byKind.map((g) => [g.key, g.results['KN-2024']]),
    );
    expect(byType['Trường học']).toMatchObject({ min: 47, max: 47 });
    expect(byType['Doanh nghiệp']).toMatchObject({ min: 23, max: 23 });
    expect(e.fulfillment.all['KN-2024']).toMatchObject({
      target: '70',
      actual: 0,
      status: 'not_met',
    });
    expect(e.fulfillment.all['KN-19-5']).toMatchObject({ target: '41-55' });
    expect(e.fulfillment.units).toHaveLength(13);
  });

  test('a unit with "từ 2 trở lên" and 5 admitted has met it; its subtotals have no upper bound', () => {
    const book = plan145Workbook();
    // THPT-HH1's 10 for the year (of the schools' 47, of 70 in all) becomes "từ 2 trở lên".
    const quotas = book.sheets.get(SHEET.quotas) as Cell[][];
    const header = (quotas[0] ?? []).map(String);
    const hh1 = quotas.find((r) => r[0] === 'THPT-HH1') as Cell[];
    hh1[header.indexOf('KN-2024')] = 'từ 2 trở lên';
    addPeople(
      book,
      [1, 2, 3, 4, 5].map((i) => admittedOn('10/05/2024', i)),
    );
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')).toMatchObject({
      target: 'từ 2 trở lên',
      actual: 5,
      status: 'met',
      percent: 250,
    });
    const schools = e.fulfillment.byKind.find((g) => g.key === 'Trường học')?.results['KN-2024'];
    expect(schools).toMatchObject({ target: 'từ 39 trở lên', min: 39, max: null, actual: 5 });
    expect(schools?.status).toBe('not_met');
    expect(e.fulfillment.all['KN-2024']).toMatchObject({ target: 'từ 62 trở lên', max: null });
    // The JSON report keeps the meaning: a number for min, null for max, never `Infinity`.
    const json = JSON.stringify(buildJsonReport(e));
    expect(json).not.toContain('Infinity');
    const read = JSON.parse(json) as ReturnType<typeof buildJsonReport>;
    expect(read.units.find((u) => u.code === 'THPT-HH1')?.results['KN-2024']).toMatchObject({
      target: 'từ 2 trở lên',
      min: 2,
      max: null,
      status: 'met',
    });
    expect(read.totals.all['KN-2024']).toMatchObject({ min: 62, max: null });
  });

  test('subtotals by committee add up their units', () => {
    const e = run([
      {
        name: 'A',
        birth: '01/01/1990',
        unit: 'Công ty May Hà Thanh',
        classCode: 'BD1-CN',
        certified: '20/05/2024',
        admitted: '01/07/2024',
      },
    ]);
    const hoangThanh = e.fulfillment.byCommittee.find((g) => g.key === 'Đảng ủy xã Hoàng Thanh');
    expect(hoangThanh?.results['KN-2024']).toMatchObject({ actual: 1, target: '5' });
    expect(e.fulfillment.all['KN-2024']?.actual).toBe(1);
  });
});

describe('reported counts (Số liệu)', () => {
  const typeCounts = (book: ReturnType<typeof plan145Workbook>, rows: (string | number)[][]) => {
    const sheet = book.sheets.get('Số liệu') as unknown[][];
    const header = sheet[0] as string[];
    for (const [code, milestone, n] of rows) {
      const line = sheet.find((r) => r[0] === code) as unknown[];
      line[header.indexOf(String(milestone))] = n;
    }
  };

  test('a unit with no one listed for a milestone takes its reported figure', () => {
    const book = plan145Workbook();
    typeCounts(book, [['THPT-HH2', 'KN-2024', 10]]);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(
      e.fulfillment.units.find((u) => u.unit.code === 'THPT-HH2')?.results['KN-2024'],
    ).toMatchObject({
      actual: 10,
      status: 'met',
      source: 'counts',
    });
    expect(e.problems).toEqual([]);
  });

  test('a unit with rows and a different typed count: the rows count, with a warning', () => {
    const book = plan145Workbook();
    addPeople(book, [admittedOn('10/05/2024', 1), admittedOn('10/05/2024', 2)]);
    typeCounts(book, [['THPT-HH1', 'KN-2024', 5]]);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')).toMatchObject({ actual: 2, source: 'list' });
    expect(e.problems).toEqual([
      expect.objectContaining({
        sheet: 'Số liệu',
        row: 2,
        column: 'KN-2024',
        code: 'count_mismatch',
        severity: 'warning',
      }),
    ]);
  });

  test('a figure that is not a whole number is an error and is not used', () => {
    const book = plan145Workbook();
    typeCounts(book, [['THPT-HH3', 'KN-2024', 'mười']]);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(e.problems.map((p) => p.code)).toEqual(['count_invalid']);
    expect(resultOf(e, 'THPT-HH3', 'KN-2024')).toMatchObject({ actual: 0, source: null });
  });

  test('rows that all have errors still make the list the source: the typed count is not used', () => {
    const book = plan145Workbook();
    addPeople(book, [admittedOn('10/05/2024', 1, { birth: '01/06/2006' })]);
    typeCounts(book, [['THPT-HH1', 'KN-2024', 6]]);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(resultOf(e, 'THPT-HH1', 'KN-2024')).toMatchObject({ actual: 0, source: 'list' });
    expect(e.problems.map((p) => p.code)).toEqual(['count_mismatch', 'underage']);
  });

  test("a unit's own SL sheet wins over Số liệu, and may report only that unit", () => {
    const book = plan145Workbook();
    typeCounts(book, [['THPT-HH2', 'KN-2024', 50]]);
    const header = (book.sheets.get('Số liệu') as unknown[][])[0] as string[];
    const line = (code: string, n: number) =>
      header.map((h, i) => (i === 0 ? code : h === 'KN-2024' ? n : '')) as (string | number)[];
    book.sheets.set('SL - THPT-HH2', [header, line('', 7)]);
    book.sheets.set('SL - THPT-HH1', [header, line('THPT-HH3', 99)]);
    const e = evaluateWorkbook(book, NOW, day('2024-12-31'));
    expect(resultOf(e, 'THPT-HH2', 'KN-2024')).toMatchObject({ actual: 7, source: 'counts' });
    expect(resultOf(e, 'THPT-HH3', 'KN-2024')).toMatchObject({ actual: 0, source: null });
    expect(e.problems.map((p) => [p.sheet, p.code])).toEqual([
      ['SL - THPT-HH1', 'unit_not_this_sheet'],
      ['Số liệu', 'count_duplicate'],
    ]);
  });
});

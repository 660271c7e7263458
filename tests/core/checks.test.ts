import fc from 'fast-check';
import { dayFromYmd, type Day } from '../../src/core/calendar/dates';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import type { Cell } from '../../src/workbook/port';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const NOW = new Date('2024-12-31T05:00:00Z');
const ASOF = dayFromYmd(2024, 12, 31) as Day;
const HH1 = 'Trường THPT Hiệp Hòa số 1';
const ok: Person = {
  name: 'Nguyễn Văn Mẫu',
  birth: '01/01/2005',
  unit: HH1,
  classCode: 'BD1-HS',
  nominated: '25/03/2024',
  certified: '14/04/2024',
  admitted: '10/05/2024',
};

function codesFor(people: Person[], mutate?: (book: ReturnType<typeof plan145Workbook>) => void) {
  const book = plan145Workbook();
  addPeople(book, people);
  mutate?.(book);
  return evaluateWorkbook(book, NOW, ASOF).problems.map((p) => `${p.severity}:${p.code}`);
}

describe('each check of a candidate row: a row that trips it, and a row that does not', () => {
  test('a correct row raises nothing', () => {
    expect(codesFor([ok])).toEqual([]);
  });
  test.each<[string, Partial<Person>, string]>([
    ['unknown unit', { unit: 'Trường THPT Hiệp Hòa số 9' }, 'error:unit_unknown'],
    ['no unit', { unit: '' }, 'error:unit_missing'],
    ['missing name', { name: '' }, 'warning:name_missing'],
    ['unreadable date', { birth: '31/02/2006' }, 'error:date_invalid'],
    [
      'date in the future',
      { admitted: '01/01/2025', certified: '14/04/2024' },
      'error:date_future',
    ],
    ['nomination planned ahead', { nominated: '05/01/2025' }, 'warning:date_future'],
    ['date before 1950', { birth: '01/01/1949', admitted: '' }, 'error:date_too_old'],
    ['admitted before 18', { birth: '15/06/2006' }, 'error:underage'],
    ['admitted over 60', { birth: '01/01/1960', classCode: '' }, 'warning:over_age'],
    ['no certificate date', { certified: '' }, 'warning:certificate_missing'],
    [
      'certificate after admission',
      { certified: '11/05/2024' },
      'error:certificate_after_admission',
    ],
    ['class of another unit type', { classCode: 'BD1-CN' }, 'warning:class_not_for_unit'],
    ['unknown class', { classCode: 'BD9-HS' }, 'error:class_unknown'],
  ])('%s', (_, change, code) => {
    expect(codesFor([{ ...ok, ...change }])).toEqual([code]);
  });

  test('18 years counted by month: born in May 2006, admitted in May 2024, is old enough', () => {
    expect(codesFor([{ ...ok, birth: '31/05/2006', admitted: '01/05/2024' }])).toEqual([]);
  });

  test('the same person twice in one unit: a warning, counted once', () => {
    expect(codesFor([ok, { ...ok, unit: 'Trường THPT Hiệp Hoà số 1' }])).toEqual([
      'warning:duplicate',
    ]);
  });

  test('the same person in two units: a warning on both rows, each unit counts its own', () => {
    const book = plan145Workbook();
    addPeople(book, [ok, { ...ok, unit: 'Trường THPT Hiệp Hòa số 2' }]);
    const e = evaluateWorkbook(book, NOW, ASOF);
    expect(e.problems.map((p) => [p.code, p.row])).toEqual([
      ['duplicate_other_unit', 2],
      ['duplicate_other_unit', 3],
    ]);
    expect(e.problems[0]?.message).toContain('dòng 3');
    expect(e.problems[0]?.message).toContain('THPT Hiệp Hòa số 2');
    expect(e.problems[1]?.message).toContain('dòng 2');
    expect(e.problems[1]?.message).toContain('THPT Hiệp Hòa số 1');
    expect(e.rows).toEqual({ rows: 2, withErrors: 0, withWarningsOnly: 2 });
    const actual = (code: string) =>
      e.fulfillment.units.find((u) => u.unit.code === code)?.results['KN-2024']?.actual;
    expect([actual('THPT-HH1'), actual('THPT-HH2')]).toEqual([1, 1]);
  });

  test("a unit's figure does not depend on the order other units typed their rows", () => {
    const other = { ...ok, unit: 'Trường THPT Hiệp Hòa số 2' };
    const figures = (people: (typeof ok)[]) => {
      const book = plan145Workbook();
      addPeople(book, people);
      return evaluateWorkbook(book, NOW, ASOF).fulfillment.units.map(
        (u) => u.results['KN-2024']?.actual,
      );
    };
    expect(figures([other, ok])).toEqual(figures([ok, other]));
  });

  test('the same name typed without diacritics, same birth day and unit: one person', () => {
    const accented = { ...ok, name: 'Nguyễn Thị Mẫu Vân' };
    const plain = { ...ok, name: 'Nguyen Thi Mau Van' };
    const book = plan145Workbook();
    addPeople(book, [accented, plain]);
    const e = evaluateWorkbook(book, NOW, ASOF);
    expect(e.problems.map((p) => [p.code, p.row])).toEqual([['duplicate', 3]]);
    expect(e.problems[0]?.message).toContain('dòng 2');
    expect(
      e.fulfillment.units.find((u) => u.unit.code === 'THPT-HH1')?.results['KN-2024']?.actual,
    ).toBe(1);
  });

  test('namesakes without a date of birth in two units are two people', () => {
    expect(
      codesFor([
        { ...ok, birth: '', admitted: '' },
        { ...ok, birth: '', admitted: '', unit: 'THPT-HH2' },
      ]),
    ).toEqual([]);
  });
});

describe("the Party's rules: age at the cell's resolution, the certificate's validity", () => {
  const evaluated = (people: Person[], settings: Record<string, Cell> = {}) => {
    const book = plan145Workbook();
    addPeople(book, people);
    const rows = book.sheets.get(SHEET.settings) as Cell[][];
    for (const [key, value] of Object.entries(settings)) {
      const row = rows.find((r) => r[0] === key);
      if (!row) throw new Error(`no setting ${key}`);
      row[1] = value;
    }
    const e = evaluateWorkbook(book, NOW, ASOF);
    return {
      codes: e.problems.map((p) => `${p.severity}:${p.code}`),
      problems: e.problems,
      admitted: e.fulfillment.units.find((u) => u.unit.code === 'THPT-HH1')?.results['KN-2024']
        ?.actual,
    };
  };
  // Born in July 2006: 18 from July 2024, whatever the day.
  const young: Person = { ...ok, birth: '15/07/2006', admitted: '20/07/2024' };

  test('of age at the decision but not at the resolution (215 months): an error, not counted', () => {
    const r = evaluated([{ ...young, resolution: '10/06/2024' }]);
    expect(r.codes).toEqual(['error:underage']);
    expect(r.problems[0]?.column).toBe('Ngày kết nạp');
    expect(r.problems[0]?.message).toBe(
      'Kết nạp khi chưa đủ 18 tuổi: mới 17 tuổi 11 tháng vào ngày chi bộ đề nghị kết nạp (10/06/2024).',
    );
    expect(r.admitted).toBe(0);
    // The same row without its resolution is of age at the decision, and counts.
    expect(evaluated([young])).toEqual({ codes: [], problems: [], admitted: 1 });
  });

  test('a resolution in the month of the 18th birthday counts', () => {
    expect(evaluated([{ ...young, resolution: '01/07/2024' }]).admitted).toBe(1);
  });

  test('without a resolution the age is counted at the decision, as before', () => {
    const r = evaluated([{ ...young, admitted: '20/06/2024' }]);
    expect(r.codes).toEqual(['error:underage']);
    expect(r.problems[0]?.message).toContain('17 tuổi 11 tháng vào ngày kết nạp (20/06/2024)');
    expect(r.admitted).toBe(0);
  });

  test('an unreadable resolution: the decision is used, its own problem keeps its place', () => {
    const r = evaluated([{ ...young, admitted: '20/06/2024', resolution: '31/02/2024' }]);
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([
      ['underage', 'Ngày kết nạp'],
      ['date_invalid', 'Ngày chi bộ đề nghị'],
    ]);
    expect(r.problems[0]?.message).toContain('vào ngày kết nạp (20/06/2024)');
  });

  // A certificate of May 2019; the cell's resolution on 01/06/2024, the decision on 10/06/2024.
  const older: Person = {
    ...ok,
    classCode: '',
    nominated: '',
    certified: '01/05/2019',
    resolution: '01/06/2024',
    admitted: '10/06/2024',
  };
  const VALIDITY = 'Hiệu lực giấy chứng nhận (tháng)';

  test('a certificate 61 months old at the resolution is an error: the admission does not count', () => {
    const r = evaluated([older]);
    expect(r.codes).toEqual(['error:certificate_old']);
    expect(r.problems[0]?.column).toBe('Ngày cấp giấy chứng nhận');
    expect(r.problems[0]?.message).toBe(
      'Giấy chứng nhận bồi dưỡng đã quá 60 tháng (5 năm) vào ngày chi bộ đề nghị kết nạp (01/06/2024): lần kết nạp này không được tính.',
    );
    expect(r.admitted).toBe(0);
  });

  test('60 months to the day is still valid', () => {
    expect(evaluated([{ ...older, certified: '01/06/2019' }])).toMatchObject({
      codes: [],
      admitted: 1,
    });
  });

  test('without a resolution the certificate is counted to the decision', () => {
    const r = evaluated([{ ...older, resolution: '' }]);
    expect(r.codes).toEqual(['error:certificate_old']);
    expect(r.problems[0]?.message).toContain('vào ngày kết nạp (10/06/2024)');
    expect(r.admitted).toBe(0);
  });

  test(`with "${VALIDITY}" set to 72 the same certificate counts`, () => {
    expect(evaluated([older], { [VALIDITY]: 72 })).toMatchObject({ codes: [], admitted: 1 });
    expect(evaluated([older], { [VALIDITY]: '72' })).toMatchObject({ codes: [], admitted: 1 });
  });

  test.each<[Cell]>([['năm năm'], [0], ['2.5'], [1001]])(
    `an unreadable "${VALIDITY}" (%p) is reported and 60 months are used`,
    (value) => {
      const r = evaluated([older], { [VALIDITY]: value });
      expect(r.codes).toEqual(['error:setting_invalid', 'error:certificate_old']);
      expect(r.problems[0]?.message).toContain(VALIDITY);
      expect(r.admitted).toBe(0);
    },
  );
});

describe('checks of Chỉ tiêu and Mốc', () => {
  const setCell = (
    book: ReturnType<typeof plan145Workbook>,
    sheet: string,
    row: number,
    col: number,
    v: Cell,
  ) => {
    const rows = book.sheets.get(sheet) as Cell[][];
    (rows[row - 1] as Cell[])[col - 1] = v;
  };
  test.each<[string, (b: ReturnType<typeof plan145Workbook>) => void, string[]]>([
    [
      'a quota that is not a number or a range',
      (b) => setCell(b, SHEET.quotas, 2, 11, '10-8'),
      ['error:quota_invalid'],
    ],
    ['a valid range', (b) => setCell(b, SHEET.quotas, 2, 11, '7 – 9'), []],
    [
      'a duplicate unit code',
      (b) =>
        (b.sheets.get(SHEET.quotas) as Cell[][]).push([
          'THPT-HH1',
          'Trường khác',
          '',
          'Trường học',
        ]),
      ['error:unit_code_duplicate'],
    ],
    [
      'an alias that names two units',
      (b) => setCell(b, SHEET.quotas, 3, 3, 'THPT Hiệp Hòa số 1'),
      ['error:alias_ambiguous'],
    ],
    [
      'a deadline before its start',
      (b) => setCell(b, SHEET.milestones, 2, 5, '01/04/2024'),
      ['error:deadline_before_start'],
    ],
    [
      'lead days that are not positive whole numbers',
      (b) => setCell(b, SHEET.milestones, 2, 8, '7, -1'),
      ['error:lead_days_invalid'],
    ],
    [
      'a malformed e-mail address',
      (b) => setCell(b, SHEET.quotas, 2, 6, 'a@b.vn, chibo@'),
      ['warning:email_invalid'],
    ],
    ['two good addresses', (b) => setCell(b, SHEET.quotas, 2, 6, 'a@b.vn; c@d.edu.vn'), []],
  ])('%s', (_, mutate, codes) => {
    expect(codesFor([], mutate)).toEqual(codes);
  });
});

describe('5,000 rows of random junk', () => {
  const header = CANDIDATE_COLUMNS.map((c) => c.header);
  test('never throw', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.date()), {
            maxLength: 11,
          }),
          { minLength: 5000, maxLength: 5000 },
        ),
        (rows) => {
          const book = plan145Workbook();
          book.sheets.set(SHEET.candidates, [header, ...(rows as Cell[][])]);
          evaluateWorkbook(book, NOW, ASOF);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('yield exactly one problem per bad cell', () => {
    const badDate = fc.string({ minLength: 1 }).filter((s) => /[a-zđ]/i.test(s) && s.trim() !== '');
    const cell = <T>(good: T, bad: fc.Arbitrary<string>) =>
      fc.oneof(
        fc.constant({ v: good as unknown as Cell, bad: false }),
        bad.map((v) => ({ v: v as Cell, bad: true })),
      );
    const row = fc.record({
      birth: cell('01/01/2000', badDate),
      unit: cell(
        HH1,
        fc.string({ minLength: 1 }).map((s) => `Không Có ${s}`),
      ),
      classCode: cell(
        'BD1-HS',
        fc.string({ minLength: 1 }).map((s) => `ZZ${s}`),
      ),
      nominated: cell('25/03/2024', badDate),
      certified: cell('14/04/2024', badDate),
      admitted: cell('10/05/2024', badDate),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 5000, maxLength: 5000 }), (rows) => {
        const book = plan145Workbook();
        book.sheets.set(SHEET.candidates, [
          header,
          ...rows.map((r, i) => [
            i + 1,
            `Người Mẫu ${i}`,
            r.birth.v,
            r.unit.v,
            '',
            r.classCode.v,
            r.nominated.v,
            r.certified.v,
            r.admitted.v,
            '',
            '',
          ]),
        ]);
        const problems = evaluateWorkbook(book, NOW, ASOF).problems;
        const bad = rows.reduce((n, r) => n + Object.values(r).filter((c) => c.bad).length, 0);
        expect(problems).toHaveLength(bad);
        const count = (code: string) => problems.filter((p) => p.code === code).length;
        const badOf = (field: keyof (typeof rows)[number]) =>
          rows.filter((r) => r[field].bad).length;
        expect(count('unit_unknown')).toBe(badOf('unit'));
        expect(count('class_unknown')).toBe(badOf('classCode'));
        expect(count('date_invalid')).toBe(
          badOf('birth') + badOf('nominated') + badOf('certified') + badOf('admitted'),
        );
      }),
      { numRuns: 3 },
    );
  });
});

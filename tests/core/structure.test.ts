// The structure of those admitted ("cơ cấu") and the period reports, against hand-worked rows:
// what a committee's report gives beside the total (women, ethnic minorities, religious
// believers, Youth Union members, aged 18–30, the average age, by `Đối tượng`), with people the
// list says nothing about counted as unknown, never as "no"; and the usual periods with the same
// days a year earlier.
import { dayFromYmd, formatIso, type Day } from '../../src/core/calendar/dates';
import { clipPeriod, previousPeriod, readPeriod } from '../../src/core/calendar/periods';
import { readEthnicMinority, readReligious, readWoman } from '../../src/core/counting/profile';
import { buildJsonReport, type JsonStructure } from '../../src/core/reports/json-report';
import { buildReportDocument } from '../../src/core/reports/report-document';
import { SHEET } from '../../src/workbook/contract';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const NOW = new Date('2024-12-31T05:00:00Z');
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as Day;
const iso = (y: number, m: number, d: number) => formatIso(day(y, m, d));
const SCHOOL = 'Trường THPT Hiệp Hòa số 1';

const admitted = (p: Person): Person => ({ classCode: 'BD1-HS', certified: '10/01/2024', ...p });

/** Four people of one school, one of them typed twice; hand-worked figures below. */
const PEOPLE: Person[] = [
  // 219 months at admission: 18–30.
  admitted({
    name: 'Nguyễn Thị An',
    birth: '10/03/2006',
    unit: SCHOOL,
    group: 'Học sinh',
    admitted: '10/06/2024',
    gender: 'Nữ',
    ethnicity: 'Kinh',
    religion: 'Không',
    youthUnion: 'Có',
  }),
  // 414 months: not 18–30.
  admitted({
    name: 'Lý Văn Bình',
    birth: '01/01/1990',
    unit: SCHOOL,
    group: 'Công nhân',
    admitted: '01/07/2024',
    gender: 'Nam',
    ethnicity: 'Nùng',
    religion: 'Công giáo',
    youthUnion: 'Không',
  }),
  // 216 months; gender and ethnicity not given, religion blank (none), Youth Union unreadable.
  admitted({
    name: 'Trần Văn Cường',
    birth: '20/05/2006',
    unit: SCHOOL,
    admitted: '30/05/2024',
    youthUnion: 'Đang chờ',
  }),
  // No date of birth: the age is unknown. Admitted before 19/5: in KN-19-5 too.
  admitted({
    name: 'Phạm Thị Dung',
    unit: SCHOOL,
    group: 'Học sinh',
    admitted: '15/04/2024',
    gender: 'nữ',
    ethnicity: 'kinh',
    religion: 'Phật giáo',
    youthUnion: 'có',
  }),
  // The first person again: counted once.
  admitted({
    name: 'Nguyen Thi An',
    birth: '10/03/2006',
    unit: SCHOOL,
    group: 'Học sinh',
    admitted: '10/06/2024',
    gender: 'Nam',
  }),
];

function report(people: Person[], period: ReturnType<typeof readPeriod> = null) {
  const book = plan145Workbook();
  addPeople(book, people);
  return { book, json: buildJsonReport(evaluateWorkbook(book, NOW), { period }) };
}

const unitOf = (json: ReturnType<typeof report>['json'], milestone: string | null) => {
  const table = json.structure.find((t) => t.milestone === milestone);
  return { table, unit: table?.units.find((u) => u.code === 'THPT-HH1') };
};

describe('the structure of those admitted', () => {
  const { json } = report(PEOPLE);

  test.each<[string, string, Partial<JsonStructure>]>([
    [
      'the year',
      'KN-2024',
      {
        admitted: 4,
        women: 2,
        ethnicMinority: 1,
        religious: 2,
        youthUnion: 2,
        aged18to30: 2,
        // (219 + 414 + 216) / 3 months = 23.58 years.
        averageAge: 23.6,
        unknown: { gender: 1, ethnicity: 1, religion: 0, youthUnion: 1, age: 1 },
        byTarget: { 'Học sinh': 2, 'Công nhân': 1, '': 1 },
      },
    ],
    [
      '19/5',
      'KN-19-5',
      {
        admitted: 1,
        women: 1,
        ethnicMinority: 0,
        religious: 1,
        youthUnion: 1,
        aged18to30: 0,
        averageAge: null,
        unknown: { gender: 0, ethnicity: 0, religion: 0, youthUnion: 0, age: 1 },
        byTarget: { 'Học sinh': 1 },
      },
    ],
  ])('%s (%s), counted by hand', (_, code, expected) => {
    const { table, unit } = unitOf(json, code);
    expect(table?.from).toBe(iso(2024, 1, 1));
    expect(unit).toEqual({ code: 'THPT-HH1', ...expected });
  });

  test('the admitted are the milestone figure, and every total is the sum of its units', () => {
    for (const table of json.structure) {
      const code = table.milestone ?? '';
      for (const u of table.units)
        expect(u.admitted).toBe(json.units.find((x) => x.code === u.code)?.results[code]?.actual);
      const keys = ['admitted', 'women', 'ethnicMinority', 'religious', 'youthUnion', 'aged18to30'];
      for (const k of keys as (keyof JsonStructure)[])
        expect(table.total[k]).toBe(table.units.reduce((n, u) => n + (u[k] as number), 0));
      const kinds = Object.values(table.byType).reduce((n, s) => n + s.admitted, 0);
      expect(kinds).toBe(table.total.admitted);
      expect(table.total.unknown.gender).toBe(
        table.units.reduce((n, u) => n + u.unknown.gender, 0),
      );
    }
  });

  test('an unreadable Youth Union or gender is a warning naming the cell', () => {
    const { book } = report([
      ...PEOPLE,
      admitted({
        name: 'Lê Văn Em',
        birth: '01/02/2006',
        unit: SCHOOL,
        admitted: '01/08/2024',
        gender: 'x',
      }),
    ]);
    const problems = evaluateWorkbook(book, NOW).problems;
    const youth = problems.find((p) => p.code === 'youth_union_unknown');
    expect(youth).toMatchObject({
      sheet: SHEET.candidates,
      row: 4,
      column: 'Đoàn viên',
      severity: 'warning',
    });
    // The cell is named, its value never repeated (it would say what the person is).
    expect(youth?.message).not.toContain('Đang chờ');
    const gender = problems.find((p) => p.code === 'gender_unknown');
    expect(gender).toMatchObject({ row: 7, column: 'Giới tính', severity: 'warning' });
    // A warning: the person still counts.
    expect(unitOf(report([...PEOPLE]).json, 'KN-2024').unit?.admitted).toBe(4);
  });

  test('a list without the optional columns counts everyone as unknown, not as "no"', () => {
    const book = plan145Workbook();
    addPeople(book, PEOPLE);
    // The four columns taken out of the sheet, as in a list typed before they existed.
    const rows = book.readSheet(SHEET.candidates) ?? [];
    book.sheets.set(
      SHEET.candidates,
      rows.map((r) => r.slice(0, 14)),
    );
    const json = buildJsonReport(evaluateWorkbook(book, NOW));
    const { unit } = unitOf(json, 'KN-2024');
    expect(unit).toMatchObject({
      admitted: 4,
      women: 0,
      ethnicMinority: 0,
      religious: 0,
      youthUnion: 0,
      unknown: { gender: 4, ethnicity: 4, religion: 4, youthUnion: 4, age: 1 },
    });
  });
});

describe('the words offices type in the structure columns', () => {
  test.each<[string, boolean | null]>([
    ['Kinh', false],
    ['Dân tộc Kinh', false],
    ['kinh.', false],
    ['Việt', false],
    ['Nùng', true],
    ['dân tộc Sán Dìu', true],
    ['Không rõ', null],
    ['chưa rõ', null],
    ['', null],
  ])('Dân tộc "%s"', (text, minority) => expect(readEthnicMinority(text)).toBe(minority));

  test.each<[string, boolean | null | 'blank']>([
    ['Không', false],
    ['Không tôn giáo', false],
    ['Không theo đạo', false],
    ['không có đạo', false],
    ['Lương', false],
    ['Phật giáo', true],
    ['Đạo Công giáo', true],
    ['Tin Lành.', true],
    ['Không rõ', null],
    ['', 'blank'],
  ])('Tôn giáo "%s"', (text, religious) => expect(readReligious(text)).toBe(religious));

  test.each<[string, boolean | null | 'invalid']>([
    ['Nữ', true],
    ['nữ giới', true],
    ['Nam', false],
    ['NAM', false],
    ['Nữ.', true],
    ['chưa rõ', null],
    ['Không rõ', null],
    ['x', 'invalid'],
  ])('Giới tính "%s"', (text, woman) => expect(readWoman(text)).toBe(woman));

  test('a Tôn giáo column left blank for everyone is not known, not "none"', () => {
    const blank = PEOPLE.map((p) => ({ ...p, religion: '' }));
    const { unit } = unitOf(report(blank).json, 'KN-2024');
    expect(unit).toMatchObject({ religious: 0, unknown: { religion: 4 } });
    // Once anyone's religion is written, a blank one is none.
    const { unit: written } = unitOf(report(PEOPLE).json, 'KN-2024');
    expect(written).toMatchObject({ religious: 2, unknown: { religion: 0 } });
  });
});

describe('periods', () => {
  const asOf = day(2026, 5, 15);
  test.each<[string, [number, number, number], [number, number, number]]>([
    ['Q1-2026', [2026, 1, 1], [2026, 3, 31]],
    ['Q2-2026', [2026, 4, 1], [2026, 6, 30]],
    ['Q3-2026', [2026, 7, 1], [2026, 9, 30]],
    ['Q4-2026', [2026, 10, 1], [2026, 12, 31]],
    ['6T-2026', [2026, 1, 1], [2026, 6, 30]],
    ['9T-2026', [2026, 1, 1], [2026, 9, 30]],
    ['2026', [2026, 1, 1], [2026, 12, 31]],
    ['YTD', [2026, 1, 1], [2026, 5, 15]],
    ['q2 2026', [2026, 4, 1], [2026, 6, 30]],
    ['Q1-2024', [2024, 1, 1], [2024, 3, 31]],
  ])('%s', (text, from, to) => {
    const p = readPeriod(text, asOf);
    expect(p && [formatIso(p.from), formatIso(p.to)]).toEqual([iso(...from), iso(...to)]);
  });

  test.each(['Q5-2026', '7T-2026', 'abc', '', 'Q1-26', 'Q1-0050', '6T-0001', '1000'])(
    '"%s" is not a period',
    (text) => expect(readPeriod(text, asOf)).toBeNull(),
  );

  test.each<[string, [number, number, number], [number, number, number]]>([
    // The same quarter a year earlier; a leap year's February has one more day, ends still align.
    ['Q1-2024', [2023, 1, 1], [2023, 3, 31]],
    ['6T-2025', [2024, 1, 1], [2024, 6, 30]],
    ['YTD', [2025, 1, 1], [2025, 5, 15]],
  ])('%s a year earlier', (text, from, to) => {
    const p = readPeriod(text, asOf);
    const prev = p && previousPeriod(p);
    expect(prev && [formatIso(prev.from), formatIso(prev.to)]).toEqual([iso(...from), iso(...to)]);
  });

  test('29 February and the end of February a year earlier', () => {
    const leap = { kind: 'days' as const, from: day(2024, 2, 1), to: day(2024, 2, 29), year: 2024 };
    expect(formatIso(previousPeriod(leap).to)).toBe(iso(2023, 2, 28));
    const after = {
      kind: 'days' as const,
      from: day(2025, 2, 1),
      to: day(2025, 2, 28),
      year: 2025,
    };
    expect(formatIso(previousPeriod(after).to)).toBe(iso(2024, 2, 29));
  });

  test('a period still running is counted to the as-of day, a year earlier to the same day', () => {
    // As of 15/05/2024 the second quarter has run six weeks: last year's are the same six weeks.
    const asOf = day(2024, 5, 15);
    const running = clipPeriod(readPeriod('Q2-2024', asOf)!, asOf);
    expect(running && formatIso(running.to)).toBe(iso(2024, 5, 15));
    expect(running?.running).toBe(true);
    const prev = running && previousPeriod(running);
    expect(prev && [formatIso(prev.from), formatIso(prev.to)]).toEqual([
      iso(2023, 4, 1),
      iso(2023, 5, 15),
    ]);
    // Not begun yet: nothing to report.
    expect(clipPeriod(readPeriod('Q3-2024', asOf)!, asOf)).toBeNull();
    // Over: as it is.
    expect(clipPeriod(readPeriod('Q1-2024', asOf)!, asOf)?.running).toBeUndefined();
  });

  test('admissions and nominations in a quarter, beside the same quarter a year earlier', () => {
    const people: Person[] = [
      admitted({
        name: 'A',
        birth: '01/01/2005',
        unit: SCHOOL,
        admitted: '15/02/2024',
        nominated: '05/01/2024',
      }),
      admitted({
        name: 'B',
        birth: '01/02/2005',
        unit: SCHOOL,
        admitted: '31/03/2024',
        nominated: '01/04/2024',
      }),
      // Outside the quarter.
      admitted({ name: 'C', birth: '01/03/2005', unit: SCHOOL, admitted: '01/04/2024' }),
      // The same quarter of 2023 (certified in 2022).
      {
        name: 'D',
        birth: '01/04/2004',
        unit: SCHOOL,
        classCode: 'BD1-HS',
        certified: '01/12/2022',
        admitted: '10/03/2023',
        nominated: '15/11/2022',
      },
      { name: 'E', birth: '01/05/2004', unit: SCHOOL, nominated: '20/02/2023' },
    ];
    const period = readPeriod('Q1-2024', day(2024, 12, 31));
    const { json } = report(people, period);
    expect(json.period?.from).toBe(iso(2024, 1, 1));
    expect(json.period?.previous).toEqual({ from: iso(2023, 1, 1), to: iso(2023, 3, 31) });
    const unit = json.period?.units.find((u) => u.code === 'THPT-HH1');
    expect(unit).toEqual({
      code: 'THPT-HH1',
      admitted: 2,
      nominated: 1,
      previous: { admitted: 1, nominated: 1 },
      unitsWithoutDays: 0,
    });
    expect(json.period?.total).toEqual({
      admitted: 2,
      nominated: 1,
      previous: { admitted: 1, nominated: 1 },
      unitsWithoutDays: 0,
    });
    // The period has its own structure entry, milestone null.
    const structure = json.structure.find((t) => t.milestone === null);
    expect(structure?.from).toBe(iso(2024, 1, 1));
    expect(structure?.units.find((u) => u.code === 'THPT-HH1')?.admitted).toBe(2);
  });

  test('a unit that reports a count in Số liệu has no days: left at 0, and said', () => {
    const { book } = report([]);
    const counts = book.readSheet(SHEET.counts) ?? [];
    const header = (counts[0] ?? []).map(String);
    const row = header.map((h) => (h === 'Mã' ? 'THPT-HH2' : h === 'KN-2024' ? 4 : ''));
    book.sheets.set(SHEET.counts, [counts[0] ?? [], row]);
    const period = readPeriod('Q1-2024', day(2024, 12, 31));
    const json = buildJsonReport(evaluateWorkbook(book, NOW), { period });
    expect(json.units.find((u) => u.code === 'THPT-HH2')?.results['KN-2024']?.actual).toBe(4);
    const unit = json.period?.units.find((u) => u.code === 'THPT-HH2');
    expect(unit).toMatchObject({ admitted: 0, unitsWithoutDays: 1 });
    expect(json.period?.total.unitsWithoutDays).toBe(1);
    const doc = buildReportDocument(evaluateWorkbook(book, NOW), day(2024, 12, 31), { period });
    expect(doc.period?.note).toContain('1 đơn vị báo số người trong `Số liệu`');
    // Its structure for the milestone: the count, everything else unknown.
    const structure = json.structure
      .find((t) => t.milestone === 'KN-2024')
      ?.units.find((u) => u.code === 'THPT-HH2');
    expect(structure).toMatchObject({ admitted: 4, unknown: { gender: 4, religion: 4, age: 4 } });
  });
});

describe('the structure a unit reports in Số liệu (counts only)', () => {
  /** `Số liệu` with one row for THPT-HH2: the cells under the headers given, others blank. */
  function withCounts(
    cells: Record<string, string | number>,
    renamed: Record<string, string> = {},
  ) {
    const { book } = report([]);
    const counts = book.readSheet(SHEET.counts) ?? [];
    const header = (counts[0] ?? []).map(String).map((h) => renamed[h] ?? h);
    const row = header.map((h) => (h === 'Mã' ? 'THPT-HH2' : (cells[h] ?? '')));
    book.sheets.set(SHEET.counts, [header, row]);
    const evaluation = evaluateWorkbook(book, NOW);
    const json = buildJsonReport(evaluation, {});
    const table = json.structure.find((t) => t.milestone === 'KN-2024');
    return {
      header,
      unit: table?.units.find((u) => u.code === 'THPT-HH2'),
      total: table?.total,
      problems: evaluation.problems.filter((p) => p.sheet === SHEET.counts),
    };
  }

  test('a new workbook heads a count and an unknown column for each measure of an admission', () => {
    const { header } = withCounts({});
    expect(header).toEqual(
      expect.arrayContaining([
        'KN-2024 - Nữ',
        'KN-2024 - Chưa rõ giới tính',
        'KN-2024 - Dân tộc thiểu số',
        'KN-2024 - Chưa rõ dân tộc',
        'KN-2024 - Tôn giáo',
        'KN-2024 - Chưa rõ tôn giáo',
        'KN-2024 - Đoàn viên',
        'KN-2024 - Chưa rõ đoàn viên',
        'KN-2024 - Từ 18 đến 30 tuổi',
        'KN-2024 - Chưa rõ tuổi',
      ]),
    );
    // A class has no structure of those admitted.
    expect(header.some((h) => h.startsWith('BD1-HS - '))).toBe(false);
  });

  test('typed counts are the unit’s structure; a blank count is unknown for all, a blank unknown 0', () => {
    const { unit, total, problems } = withCounts({
      'KN-2024': 6,
      'KN-2024 - Nữ': 4,
      'KN-2024 - Chưa rõ giới tính': 1,
      'KN-2024 - Dân tộc thiểu số': '2',
      'KN-2024 - Đoàn viên': 0,
      'KN-2024 - Từ 18 đến 30 tuổi': 5,
      'KN-2024 - Chưa rõ tuổi': 1,
    });
    expect(problems).toEqual([]);
    expect(unit).toMatchObject({
      admitted: 6,
      women: 4,
      ethnicMinority: 2,
      religious: 0,
      youthUnion: 0,
      aged18to30: 5,
      averageAge: null,
      unknown: { gender: 1, ethnicity: 0, religion: 6, youthUnion: 0, age: 1 },
      byTarget: { '': 6 },
    });
    // The total is the sum of its rows: here the one unit that reported.
    expect(total).toMatchObject({ admitted: 6, women: 4, unknown: { gender: 1, religion: 6 } });
  });

  test('headers typed loosely are still found and never called unknown columns', () => {
    const { unit, problems } = withCounts(
      { 'KN-2024': 3, 'kn-2024 nữ': 2, 'KN-2024 – Tôn Giáo': 1 },
      { 'KN-2024 - Nữ': 'kn-2024 nữ', 'KN-2024 - Tôn giáo': 'KN-2024 – Tôn Giáo' },
    );
    expect(problems).toEqual([]);
    expect(unit).toMatchObject({ women: 2, religious: 1, unknown: { gender: 0, religion: 0 } });
  });

  test('more than the figure, or not a number, is an error naming the cell; that measure unknown', () => {
    const { unit, problems } = withCounts({
      'KN-2024': 3,
      'KN-2024 - Nữ': 3,
      'KN-2024 - Chưa rõ giới tính': 1,
      'KN-2024 - Đoàn viên': 'hai',
    });
    expect(problems.map((p) => [p.code, p.severity, p.column, p.row])).toEqual([
      ['structure_over', 'error', 'KN-2024 - Nữ', 2],
      ['count_invalid', 'error', 'KN-2024 - Đoàn viên', 2],
    ]);
    expect(problems[0]?.message).toContain('nhiều hơn 3 người kết nạp');
    expect(unit).toMatchObject({ admitted: 3, women: 0, unknown: { gender: 3, youthUnion: 3 } });
  });

  test('a structure without the figure it breaks down is said and not counted', () => {
    const { unit, problems } = withCounts({ 'KN-2024 - Nữ': 2 });
    expect(problems.map((p) => [p.code, p.severity, p.column])).toEqual([
      ['structure_without_count', 'warning', 'KN-2024 - Nữ'],
    ]);
    expect(unit).toMatchObject({ admitted: 0, women: 0 });
  });
});

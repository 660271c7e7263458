// Figures a clerk can sign, through the built bundle: Tổng hợp's totals are sums of its rows,
// one person however typed, and a plan that disagrees with itself is listed in Kiểm tra.
import fc from 'fast-check';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { openSheet, type Bundle } from './helpers';
import type { GasEnvironment } from './fakes';

const CODES = PLAN_145.milestones.map((m) => m.code);
const UNIT_NAMES = PLAN_145.units.map((u) => u.name);

function setUp(): { env: GasEnvironment; gas: Bundle } {
  const opened = openSheet();
  opened.gas.setupWorkbook();
  return opened;
}

const person = (name: string, unit: string, classCode: string, admitted: string): unknown[] => [
  '',
  name,
  '15/01/2005',
  unit,
  'Học sinh',
  classCode,
  '25/03/2024',
  '14/04/2024',
  admitted,
];

/** Reads a quota cell as Tổng hợp writes it: `20`, `8-10`, or blank. */
function quotaOf(cell: unknown): { min: number; max: number } | null {
  const text = String(cell ?? '');
  if (text === '') return null;
  const [a, b] = text.split('-').map(Number) as [number, number?];
  return { min: a, max: b ?? a };
}

/** Each subtotal row of Tổng hợp against the sum of the unit rows it covers. */
function expectTotalsAreSums(table: unknown[][]): void {
  const header = table[3] as string[];
  const units = table.filter((r, i) => i > 3 && String(r[0] ?? '') !== '');
  const groups: [string, (r: unknown[]) => boolean][] = [
    ['Tổng cộng', () => true],
    ...[...new Set(units.map((r) => String(r[2])))].map(
      (type): [string, (r: unknown[]) => boolean] => [`Cộng ${type}`, (r) => r[2] === type],
    ),
  ];
  for (const [label, member] of groups) {
    const total = table.find((r) => r[1] === label);
    expect(total).toBeDefined();
    for (const code of CODES) {
      const at = header.indexOf(`${code} thực hiện`);
      const members = units.filter(member);
      const actual = members.reduce((n, r) => n + Number(r[at]), 0);
      expect(total?.[at]).toBe(actual);
      const quotas = members.map((r) => quotaOf(r[at + 1])).filter((q) => q !== null);
      const min = quotas.reduce((n, q) => n + q.min, 0);
      const max = quotas.reduce((n, q) => n + q.max, 0);
      const expected = quotas.length === 0 ? '' : min === max ? String(min) : `${min}-${max}`;
      expect(String(total?.[at + 1])).toBe(expected);
      if (quotas.length > 0 && min > 0)
        expect(total?.[at + 2]).toBeCloseTo(Math.round((actual / min) * 1000) / 1000, 6);
    }
  }
}

describe('Tổng hợp from the bundle', () => {
  test('for random workbooks, every subtotal and the grand total are the sums of the unit rows', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 9 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }))
        .map(([a, d]) => `${a}-${a + d}`),
    );
    const arb = fc.record({
      quotas: fc.array(fc.array(cell, { minLength: CODES.length, maxLength: CODES.length }), {
        minLength: UNIT_NAMES.length,
        maxLength: UNIT_NAMES.length,
      }),
      people: fc.array(
        fc.record({
          unit: fc.constantFrom(...UNIT_NAMES),
          classCode: fc.constantFrom('', 'BD1-HS', 'BD2-HS', 'BD1-CN', 'BD2-CN'),
          month: fc.integer({ min: 1, max: 12 }),
          who: fc.integer({ min: 0, max: 30 }),
        }),
        { maxLength: 40 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ quotas, people }) => {
        const { env, gas } = setUp();
        const sheet = env.spreadsheet.sheet('Chỉ tiêu');
        const header = sheet.values()[0] as string[];
        const first = header.indexOf(CODES[0] as string) + 1;
        sheet.load(quotas, 2, first);
        if (people.length)
          env.spreadsheet.sheet('Danh sách').load(
            people.map((p) =>
              person(
                `Người Mẫu ${p.who}`,
                p.unit,
                p.classCode,
                `10/${String(p.month).padStart(2, '0')}/2024`,
              ),
            ),
            2,
          );
        gas.refreshDashboard();
        expectTotalsAreSums(env.spreadsheet.sheet('Tổng hợp').values());
      }),
      { numRuns: 8 },
    );
  });

  test('a school nominee in a workers’ class joins the total: BD1-CN adds up to its rows', () => {
    const { env, gas } = setUp();
    env.spreadsheet
      .sheet('Danh sách')
      .load([person('Trần Văn Mẫu', UNIT_NAMES[0] as string, 'BD1-CN', '')], 2);
    gas.refreshDashboard();
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const at = (table[3] as string[]).indexOf('BD1-CN thực hiện');
    expect(table.find((r) => r[1] === 'Tổng cộng')?.[at]).toBe(1);
    expect(table.find((r) => r[1] === 'Tổng cộng')?.[at + 1]).toBe('31');
    expectTotalsAreSums(table);

    const tong = gas.PTDV_TONGHOP(
      env.spreadsheet.sheet('Chỉ tiêu').values(),
      env.spreadsheet.sheet('Mốc').values(),
      env.spreadsheet.sheet('Danh sách').values(),
    ) as unknown[][];
    const col = (tong[0] as string[]).indexOf('BD1-CN thực hiện');
    expect(tong.find((r) => r[1] === 'Tổng cộng')?.[col]).toBe(1);
  });
});

describe('Kiểm tra from the bundle', () => {
  const problemsOf = (env: GasEnvironment) =>
    env.spreadsheet
      .sheet('Kiểm tra')
      .values()
      .slice(2)
      .map((r) => ({ sheet: r[0], row: r[1], column: r[2], code: r[4], message: String(r[5]) }));

  test('one person however typed; the same person in two units on both rows, counted by each', () => {
    const { env, gas } = setUp();
    env.spreadsheet
      .sheet('Danh sách')
      .load(
        [
          person('Nguyễn Thị Mẫu Vân', UNIT_NAMES[0] as string, 'BD1-HS', '10/05/2024'),
          person('Nguyen Thi Mau Van', UNIT_NAMES[0] as string, 'BD1-HS', ''),
          person('NGUYỄN THỊ MẪU VÂN', UNIT_NAMES[1] as string, 'BD1-HS', '12/05/2024'),
        ],
        2,
      );
    gas.checkEntries();
    gas.refreshDashboard();
    const found = problemsOf(env).map((p) => [p.code, p.row]);
    expect(found).toEqual([
      ['duplicate_other_unit', 2],
      ['duplicate', 3],
      ['duplicate_other_unit', 4],
    ]);
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const at = (table[3] as string[]).indexOf('BD1-HS thực hiện');
    expect(table.find((r) => r[0] === 'THPT-HH1')?.[at]).toBe(1);
    expect(table.find((r) => r[0] === 'THPT-HH2')?.[at]).toBe(1);
  });

  test('a renamed quota column, a milestone without quotas, a deadline in 2099, unknown codes in Số liệu', () => {
    const { env, gas } = setUp();
    const quotas = env.spreadsheet.sheet('Chỉ tiêu');
    const header = quotas.values()[0] as string[];
    quotas.load([['KN-2024 (năm)']], 1, header.indexOf('KN-2024') + 1);
    const milestones = env.spreadsheet.sheet('Mốc');
    const mHeader = milestones.values()[0] as string[];
    const kn = milestones.values().findIndex((r) => r[0] === 'KN-2024') + 1;
    milestones.load([['02/09/2099']], kn, mHeader.indexOf('Hạn') + 1);
    const counts = env.spreadsheet.sheet('Số liệu');
    const cHeader = counts.values()[0] as string[];
    counts.load([['KN-2026']], 1, cHeader.length + 1);
    counts.load([['DN-KHONGCO', 'Công ty không có', 2]], 2, 1);
    counts.load([[3]], 2, cHeader.length + 1);
    gas.checkEntries();
    const found = problemsOf(env).map((p) => [p.sheet, p.row, p.column, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['Chỉ tiêu', 1, 'KN-2024 (năm)', 'milestone_column_unknown'],
        ['Mốc', kn, 'Mã', 'milestone_without_quota'],
        ['Mốc', kn, 'Hạn', 'milestone_outside_plan'],
        ['Số liệu', 1, 'KN-2026', 'milestone_column_unknown'],
        ['Số liệu', 2, 'Mã', 'unit_unknown'],
      ]),
    );
    const renamed = problemsOf(env).find((p) => p.code === 'milestone_column_unknown');
    expect(renamed?.message).toContain('KN-2024 (năm)');
    // Kiểm tra links each of them to its cell.
    const links = env.spreadsheet
      .sheet('Kiểm tra')
      .formulas()
      .slice(2)
      .map((r) => r[7]);
    expect(links.filter((l) => String(l).startsWith('=HYPERLINK')).length).toBe(found.length);
  });
});

// Two levels on an office machine: each commune sends its own totals (`ptdv counts --for-higher`,
// or its workbook as it is) and the province rolls them up from a folder (`ptdv rollup`). The
// province's figures are the communes' own, unit by unit and milestone by milestone; a file that
// names a commune or a milestone the province does not know is refused, nothing written.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dayFromYmd, dayOfInstant, formatDmy, type Day } from '../../src/core/calendar/dates';
import type { Milestone, Plan, Unit } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/plan/settings-input';
import { candidateCells, syntheticPeople } from '../../src/local/synthetic';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { candidateLayout, seedSheets } from '../../src/workbook/seed';
import type { Cell } from '../../src/workbook/port';
import { COMMUNE_PLAN } from '../helpers/commune-plan';
import { ptdv, tempDir } from '../helpers/cli';

const TODAY = '2026-10-15';
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as Day;
const COMMUNES = ['XA-MAUSON', 'XA-DONGLAC', 'PHUONG-BAC'];

const provinceMilestone = (code: string, kind: Milestone['kind']): Milestone => ({
  code,
  name: code,
  kind,
  appliesTo: 'all',
  from: day(2026, 1, 1),
  deadline: day(2026, 12, 31),
  opening: null,
  leadDays: [7],
  archived: false,
});

const PROVINCE: Plan = {
  settings: {
    ...DEFAULT_SETTINGS,
    issuerName: 'Ban Thường vụ Tỉnh ủy Mẫu',
    issuerLevel: 'Tỉnh',
    planNumber: '05-KH/TU',
    planDate: day(2026, 1, 5),
    dataMode: 'counts',
  },
  units: COMMUNES.map((code): Unit => ({
    code,
    name: `Đảng bộ ${code}`,
    aliases: [],
    kind: code.startsWith('PHUONG') ? 'Phường' : 'Xã',
    committee: 'Tỉnh ủy Mẫu',
    emails: [],
    rejectedEmails: [],
    quotas: {
      'BD-T-2026': { min: 10, max: 10 },
      'KN-T-19-5': { min: 3, max: 3 },
      'KN-T-2026': { min: 8, max: 8 },
    },
  })),
  milestones: [
    provinceMilestone('BD-T-2026', 'class'),
    provinceMilestone('KN-T-19-5', 'admission'),
    provinceMilestone('KN-T-2026', 'admission'),
  ],
};

async function save(path: string, sheets: { name: string; rows: Cell[][] }[]): Promise<void> {
  const book = XlsxWorkbook.empty();
  for (const s of seedSheets(PROVINCE)) {
    const given = sheets.find((g) => g.name === s.name);
    if (given || sheets.length === 0) book.writeSheet(s.name, given?.rows ?? s.rows, s.layout);
  }
  await book.save(path);
}

/** A commune's workbook: its own plan, its people (seed `n`), mapped to the province's codes. */
async function commune(
  path: string,
  code: string,
  seed: number,
  higher: Record<string, string> = {},
) {
  const plan: Plan = {
    ...COMMUNE_PLAN,
    settings: {
      ...COMMUNE_PLAN.settings,
      issuerName: `Ban Thường vụ Đảng ủy ${code}`,
      higherName: 'Tỉnh ủy Mẫu',
      higherCode: code,
    },
    // Each milestone of the commune to the province's of the same kind and days.
    milestones: COMMUNE_PLAN.milestones.map((m) => ({
      ...m,
      higher: higher[m.code] ?? MAPPING[m.code] ?? m.code,
    })),
  };
  const book = XlsxWorkbook.empty();
  for (const s of seedSheets(plan)) book.writeSheet(s.name, s.rows, s.layout);
  book.writeSheet(
    SHEET.candidates,
    [CANDIDATE_COLUMNS.map((c) => c.header), ...candidateCells(syntheticPeople(plan, seed))],
    candidateLayout([]),
  );
  await book.save(path);
}

const MAPPING: Record<string, string> = {
  'BD1-2026': 'BD-T-2026',
  'KN-2026': 'KN-T-2026',
  'KN-19-5-2026': 'KN-T-19-5',
};

const json = (file: string) =>
  JSON.parse(ptdv('report', '--workbook', file, '--json', '--today', TODAY).stdout);
const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

describe('a province rolled up from its communes', () => {
  const dir = tempDir();
  const folder = join(dir, 'cap-duoi');
  const province = join(dir, 'tinh.xlsx');
  const own = COMMUNES.map((c) => join(dir, `${c}.xlsx`));

  beforeAll(async () => {
    mkdirSync(folder);
    await save(province, []);
    for (const [i, code] of COMMUNES.entries()) await commune(own[i] as string, code, 10 + i);
    // Two send their figures file; the third's workbook itself is in the folder.
    for (const i of [0, 1]) {
      const r = ptdv(
        'counts',
        '--workbook',
        own[i] as string,
        '--for-higher',
        join(folder, `${COMMUNES[i]}-so-lieu.xlsx`),
        '--today',
        TODAY,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`mã ${COMMUNES[i]}`);
    }
    copyFileSync(own[2] as string, join(folder, `${COMMUNES[2]}.xlsx`));
  });

  test('equals the sum of each commune’s own report, milestone by milestone', () => {
    const r = ptdv('rollup', '--workbook', province, '--from', folder, '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 tệp cấp dưới');
    const top = json(province);
    for (const [i, code] of COMMUNES.entries()) {
      const mine = json(own[i] as string);
      const all = mine.totals.all as Record<string, { actual: number }>;
      const unit = top.units.find((u: { code: string }) => u.code === code);
      expect(unit.results['BD-T-2026']).toMatchObject({
        actual: all['BD1-2026']?.actual,
        source: 'counts',
      });
      expect(unit.results['KN-T-2026'].actual).toBe(all['KN-2026']?.actual);
      expect(unit.results['KN-T-19-5'].actual).toBe(all['KN-19-5-2026']?.actual);
      expect(unit.results['KN-T-2026'].actual).toBeGreaterThan(0);
      // The files by stage: the commune's total of its cells.
      const stages = top.pipeline.units.find((u: { code: string }) => u.code === code).stages;
      const sum = (stage: string) =>
        mine.pipeline.units.reduce(
          (n: number, u: { stages: Record<string, number> }) => n + u.stages[stage],
          0,
        );
      for (const stage of ['awaiting_decision', 'awaiting_ceremony', 'probation', 'official'])
        expect(stages[stage]).toBe(sum(stage));
      // The structure of those admitted: the commune's two admission milestones added up.
      type Table = {
        milestone: string;
        units: ({ code: string } & Record<string, number>)[];
        total: Record<string, number>;
      };
      const table = (report: { structure: Table[] }, milestone: string) =>
        report.structure.find((t) => t.milestone === milestone);
      for (const [theirs, ours] of [
        ['KN-2026', 'KN-T-2026'],
        ['KN-19-5-2026', 'KN-T-19-5'],
      ] as const) {
        const commune = table(mine, theirs)?.total ?? {};
        const province = table(top, ours)?.units.find((u) => u.code === code) ?? {};
        for (const k of [
          'admitted',
          'women',
          'ethnicMinority',
          'religious',
          'youthUnion',
          'aged18to30',
        ])
          expect([ours, k, province[k as keyof typeof province]]).toEqual([ours, k, commune[k]]);
      }
      expect(table(top, 'KN-T-2026')?.units.find((u) => u.code === code)?.women).toBeGreaterThan(0);
    }
    // The province's total is the sum of its communes.
    const total = top.totals.all['KN-T-2026'].actual;
    expect(total).toBe(
      top.units.reduce(
        (n: number, u: { results: Record<string, { actual: number }> }) =>
          n + (u.results['KN-T-2026']?.actual ?? 0),
        0,
      ),
    );
  });

  test('no name or date of birth reaches the province', async () => {
    for (const file of [province, join(folder, `${COMMUNES[0]}-so-lieu.xlsx`)]) {
      const book = await XlsxWorkbook.open(file);
      const text = book
        .sheetNames()
        .flatMap((n) => (book.readSheet(n) ?? []).flat())
        .map((v) => (v instanceof Date ? formatDmy(dayOfInstant(v)) : String(v)))
        .join('\n');
      for (const i of COMMUNES.keys())
        for (const p of syntheticPeople(COMMUNE_PLAN, 10 + i)) {
          expect(text).not.toContain(p.name);
          expect(text).not.toContain(formatDmy(p.birth));
        }
      expect(text).toContain(COMMUNES[0]);
    }
  });

  test('a commune the province does not have, or a milestone it does not have: refused, nothing written', async () => {
    const before = md5(province);
    const wrong = join(dir, 'sai');
    mkdirSync(wrong);
    await commune(join(wrong, 'XA-LA.xlsx'), 'XA-KHONGCO', 3);
    let r = ptdv('rollup', '--workbook', province, '--from', wrong, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mã đơn vị "XA-KHONGCO" không có trong sheet Chỉ tiêu');
    expect(r.stderr).toContain('Không ghi gì');
    expect(md5(province)).toBe(before);

    const other = join(dir, 'sai-moc');
    mkdirSync(other);
    await commune(join(other, 'XA-MAUSON.xlsx'), 'XA-MAUSON', 4, { 'KN-2026': 'KN-T-2099' });
    r = ptdv('rollup', '--workbook', province, '--from', other, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cột "KN-T-2099"');
    expect(r.stderr).not.toMatch(/Error|at .*\.js/);
    expect(md5(province)).toBe(before);
  });

  test('two overlapping admissions sent to one higher milestone are refused: no one counted twice', async () => {
    const overlap = join(dir, 'trung.xlsx');
    await commune(overlap, 'XA-MAUSON', 5, { 'KN-19-5-2026': 'KN-T-2026' });
    const out = join(dir, 'trung-so-lieu.xlsx');
    const r = ptdv('counts', '--workbook', overlap, '--for-higher', out, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('KN-2026 và KN-19-5-2026 cùng tính vào mốc KN-T-2026');
    expect(r.stderr).toContain('tính hai lần');
    expect(existsSync(out)).toBe(false);
  });

  test('a commune without its code at the higher level is told what to write', async () => {
    const plain = join(dir, 'khong-ma.xlsx');
    const book = XlsxWorkbook.empty();
    for (const s of seedSheets(COMMUNE_PLAN)) book.writeSheet(s.name, s.rows, s.layout);
    await book.save(plain);
    const r = ptdv('counts', '--workbook', plain, '--for-higher', join(dir, 'x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chưa ghi "Mã đơn vị ở cấp trên"');
  });
});

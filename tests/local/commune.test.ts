// Any committee, any plan, any year, through `ptdv` on .xlsx: a commune's plan with six kinds
// of cell, quotas as plans write them, and its move to 2027 in the same workbook.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { seedSheets } from '../../src/workbook/seed';
import { ptdv, tempDir } from '../helpers/cli';
import { COMMUNE_KINDS, COMMUNE_PLAN, communeSheets } from '../helpers/commune-plan';

interface JsonResult {
  actual: number;
  min: number | null;
  max: number | null;
  status: string;
}
interface Json {
  milestones: { code: string; appliesTo: string | string[] }[];
  units: { code: string; type: string; results: Record<string, JsonResult> }[];
  totals: { byType: Record<string, Record<string, JsonResult>>; all: Record<string, JsonResult> };
  problems: { code: string; severity: string; sheet: string; row: number; message: string }[];
}

async function communeWorkbook(file: string): Promise<void> {
  const book = XlsxWorkbook.empty();
  const sheets = communeSheets();
  for (const seed of seedSheets(COMMUNE_PLAN))
    book.writeSheet(seed.name, sheets[seed.name] ?? seed.rows, seed.layout);
  await book.save(file);
}

const json = (file: string, today: string): Json => {
  const run = ptdv('report', '--workbook', file, '--today', today, '--json');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Json;
};

describe("a commune's plan (Kế hoạch 12-KH/ĐU ngày 15/01/2026)", () => {
  const dir = tempDir();
  const file = join(dir, 'xa-mau-son.xlsx');
  beforeAll(() => communeWorkbook(file));

  test('six kinds of cell, each its own subtotal in the order first met, quotas as plans write them', () => {
    const report = json(file, '2026-06-30');
    expect(Object.keys(report.totals.byType)).toEqual(COMMUNE_KINDS);
    // `thôn` typed in lower case on one row is the kind first typed as `Thôn`.
    expect(report.units.find((u) => u.code === 'THON-TAY')?.type).toBe('Thôn');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const unitOf = (code: string) => report.units.find((u) => u.code === code);
    expect(unitOf('THON-DONG')?.results['BD1-2026']).toMatchObject({ actual: 1, min: 2, max: 2 });
    expect(unitOf('THPT-MS')?.results['KN-2026']).toMatchObject({
      actual: 2,
      min: 2,
      max: 4,
      status: 'met',
    });
    expect(unitOf('DN-A')?.results['BD1-2026']).toMatchObject({ min: 2, max: 2 });
    expect(report.totals.byType['Thôn']?.['BD1-2026']).toMatchObject({ actual: 2, min: 4 });
    expect(report.totals.byType['Công an']?.['KN-2026']).toMatchObject({
      actual: 1,
      min: 1,
      status: 'met',
    });
    expect(report.totals.all['KN-2026']?.actual).toBe(6);
    // The school's 2 and DN-A's 1 against their quotas; the village's admission of 10/05 also
    // falls in the window: shown on its row without a quota, and in the total that adds the rows.
    expect(report.totals.all['KN-19-5-2026']).toMatchObject({ actual: 4, min: 3 });
    // A milestone for some kinds: the kinds as shown, and units of other kinds get no reminder.
    expect(report.milestones.find((m) => m.code === 'KN-19-5-2026')?.appliesTo).toEqual([
      'Trường học',
      'Doanh nghiệp',
    ]);
    const text = ptdv('report', '--workbook', file, '--today', '2026-06-30').stdout;
    for (const kind of COMMUNE_KINDS) expect(text).toContain(`Cộng ${kind}`);
  });

  test('the report, the mails and the text say nothing of a district', () => {
    const page = join(dir, 'bao-cao.html');
    expect(ptdv('report', '--workbook', file, '--today', '2026-06-30', '--html', page).code).toBe(
      0,
    );
    const html = readFileSync(page, 'utf8');
    expect(html).toContain(
      '8 đơn vị (2 thôn, 1 công an, 1 quân sự, 1 cơ quan, 1 trường học, 2 doanh nghiệp)',
    );
    expect(html).toContain('Đảng ủy xã Mẫu Sơn');
    const outbox = join(dir, 'outbox');
    expect(
      ptdv('remind', '--workbook', file, '--today', '2026-05-12', '--outbox', outbox).code,
    ).toBe(0);
    const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8'));
    expect(mails.length).toBeGreaterThan(0);
    const text = ptdv('report', '--workbook', file, '--today', '2026-06-30').stdout;
    for (const t of [html, text, ...mails]) expect(t).not.toMatch(/huyện|Huyện|HUYỆN|Hiệp Hòa/);
  });

  test('new-year 2027: a 2027 dashboard with 2027 milestones only, and no error on the 2026 rows', async () => {
    const next = join(dir, 'xa-mau-son-2027.xlsx');
    const before = readFileSync(file);
    const run = ptdv('new-year', '--workbook', file, '--year', '2027', '--out', next);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('KN-2027 (thay KN-2026)');
    expect(readFileSync(file).equals(before)).toBe(true);
    const report = json(next, '2027-03-01');
    expect(report.milestones.map((m) => m.code)).toEqual(['BD1-2027', 'KN-2027', 'KN-19-5-2027']);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.problems.map((p) => p.code)).toEqual([
      'plan_identity_missing',
      'plan_identity_missing',
    ]);
    // Last year's quotas are this year's starting point; nobody is counted yet.
    const school = report.units.find((u) => u.code === 'THPT-MS');
    expect(school?.results['KN-2027']).toMatchObject({ actual: 0, min: 2, max: 4 });
    expect(ptdv('report', '--workbook', next, '--today', '2027-03-01', '--write').code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(next);
    const header = (book.getWorksheet('Tổng hợp')?.getRow(4).values as unknown[]).map(String);
    expect(header.some((h) => h.startsWith('KN-2027'))).toBe(true);
    expect(header.some((h) => h.includes('2026'))).toBe(false);
    const ms = book.getWorksheet('Mốc');
    const archived: unknown[] = [];
    ms?.eachRow((row, r) => r > 1 && archived.push([row.getCell(1).value, row.getCell(9).value]));
    expect(archived).toEqual([
      ['BD1-2026', 'Có'],
      ['KN-2026', 'Có'],
      ['KN-19-5-2026', 'Có'],
      ['BD1-2027', null],
      ['KN-2027', null],
      ['KN-19-5-2027', null],
    ]);
    // The 2027 deadline of KN-19-5 moved by a whole year.
    const deadline = ms?.getRow(7).getCell(6).value as Date;
    expect(deadline.toISOString().slice(0, 10)).toBe('2027-05-19');
  });

  test('new-year refuses a year that is not later, and the file stays as it was', () => {
    const before = readFileSync(file);
    const run = ptdv('new-year', '--workbook', file, '--year', '2026');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('phải sau năm của kế hoạch hiện tại (2026)');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('init --blank: headers and settings keys, no unit, no milestone; init keeps Plan 145', async () => {
    const blank = join(dir, 'trong.xlsx');
    const run = ptdv('init', '--blank', '--out', blank);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(blank);
    expect(book.getWorksheet('Chỉ tiêu')?.actualRowCount).toBe(1);
    expect(book.getWorksheet('Mốc')?.actualRowCount).toBe(1);
    const settings: unknown[][] = [];
    book
      .getWorksheet('Cấu hình')
      ?.eachRow((row) => settings.push([row.getCell(1).value, row.getCell(2).value]));
    expect(settings.length).toBeGreaterThan(8);
    expect(settings.slice(1).every(([, v]) => v === null)).toBe(true);
    const check = ptdv('check', '--workbook', blank);
    expect(check.stdout).not.toMatch(/Hiệp Hòa|145/);
    const example = join(dir, 'vi-du.xlsx');
    expect(ptdv('init', '--out', example).stdout).toContain('145/KH-HU');
  });
});

// Figures a clerk can sign, through the `ptdv` command on real .xlsx files: totals that are sums,
// one person however typed, a plan that disagrees with itself says so, counts only into their plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ptdv, tempDir } from '../helpers/cli';

const excelDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

type Edit = (book: ExcelJS.Workbook) => void;

async function edit(file: string, ...edits: Edit[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const e of edits) e(book);
  await book.xlsx.writeFile(file);
}

const sheet = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The 1-based column headed `header` in row 1. */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The row whose first cell is `code`. */
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === code) found = r;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

const person = (name: string, unit: string, admitted: Date): ExcelJS.CellValue[] => [
  '',
  name,
  excelDate(2005, 1, 15),
  unit,
  'Học sinh',
  'BD1-HS',
  excelDate(2024, 3, 25),
  excelDate(2024, 4, 14),
  admitted,
  '',
  '',
];

const addPeople =
  (...rows: ExcelJS.CellValue[][]): Edit =>
  (book) => {
    const ws = sheet(book, 'Danh sách');
    for (const r of rows) ws.addRow(r);
  };

interface JsonProblem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  severity: string;
  message: string;
  suggestion?: string;
}

interface JsonResult {
  actual: number;
  min: number | null;
  max: number | null;
  status: string;
}

interface Json {
  units: { code: string; results: Record<string, JsonResult> }[];
  totals: {
    byType: Record<string, Record<string, JsonResult>>;
    byCommittee: Record<string, Record<string, JsonResult>>;
    all: Record<string, JsonResult>;
  };
  problems: JsonProblem[];
}

function report(file: string, today = '2024-12-31'): Json {
  const run = ptdv('report', '--workbook', file, '--today', today, '--json');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Json;
}

const HH1 = 'Trường THPT Hiệp Hòa số 1';
const HH2 = 'Trường THPT Hiệp Hòa số 2';

describe('numbers you can sign (ptdv on .xlsx)', () => {
  let file: string;
  beforeEach(() => {
    file = join(tempDir(), 'plan.xlsx');
    expect(ptdv('init', '--out', file).code).toBe(0);
  });

  test('every total is the sum of the rows above it, units without a quota included', async () => {
    // A school typing a worker-class nominee: no quota for BD1-CN, still in the sum.
    const row = person('Trần Văn Mẫu', HH1, excelDate(2024, 5, 10));
    row[5] = 'BD1-CN';
    await edit(file, addPeople(row));
    const json = report(file);
    const sum = (code: string, milestone: string[]) =>
      json.units
        .filter((u) => milestone.includes(u.code))
        .reduce((n, u) => n + (u.results[code]?.actual ?? 0), 0);
    const all = json.units.map((u) => u.code);
    expect(json.totals.all['BD1-CN']?.actual).toBe(sum('BD1-CN', all));
    expect(json.totals.all['BD1-CN']?.actual).toBe(1);
    expect(json.totals.byType['Trường học']?.['BD1-CN']).toMatchObject({
      actual: 1,
      min: null,
      status: 'no_quota',
    });
    // The company total keeps the companies' quota; the school's person does not join it.
    expect(json.totals.byType['Doanh nghiệp']?.['BD1-CN']).toMatchObject({ actual: 0, min: 31 });
    const text = ptdv('report', '--workbook', file, '--today', '2024-12-31').stdout;
    expect(text).toMatch(/Tổng cộng .* 1\/31 Chưa đạt/);
  });

  test.each<[string, string, string, number, string[]]>([
    ['accented and plain', 'Nguyễn Thị Mẫu Vân', 'Nguyen Thi Mau Van', 1, ['duplicate']],
    ['đ typed as d', 'Đỗ Thị Mẫu', 'Do Thi Mau', 1, ['duplicate']],
    ['case and spaces', 'Lê Văn Mẫu', '  LÊ  VĂN MẪU ', 1, ['duplicate']],
    ['another person', 'Nguyễn Thị Mẫu Vân', 'Nguyễn Thị Mẫu Lan', 2, []],
  ])('one person however typed: %s', async (_, first, second, counted, codes) => {
    await edit(
      file,
      addPeople(
        person(first, HH1, excelDate(2024, 5, 10)),
        person(second, HH1, excelDate(2024, 5, 12)),
      ),
    );
    const json = report(file);
    expect(json.units.find((u) => u.code === 'THPT-HH1')?.results['KN-2024']?.actual).toBe(counted);
    const found = json.problems.filter((p) => p.code.startsWith('duplicate'));
    expect(found.map((p) => p.code)).toEqual(codes);
    if (codes.length) expect(found[0]).toMatchObject({ row: 3, column: 'Họ và tên' });
    if (codes.length) expect(found[0]?.message).toContain('dòng 2');
  });

  test('the same person in two units: reported on both rows, each unit counts its own', async () => {
    await edit(
      file,
      addPeople(
        person('Nguyễn Văn Mẫu', HH1, excelDate(2024, 5, 10)),
        person('Nguyen Van Mau', HH2, excelDate(2024, 5, 12)),
      ),
    );
    const json = report(file);
    const figure = (code: string) =>
      json.units.find((u) => u.code === code)?.results['KN-2024']?.actual;
    expect([figure('THPT-HH1'), figure('THPT-HH2')]).toEqual([1, 1]);
    expect(json.totals.all['KN-2024']?.actual).toBe(2);
    const found = json.problems.filter((p) => p.code === 'duplicate_other_unit');
    expect(found.map((p) => p.row)).toEqual([2, 3]);
    expect(found[0]?.message).toContain('dòng 3');
    expect(found[0]?.message).toContain(HH2);
    expect(found[1]?.message).toContain('dòng 2');
    expect(found[1]?.message).toContain(HH1);
  });

  test('a renamed quota column is an error naming the closest code, not a silent drop', async () => {
    await edit(file, (book) => {
      const ws = sheet(book, 'Chỉ tiêu');
      ws.getCell(1, columnOf(ws, 'KN-2024')).value = 'KN-2024 (năm)';
    });
    const json = report(file);
    const codes = json.problems.map((p) => `${p.severity}:${p.code}:${p.sheet}:${p.column}`);
    expect(codes).toContain('error:milestone_column_unknown:Chỉ tiêu:KN-2024 (năm)');
    expect(codes).toContain('warning:milestone_without_quota:Mốc:Mã');
    const unknown = json.problems.find((p) => p.code === 'milestone_column_unknown');
    expect(unknown?.row).toBe(1);
    expect(unknown?.suggestion).toContain('"KN-2024"');
    const without = json.problems.find((p) => p.code === 'milestone_without_quota');
    expect(without?.row).toBe(7);
    expect(ptdv('check', '--workbook', file).code).toBe(1);
  });

  test("a column of one's own notes is not taken for a milestone", async () => {
    await edit(file, (book) => {
      const ws = sheet(book, 'Chỉ tiêu');
      const c = ws.getRow(1).cellCount + 1;
      ws.getCell(1, c).value = 'Ghi chú';
      ws.getCell(2, c).value = 'Trường chuẩn quốc gia';
      ws.getCell(1, c + 1).value = 'Số đảng viên';
      ws.getCell(2, c + 1).value = 45;
    });
    expect(report(file).problems).toEqual([]);
  });

  test('a deadline typed in 2099 warns on its Mốc row; an earlier year before the plan too', async () => {
    await edit(file, (book) => {
      const ws = sheet(book, 'Mốc');
      ws.getCell(rowOf(ws, 'KN-2024'), columnOf(ws, 'Hạn')).value = excelDate(2099, 9, 2);
      ws.getCell(rowOf(ws, 'BD1-HS'), columnOf(ws, 'Từ ngày')).value = excelDate(2023, 3, 20);
    });
    const found = report(file).problems.filter((p) => p.code === 'milestone_outside_plan');
    expect(found.map((p) => [p.sheet, p.row, p.column, p.severity])).toEqual([
      ['Mốc', 2, 'Từ ngày', 'warning'],
      ['Mốc', 7, 'Hạn', 'warning'],
    ]);
    expect(found[1]?.message).toContain('02/09/2099');
    expect(found[1]?.message).toContain('20/03/2024');
  });

  test("Plan 145 as seeded raises nothing: its year's milestones start on 1 January", () => {
    expect(report(file).problems).toEqual([]);
  });
});

describe('counts go only into their own plan', () => {
  const dir = tempDir();
  const local = join(dir, 'danh-sach.xlsx');

  beforeAll(() => {
    expect(ptdv('demo', '--out', local).code).toBe(0);
  });

  test('another plan in --into: exit 1, a Vietnamese line naming what differs, the file untouched', async () => {
    const shared = join(dir, 'khac.xlsx');
    expect(ptdv('init', '--out', shared, '--counts-only').code).toBe(0);
    await edit(shared, (book) => {
      const units = sheet(book, 'Chỉ tiêu');
      units.getCell(rowOf(units, 'DN-MATTROI'), 1).value = 'DN-KHAC';
      const ms = sheet(book, 'Mốc');
      ms.getCell(rowOf(ms, 'KN-2024'), 1).value = 'KN-2026';
    });
    const before = readFileSync(shared);
    const run = ptdv('counts', '--workbook', local, '--out', join(dir, 'sl'), '--into', shared);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không có đơn vị DN-MATTROI');
    expect(run.stderr).toContain('không có mốc KN-2024');
    expect(run.stderr).toContain('Không ghi gì vào');
    expect(readFileSync(shared).equals(before)).toBe(true);
  });

  test('a shared workbook made from the same plan takes the counts and shows the same table', () => {
    const shared = join(dir, 'chung.xlsx');
    const init = ptdv('init', '--out', shared, '--counts-only', '--plan-from', local);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Kế hoạch 145/KH-HU');
    const counts = ptdv('counts', '--workbook', local, '--out', join(dir, 'sl2'), '--into', shared);
    expect(counts.code).toBe(0);
    const table = (file: string) =>
      ptdv('report', '--workbook', file, '--today', '2024-12-31').stdout.split('\n\n')[1];
    expect(table(shared)).toBe(table(local));
    expect(table(local)).toContain('Tổng cộng');
  });
});

describe("the worked examples of docs/vi/cach-tinh.md are the demo's output", () => {
  const dir = tempDir();
  const demo = join(dir, 'demo.xlsx');
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'vi', 'cach-tinh.md'), 'utf8');
  let json: Json;

  beforeAll(() => {
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    json = report(demo);
  });

  test('the total of BD1-CN, row by row', () => {
    const block = /<!-- demo-total BD1-CN -->([\s\S]*?)<!-- \/demo-total -->/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const rows = (block ?? '')
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| dòng') && !l.startsWith('| --'))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map(([, label, figure]) => [label, figure] as [string, string]);
    expect(rows.length).toBe(10);
    const label: Record<string, string> = {
      met: 'Đạt',
      not_met: 'Chưa đạt',
      exceeded: 'Vượt',
    };
    const shown = (r: JsonResult & { target?: string | null }) =>
      r.min === null ? String(r.actual) : `${r.actual}/${r.target} ${label[r.status]}`;
    const resultOf = (row: string): JsonResult | undefined =>
      row === 'Tổng cộng'
        ? json.totals.all['BD1-CN']
        : row === 'Cộng Trường học'
          ? json.totals.byType['Trường học']?.['BD1-CN']
          : row === 'Cộng Doanh nghiệp'
            ? json.totals.byType['Doanh nghiệp']?.['BD1-CN']
            : json.units.find((u) => u.code === row)?.results['BD1-CN'];
    for (const [row, figure] of rows)
      expect([row, shown(resultOf(row) as JsonResult)]).toEqual([row, figure]);
  });

  test('the same person in two units: rows 2 and 272, each counted by its own unit', () => {
    expect(doc).toContain('dòng 2 (THPT Hiệp Hòa số 1) và dòng 272 (THPT Hiệp Hòa số 6)');
    const found = json.problems.filter((p) => p.code === 'duplicate_other_unit');
    expect(found.map((p) => p.row)).toEqual([2, 272]);
    expect(found[0]?.message).toContain('dòng 272');
    expect(found[1]?.message).toContain('dòng 2 ');
    expect(json.problems.find((p) => p.row === 271)?.code).toBe('duplicate');
    const hh6 = json.units.find((u) => u.code === 'THPT-HH6')?.results['BD2-HS'];
    expect(doc).toContain(`vào \`BD2-HS\` (${hh6?.actual}/10)`);
  });
});

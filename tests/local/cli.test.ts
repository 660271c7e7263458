import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ptdv, tempDir } from '../helpers/cli';

const HH1 = 'Trường THPT Hiệp Hòa số 1';

/** Appends rows to a sheet of an .xlsx, as a user typing in Excel would (real Date cells). */
async function appendRows(file: string, sheet: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  for (const r of rows) ws.addRow(r);
  await book.xlsx.writeFile(file);
}

async function readSheet(file: string, sheet: string): Promise<unknown[][] | null> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(sheet);
  if (!ws) return null;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const excelDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('ptdv on real .xlsx files', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'plan.xlsx');
    const init = ptdv('init', '--out', file);
    expect(init.code).toBe(0);
  });

  test('init writes every sheet of the contract, seeded with Plan 145', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Hồ sơ',
      'Cơ cấu',
      'Chỉ tiêu',
      'Mốc',
      'Danh sách',
      'Số liệu',
      'Kiểm tra',
      'Nhật ký thư',
      'Cấu hình',
      'Ngày nghỉ',
    ]);
    const quotas = book.getWorksheet('Chỉ tiêu');
    expect(quotas?.rowCount).toBe(14);
    expect(quotas?.getRow(1).font?.bold).toBe(true);
    expect(quotas?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const milestones = book.getWorksheet('Mốc');
    expect(milestones?.getCell('F2').numFmt).toBe('dd/mm/yyyy');
    expect(milestones?.getCell('F2').value).toEqual(excelDate(2024, 3, 31));
    expect(ptdv('init', '--out', file).code).toBe(1); // never overwrites without --force
  });

  test('nine admissions before 19/5, typed in several spellings, are 9: KN-19-5 met, KN-2024 not met', async () => {
    const spellings = [
      HH1,
      'Trường THPT Hiệp Hoà số 1',
      HH1.normalize('NFD'),
      'Trường THPT Hiệp Hoà số 1'.normalize('NFD'),
    ];
    await appendRows(
      file,
      'Danh sách',
      Array.from({ length: 9 }, (_, i) => [
        i + 1,
        `Nguyễn Văn Mẫu ${i + 1}`,
        excelDate(2005, 12, i + 1),
        spellings[i % spellings.length],
        'Học sinh',
        'BD1-HS',
        excelDate(2024, 3, 25),
        // Some dates typed as text, as unit officers do.
        i % 2 === 0 ? excelDate(2024, 4, 14) : '14/04/2024',
        i % 3 === 0 ? '18/05/2024' : excelDate(2024, 5, 10 + i),
        `${i + 1}-QĐ/HU`,
        '',
      ]),
    );
    const r = ptdv('report', '--workbook', file, '--json', '--today', '2024-12-31');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const hh1 = report.units.find((u: { code: string }) => u.code === 'THPT-HH1');
    expect(hh1.results['KN-19-5']).toMatchObject({
      actual: 9,
      status: 'met',
      target: '8-10',
      min: 8,
      max: 10,
    });
    expect(hh1.results['KN-2024']).toMatchObject({
      actual: 9,
      status: 'not_met',
      target: '10',
      percent: 90,
    });
    expect(report.units).toHaveLength(13);
    expect(report.totals.all['KN-2024']).toMatchObject({ target: '70', actual: 9 });
    expect(report.milestones.map((m: { code: string }) => m.code)).toEqual([
      'BD1-HS',
      'BD2-HS',
      'BD1-CN',
      'BD2-CN',
      'KN-19-5',
      'KN-2024',
    ]);
    expect(report.milestones[4]).toEqual({
      code: 'KN-19-5',
      name: 'Kết nạp nhân dịp 19/5/2024',
      kind: 'admission',
      appliesTo: ['Trường học'],
      from: '2024-01-01',
      deadline: '2024-05-19',
    });
    expect(report.asOf).toBe('2024-12-31');
    expect(report.problems).toEqual([]);
  });

  test('the text table lists the 13 units and the 70-admission total', () => {
    const r = ptdv('report', '--workbook', file, '--today', '2024-06-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tính đến ngày 30/06/2024');
    for (const code of ['THPT-HH1', 'THPT-HH6', 'GDNN-GDTX', 'DN-HAPHONG', 'DN-MATTROI']) {
      expect(r.stdout).toContain(code);
    }
    expect(r.stdout).toMatch(/Tổng cộng.*0\/70 Chưa đạt/);
  });

  test('bad rows are reported with sheet, row and column, never dropped silently', async () => {
    await appendRows(file, 'Danh sách', [
      [1, 'Trần Thị Mẫu', '31/02/2006', HH1, 'Học sinh', 'BD1-HS', '', '14/04/2024', '10/05/2024'],
      [2, 'Lê Văn Mẫu', excelDate(2006, 1, 1), 'Trường Không Có', 'Học sinh', 'BD1-HS'],
    ]);
    const report = JSON.parse(ptdv('report', '--workbook', file, '--json').stdout);
    expect(report.problems).toEqual([
      expect.objectContaining({
        sheet: 'Danh sách',
        row: 2,
        column: 'Ngày sinh',
        code: 'date_invalid',
      }),
      expect.objectContaining({
        sheet: 'Danh sách',
        row: 3,
        column: 'Đơn vị',
        code: 'unit_unknown',
      }),
    ]);
    const hh1 = report.units.find((u: { code: string }) => u.code === 'THPT-HH1');
    expect(hh1.results['KN-2024'].actual).toBe(0);
    expect(hh1.results['BD1-HS'].actual).toBe(1);
  });

  test('--write writes Tổng hợp and Kiểm tra and keeps everything else intact', async () => {
    await appendRows(file, 'Danh sách', [
      [
        1,
        'Phạm Văn Mẫu',
        excelDate(2005, 1, 1),
        HH1,
        'Học sinh',
        'BD1-HS',
        '',
        excelDate(2024, 4, 14),
        excelDate(2024, 5, 1),
      ],
      [2, 'Đỗ Thị Mẫu', excelDate(2005, 1, 1), 'Trường Không Có', 'Học sinh', 'BD1-HS'],
    ]);
    const before = await readSheet(file, 'Danh sách');
    const r = ptdv('report', '--workbook', file, '--write', '--today', '2024-12-31');
    expect(r.code).toBe(0);
    expect(await readSheet(file, 'Danh sách')).toEqual(before);
    const dashboard = await readSheet(file, 'Tổng hợp');
    const hh1 = dashboard?.find((row) => row[0] === 'THPT-HH1');
    expect(hh1?.slice(0, 4)).toEqual(['THPT-HH1', HH1, 'Trường học', 'Huyện ủy Hiệp Hòa']);
    expect(dashboard?.some((row) => row[1] === 'Tổng cộng')).toBe(true);
    const problems = await readSheet(file, 'Kiểm tra');
    expect(problems?.[0]?.[0]).toBe(
      'Đã đọc 2 dòng danh sách: 1 dòng được tính, 1 dòng có lỗi (không được tính vào số liệu mà lỗi ảnh hưởng), 0 dòng chỉ có cảnh báo (vẫn được tính). Số liệu tính đến ngày 31/12/2024.',
    );
    expect(problems?.[2]?.slice(0, 5)).toEqual(['Danh sách', 3, 'Đơn vị', 'Lỗi', 'unit_unknown']);
    // The last column links to the cell.
    expect(problems?.[2]?.[7]).toEqual({ text: 'Danh sách!D3', hyperlink: "#'Danh sách'!D3" });
  });

  test('a missing file, sheet or column prints one clear line, exits 1 and leaves the file alone', async () => {
    expect(ptdv('report', '--workbook', join(dir, 'none.xlsx'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Không tìm thấy tệp'),
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.removeWorksheet(book.getWorksheet('Mốc')!.id);
    const noSheet = join(dir, 'no-sheet.xlsx');
    await book.xlsx.writeFile(noSheet);
    const bytes = readFileSync(noSheet);
    const r = ptdv('report', '--workbook', noSheet, '--write');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('Thiếu sheet "Mốc"')]);
    expect(readFileSync(noSheet).equals(bytes)).toBe(true);

    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.readFile(file);
    book2.getWorksheet('Danh sách')!.getCell('I1').value = 'Ngày vào Đảng';
    const noColumn = join(dir, 'no-column.xlsx');
    await book2.xlsx.writeFile(noColumn);
    const r2 = ptdv('report', '--workbook', noColumn);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('Sheet "Danh sách" thiếu cột "Ngày kết nạp"');
  });

  test('a file that is not a workbook is refused cleanly', () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    const r = ptdv('report', '--workbook', junk);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được tệp');
  });

  test('usage errors exit 2', () => {
    expect(ptdv('report').code).toBe(2);
    expect(ptdv('frobnicate').code).toBe(2);
    expect(ptdv('report', '--workbook', file, '--today', '31/02/2024').code).toBe(2);
  });
});

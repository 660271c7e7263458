// What a new user trips over, through `ptdv` as they would type it: every message in Vietnamese,
// no advice that destroys work, mails that fit their readers, forecasts that wait, clean numbers.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { ptdv, tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ptdv.js');
/** Words a library or Node prints when its English leaks through. */
const ENGLISH = /\b(Error|error|Unknown option|Can't|is this|central directory|EPIPE|at \w+ \()/;

describe('a new user on the command line', () => {
  const dir = tempDir();
  const demo = join(dir, 'demo.xlsx');
  beforeAll(() => {
    expect(ptdv('demo', '--out', demo).code).toBe(0);
  });

  test('a file that is not .xlsx: one Vietnamese line, exit 1', () => {
    const run = ptdv('report', '--workbook', join(ROOT, 'README.md'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không phải tệp Excel .xlsx');
    expect(run.stderr).not.toMatch(ENGLISH);
  });

  test('a mistyped option: Vietnamese, with the option meant, exit 2', () => {
    const run = ptdv('report', '--workbook', demo, '--todya', '2024-12-31');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Không có tùy chọn --todya. Có phải là --today?');
    expect(run.stderr).not.toMatch(ENGLISH);
    const missing = ptdv('report', '--workbook', demo, '--today');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Tùy chọn --today cần một giá trị');
  });

  test('output into a closed pipe ends quietly', () => {
    const run = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" report --workbook "${demo}" | head -1`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toMatch(/^Thực hiện chỉ tiêu/);
    expect(run.stderr).toBe('');
  });

  test('a missing sheet: add it or Khởi tạo bảng tính, never ptdv init on the same file', async () => {
    const broken = join(dir, 'thieu.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo);
    const ws = book.getWorksheet('Mốc');
    if (ws) book.removeWorksheet(ws.id);
    await book.xlsx.writeFile(broken);
    const run = ptdv('report', '--workbook', broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Thiếu sheet "Mốc"');
    expect(run.stderr).toContain('Khởi tạo bảng tính');
    expect(run.stderr).not.toContain('ptdv init');
  });

  test('mails: from the reporting body, no path of this machine, the shared sheet linked when given', async () => {
    const outbox = join(dir, 'outbox');
    expect(
      ptdv('remind', '--workbook', demo, '--today', '2024-05-12', '--outbox', outbox).code,
    ).toBe(0);
    const files = readdirSync(outbox);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const mail = await simpleParser(readFileSync(join(outbox, f)));
      const text = `${mail.text ?? ''}${String(mail.html)}`;
      expect(text).not.toContain(dir);
      expect(text).not.toContain('.xlsx');
      expect(text).not.toMatch(/Ban Thường vụ[^.]*xin nhắc/);
      if (!mail.subject?.includes('Tổng hợp'))
        expect(text).toContain('Ban Tổ chức Huyện ủy Hiệp Hòa xin nhắc');
      expect(text).not.toContain('Bảng theo dõi:');
    }
    // With `Địa chỉ bảng tính` filled in, the mails link the shared sheet.
    const linked = join(dir, 'lien-ket.xlsx');
    expect(ptdv('demo', '--out', linked).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(linked);
    const settings = book.getWorksheet('Cấu hình');
    settings?.eachRow((row) => {
      if (row.getCell(1).value === 'Địa chỉ bảng tính')
        row.getCell(2).value = 'https://docs.google.com/spreadsheets/d/vi-du';
    });
    await book.xlsx.writeFile(linked);
    const out2 = join(dir, 'outbox2');
    expect(
      ptdv('remind', '--workbook', linked, '--today', '2024-05-12', '--outbox', out2).code,
    ).toBe(0);
    const first = await simpleParser(readFileSync(join(out2, readdirSync(out2)[0] ?? '')));
    expect(first.text).toContain('Bảng theo dõi: https://docs.google.com/spreadsheets/d/vi-du');
  });

  test('no forecast in a window\'s first week: "chưa đủ số liệu"', async () => {
    const report = JSON.parse(
      ptdv('report', '--workbook', demo, '--today', '2024-08-16', '--json').stdout,
    ) as {
      units: {
        code: string;
        forecasts: Record<string, { status: string; projected: number | null } | null>;
      }[];
    };
    const hh1 = report.units.find((u) => u.code === 'THPT-HH1')?.forecasts['BD2-HS'];
    expect(hh1).toMatchObject({ status: 'too_early', projected: null });
    const copy = join(dir, 'sớm.xlsx');
    expect(ptdv('demo', '--out', copy).code).toBe(0);
    expect(ptdv('report', '--workbook', copy, '--today', '2024-08-16', '--write').code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    const ws = book.getWorksheet('Tổng hợp');
    const header = (ws?.getRow(4).values as unknown[]).map(String);
    const row = ws?.getRow(5).values as unknown[];
    expect(row[header.indexOf('BD2-HS tiến độ')]).toBe('chưa đủ số liệu');
    expect(row[header.indexOf('BD2-HS dự báo')] ?? null).toBeNull();
  });

  test('percentages are clean numbers in Tổng hợp', async () => {
    const copy = join(dir, 'tyle.xlsx');
    expect(ptdv('demo', '--out', copy).code).toBe(0);
    expect(ptdv('report', '--workbook', copy, '--today', '2024-12-31', '--write').code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    const ws = book.getWorksheet('Tổng hợp');
    const header = (ws?.getRow(4).values as unknown[]).map(String);
    const percentColumns = header.map((h, i) => (h.endsWith(' %') ? i : -1)).filter((i) => i > 0);
    let seen = 0;
    ws?.eachRow((row, r) => {
      if (r <= 4) return;
      for (const c of percentColumns) {
        const v = row.getCell(c).value;
        if (typeof v !== 'number') continue;
        seen++;
        expect(String(v)).toMatch(/^\d+(\.\d{1,3})?$/);
      }
    });
    expect(seen).toBeGreaterThan(20);
  });
});

test('the quick start prints nothing in English', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
    cwd: tempDir(),
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const out = run.stdout + run.stderr;
  expect(out).toContain('Tổng cộng');
  expect(out).not.toMatch(ENGLISH);
  expect(out).not.toMatch(/\b(the|and|with|cannot|not found|written)\b/);
});

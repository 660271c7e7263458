import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { ptdv, tempDir } from '../helpers/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'ptdv.js');

async function logRows(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.getWorksheet('Nhật ký thư')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('ptdv remind', () => {
  let dir: string;
  let file: string;
  let outbox: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'demo.xlsx');
    outbox = join(dir, 'outbox');
    expect(ptdv('demo', '--out', file).code).toBe(0);
  });

  test('writes one valid multipart .eml per message and logs each, once only', async () => {
    const r = ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nhắc việc ngày 2024-05-12');
    const files = readdirSync(outbox).sort();
    expect(files).toContain('2024-05-12-THPT-HH1_KN-19-5_2024-05-19_7.eml');
    expect(files).toContain('2024-05-12-digest_2024-05-12.eml');

    const mail = await simpleParser(
      readFileSync(join(outbox, '2024-05-12-THPT-HH1_KN-19-5_2024-05-19_7.eml')),
    );
    expect(mail.subject).toBe('[Nhắc việc] Kết nạp nhân dịp 19/5/2024 — còn 7 ngày');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('thpt-hh1@example.com');
    expect(mail.text).toContain('Kính gửi: Trường THPT Hiệp Hòa số 1');
    expect(mail.text).toContain('Chủ nhật, 19/05/2024');
    expect(mail.html).toContain('<table');
    expect(`${mail.text}${mail.html}`).not.toMatch(/Mẫu \d{4}/);

    const digest = await simpleParser(
      readFileSync(join(outbox, '2024-05-12-digest_2024-05-12.eml')),
    );
    expect(digest.subject).toMatch(/^\[Nhắc việc\] Tổng hợp ngày 12\/05\/2024/);

    const log = await logRows(file);
    expect(log[0]).toEqual([
      'Thời gian',
      'Mốc',
      'Đơn vị',
      'Người nhận',
      'Nhắc trước (ngày)',
      'Trạng thái',
      'Chi tiết',
      'Khóa',
    ]);
    expect(log.slice(1).map((row) => row[5])).toEqual(files.map(() => 'đã gửi'));

    // Nothing new to send: the file is not rewritten at all.
    const before = readFileSync(file);
    expect(
      ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox).code,
    ).toBe(0);
    expect(readdirSync(outbox).sort()).toEqual(files);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(await logRows(file)).toHaveLength(log.length);
  });

  test('a day that logs keeps what the officers typed and how the sheets are set up', async () => {
    const snapshot = async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const list = book.getWorksheet('Danh sách');
      return {
        rows: list?.getSheetValues(),
        validations: JSON.stringify(
          (list as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
        ),
        dateFormat: list?.getColumn(4).numFmt,
        fill: list?.getCell('A2').fill,
        width: list?.getColumn(2).width,
        views: list?.views,
        sheets: book.worksheets.map((ws) => ws.name),
      };
    };
    // The office's own touches, which the full writer keeps: a dropdown, a fill, a wide column.
    const touched = new ExcelJS.Workbook();
    await touched.xlsx.readFile(file);
    const sheet = touched.getWorksheet('Danh sách');
    if (!sheet) throw new Error('no Danh sách');
    sheet.getCell('C2').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Nam,Nữ"'],
    };
    sheet.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    sheet.getColumn(2).width = 40;
    await touched.xlsx.writeFile(file);
    const before = await snapshot();
    expect(before.validations).toContain('Nam,Nữ');
    expect(
      ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox).code,
    ).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await logRows(file)).length).toBeGreaterThan(1);
  });

  test('a log whose part is not named sheetN.xml is logged like any other', async () => {
    // The log's part renamed (a name Excel never writes, another tool may): exceljs's full
    // reader lost such a sheet; the patched write finds it through the workbook's relationships.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const rId = /<sheet [^>]*name="Nhật ký thư"[^>]*r:id="(rId\d+)"/.exec(book)?.[1] ?? '';
    const target = new RegExp(
      `Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`,
    ).exec(rels);
    const part = `xl/${target?.[1] ?? target?.[2] ?? ''}`;
    const xml = (await zip.file(part)?.async('string')) ?? '';
    expect(xml).toContain('<sheetData');
    zip.remove(part);
    zip.file('xl/worksheets/log.xml', xml);
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(part.slice(3), 'worksheets/log.xml'));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox);
    expect(r.code).toBe(0);
    const after = await JSZip.loadAsync(readFileSync(file));
    const log = (await after.file('xl/worksheets/log.xml')?.async('string')) ?? '';
    expect(log.match(/<row /g)?.length ?? 0).toBeGreaterThan(1);
    expect(log).toContain(readdirSync(outbox)[0]?.slice(0, 10) ?? '(no mail)');
  });

  test('--dry-run logs "thử" and writes no file', async () => {
    const r = ptdv(
      'remind',
      '--workbook',
      file,
      '--today',
      '2024-05-12',
      '--outbox',
      outbox,
      '--dry-run',
    );
    expect(r.code).toBe(0);
    expect(() => readdirSync(outbox)).toThrow();
    const statuses = (await logRows(file)).slice(1).map((row) => row[5]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['thử']));
  });

  test('a run killed at any moment leaves only whole mails in the outbox; the next run clears the rest', async () => {
    const original = readFileSync(file);
    // What a finished run writes, to compare with.
    const done = join(dir, 'done');
    const finished = join(dir, 'finished.xlsx');
    copyFileSync(file, finished);
    expect(
      ptdv('remind', '--workbook', finished, '--today', '2024-05-12', '--outbox', done).code,
    ).toBe(0);
    const expected = new Map(
      await Promise.all(
        readdirSync(done).map(
          async (name) =>
            [name, (await simpleParser(readFileSync(join(done, name)))).text] as const,
        ),
      ),
    );
    const seen: number[] = [];
    for (const delay of [100, 250, 400, 550, 700, 900]) {
      writeFileSync(file, original);
      const child = spawn(
        process.execPath,
        [BIN, 'remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox],
        { stdio: 'ignore' },
      );
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // The files still being written are in a folder of their own, never half a file in the outbox.
      const names = existsSync(outbox) ? readdirSync(outbox) : [];
      seen.push(names.filter((n) => n.endsWith('.eml')).length);
      for (const name of names.filter((n) => n.endsWith('.eml'))) {
        const mail = await simpleParser(readFileSync(join(outbox, name)));
        expect([delay, name, mail.text]).toEqual([delay, name, expected.get(name)]);
      }
    }
    console.log(`killed runs: mails in the outbox ${seen.join(', ')} of ${expected.size}`);
    // A killed run's staging folder is removed by the next run, which logs and writes every mail.
    mkdirSync(join(outbox, '.ptdv-dang-ghi-0badc0de'), { recursive: true });
    writeFileSync(join(outbox, '.ptdv-dang-ghi-0badc0de', 'half.eml'), 'From: ');
    writeFileSync(file, original);
    expect(
      ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox).code,
    ).toBe(0);
    expect(readdirSync(outbox).sort()).toEqual([...expected.keys()].sort());
    expect((await logRows(file)).length - 1).toBe(expected.size);
  }, 60_000);

  test('an outbox it cannot write to stops the run: no mail logged, the workbook as it was', () => {
    // The outbox is a file: neither thread composing the mails can write there.
    writeFileSync(outbox, 'not a folder');
    const before = readFileSync(file);
    const r = ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Không tạo được thư mục thư .*chưa thư nào được ghi/);
    expect(r.stderr).not.toMatch(/\bat \w|Error:|ENOTDIR|EEXIST/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

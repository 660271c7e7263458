// Workbooks saved by other programs, with what an office adds to the demo (a chart, a picture,
// comments, an Excel table, links, a hidden sheet, a defined name, conditional formats, column
// widths): every command gives the same figures as on the plain demo, with the lean read and with
// the full one (PTDV_XLSX_READ=full). The files are made by
// scripts/fixtures/make-office-fixtures.py (openpyxl, xlsxwriter, LibreOffice) and
// scripts/fixtures/make-openxml-sdk-fixture.py (the xlsxwriter file as Microsoft's Open XML SDK
// spells SpreadsheetML, every element under `x:`), and committed.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readXlsx } from '../../src/local/xlsx-reader';
import { inExceljsLayout } from '../../src/local/xlsx-dialects';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { SHEET } from '../../src/workbook/contract';
import { ptdvWith, tempDir, type CliRun } from '../helpers/cli';

const FIXTURES = join(__dirname, '..', 'fixtures', 'office');
const PROGRAMS = ['openpyxl', 'xlsxwriter', 'libreoffice', 'openxml-sdk'] as const;
const READS = {
  lean: { PTDV_XLSX_READ: undefined },
  full: { PTDV_XLSX_READ: 'full' },
} as const;
type Read = keyof typeof READS;

const dir = tempDir();
let serial = 0;
/** A copy of `file` that a command may change, in a folder of its own. */
function copyOf(file: string): string {
  const copy = join(dir, `${++serial}-${file.split('/').pop() ?? 'book.xlsx'}`);
  copyFileSync(file, copy);
  return copy;
}

/** What each reading command says about `file`, read one way. */
function readings(file: string, read: Read) {
  const run = (...args: string[]): CliRun => ptdvWith(READS[read], ...args);
  const report = run('report', '--workbook', file, '--today', '2024-09-01', '--json');
  const check = run('check', '--workbook', file, '--json');
  const out = join(dir, `${++serial}-counts.csv`);
  const counts = run('counts', '--workbook', file, '--out', out, '--today', '2024-09-01');
  return { report, check, counts, countsCsv: readFileSync(out, 'utf8') };
}

/** `remind` on a copy of `file`: what it says, the log it leaves, the mails it writes. */
async function reminding(file: string, read: Read, dryRun: boolean) {
  const copy = copyOf(file);
  const outbox = join(dir, `${++serial}-outbox`);
  const args = ['remind', '--workbook', copy, '--today', '2024-05-12', '--outbox', outbox];
  const r = ptdvWith(READS[read], ...args, ...(dryRun ? ['--dry-run'] : []));
  let mails: string[] = [];
  try {
    mails = readdirSync(outbox).sort();
  } catch {
    // No outbox: nothing was written.
  }
  const book = r.code === 0 ? await readXlsx(copy, (n) => n === SHEET.mailLog) : null;
  const log = (book?.readSheet(SHEET.mailLog) ?? []).map((row) =>
    row.map((c) => (typeof c === 'string' ? c.split(outbox).join('OUTBOX') : c)),
  );
  return {
    code: r.code,
    stderr: r.stderr,
    stdout: r.stdout.split(outbox).join('OUTBOX'),
    log,
    mails,
  };
}

describe('workbooks saved by other programs read as the demo does', () => {
  const demo = join(dir, 'demo.xlsx');
  let plain: ReturnType<typeof readings>;
  let plainRemind: Awaited<ReturnType<typeof reminding>>;
  let plainSent: Awaited<ReturnType<typeof reminding>>;

  beforeAll(async () => {
    expect(ptdvWith({}, 'demo', '--out', demo).code).toBe(0);
    plain = readings(demo, 'lean');
    plainRemind = await reminding(demo, 'lean', true);
    plainSent = await reminding(demo, 'lean', false);
    expect(plain.report.code).toBe(0);
    // The demo's planted mistakes: `check` finds them and exits 1.
    expect(JSON.parse(plain.check.stdout).problems.length).toBeGreaterThan(10);
    expect(plainRemind.stdout).toContain('6 thư chạy thử');
    expect(plainRemind.log?.length).toBeGreaterThan(1);
    expect(plainSent.mails.length).toBe(6);
  });

  describe.each(PROGRAMS)('%s.xlsx', (program) => {
    const file = join(FIXTURES, `${program}.xlsx`);

    test.each(Object.keys(READS) as Read[])('report, check and counts, %s read', (read) => {
      const r = readings(file, read);
      expect(r.report.stderr).toBe('');
      expect(r.report.code).toBe(0);
      expect(JSON.parse(r.report.stdout)).toEqual(JSON.parse(plain.report.stdout));
      expect(r.check.code).toBe(plain.check.code);
      expect(r.check.stderr).toBe(plain.check.stderr);
      expect(JSON.parse(r.check.stdout)).toEqual(JSON.parse(plain.check.stdout));
      expect(r.counts.code).toBe(0);
      expect(r.countsCsv).toBe(plain.countsCsv);
    });

    test.each(Object.keys(READS) as Read[])('remind, %s read', async (read) => {
      const dry = await reminding(file, read, true);
      expect(dry).toEqual({ ...plainRemind, stderr: '' });
      const sent = await reminding(file, read, false);
      expect(sent).toEqual({ ...plainSent, stderr: '' });
    });

    test('report --write, then read again', () => {
      const copy = copyOf(file);
      const r = ptdvWith(
        {},
        'report',
        '--workbook',
        copy,
        '--today',
        '2024-09-01',
        '--json',
        '--write',
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^Đã ghi sheet/);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(plain.report.stdout));
      for (const read of Object.keys(READS) as Read[]) {
        const again = readings(copy, read);
        expect(JSON.parse(again.report.stdout)).toEqual(JSON.parse(plain.report.stdout));
      }
    });

    test('counts --into the office file', () => {
      const copy = copyOf(file);
      const out = join(dir, `${++serial}-into.csv`);
      const r = ptdvWith({}, 'counts', '--workbook', demo, '--out', out, '--into', copy);
      expect(r.stderr).not.toMatch(/\bat \w|Error/);
      expect(r.code).toBe(0);
    });

    test('both reads agree cell for cell on every sheet', async () => {
      const full = await XlsxWorkbook.open(file);
      const lean = await readXlsx(file, () => true);
      expect(lean.sheetNames()).toEqual(full.sheetNames());
      expect(lean.sheetNames()).toEqual(expect.arrayContaining(['Văn phòng', 'Ghi chú ẩn']));
      for (const name of full.sheetNames())
        expect(lean.readSheet(name)).toEqual(full.readSheet(name));
    });
  });

  test('what the files hold, and which the full read hands exceljs in its own layout', async () => {
    const parts = async (program: string) =>
      Object.keys((await JSZip.loadAsync(readFileSync(join(FIXTURES, `${program}.xlsx`)))).files);
    for (const program of PROGRAMS) {
      const names = await parts(program);
      expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
      expect(names.some((n) => /^xl\/media\/image\d+\.png$/.test(n))).toBe(true);
      expect(names.some((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toBe(true);
      expect(names.some((n) => /comment/.test(n))).toBe(true);
    }
    // openpyxl lays its parts out otherwise (default-namespace drawings, xl/comments/…, absolute
    // targets); Excel's layout (ptdv's own demo, xlsxwriter) goes to exceljs untouched.
    expect(await inExceljsLayout(readFileSync(join(FIXTURES, 'openpyxl.xlsx')))).not.toBeNull();
    expect(await inExceljsLayout(readFileSync(join(FIXTURES, 'xlsxwriter.xlsx')))).toBeNull();
    expect(await inExceljsLayout(readFileSync(demo))).toBeNull();
  });
});

describe('a file the full read cannot open is named in Vietnamese, and left unchanged', () => {
  const demo = join(dir, 'demo-for-errors.xlsx');
  beforeAll(() => {
    expect(ptdvWith({}, 'demo', '--out', demo).code).toBe(0);
  });

  /** The commands, with the full read (exceljs) that opens the whole file. */
  const fullOpens = (file: string): CliRun[] => [
    ptdvWith({ PTDV_XLSX_READ: 'full' }, 'report', '--workbook', file, '--write'),
    ptdvWith(
      { PTDV_XLSX_READ: 'full' },
      'remind',
      '--workbook',
      file,
      '--today',
      '2024-05-12',
      '--outbox',
      join(dir, 'ob'),
      '--dry-run',
    ),
    ptdvWith({ PTDV_XLSX_READ: 'full' }, 'check', '--workbook', file),
  ];

  test('a sound zip that exceljs trips over: not called broken, nothing changed', async () => {
    // A comment relationship to a part that is not there: exceljs fails with a TypeError. The
    // part is `Kiểm tra`'s (the eighth sheet of the demo), whose links give it relationships.
    const zip = await JSZip.loadAsync(readFileSync(demo));
    const rels = 'xl/worksheets/_rels/sheet8.xml.rels';
    const xml = (await zip.file(rels)?.async('string')) ?? '';
    zip.file(
      rels,
      xml.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments99.xml"/></Relationships>',
      ),
    );
    const file = join(dir, 'dangling.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = readFileSync(file);
    for (const r of fullOpens(file)) {
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(
        /^Không mở được tệp ".*dangling\.xlsx".*Tệp chưa bị thay đổi gì/,
      );
      expect(r.stderr).not.toMatch(/\bat \w|Error|Cannot read/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    // The patched write never asks exceljs: the same file is written (that sheet being
    // `Kiểm tra`, ptdv's own, its relationships are ptdv's too).
    expect(
      ptdvWith({}, 'report', '--workbook', file, '--today', '2024-09-01', '--write').code,
    ).toBe(0);
  });

  test('random bytes and a zip cut short are still "broken"', () => {
    const random = join(dir, 'random.xlsx');
    writeFileSync(random, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(demo).subarray(0, 20_000));
    for (const file of [random, cut])
      for (const r of fullOpens(file)) {
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toMatch(/^Không đọc được tệp .*tệp đã hỏng/);
        expect(r.stderr).not.toMatch(/\bat \w|Error:/);
      }
  });
});

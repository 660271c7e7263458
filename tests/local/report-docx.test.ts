// `ptdv report --docx`: the standing office's report as a Word document in the Party's format
// (Quy định 399-QĐ/TW, Hướng dẫn 36-HD/VPTW), with the figures of `ptdv report --json`, and the
// number and signature block the office sets in `Cấu hình` (left blank when it has not).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ptdv, tempDir } from '../helpers/cli';
import {
  cellTexts,
  readDocx,
  tableAfter,
  tablesOf,
  type DocxContent,
  type DocxParagraph,
  type DocxTable,
} from '../helpers/docx-xml';
import { ALL_UNITS, formatPercent } from '../../src/core/messages/labels';
import { REPORT } from '../../src/core/messages/report';

const dir = tempDir();
const workbook = join(dir, 'demo.xlsx');

beforeAll(() => {
  expect(ptdv('demo', '--out', workbook).code).toBe(0);
});

/** `ptdv report --docx` on a workbook; the document read back. */
async function docxOf(book: string, ...args: string[]): Promise<DocxContent> {
  const out = join(dir, `${args.join('_').replace(/\W/g, '')}-${readdirSync(dir).length}.docx`);
  const run = ptdv('report', '--workbook', book, ...args, '--docx', out);
  expect([run.code, run.stderr]).toEqual([
    0,
    expect.stringContaining(`Đã ghi báo cáo Word ${out}`),
  ]);
  return readDocx(readFileSync(out));
}

/** The one run of a paragraph (every line of the heading and the closing is one run). */
function only(p: DocxParagraph | undefined): DocxParagraph['runs'][number] {
  expect(p?.runs).toHaveLength(1);
  return p?.runs[0] as DocxParagraph['runs'][number];
}

const blockLines = (table: DocxTable, column: number): DocxParagraph[] =>
  table.rows[0]?.cells[column]?.paragraphs ?? [];

/** A demo copy with `Cấu hình` keys set to these values. */
async function withSettings(name: string, values: Record<string, string>): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const settings = book.getWorksheet('Cấu hình');
  const seen = new Set<string>();
  settings?.eachRow((row) => {
    const key = String(row.getCell(1).value);
    if (key in values) {
      row.getCell(2).value = values[key] ?? '';
      seen.add(key);
    }
  });
  // Each key is one a new workbook lists, so an office finds it where the others are.
  expect([...seen].sort()).toEqual(Object.keys(values).sort());
  const file = join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe('ptdv report --docx on the demo workbook', () => {
  let doc: DocxContent;
  beforeAll(async () => {
    doc = await docxOf(workbook, '--today', '2024-09-01');
  });

  test('A4 portrait, margins top and bottom 20 mm, left 30, right 15 (in twips)', () => {
    expect(doc.page).toEqual({ width: 11906, height: 16838, orientation: 'portrait' });
    expect(doc.margins).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
  });

  test('Times New Roman throughout: the default font, and no run names another', () => {
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(doc.stylesXml)?.[0] ?? '';
    for (const attribute of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia'])
      expect(defaults).toContain(`${attribute}="Times New Roman"`);
    const fonts = [
      ...`${doc.stylesXml}${doc.documentXml}`.matchAll(/w:(?:ascii|hAnsi)="([^"]*)"/g),
    ];
    expect(new Set(fonts.map((m) => m[1]))).toEqual(new Set(['Times New Roman']));
    expect(doc.documentXml).not.toMatch(/w:asciiTheme/);
  });

  test('the heading: the committee, the issuing body in bold, its star, the number; the Party, the date', () => {
    const heading = doc.blocks[0] as DocxTable;
    expect(heading.kind).toBe('table');
    expect(Object.values(heading.borders)).toEqual(Array(6).fill('none'));
    const left = blockLines(heading, 0);
    expect(left.map((p) => p.text)).toEqual([
      'HUYỆN ỦY HIỆP HÒA',
      'BAN TỔ CHỨC',
      '*',
      // `Số báo cáo` not set: the number is left for the clerk, and no abbreviation is made up.
      `Số${'\u00a0'.repeat(8)}-BC/……`,
    ]);
    expect(left.map((p) => [only(p).size, only(p).bold])).toEqual([
      [28, false],
      [28, true],
      [28, false],
      [28, false],
    ]);
    const [motto, date] = blockLines(heading, 1);
    expect(motto?.text).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(only(motto)).toMatchObject({ size: 30, bold: true, underline: true });
    expect(date?.text).toBe('Hiệp Hòa, ngày 01 tháng 9 năm 2024');
    expect(only(date)).toMatchObject({ size: 28, italic: true, bold: false });
    const [title, subtitle] = doc.blocks.slice(1, 3) as DocxParagraph[];
    expect(title?.text).toBe('BÁO CÁO');
    expect([title?.align, only(title).size, only(title).bold]).toEqual(['center', 32, true]);
    expect(subtitle?.text).toBe(
      'Kết quả thực hiện Kế hoạch số 145/KH-HU ngày 20/03/2024 của Ban Thường vụ Huyện ủy Hiệp Hòa' +
        ' về công tác phát triển đảng viên (số liệu tính đến ngày 01/09/2024)',
    );
    expect([subtitle?.align, only(subtitle).size, only(subtitle).bold]).toEqual([
      'center',
      28,
      true,
    ]);
  });

  test('the body in 14 pt; each milestone table has the figures of --json, unit by unit', () => {
    const summary = doc.blocks.find(
      (b): b is DocxParagraph => b.kind === 'p' && b.text.startsWith('Tính đến ngày 01/09/2024'),
    );
    expect(only(summary).size).toBe(28);
    const json = JSON.parse(
      ptdv('report', '--workbook', workbook, '--today', '2024-09-01', '--json').stdout,
    ) as {
      milestones: { code: string; name: string }[];
      units: {
        name: string;
        results: Record<
          string,
          { target: string | null; min: number | null; actual: number; percent: number | null }
        >;
      }[];
      totals: { all: Record<string, { target: string; actual: number; percent: number }> };
    };
    let compared = 0;
    for (const m of json.milestones) {
      const units = json.units.filter((u) => (u.results[m.code]?.min ?? null) !== null);
      if (units.length === 0) continue;
      const table = tableAfter(doc, `${m.name} (${m.code})`);
      const rows = new Map(cellTexts(table).map((r) => [r[1], r]));
      for (const u of units) {
        const r = u.results[m.code];
        expect([m.code, rows.get(u.name)?.slice(2, 5)]).toEqual([
          m.code,
          [
            r?.target,
            String(r?.actual),
            (r?.percent ?? null) === null ? '' : formatPercent(r?.percent ?? 0),
          ],
        ]);
        compared++;
      }
      const all = json.totals.all[m.code];
      expect(rows.get(ALL_UNITS)?.slice(2, 5)).toEqual([
        all?.target,
        String(all?.actual),
        formatPercent(all?.percent ?? 0),
      ]);
    }
    // Plan 145: seven schools in two class milestones, every unit in two admission ones.
    expect(compared).toBeGreaterThan(40);
  });

  test('a table: header repeated on each page and bold, numbers right, totals bold, subtotals italic', () => {
    const table = tableAfter(doc, 'Lớp bồi dưỡng đợt 2 (học sinh) (BD2-HS)');
    const [header, ...rows] = table.rows;
    expect(header?.header).toBe(true);
    expect(header?.cells.map((c) => c.text)).toEqual([...REPORT.columns]);
    expect(header?.cells.every((c) => c.paragraphs[0]?.runs.every((r) => r.bold))).toBe(true);
    const first = rows[0];
    expect(first?.cells[1]?.text).toBe('Trường THPT Hiệp Hòa số 1');
    expect(first?.cells.map((c) => c.paragraphs[0]?.align)).toEqual([
      'right',
      'left',
      'right',
      'right',
      'right',
      'left',
      'right',
      'left',
    ]);
    const runsOf = (label: string) =>
      rows
        .find((r) => r.cells[1]?.text === label)
        ?.cells.flatMap((c) => c.paragraphs[0]?.runs ?? []);
    expect(runsOf(ALL_UNITS)?.every((r) => r.bold && !r.italic)).toBe(true);
    expect(runsOf('Cộng Trường học')?.every((r) => r.italic && !r.bold)).toBe(true);
    expect(runsOf('Trường THPT Hiệp Hòa số 1')?.every((r) => !r.bold && !r.italic)).toBe(true);
    // The table's type is smaller than the body's.
    expect(
      new Set(
        rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs[0]?.runs ?? []).map((r) => r.size)),
      ),
    ).toEqual(new Set([24]));
  });

  test('the closing: Nơi nhận on the left, the default list; the signature left blank to fill in', () => {
    const closing = tablesOf(doc).at(-1) as DocxTable;
    expect(Object.values(closing.borders)).toEqual(Array(6).fill('none'));
    const [title, ...recipients] = blockLines(closing, 0);
    expect(title?.text).toBe('Nơi nhận:');
    expect(only(title)).toMatchObject({ size: 24, bold: true, italic: true });
    expect(recipients.map((p) => p.text)).toEqual([
      '- Thường trực Huyện ủy Hiệp Hòa (để báo cáo),',
      '- Lưu.',
    ]);
    expect(recipients.map((p) => only(p).size)).toEqual([22, 22]);
    // No authority, title or name was set: empty lines, never a made-up one.
    const signature = blockLines(closing, 1);
    expect(signature.length).toBeGreaterThanOrEqual(5);
    expect(signature.every((p) => p.text === '')).toBe(true);
    expect(doc.documentXml).not.toMatch(/T\/M|K\/T/);
  });
});

test('the five Cấu hình keys set: the number, the signature block and Nơi nhận say them, in the .docx and the page', async () => {
  const book = await withSettings('ky.xlsx', {
    'Số báo cáo': '12',
    'Quyền hạn ký': 'T/M Ban Thường vụ',
    'Chức vụ người ký': 'Phó Bí thư',
    'Người ký': 'Nguyễn Văn Mẫu',
    'Nơi nhận':
      'Thường trực Huyện ủy (để báo cáo); Các đồng chí Ủy viên Ban Thường vụ\n- Lưu Văn phòng',
  });
  const html = join(dir, 'ky.html');
  const doc = await docxOf(book, '--today', '2024-09-01', '--html', html);
  const heading = doc.blocks[0] as DocxTable;
  expect(blockLines(heading, 0)[3]?.text).toBe('Số 12-BC/……');
  const closing = tablesOf(doc).at(-1) as DocxTable;
  expect(blockLines(closing, 0).map((p) => p.text)).toEqual([
    'Nơi nhận:',
    '- Thường trực Huyện ủy (để báo cáo),',
    '- Các đồng chí Ủy viên Ban Thường vụ,',
    '- Lưu Văn phòng.',
  ]);
  const signature = blockLines(closing, 1).filter((p) => p.text !== '');
  expect(signature.map((p) => [p.text, only(p).bold])).toEqual([
    ['T/M BAN THƯỜNG VỤ', true],
    ['PHÓ BÍ THƯ', true],
    ['Nguyễn Văn Mẫu', true],
  ]);
  // Room to sign between the title and the name.
  const lines = blockLines(closing, 1).map((p) => p.text);
  expect(lines.indexOf('Nguyễn Văn Mẫu') - lines.indexOf('PHÓ BÍ THƯ')).toBeGreaterThan(2);
  const page = readFileSync(html, 'utf8');
  for (const text of [
    'Số 12-BC/……',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    'Nguyễn Văn Mẫu',
    '- Các đồng chí Ủy viên Ban Thường vụ,',
    '- Lưu Văn phòng.',
  ])
    expect(page).toContain(text);
});

test('a whole number typed in Số báo cáo is used as typed; unset keys stay blank', async () => {
  const book = await withSettings('so.xlsx', { 'Số báo cáo': 'Số 12-BC/BTCHU' });
  const doc = await docxOf(book, '--today', '2024-09-01');
  expect(blockLines(doc.blocks[0] as DocxTable, 0)[3]?.text).toBe('Số 12-BC/BTCHU');
  const closing = tablesOf(doc).at(-1) as DocxTable;
  expect(blockLines(closing, 1).every((p) => p.text === '')).toBe(true);
});

test('dated the day it is made, the as-of day in its title, as the page is', async () => {
  const doc = await docxOf(workbook, '--today', '2024-09-02', '--as-of', '2024-09-01');
  const heading = doc.blocks[0] as DocxTable;
  expect(blockLines(heading, 1)[1]?.text).toBe('Hiệp Hòa, ngày 02 tháng 9 năm 2024');
  expect((doc.blocks[2] as DocxParagraph).text).toContain('số liệu tính đến ngày 01/09/2024');
});

test('--docx with --json, --html, --write and --period: each written, the period as Part VI', async () => {
  const copy = await withSettings('ky-ca.xlsx', {});
  const folder = join(dir, 'chua-co', 'thu-muc');
  const out = join(folder, 'bao-cao.docx');
  const html = join(dir, 'ky-ca.html');
  const run = ptdv(
    'report',
    '--workbook',
    copy,
    '--today',
    '2024-09-01',
    '--period',
    'Q3-2024',
    '--json',
    '--write',
    '--html',
    html,
    '--docx',
    out,
  );
  expect(run.code).toBe(0);
  expect(() => JSON.parse(run.stdout)).not.toThrow();
  expect(run.stderr).toContain(`Đã ghi sheet Tổng hợp và Kiểm tra vào ${copy}`);
  expect(run.stderr).toContain(`Đã ghi báo cáo ${html}`);
  expect(run.stderr).toContain(`Đã ghi báo cáo Word ${out}`);
  // The folder was made; the file was renamed into place, no temporary file left beside it.
  expect(readdirSync(folder)).toEqual(['bao-cao.docx']);
  const doc = await readDocx(readFileSync(out));
  const texts = doc.blocks.filter((b): b is DocxParagraph => b.kind === 'p').map((p) => p.text);
  expect(texts).toContain(REPORT.partPeriod);
  expect(texts).toContain(REPORT.partStructure);
  const period = texts.find((t) => t.startsWith('Kết nạp và cử đi học quý III năm 2024')) ?? '';
  expect(period).not.toBe('');
  expect(tableAfter(doc, period).rows[0]?.cells.map((c) => c.text)).toEqual([
    ...REPORT.periodColumns,
  ]);
  // The page has the same part.
  expect(readFileSync(html, 'utf8')).toContain(period);
});

test('a .docx that cannot be written is said in Vietnamese, nothing left half-written', () => {
  // Its folder's name is taken by a file.
  const blocked = join(dir, 'la-tep');
  writeFileSync(blocked, 'không phải thư mục');
  const out = join(blocked, 'bao-cao.docx');
  const run = ptdv('report', '--workbook', workbook, '--today', '2024-09-01', '--docx', out);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`Không ghi được tệp "${out}": không tạo được thư mục chứa nó`);
  expect(run.stderr).not.toMatch(/Error|ENOTDIR|EEXIST|\bat /);
  expect(existsSync(out)).toBe(false);
});

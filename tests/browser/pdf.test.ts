// `ptdv report --pdf` on a machine with no browser of its own (no PTDV_CHROMIUM, nothing on
// PATH): the Chromium packaged with ptdv prints the report, every Vietnamese letter in it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptdv, ptdvWith, tempDir } from '../helpers/cli';
import { pdfText } from '../helpers/pdf-text';

const dir = tempDir();
const workbook = join(dir, 'demo.xlsx');
const noBrowsers = join(dir, 'empty-path');
mkdirSync(noBrowsers);

test('prints the demo report to an A4 PDF whose text is the Vietnamese report', () => {
  expect(ptdv('demo', '--out', workbook).code).toBe(0);
  const pdfPath = join(dir, 'x.pdf');
  // No browser on PATH and none named: the packaged Chromium prints.
  const r = ptdvWith(
    { PATH: noBrowsers, PTDV_CHROMIUM: undefined },
    'report',
    '--workbook',
    workbook,
    '--today',
    '2024-09-01',
    '--html',
    join(dir, 'x.html'),
    '--pdf',
    pdfPath,
  );
  expect(r.stderr).toContain(`Đã ghi báo cáo PDF ${pdfPath}`);
  expect(r.code).toBe(0);
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The report's own @page size: A4 (595 × 842 pt), every page.
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  expect(boxes.length).toBeGreaterThan(1);
  for (const [, w, h] of boxes) {
    expect(Number(w)).toBeCloseTo(595, -1);
    expect(Number(h)).toBeCloseTo(842, -1);
  }
  const { text, unmapped } = pdfText(pdf);
  expect(unmapped).toBe(0); // no letter fell back to an empty box
  for (const line of [
    'HUYỆN ỦY HIỆP HÒA',
    'BAN TỔ CHỨC',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Hiệp Hòa, ngày 01 tháng 9 năm 2024',
    'Kết quả thực hiện Kế hoạch số 145/KH-HU ngày 20/03/2024 của Ban Thường vụ Huyện ủy Hiệp Hòa',
    'Tính đến ngày 01/09/2024, 13 đơn vị (7 trường học, 6 doanh nghiệp)',
  ])
    expect(text.normalize('NFC')).toContain(line);
});

test('a browser that fails is said in Vietnamese, without the library’s English or a stack', () => {
  const broken = join(dir, 'broken-chrome');
  writeFileSync(broken, '#!/bin/sh\necho "FATAL: cannot open display" >&2\nexit 1\n', {
    mode: 0o755,
  });
  const htmlPath = join(dir, 'y.html');
  const r = ptdvWith(
    { PTDV_CHROMIUM: broken },
    'report',
    '--workbook',
    workbook,
    '--html',
    htmlPath,
    '--pdf',
    join(dir, 'y.pdf'),
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`Trình duyệt ${broken} không in được PDF.`);
  expect(r.stderr).not.toMatch(/Error|FATAL|browserType|playwright|\n\s+at /);
  expect(existsSync(join(dir, 'y.pdf'))).toBe(false);
  expect(readFileSync(htmlPath, 'utf8')).toContain('<svg');
});

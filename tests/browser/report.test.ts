// The standing office's report as `ptdv report --html` writes it, opened in real headless
// Chromium: what a person sees on the page (heading, tables, bars, the at-risk list), with no
// network, and `--pdf` printing it through the same Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT } from '../../src/core/messages/report';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { ptdv, ptdvWith, tempDir } from '../helpers/cli';
import { launchBrowser, openHtml, saveScreenshot, type Browser, type OfflinePage } from './browser';

const dir = tempDir();
const workbook = join(dir, 'demo.xlsx');
const htmlPath = join(dir, 'bao-cao.html');
const pdfPath = join(dir, 'bao-cao.pdf');

/** The cells of an HTML table as the browser renders them (innerText: tabs and newlines). */
const cells = (text: string): string[][] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((c) => c.trim()));

let browser: Browser;
let view: OfflinePage;
let run: ReturnType<typeof ptdv>;

beforeAll(async () => {
  expect(ptdv('demo', '--out', workbook, '--force').code).toBe(0);
  run = ptdv(
    'report',
    '--workbook',
    workbook,
    '--today',
    '2024-09-01',
    '--html',
    htmlPath,
    '--pdf',
    pdfPath,
  );
  browser = await launchBrowser();
  view = await openHtml(browser, readFileSync(htmlPath, 'utf8'), {
    viewport: { width: 1000, height: 1400 },
  });
});

afterAll(async () => {
  await view?.close();
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  test('the command says where it wrote the page and the PDF', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Đã ghi báo cáo ${htmlPath}`);
    expect(run.stderr).toContain(`Đã ghi báo cáo PDF ${pdfPath}`);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test('shows the administrative heading with its Vietnamese intact', async () => {
    const text = (await view.page.locator('body').innerText()).normalize('NFC');
    for (const line of [
      'HUYỆN ỦY HIỆP HÒA\nBAN TỔ CHỨC\n*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hiệp Hòa, ngày 01 tháng 9 năm 2024',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 145/KH-HU ngày 20/03/2024',
      'Tính đến ngày 01/09/2024, 13 đơn vị (7 trường học, 6 doanh nghiệp)',
    ])
      expect(text).toContain(line);
  });

  test('a table per milestone: every school of Plan 145 under BD2-HS, with result and pace', async () => {
    const section = view.page.locator('section[data-code="BD2-HS"]');
    const rows = cells(await section.locator('table').innerText());
    expect(rows[0]).toEqual([...REPORT.columns]);
    const schools = PLAN_145.units.filter((u) => u.kind === 'Trường học').map((u) => u.name);
    expect(rows.slice(1, 1 + schools.length).map((r) => r[1])).toEqual(schools);
    for (const r of rows.slice(1, 1 + schools.length)) {
      expect(['Chưa đạt', 'Đạt', 'Vượt']).toContain(r[5]);
      expect(['kịp', 'nguy cơ', 'không kịp']).toContain(r[7]);
    }
    expect(rows.at(-1)?.[1]).toBe('Tổng cộng');
    expect(await view.page.locator('section.milestone').count()).toBe(PLAN_145.milestones.length);
  });

  test('bars are as long as the percentages they stand for', async () => {
    for (const code of ['BD1-HS', 'BD2-HS', 'KN-2024']) {
      const bars = await view.page
        .locator(`section[data-code="${code}"] g.bar`)
        .evaluateAll((groups) =>
          groups.map((g) => ({
            label: g.getAttribute('data-label') ?? '',
            percent: Number(g.getAttribute('data-percent')),
            width: (
              g.querySelector('rect') as unknown as { getBoundingClientRect(): { width: number } }
            ).getBoundingClientRect().width,
          })),
        );
      expect(bars.length).toBeGreaterThan(3);
      const scaled = bars.filter((b) => b.percent > 0);
      const perPercent = (scaled[0]?.width ?? 0) / (scaled[0]?.percent ?? 1);
      expect(perPercent).toBeGreaterThan(0);
      for (const b of bars) expect(b.width).toBeCloseTo(b.percent * perPercent, 0);
      // The longest bar is the unit furthest ahead.
      const longest = [...bars].sort((a, b) => b.width - a.width)[0];
      expect(longest?.percent).toBe(Math.max(...bars.map((b) => b.percent)));
    }
  });

  test('the at-risk list names the same units as the JSON report, worst first', async () => {
    const json = JSON.parse(
      ptdv('report', '--workbook', workbook, '--today', '2024-09-01', '--json').stdout,
    ) as { atRisk: { unit: string; milestone: string; forecast: { status: string } }[] };
    const names = new Map(PLAN_145.units.map((u) => [u.code, u.name]));
    const rows = cells(await view.page.locator('table.risks').innerText()).slice(1);
    expect(rows.length).toBe(json.atRisk.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r[1], r[2]?.split(' ')[0]])).toEqual(
      json.atRisk.map((r) => [names.get(r.unit), r.milestone]),
    );
    expect(rows[0]?.[7]).toBe('không kịp');
  });

  test('needs no network and raises no script error; a screenshot is kept', async () => {
    expect(view.blocked).toEqual([]);
    expect(view.errors).toEqual([]);
    const file = await saveScreenshot(view.page, 'report');
    expect(readFileSync(file).length).toBeGreaterThan(10_000);
  });
});

test('--pdf without a Chromium says how to get one, and the HTML page is still written', () => {
  const out = join(dir, 'khong-co-chromium.html');
  const r = ptdvWith(
    { PTDV_CHROMIUM: join(dir, 'no-such-browser') },
    'report',
    '--workbook',
    workbook,
    '--html',
    out,
    '--pdf',
    join(dir, 'x.pdf'),
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('Không thấy Chromium tại PTDV_CHROMIUM');
  expect(r.stderr).toContain('apt install chromium');
  expect(readFileSync(out, 'utf8')).toContain('<svg');
});

// The standing office's report fits A4: no cell of any table runs out of its column, on a screen
// as wide as an A4 page and in print (A4, the report's own margins), measured in real Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptdv, tempDir } from '../helpers/cli';
import { launchBrowser, openHtml, saveScreenshot, type Browser } from './browser';

const dir = tempDir();
const workbook = join(dir, 'demo.xlsx');
let browser: Browser;

/** Every table cell whose content is wider than the cell (or whose text is clipped). */
const OVERFLOWING = `(() => [...document.querySelectorAll('table.grid th, table.grid td')]
  .filter((c) => c.scrollWidth > c.clientWidth + 1)
  .map((c) => ({ text: c.innerText, scroll: c.scrollWidth, client: c.clientWidth })))()`;

beforeAll(async () => {
  expect(ptdv('demo', '--out', workbook, '--force').code).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Days chosen so every column is filled: an open class with projections and risks, the year's
// end with files overdue, and a day when percentages exceed 100 %.
describe.each(['2024-09-01', '2024-12-31', '2024-05-12'])('the report as of %s', (today) => {
  let html: string;
  beforeAll(() => {
    const page = join(dir, `bao-cao-${today}.html`);
    expect(ptdv('report', '--workbook', workbook, '--today', today, '--html', page).code).toBe(0);
    html = readFileSync(page, 'utf8');
  });

  test('on a screen an A4 page wide (794 px): no cell overflows', async () => {
    const view = await openHtml(browser, html, { viewport: { width: 794, height: 1123 } });
    try {
      const count = await view.page.evaluate(`document.querySelectorAll('table.grid td').length`);
      expect(count).toBeGreaterThan(50);
      expect(await view.page.evaluate(OVERFLOWING)).toEqual([]);
      if (today === '2024-09-01') await saveScreenshot(view.page, 'report-a4');
    } finally {
      await view.close();
    }
  });

  test('in print, on A4: no cell overflows', async () => {
    const view = await openHtml(browser, html, { viewport: { width: 794, height: 1123 } });
    try {
      await view.page.emulateMedia({ media: 'print' });
      // The printable width of A4 less the page's margins (25 mm + 15 mm): 170 mm ≈ 643 px.
      await view.page.setViewportSize({ width: 643, height: 1123 });
      expect(await view.page.evaluate(OVERFLOWING)).toEqual([]);
    } finally {
      await view.close();
    }
  });
});

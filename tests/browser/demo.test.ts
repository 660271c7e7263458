// `npm start` as a newcomer runs it: the demo ends by printing where the standing office's report
// is; that page, opened in Chromium, shows Plan 145's table, the bar charts and the at-risk units.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openHtml, saveScreenshot, type Browser } from './browser';

const DEMO = join(__dirname, '..', '..', 'scripts', 'demo.mjs');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the demo writes the HTML report and prints its path; the page shows table, charts and risks', async () => {
  const run = spawnSync(process.execPath, [DEMO], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const match = /: (\/.+\.html)$/.exec(last);
  expect(match).not.toBeNull();
  const page = match?.[1] ?? '';
  expect(existsSync(page)).toBe(true);

  const view = await openHtml(browser, readFileSync(page, 'utf8'), {
    viewport: { width: 1000, height: 1400 },
  });
  try {
    const { page: p } = view;
    await expect(p.locator('h1').innerText()).resolves.toBe('BÁO CÁO');
    const table = p.locator('section[data-code="BD1-HS"] table');
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.innerText()).resolves.toContain('Trường THPT Hiệp Hòa số 1');
    const bars = p.locator('section[data-code="BD1-HS"] svg g.bar');
    await expect(bars.count()).resolves.toBe(7);
    await expect(p.locator('svg').first().isVisible()).resolves.toBe(true);
    const risks = p.locator('table.risks');
    await expect(risks.isVisible()).resolves.toBe(true);
    await expect(risks.innerText()).resolves.toContain('không kịp');
    expect(view.blocked).toEqual([]);
    await saveScreenshot(p, 'demo-report');
  } finally {
    await view.close();
  }
});

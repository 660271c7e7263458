// The browser helper itself: it finds Chromium or says how to get it, and its pages are offline.
import { findChromium, launchBrowser, openHtml, type Browser } from './browser';

describe('findChromium', () => {
  const saved = process.env.PTDV_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.PTDV_CHROMIUM;
    else process.env.PTDV_CHROMIUM = saved;
  });

  test('PTDV_CHROMIUM naming nothing fails with how to install Chromium', async () => {
    process.env.PTDV_CHROMIUM = '/nonexistent/chromium';
    await expect(findChromium()).rejects.toThrow(
      /\/nonexistent\/chromium.*apt-get install chromium/,
    );
  });

  test('PTDV_CHROMIUM naming an executable is used as is', async () => {
    process.env.PTDV_CHROMIUM = process.execPath;
    await expect(findChromium()).resolves.toBe(process.execPath);
  });
});

describe('offline pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('every request but data: is aborted and recorded; the page still renders', async () => {
    const pixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const view = await openHtml(
      browser,
      `<!DOCTYPE html><html><head><meta charset="utf-8">
      <link rel="stylesheet" href="https://fonts.example.invalid/css">
      </head><body><p>Chào đồng chí</p><img src="http://img.example.invalid/a.png">
      <img src="${pixel}"></body></html>`,
    );
    try {
      const fetched = await view.page.evaluate(() =>
        fetch('https://api.example.invalid/data').then(
          () => 'answered',
          () => 'failed',
        ),
      );
      expect(fetched).toBe('failed');
      expect([...view.blocked].sort()).toEqual([
        'http://img.example.invalid/a.png',
        'https://api.example.invalid/data',
        'https://fonts.example.invalid/css',
      ]);
      await expect(view.page.locator('p').innerText()).resolves.toBe('Chào đồng chí');
    } finally {
      await view.close();
    }
  });
});

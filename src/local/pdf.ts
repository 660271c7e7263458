// Printing the HTML report to PDF: with the machine's Chrome, Edge or Chromium, else the Chromium
// that ships inside ptdv's npm dependencies (see chromium.ts; nothing is downloaded). Without
// either the user is told how to get one (the HTML page is still written).
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CLI } from '../core/messages/cli';
import { launchChromium, resolveChromium, THIS_MACHINE, type Machine } from './chromium';
import { FileError } from './file-error';

export { OFFLINE_FLAGS } from './chromium';

export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  machine: Machine = THIS_MACHINE,
): Promise<void> {
  const chromium = await resolveChromium(machine);
  const failed = () => new FileError(CLI.pdfFailed(chromium.path, chromium.source === 'packaged'));
  // Printed into a scratch folder and moved into place only when complete: a failed print never
  // costs the user an earlier PDF of the same name.
  const scratch = mkdtempSync(join(tmpdir(), 'ptdv-pdf-'));
  const printed = join(scratch, 'report.pdf');
  let browser: Browser | null = null;
  try {
    try {
      browser = await launchChromium(chromium);
      const context = await browser.newContext();
      // The page is self-contained: anything but the file itself and data: is refused, so
      // printing reaches for nothing on the network.
      const page = pathToFileURL(resolve(htmlPath)).href;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        return url === page || url.startsWith('data:') ? route.continue() : route.abort();
      });
      const tab = await context.newPage();
      await tab.goto(page, { waitUntil: 'load', timeout: 120_000 });
      // The options `chromium --headless --print-to-pdf --no-pdf-header-footer` prints with
      // (Chromium's headless command handler, printToPDF): the page's own @page size and
      // margins, backgrounds, no header or footer, tagged for screen readers.
      await tab.pdf({
        path: printed,
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        tagged: true,
      });
    } catch {
      // Playwright's English message and call log are for developers, not for the user.
      throw failed();
    } finally {
      await browser?.close().catch(() => undefined);
    }
    if (!existsSync(printed) || statSync(printed).size === 0) throw failed();
    copyFileSync(printed, resolve(pdfPath));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

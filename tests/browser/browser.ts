/**
 * Real headless Chromium for tests of the HTML the add-on shows (dialogs, reports), offline.
 *
 *   let browser: Browser;
 *   beforeAll(async () => { browser = await launchBrowser(); });
 *   afterAll(async () => { await browser?.close(); });
 *
 *   const view = await openHtml(browser, html);
 *   await expect(view.page.locator('h3').first().innerText()).resolves.toContain('Hôm nay');
 *   await saveScreenshot(view.page, 'my-page');
 *   expect(view.blocked).toEqual([]);
 *   await view.close();
 *
 * Uses playwright-core with the Chromium `ptdv report --pdf` would use (src/local/chromium.ts
 * decides): PTDV_CHROMIUM, else a Chrome, Edge or Chromium on the machine, else the Chromium that
 * ships inside the @sparticuz/chromium package (Linux x64), so nothing is downloaded. Every
 * request that is not data: or about: is aborted and recorded, so a test can show that the page
 * needs no network.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchChromium,
  OFFLINE_FLAGS,
  resolveChromium,
  type FoundChromium,
} from '../../src/local/chromium';

export type { Browser, BrowserContext, Page } from 'playwright-core';

/** Switches for sandboxed machines (running as root, closed network): the CLI's own, plus no sandbox. */
export const CHROMIUM_ARGS = ['--no-sandbox', ...OFFLINE_FLAGS];

/** Screenshots go here (ignored by git). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');

const INSTALL_HINT =
  "Install Debian's Chromium (`sudo apt-get install chromium`) or set PTDV_CHROMIUM to a " +
  'Chromium or Chrome executable.';

/** The browser the CLI would use (the packaged one is unpacked once, then kept), or a clear error. */
async function explained(): Promise<FoundChromium> {
  const fromEnv = process.env.PTDV_CHROMIUM;
  try {
    return await resolveChromium();
  } catch (error) {
    throw new Error(
      (fromEnv
        ? `PTDV_CHROMIUM is set to ${fromEnv}, which does not exist. `
        : 'No Chrome, Edge or Chromium on this machine, and the packaged Chromium cannot run ' +
          `here (${(error as Error).message}). `) + INSTALL_HINT,
    );
  }
}

/** The Chromium `ptdv report --pdf` would use, or a clear error. */
export async function findChromium(): Promise<string> {
  return (await explained()).path;
}

/** Launches headless Chromium. Launch once per test file (beforeAll) and close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium(await explained(), { args: CHROMIUM_ARGS });
}

/** A page in its own browser context, cut off from the network. */
export interface OfflinePage {
  page: Page;
  context: BrowserContext;
  /** URLs of requests that were attempted and aborted (anything but data: and about:). */
  blocked: string[];
  /** Uncaught exceptions of the page and console.error messages, in order. */
  errors: string[];
  /** Closes the page's context. */
  close(): Promise<void>;
}

export interface PageOptions {
  /** Viewport in CSS pixels (default 900 × 600, about an Apps Script dialog). */
  viewport?: { width: number; height: number };
}

/** A fresh page whose every network request is aborted and recorded in `blocked`. */
export async function newOfflinePage(
  browser: Browser,
  options: PageOptions = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 900, height: 600 },
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('about:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return { page, context, blocked, errors, close: () => context.close() };
}

export interface OpenHtmlOptions extends PageOptions {
  /**
   * Runs on the page before the HTML is loaded, e.g. `(page) => page.addInitScript(...)` or
   * stubScriptRun(page), so the page's own scripts see what it sets up.
   */
  before?: (page: Page) => Promise<unknown>;
}

/** An offline page showing `html` (loaded with page.setContent, no server), fully loaded. */
export async function openHtml(
  browser: Browser,
  html: string,
  options: OpenHtmlOptions = {},
): Promise<OfflinePage> {
  const view = await newOfflinePage(browser, options);
  try {
    if (options.before) {
      await options.before(view.page);
      // Init scripts do not run in a new page's first about:blank document, where setContent
      // would write: a fresh about:blank document runs them first.
      await view.page.goto('about:blank');
    }
    await view.page.setContent(html, { waitUntil: 'load' });
  } catch (error) {
    await view.close();
    throw error;
  }
  return view;
}

/** Saves a PNG of the page (whole page by default) as tests/artifacts/<name>.png; returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

// ---- google.script.run --------------------------------------------------------------------

/** A call the page made through google.script.run. */
export interface ScriptRunCall {
  /** The server function called, e.g. 'sendTestReminder'. */
  name: string;
  args: unknown[];
  hasSuccessHandler: boolean;
  hasFailureHandler: boolean;
}

/** Controls the stub google.script.run installed by stubScriptRun. */
export interface ScriptRunStub {
  /** Every call made so far, in order (settled or not). */
  calls(): Promise<ScriptRunCall[]>;
  /** Calls not yet answered. */
  pending(): Promise<number>;
  /** Answers the oldest pending call as the server would: the success handler gets `value`. */
  succeed(value: unknown): Promise<void>;
  /** Answers the oldest pending call with a server error: the failure handler gets Error(message). */
  fail(message: string): Promise<void>;
}

interface StubState {
  calls: ScriptRunCall[];
  pending: { success?: (value: unknown) => void; failure?: (error: Error) => void }[];
}

/** The page's globals the stub touches; the tests compile without the DOM library. */
type StubWindow = {
  google?: { script: { run: unknown } };
  __ptdvScriptRun?: StubState;
};

/**
 * Installs, before any page script runs, a stand-in for google.script.run as Apps Script's
 * HtmlService gives it to dialogs: chainable withSuccessHandler / withFailureHandler /
 * withUserObject, then any server function name. Calls are recorded and stay pending (as a real
 * call would, while the server works) until the test answers them with succeed or fail.
 * Call before the HTML is loaded: in openHtml's `before` option, or on a newOfflinePage followed
 * by page.goto('about:blank') and page.setContent (init scripts skip a new page's first document).
 */
export async function stubScriptRun(page: Page): Promise<ScriptRunStub> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as StubWindow;
    const state: StubState = { calls: [], pending: [] };
    w.__ptdvScriptRun = state;
    type Handlers = StubState['pending'][number];
    const runner = (handlers: Handlers): unknown =>
      new Proxy(
        {},
        {
          get(_target, name) {
            if (typeof name !== 'string') return undefined;
            if (name === 'withSuccessHandler') {
              return (f: Handlers['success']) => runner({ ...handlers, success: f });
            }
            if (name === 'withFailureHandler') {
              return (f: Handlers['failure']) => runner({ ...handlers, failure: f });
            }
            if (name === 'withUserObject') return () => runner(handlers);
            return (...args: unknown[]) => {
              state.calls.push({
                name,
                args,
                hasSuccessHandler: typeof handlers.success === 'function',
                hasFailureHandler: typeof handlers.failure === 'function',
              });
              state.pending.push(handlers);
            };
          },
        },
      );
    w.google = { script: { run: runner({}) } };
  });
  const settle = (kind: 'success' | 'failure', value: unknown) =>
    page.evaluate(
      ([k, v]) => {
        const state = (globalThis as unknown as StubWindow).__ptdvScriptRun;
        const handlers = state?.pending.shift();
        if (!handlers) throw new Error('No google.script.run call is pending.');
        if (k === 'success') handlers.success?.(v);
        else handlers.failure?.(new Error(String(v)));
      },
      [kind, value] as const,
    );
  return {
    calls: () =>
      page.evaluate(() => (globalThis as unknown as StubWindow).__ptdvScriptRun?.calls ?? []),
    pending: () =>
      page.evaluate(
        () => (globalThis as unknown as StubWindow).__ptdvScriptRun?.pending.length ?? 0,
      ),
    succeed: (value) => settle('success', value),
    fail: (message) => settle('failure', message),
  };
}

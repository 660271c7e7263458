// Printing the HTML report to PDF with a Chromium already on the machine: nothing is downloaded,
// and without one the user is told how to get it (the HTML page is still written).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI } from '../core/messages/cli';
import { FileError } from './xlsx-workbook';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** `PTDV_CHROMIUM` when set, else the first Chromium or Chrome on PATH; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.PTDV_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * No sync, no component updates, no background fetches: the browser reaches for nothing on the
 * network (on a closed machine it would otherwise retry Google's hosts at every start). The
 * browser tests launch Chromium with the same flags.
 */
export const OFFLINE_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh profile, so no user's settings or extensions leak into the printed page. */
function chromiumArgs(profile: string): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    '--headless',
    ...OFFLINE_FLAGS,
    '--disable-extensions',
    `--user-data-dir=${profile}`,
    // Chromium refuses to start as root inside its sandbox (containers, CI).
    ...(root ? ['--no-sandbox'] : []),
  ];
}

export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  env = process.env,
): Promise<void> {
  const chromium = findChromium(env);
  if (chromium === null) throw new FileError(CLI.noChromium(env.PTDV_CHROMIUM));
  // Printed into a scratch folder and moved into place only when complete: a failed print never
  // costs the user an earlier PDF of the same name.
  const scratch = mkdtempSync(join(tmpdir(), 'ptdv-chromium-'));
  const printed = join(scratch, 'report.pdf');
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        chromium,
        [
          ...chromiumArgs(join(scratch, 'profile')),
          '--no-pdf-header-footer',
          `--print-to-pdf=${printed}`,
          pathToFileURL(resolve(htmlPath)).href,
        ],
        { timeout: 120_000 },
        (error, _stdout, stderr) =>
          error ? fail(new FileError(CLI.pdfFailed(chromium, String(stderr).trim()))) : done(),
      );
    });
    if (!existsSync(printed) || statSync(printed).size === 0)
      throw new FileError(CLI.pdfFailed(chromium, ''));
    copyFileSync(printed, resolve(pdfPath));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

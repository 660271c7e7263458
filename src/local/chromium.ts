// Which Chromium ptdv drives, and how it is started: the one place that decides, for
// `ptdv report --pdf` and for the browser tests alike.
//
// The machine's own browser comes first (PTDV_CHROMIUM, then Chrome, Edge or Chromium on PATH,
// then their standard install locations on Windows and macOS): it is the one the user keeps up to
// date. Without one, on Linux x64, ptdv uses the headless Chromium that the npm package
// @sparticuz/chromium carries inside its tarball (bin/chromium.br): nothing is downloaded, at
// install or at run time, and no install script is needed (npm 11 runs none it was not told to).
import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CLI } from '../core/messages/cli';
import { FileError } from './file-error';

/** Where the browser came from: set by the user, found on the machine, or ptdv's own. */
export type ChromiumSource = 'PTDV_CHROMIUM' | 'PATH' | 'installed' | 'packaged';

export interface FoundChromium {
  /** The executable. */
  path: string;
  source: ChromiumSource;
  /** Variables the browser needs besides the user's own (the packaged one's fonts). */
  env: Record<string, string>;
}

/** What the finder looks at; tests pass their own, the command line the real machine's. */
export interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  exists(path: string): boolean;
  /**
   * Folder under which the packaged Chromium is unpacked (one subfolder per version).
   * Default: $XDG_CACHE_HOME/ptdv, else ~/.cache/ptdv.
   */
  cacheDir?: string;
}

export const THIS_MACHINE: Machine = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
};

/** Executable names looked up on PATH, in this order. */
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
];
const WINDOWS_PATH_NAMES = ['chrome.exe', 'msedge.exe', 'chromium.exe'];

/** Where the Chrome and Edge installers put the browser when it is not on PATH. */
function standardLocations(machine: Machine): string[] {
  const { env, platform } = machine;
  if (platform === 'win32') {
    const roots = [
      env.PROGRAMFILES ?? 'C:\\Program Files',
      env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      ...(env.LOCALAPPDATA ? [env.LOCALAPPDATA] : []),
    ];
    return [
      ...roots.map((r) => win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((r) => win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return [
      ['Google Chrome.app', 'Google Chrome'],
      ['Microsoft Edge.app', 'Microsoft Edge'],
      ['Chromium.app', 'Chromium'],
    ].flatMap(([app, exe]) =>
      apps.map((dir) => posix.join(dir, app ?? '', 'Contents', 'MacOS', exe ?? '')),
    );
  }
  // Linux and the BSDs: the packages put a launcher on PATH; Chrome's own folder as a last try.
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
}

/**
 * The machine's own Chrome, Edge or Chromium: PTDV_CHROMIUM when set (and then only that one: a
 * wrong setting is said, not worked around), else the first name on PATH, else a standard
 * install location; null when there is none.
 */
export function findInstalledChromium(machine: Machine = THIS_MACHINE): FoundChromium | null {
  const { env, platform } = machine;
  const explicit = env.PTDV_CHROMIUM;
  if (explicit) {
    if (!machine.exists(explicit)) throw new FileError(CLI.noChromium(explicit));
    return { path: explicit, source: 'PTDV_CHROMIUM', env: {} };
  }
  const windows = platform === 'win32';
  const path = windows ? win32 : posix;
  const names = windows ? WINDOWS_PATH_NAMES : PATH_NAMES;
  for (const dir of ((windows ? (env.PATH ?? env.Path) : env.PATH) ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (machine.exists(candidate)) return { path: candidate, source: 'PATH', env: {} };
    }
  }
  for (const candidate of standardLocations(machine))
    if (machine.exists(candidate)) return { path: candidate, source: 'installed', env: {} };
  return null;
}

/**
 * The browser ptdv will drive: the machine's own, else (Linux x64 only: the one build the npm
 * package ships) the packaged Chromium, unpacked on first use. Throws a FileError in Vietnamese
 * when there is none.
 */
export async function resolveChromium(machine: Machine = THIS_MACHINE): Promise<FoundChromium> {
  const installed = findInstalledChromium(machine);
  if (installed) return installed;
  const packaged = await packagedChromium(machine);
  if (packaged) return packaged;
  throw new FileError(CLI.noChromium(undefined));
}

// ---- the packaged Chromium ----------------------------------------------------------------

const PACKAGE = '@sparticuz/chromium';

/** The package's entry point and version, or null when it is not installed (or not whole). */
function packageInfo(): { entry: string; version: string } | null {
  try {
    const entry = require.resolve(PACKAGE);
    // Up from its entry point (build/…/index.js, the depth varies by version) to its package.json.
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (name === PACKAGE && version) return { entry, version };
    }
  } catch {
    // Not installed.
  }
  return null;
}

/** The package version ptdv ships, for messages and tests; null when it is not installed. */
export function packagedChromiumVersion(): string | null {
  return packageInfo()?.version ?? null;
}

/**
 * Where the packaged Chromium is kept between runs: the user's cache folder (XDG), else, where
 * the home folder cannot be written (some CI and service accounts), a folder of this user's in
 * the temporary folder.
 */
function cacheRoots(machine: Machine): string[] {
  if (machine.cacheDir) return [machine.cacheDir];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [
    join(machine.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ptdv'),
    join(tmpdir(), `ptdv-cache-${uid}`),
  ];
}

/**
 * Ours alone: a folder we run a browser from must belong to this user and be writable by no one
 * else (the cache may fall back to a shared temporary folder).
 */
function ownedByUs(path: string): boolean {
  try {
    const stat = lstatSync(path);
    const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false; // missing, or a file where a folder should be
  }
}

/**
 * Unpacks with the package's own `executablePath()` (README "Usage with Playwright"). It writes
 * into os.tmpdir() and takes an existing /tmp/chromium as already unpacked, whatever its version
 * or state: so it runs in a child process whose TMPDIR is a fresh folder of ours, moved into
 * place only once complete. The child is also where the package, an ES module, is imported:
 * the command line and jest both load CommonJS.
 */
const UNPACK_SCRIPT = `
const { default: chromium } = await import(process.argv[1]);
process.stdout.write(await chromium.executablePath());
`;

/**
 * The fonts the packaged browser sees: the machine's (fontconfig's own configuration, as Chrome
 * would use), then the Open Sans the package ships (README "Fonts"; it covers Vietnamese), so a
 * machine without any font still prints every letter.
 */
function fontsConf(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${join(dir, 'fonts', 'fonts')}</dir>`,
    `  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

function packagedFound(dir: string): FoundChromium {
  return {
    path: join(dir, 'chromium'),
    source: 'packaged',
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
}

/** Stale leftovers: other versions, and unpacking folders of runs that were stopped. */
function tidy(root: string, keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const old = name.startsWith('.unpacking-') && lstatSync(path).mtimeMs < hourAgo;
    if (old || (name.startsWith('chromium-') && name !== keep))
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The packaged Chromium, unpacked under the cache folder the first time (about 200 MB, 1-2 s):
 * null where it cannot run (not Linux x64) or is not installed.
 */
export async function packagedChromium(
  machine: Machine = THIS_MACHINE,
): Promise<FoundChromium | null> {
  if (machine.platform !== 'linux' || machine.arch !== 'x64') return null;
  const info = packageInfo();
  if (info === null) return null;
  const name = `chromium-${info.version}`;
  const roots = cacheRoots(machine);
  for (const root of roots) {
    const final = join(root, name);
    if (ownedByUs(final) && existsSync(join(final, 'fonts.conf'))) return packagedFound(final);
  }
  const root = roots.find((dir) => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return ownedByUs(dir);
    } catch {
      return false;
    }
  });
  if (root === undefined) throw new FileError(CLI.packagedChromiumFailed(roots[0] ?? tmpdir()));
  const final = join(root, name);
  let staging: string | null = null;
  try {
    staging = mkdtempSync(join(root, `.unpacking-${info.version}-`));
    const into = staging;
    const exe = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        ['--input-type=module', '-e', UNPACK_SCRIPT, pathToFileURL(info.entry).href],
        {
          env: { ...process.env, TMPDIR: into, TMP: into, TEMP: into },
          timeout: 300_000,
          maxBuffer: 1 << 20,
        },
        (error, stdout) => (error ? fail(error) : done(String(stdout).trim())),
      ),
    );
    if (exe !== join(staging, 'chromium') || !existsSync(exe))
      throw new Error(`unpacked to ${exe}`);
    // Written last: its presence marks a complete folder.
    writeFileSync(join(staging, 'fonts.conf'), fontsConf(final));
    try {
      renameSync(staging, final);
      staging = null;
    } catch (error) {
      // Another run unpacked the same version meanwhile: use theirs.
      if (!(ownedByUs(final) && existsSync(join(final, 'fonts.conf')))) throw error;
    }
    tidy(root, name);
  } catch {
    // Out of disk space, most likely; the package's own error is in English.
    throw new FileError(CLI.packagedChromiumFailed(root));
  } finally {
    if (staging !== null) rmSync(staging, { recursive: true, force: true });
  }
  return packagedFound(final);
}

// ---- starting it ---------------------------------------------------------------------------

/**
 * No sync, no component updates, no background fetches: the browser reaches for nothing on the
 * network (on a closed machine it would otherwise retry Google's hosts at every start).
 */
export const OFFLINE_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Extra switches (the tests add --no-sandbox). */
  args?: readonly string[];
  /** Milliseconds to wait for the browser to start. */
  timeout?: number;
}

/**
 * Starts `found` headless through playwright-core (which downloads nothing when given an
 * executablePath), offline. The sandbox stays on where it can: Chromium refuses it as root
 * (containers, CI), and the packaged build ships no sandbox helper (its README's flags start it
 * with --no-sandbox).
 */
export async function launchChromium(
  found: FoundChromium,
  options: LaunchOptions = {},
): Promise<Browser> {
  // Loaded only here: it takes some 0.4 s, which every other command would pay.
  const { chromium: playwright } = await import('playwright-core');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return playwright.launch({
    executablePath: found.path,
    headless: true,
    args: [...OFFLINE_FLAGS, ...(options.args ?? [])],
    chromiumSandbox: !root && found.source !== 'packaged',
    env: { ...process.env, ...found.env },
    timeout: options.timeout ?? 60_000,
  });
}

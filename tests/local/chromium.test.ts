// Which Chromium `ptdv report --pdf` and the browser tests use: PTDV_CHROMIUM, then a browser on
// PATH, then a standard install location, then (Linux x64) the packaged one, unpacked once.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findInstalledChromium,
  packagedChromium,
  packagedChromiumVersion,
  resolveChromium,
  THIS_MACHINE,
  type Machine,
} from '../../src/local/chromium';
import { tempDir } from '../helpers/cli';

const dir = tempDir();
// The unpacking test leaves some 200 MB here.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable file standing for a browser. */
function fake(folder: string, name: string): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const path = join(dir, folder, name);
  writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });
  return path;
}

const chromiumOnPath = fake('bin1', 'chromium');
const chromeOnPath = fake('bin2', 'google-chrome');
const edgeOnPath = fake('bin3', 'microsoft-edge');
const ptdvChromium = fake('own', 'my-chrome');
const empty = join(dir, 'empty');
mkdirSync(empty);

const linux = (env: NodeJS.ProcessEnv, exists = existsSync): Machine => ({
  env,
  platform: 'linux',
  arch: 'x64',
  exists,
});

describe('the machine’s own browser', () => {
  test('PTDV_CHROMIUM comes before anything on PATH', () => {
    const found = findInstalledChromium(
      linux({ PTDV_CHROMIUM: ptdvChromium, PATH: join(dir, 'bin1') }),
    );
    expect(found).toEqual({ path: ptdvChromium, source: 'PTDV_CHROMIUM', env: {} });
  });

  test('PTDV_CHROMIUM naming nothing is an error, not a reason to look elsewhere', () => {
    expect(() =>
      findInstalledChromium(
        linux({ PTDV_CHROMIUM: join(dir, 'nothing'), PATH: join(dir, 'bin1') }),
      ),
    ).toThrow(`Không thấy Chromium tại PTDV_CHROMIUM="${join(dir, 'nothing')}"`);
  });

  test('on PATH: the first folder that has one, whichever of Chromium, Chrome or Edge', () => {
    const path = [empty, join(dir, 'bin3'), join(dir, 'bin2'), join(dir, 'bin1')].join(':');
    expect(findInstalledChromium(linux({ PATH: path }))).toMatchObject({
      path: edgeOnPath,
      source: 'PATH',
    });
    expect(findInstalledChromium(linux({ PATH: `${join(dir, 'bin2')}:${empty}` }))?.path).toBe(
      chromeOnPath,
    );
    expect(findInstalledChromium(linux({ PATH: join(dir, 'bin1') }))?.path).toBe(chromiumOnPath);
  });

  test('PATH comes before the standard install locations', () => {
    const everything = () => true;
    expect(findInstalledChromium(linux({ PATH: join(dir, 'bin2') }, everything))?.source).toBe(
      'PATH',
    );
    expect(findInstalledChromium(linux({ PATH: '' }, everything))).toEqual({
      path: '/opt/google/chrome/chrome',
      source: 'installed',
      env: {},
    });
  });

  test('Windows: PATH (chrome.exe, msedge.exe), then Program Files and the user’s own install', () => {
    const only =
      (...paths: string[]) =>
      (p: string) =>
        paths.includes(p);
    const windows = (exists: (p: string) => boolean, env: NodeJS.ProcessEnv = {}): Machine => ({
      env: { PATH: 'C:\\Tools;C:\\Windows', ...env },
      platform: 'win32',
      arch: 'x64',
      exists,
    });
    expect(findInstalledChromium(windows(only('C:\\Windows\\msedge.exe')))?.path).toBe(
      'C:\\Windows\\msedge.exe',
    );
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findInstalledChromium(windows(only(edge, chrome)))).toEqual({
      path: chrome,
      source: 'installed',
      env: {},
    });
    expect(findInstalledChromium(windows(only(edge)))?.path).toBe(edge);
    const own = 'C:\\Users\\van\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(
      findInstalledChromium(windows(only(own), { LOCALAPPDATA: 'C:\\Users\\van\\AppData\\Local' }))
        ?.path,
    ).toBe(own);
  });

  test('macOS: Chrome, then Edge, in /Applications', () => {
    const mac = (...paths: string[]): Machine => ({
      env: { PATH: '/usr/bin:/bin', HOME: '/Users/van' },
      platform: 'darwin',
      arch: 'arm64',
      exists: (p) => paths.includes(p),
    });
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findInstalledChromium(mac(edge, chrome))?.path).toBe(chrome);
    expect(findInstalledChromium(mac(edge))?.path).toBe(edge);
    expect(findInstalledChromium(mac())).toBeNull();
  });
});

describe('without one', () => {
  test('the packaged Chromium, on Linux x64 (the one build the package ships)', async () => {
    const found = await resolveChromium(linux({ PATH: empty }));
    expect(found.source).toBe('packaged');
    expect(statSync(found.path).mode & 0o111).not.toBe(0);
    expect(found.env.FONTCONFIG_FILE).toBe(join(found.path, '..', 'fonts.conf'));
    // The same folder every time: unpacked once, then kept.
    await expect(resolveChromium(linux({ PATH: empty }))).resolves.toEqual(found);
  });

  test('elsewhere, the message says to install Chrome or Edge', async () => {
    const mac: Machine = {
      env: { PATH: empty },
      platform: 'darwin',
      arch: 'arm64',
      exists: () => false,
    };
    await expect(resolveChromium(mac)).rejects.toThrow(
      /^Không tìm thấy Google Chrome, Microsoft Edge hay Chromium để in PDF.*Cài Chrome hoặc Edge/,
    );
    await expect(packagedChromium({ ...THIS_MACHINE, arch: 'arm64' })).resolves.toBeNull();
  });

  test('two runs unpacking at once both end with the same complete folder, and nothing left over', async () => {
    const cacheDir = join(dir, 'cache');
    const machine = { ...linux({ PATH: empty }), cacheDir };
    const [a, b] = await Promise.all([packagedChromium(machine), packagedChromium(machine)]);
    const folder = `chromium-${packagedChromiumVersion()}`;
    expect(a?.path).toBe(join(cacheDir, folder, 'chromium'));
    expect(b).toEqual(a);
    expect(readdirSync(cacheDir)).toEqual([folder]);
    expect(statSync(join(cacheDir, folder)).mode & 0o077).toBe(0);
  }, 120_000);
});

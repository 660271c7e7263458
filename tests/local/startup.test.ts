// What a command loads before it starts. JSZip, nodemailer, exceljs's whole library and docx cost
// each run tens of milliseconds to load (docs/en/limits.md), so they are loaded when first used:
// a command that only reads never loads them, one that writes a file loads the zip library, and
// only `remind` composes mail. Timing is for the bench; this asserts what is loaded, which does not
// depend on the machine.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptdvWith, tempDir } from '../helpers/cli';

/** The packages under node_modules the command's main thread had loaded when it exited. */
function loadedBy(dir: string, ...args: string[]): { code: number | null; packages: Set<string> } {
  const list = join(dir, `loaded-${args[0]}-${args.length}.txt`);
  const preload = join(dir, 'preload.js');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, ` +
      `Object.keys(require.cache).join('\\n')));\n`,
  );
  const run = ptdvWith({ NODE_OPTIONS: `--require ${preload}` }, ...args);
  expect(run.stderr).not.toMatch(/\bat \w|Error:/);
  const packages = new Set<string>();
  for (const path of readFileSync(list, 'utf8').split('\n')) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](.*)$/.exec(path);
    if (!m) continue;
    // exceljs's parts the lean read uses are not the whole library, whose entry is excel.js.
    if (m[1] === 'exceljs') {
      if (/^(excel\.js|lib[\\/]exceljs\.nodejs\.js)$/.test(m[2])) packages.add('exceljs (whole)');
    } else packages.add(m[1]);
  }
  return { code: run.code, packages };
}

describe('what each command loads', () => {
  const dir = tempDir();
  const demo = join(dir, 'demo.xlsx');
  beforeAll(() => {
    expect(ptdvWith({}, 'demo', '--out', demo).code).toBe(0);
  });
  const fresh = (name: string) => {
    const path = join(dir, name);
    copyFileSync(demo, path);
    return path;
  };
  const LATE = ['jszip', 'nodemailer', 'exceljs (whole)', 'docx', 'playwright-core'];

  test('the commands that only read load none of the libraries kept for writing', () => {
    for (const args of [
      ['report', '--workbook', demo, '--today', '2025-09-28'],
      ['check', '--workbook', demo],
    ]) {
      const { code, packages } = loadedBy(dir, ...args);
      expect(code === 0 || code === 1).toBe(true);
      expect(packages.has('yauzl')).toBe(true);
      for (const late of LATE) expect([args[0], packages.has(late)]).toEqual([args[0], false]);
    }
  });

  test('a command that writes loads the zip library, and no mail composer but for remind', () => {
    const counts = loadedBy(dir, 'counts', '--workbook', demo, '--out', join(dir, 'so-lieu.xlsx'));
    expect(counts.code).toBe(0);
    expect(counts.packages.has('jszip')).toBe(true);
    expect(counts.packages.has('nodemailer')).toBe(false);
    const write = loadedBy(
      dir,
      'report',
      '--workbook',
      fresh('w.xlsx'),
      '--today',
      '2025-09-28',
      '--write',
    );
    expect(write.code).toBe(0);
    expect(write.packages.has('jszip')).toBe(true);
    expect(write.packages.has('nodemailer')).toBe(false);
    expect(write.packages.has('exceljs (whole)')).toBe(false);
    const remind = loadedBy(
      dir,
      'remind',
      '--workbook',
      fresh('r.xlsx'),
      '--today',
      '2025-09-28',
      '--outbox',
      join(dir, 'outbox'),
    );
    expect(remind.code).toBe(0);
    expect(remind.packages.has('jszip')).toBe(true);
    // The mails are composed on the writer thread (and on this one when it is left some): either
    // way each is in the outbox.
    expect(
      readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')).length,
    ).toBeGreaterThan(0);
  });
});

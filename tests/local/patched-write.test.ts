// Writes into an office's file change only what ptdv owns: every other part of the zip keeps its
// bytes; saves are atomic; a file another program holds open is refused with nothing written.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/local/cli';
import { runTag } from '../../src/local/leftovers';
import type { Io } from '../../src/local/io';
import { ptdv, tempDir } from '../helpers/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'ptdv.js');

/** A file-system error as Node throws it, with its code. */
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** An `Io` that keeps what a command says on its error stream. */
function recordingIo(): { io: Io; err: string[] } {
  const err: string[] = [];
  return {
    io: { out: () => {}, err: (t) => err.push(t), progress: () => {}, now: () => new Date() },
    err,
  };
}

/** Every part of the zip, decompressed. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

/** An element's attributes, in whatever order a program wrote them. */
const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** The worksheet parts of the named sheets, with their relationships. */
async function sheetParts(file: string, names: string[]): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const sheets = [...book.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => attributes(m[0]));
  const targets = new Map(
    [...rels.matchAll(/<Relationship\s[^>]*>/g)]
      .map((m) => attributes(m[0]))
      .map((r) => [r.Id, r.Target] as const),
  );
  const owned = new Set<string>();
  for (const name of names) {
    const sheet = sheets.find((s) => s.name === name);
    const target = targets.get(sheet?.['r:id'] ?? '');
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    owned.add(path);
    owned.add(path.replace(/([^/]+)$/, '_rels/$1.rels'));
  }
  return owned;
}

/** A decorated demo in a folder of its own, with its bytes before a command runs on it. */
async function office(): Promise<{ dir: string; file: string; before: Buffer }> {
  const dir = tempDir();
  const file = await decoratedDemo(dir);
  return { dir, file, before: readFileSync(file) };
}

/** The demo with what an office adds: a picture, a note, a defined name, a hidden sheet of its own. */
/** The read a writing command makes: lean and patched, or full with exceljs (PTDV_XLSX_READ=full). */
type Read = 'lean' | 'full';

async function decoratedDemo(dir: string): Promise<string> {
  const file = join(dir, 'office.xlsx');
  expect(ptdv('demo', '--out', file).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const own = book.addWorksheet('Văn phòng');
  own.addRow(['Ghi chú của văn phòng', 42]);
  own.getCell('A1').note = 'Ghi chú riêng';
  own.getColumn(1).width = 50;
  const hidden = book.addWorksheet('Ẩn');
  hidden.state = 'hidden';
  hidden.addRow(['x']);
  book.definedNames.add("'Văn phòng'!$B$1", 'SoLieuVanPhong');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  own.addImage(book.addImage({ buffer: png as never, extension: 'png' }), 'C3:D5');
  await book.xlsx.writeFile(file);
  return file;
}

const OWNED_INDEX = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
]);

async function unchangedApartFrom(before: Map<string, Buffer>, file: string, owned: Set<string>) {
  const after = await parts(file);
  const changed = [...before].filter(
    ([name, bytes]) =>
      !owned.has(name) && !OWNED_INDEX.has(name) && !after.get(name)?.equals(bytes),
  );
  expect(changed.map(([name]) => name)).toEqual([]);
  return after;
}

describe('writes change only what ptdv owns', () => {
  test('report --write: only Tổng hợp, Kiểm tra, Hồ sơ and Cơ cấu (and the index parts) change', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const before = await parts(file);
    const owned = await sheetParts(file, ['Tổng hợp', 'Kiểm tra', 'Hồ sơ', 'Cơ cấu']);
    const run = ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write');
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('Đã ghi')]);
    const after = await unchangedApartFrom(before, file, owned);
    // The office's picture, note and hidden sheet are all still there.
    expect([...after.keys()].some((p) => p.startsWith('xl/media/'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('Ẩn')?.state).toBe('hidden');
    expect(book.getWorksheet('Văn phòng')?.getCell('A1').note).toBeDefined();
    // The written sheet keeps its look: a bold frozen header, dates as dd/mm/yyyy.
    const summary = book.getWorksheet('Tổng hợp');
    expect(summary?.views[0]).toMatchObject({ state: 'frozen' });
    const problems = book.getWorksheet('Kiểm tra');
    expect(problems?.getRow(2).font?.bold ?? problems?.getRow(2).getCell(1).font?.bold).toBe(true);
    // A second run finds the styles it added and adds no more.
    const styles = after.get('xl/styles.xml')?.toString('utf8') ?? '';
    expect(ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write').code).toBe(0);
    expect((await parts(file)).get('xl/styles.xml')?.toString('utf8')).toBe(styles);
  });

  test('a sheet ptdv writes that the file lacks is added, and named in the workbook', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const dossiers = book.getWorksheet('Hồ sơ');
    if (dossiers) book.removeWorksheet(dossiers.id);
    await book.xlsx.writeFile(file);
    const before = await parts(file);
    expect(ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write').code).toBe(0);
    await unchangedApartFrom(
      before,
      file,
      await sheetParts(file, ['Tổng hợp', 'Kiểm tra', 'Hồ sơ', 'Cơ cấu']),
    );
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    expect(after.getWorksheet('Hồ sơ')?.rowCount).toBeGreaterThan(1);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      ...book.worksheets.map((w) => w.name),
      'Hồ sơ',
    ]);
  });

  test('remind: only Nhật ký thư changes, its earlier rows kept as they were', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const before = await parts(file);
    const [log] = [...(await sheetParts(file, ['Nhật ký thư']))];
    const old = before.get(log ?? '')?.toString('utf8') ?? '';
    const run = ptdv(
      'remind',
      '--workbook',
      file,
      '--today',
      '2024-05-12',
      '--outbox',
      join(dir, 'out'),
    );
    expect(run.code).toBe(0);
    const after = await unchangedApartFrom(before, file, new Set([log ?? '']));
    const written = after.get(log ?? '')?.toString('utf8') ?? '';
    // Everything before the new rows as it was, but the dimension that now spans them.
    const sized = (xml: string) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension/>');
    const end = sized(old).indexOf('</sheetData>');
    expect(sized(written).slice(0, end)).toBe(sized(old).slice(0, end));
    const rows = written.match(/<row /g)?.length ?? 0;
    expect(written).toMatch(new RegExp(`<dimension ref="A1:[A-Z]+${rows}"/>`));
    expect(written.length).toBeGreaterThan(old.length);
  });

  test('counts --into: only Số liệu changes in the shared workbook', async () => {
    const dir = tempDir();
    const shared = await decoratedDemo(dir);
    const local = join(dir, 'local.xlsx');
    copyFileSync(shared, local);
    const before = await parts(shared);
    const owned = await sheetParts(shared, ['Số liệu']);
    const run = ptdv(
      'counts',
      '--workbook',
      local,
      '--out',
      join(dir, 'sl'),
      '--into',
      shared,
      '--today',
      '2024-12-31',
    );
    expect(run.code).toBe(0);
    await unchangedApartFrom(before, shared, owned);
  });

  test('new-year: only the plan sheets change', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const before = await parts(file);
    const owned = await sheetParts(file, ['Mốc', 'Chỉ tiêu', 'Cấu hình']);
    const next = join(dir, 'next.xlsx');
    expect(ptdv('new-year', '--workbook', file, '--year', '2025', '--out', next).code).toBe(0);
    await unchangedApartFrom(before, next, owned);
    expect(ptdv('report', '--workbook', next, '--today', '2025-06-01').code).toBe(0);
  });
});

const FIXTURES = join(__dirname, '..', 'fixtures', 'office');

describe.each(['openpyxl', 'xlsxwriter', 'libreoffice', 'openxml-sdk'])(
  'a workbook made by %s, with its chart, picture, comments, table and the rest',
  (maker) => {
    const copy = (dir: string, name = `${maker}.xlsx`) => {
      const file = join(dir, name);
      copyFileSync(join(FIXTURES, `${maker}.xlsx`), file);
      return file;
    };
    const decorations = async (file: string) =>
      [...(await parts(file)).keys()].filter((p) =>
        /^xl\/(charts|drawings|media|tables|comments)|comments\d*\.xml$/.test(p),
      );

    test('report --write, remind, counts --into and new-year change only what ptdv owns', async () => {
      const dir = tempDir();
      const original = join(FIXTURES, `${maker}.xlsx`);
      const before = await parts(original);
      const kept = await decorations(original);
      expect(kept.some((p) => p.startsWith('xl/charts/'))).toBe(true);
      const runs: [string[], string[], string][] = [
        [
          ['report', '--today', '2024-09-01', '--write'],
          ['Tổng hợp', 'Kiểm tra', 'Hồ sơ', 'Cơ cấu'],
          '',
        ],
        [['remind', '--today', '2024-05-12', '--outbox', join(dir, 'out')], ['Nhật ký thư'], ''],
        [
          ['new-year', '--year', '2025', '--out', join(dir, 'next.xlsx')],
          ['Mốc', 'Chỉ tiêu', 'Cấu hình'],
          join(dir, 'next.xlsx'),
        ],
      ];
      for (const [[command, ...args], sheets, out] of runs) {
        const file = copy(dir);
        const run = ptdv(command ?? '', '--workbook', file, ...args);
        expect([command, run.code, run.stderr.includes('Error')]).toEqual([command, 0, false]);
        const written = out || file;
        await unchangedApartFrom(before, written, await sheetParts(original, sheets));
        expect([command, await decorations(written)]).toEqual([command, kept]);
      }
      const shared = copy(dir, 'shared.xlsx');
      const counts = ptdv(
        'counts',
        '--workbook',
        copy(dir, 'local.xlsx'),
        '--out',
        join(dir, 'sl'),
        '--into',
        shared,
      );
      expect(counts.code).toBe(0);
      await unchangedApartFrom(before, shared, await sheetParts(original, ['Số liệu']));
    }, 60_000);
  },
);

describe('the file stays as the office keeps it', () => {
  test('through a link, with its own permissions: a list readable by its owner only stays so', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    chmodSync(file, 0o600);
    const link = join(dir, 'link.xlsx');
    symlinkSync(file, link);
    expect(ptdv('report', '--workbook', link, '--today', '2024-09-01', '--write').code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await sheetParts(file, ['Tổng hợp'])).size).toBeGreaterThan(0);
  });

  test('a formula written over takes the calculation chain with it (Excel rebuilds it)', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const summary = book.getWorksheet('Tổng hợp');
    if (summary) summary.getCell('Z1').value = { formula: '1+1', result: 2 };
    await book.xlsx.writeFile(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    zip.file(
      'xl/calcChain.xml',
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="Z1" i="1"/></calcChain>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write').code).toBe(0);
    const after = await JSZip.loadAsync(readFileSync(file));
    expect(after.file('xl/calcChain.xml')).toBeNull();
    expect(await after.file('xl/_rels/workbook.xml.rels')?.async('string')).not.toContain(
      'calcChain',
    );
  });
});

describe('one run writes a workbook at a time', () => {
  const lockOf = (file: string) => join(dirname(file), `.${basename(file)}.ptdv-khoa`);

  test('a run that finds another writing stops in Vietnamese with nothing written, and goes ahead once it is done', async () => {
    const { dir, file, before } = await office();
    // Another run on this machine (this test's process stands for it) holds the lock.
    writeFileSync(lockOf(file), runTag());
    const outbox = join(dir, 'outbox');
    for (const run of [
      ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write'),
      ptdv('remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox),
      ptdv('new-year', '--workbook', file, '--year', '2025'),
    ]) {
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `Tệp "${file}" đang được một lệnh ptdv khác ghi (trên máy này hoặc trên máy khác dùng chung thư mục). Đợi lệnh đó xong rồi chạy lại lệnh; tệp chưa bị thay đổi.`,
      );
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(outbox)).toBe(false);
    expect(existsSync(lockOf(file))).toBe(true);
    // Done: the lock is gone, and the next run writes and leaves none behind.
    unlinkSync(lockOf(file));
    expect(ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write').code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.includes('ptdv-khoa'))).toEqual([]);
  });

  test("a killed run's lock is taken over: at once on this machine, after an hour from another", async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const write = () => ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write');
    writeFileSync(lockOf(file), runTag().replace(/-\d+-/, '-999999999-'));
    expect(write().code).toBe(0);
    expect(existsSync(lockOf(file))).toBe(false);
    // Another machine's run: whether it still runs cannot be asked, only how old its lock is.
    writeFileSync(lockOf(file), 'abcdef-1234-0a1b2c3d');
    expect(write().code).toBe(1);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(lockOf(file), twoHoursAgo, twoHoursAgo);
    expect(write().code).toBe(0);
    expect(existsSync(lockOf(file))).toBe(false);
    // A lock of this machine whose process still runs, but older than any run: the process number
    // is another program's now (numbers are given again), and the lock is taken over.
    writeFileSync(lockOf(file), runTag());
    utimesSync(lockOf(file), twoHoursAgo, twoHoursAgo);
    expect(write().code).toBe(0);
  });
});

describe('saves are atomic', () => {
  test('a run killed at any moment leaves the old file or the finished one', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const original = readFileSync(file);
    const done = join(dir, 'done.xlsx');
    copyFileSync(file, done);
    expect(ptdv('report', '--workbook', done, '--today', '2024-09-01', '--write').code).toBe(0);
    let seen = { old: 0, finished: 0 };
    for (const delay of [30, 120, 250, 350, 450, 550, 700, 900]) {
      writeFileSync(file, original);
      const child = spawn(
        process.execPath,
        [BIN, 'report', '--workbook', file, '--today', '2024-09-01', '--write'],
        {
          stdio: 'ignore',
        },
      );
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(file);
      const old = now.equals(original);
      // The finished file has the finished one's parts (its dashboard's time may differ).
      const isFinished =
        !old && [...(await parts(file)).keys()].join() === [...(await parts(done)).keys()].join();
      expect([delay, old || isFinished]).toEqual([delay, true]);
      seen = { old: seen.old + (old ? 1 : 0), finished: seen.finished + (old ? 0 : 1) };
      // Either way the file reads.
      expect(ptdv('check', '--workbook', file).code).not.toBe(null);
      expect(ptdv('report', '--workbook', file, '--today', '2024-09-01').code).toBe(0);
    }
    console.log(`killed runs: ${seen.old} left the old file, ${seen.finished} the finished one`);
    expect(seen.old + seen.finished).toBe(8);
    // What killed runs left beside the file goes with the next save (one killed here, one of a
    // version that named them without the process number); what a run still writing (this
    // process's) and a file of the office's own that only looks alike stay.
    const name = basename(file);
    const killed = [`.${name}.999999999-0a1b2c3d.tmp`, `.${name}.0a1b2c3d.tmp`];
    const kept = [`.${name}.${process.pid}-0a1b2c3d.tmp`, `.${name}.ban-sao.tmp`];
    for (const left of [...killed, ...kept]) writeFileSync(join(dir, left), 'x');
    expect(ptdv('report', '--workbook', file, '--today', '2024-09-01', '--write').code).toBe(0);
    expect(
      readdirSync(dir)
        .filter((n) => n.endsWith('.tmp'))
        .sort(),
    ).toEqual(kept.sort());
  }, 60_000);

  test('a file another program holds open is refused in Vietnamese before any mail file is written', async () => {
    const { dir, file, before } = await office();
    const outbox = join(dir, 'outbox');
    // Excel on Windows holds an open workbook: opening it to write fails with EBUSY.
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const real = nodeFs.openSync;
    const held = jest.spyOn(nodeFs, 'openSync').mockImplementation(((
      path: import('node:fs').PathLike,
      flags?: import('node:fs').OpenMode,
      mode?: import('node:fs').Mode,
    ) => {
      if (String(path) === file && flags === 'r+') throw errno('EBUSY');
      return real(path, flags ?? 'r', mode);
    }) as typeof nodeFs.openSync);
    const { io, err } = recordingIo();
    try {
      const code = await main(
        ['remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox],
        io,
      );
      expect(code).toBe(1);
    } finally {
      held.mockRestore();
    }
    expect(err.join('\n')).toContain('đang mở trong một chương trình khác');
    expect(existsSync(outbox)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  /**
   * A remind that stopped: exit code 1, `said` in what it printed and no library's words, no mail
   * in the outbox, no temporary file beside the workbook, and the workbook byte for byte as it was.
   */
  function expectStopped(
    r: Awaited<ReturnType<typeof remindFailing>>,
    said: string,
    file: string,
    before: Buffer,
  ): void {
    expect(r.code).toBe(1);
    expect(r.err).toContain(said);
    expect(r.err).not.toMatch(/injected|Error/);
    expect(r.mails).toEqual([]);
    expect(r.left).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  }

  /** remind run here, with `fs` failing as `fail` says; what it printed and left. */
  async function remindFailing(
    dir: string,
    file: string,
    fail: (nodeFs: typeof import('node:fs')) => jest.SpyInstance[],
    read: Read = 'lean',
  ) {
    const outbox = join(dir, 'outbox');
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    if (read === 'full') process.env.PTDV_XLSX_READ = 'full';
    const spies = fail(nodeFs);
    const { io, err } = recordingIo();
    let code: number;
    try {
      code = await main(
        ['remind', '--workbook', file, '--today', '2024-05-12', '--outbox', outbox],
        io,
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
      delete process.env.PTDV_XLSX_READ;
    }
    const mails = existsSync(outbox) ? readdirSync(outbox).filter((n) => n.endsWith('.eml')) : [];
    const left = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    return { code, err: err.join('\n'), mails, left, outbox };
  }

  test('the mails reach the disk before the workbook that logs them: moved, their folder flushed, then the rename', async () => {
    if (process.platform === 'win32') return; // Windows cannot open a folder to flush it.
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const events: string[] = [];
    const r = await remindFailing(dir, file, (nodeFs) => {
      const realOpen = nodeFs.openSync;
      const realSync = nodeFs.fsyncSync;
      const realRename = nodeFs.renameSync;
      const folders = new Map<number, string>();
      return [
        jest.spyOn(nodeFs, 'openSync').mockImplementation(((path, flags, mode) => {
          const fd = realOpen(path, flags, mode);
          if (flags === 'r' && nodeFs.statSync(path).isDirectory()) folders.set(fd, String(path));
          return fd;
        }) as typeof nodeFs.openSync),
        jest.spyOn(nodeFs, 'fsyncSync').mockImplementation((fd) => {
          const folder = folders.get(fd);
          if (folder === join(dir, 'outbox')) events.push('outbox flushed');
          realSync(fd);
        }),
        jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
          realRename(from, to);
          if (String(to).endsWith('.eml')) {
            if (events.at(-1) !== 'mail moved') events.push('mail moved');
          } else if (String(to) === file) events.push('workbook renamed');
        }),
      ];
    });
    expect(r.code).toBe(0);
    expect(r.mails.length).toBeGreaterThan(0);
    expect(events).toEqual(['mail moved', 'outbox flushed', 'workbook renamed']);
  });

  test('a mail a mail program holds when the run takes its mails back is named as left, not to be sent', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const r = await remindFailing(dir, file, (nodeFs) => {
      const realRename = nodeFs.renameSync;
      const realRm = nodeFs.rmSync;
      let held: string | null = null;
      return [
        jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
          if (String(to).endsWith(basename(file))) throw errno('EPERM');
          realRename(from, to);
          if (String(to).endsWith('.eml')) held ??= String(to);
        }),
        jest.spyOn(nodeFs, 'rmSync').mockImplementation((path, options) => {
          if (String(path) === held) throw errno('EBUSY');
          realRm(path, options);
        }),
      ];
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('đang mở trong một chương trình khác');
    expect(r.err).toContain(
      `1 thư của lần chạy này vẫn còn trong thư mục "${join(dir, 'outbox')}" (một chương trình khác đang mở chúng) dù Nhật ký thư chưa ghi: đừng gửi các thư đó`,
    );
    expect(r.mails).toHaveLength(1);
  });

  test('an outbox that cannot be made on a full disk is said as such, the file as it was', async () => {
    const { dir, file, before } = await office();
    const r = await remindFailing(dir, file, (nodeFs) => {
      const real = nodeFs.mkdirSync;
      return [
        jest.spyOn(nodeFs, 'mkdirSync').mockImplementation(((path, options) => {
          if (String(path) === join(dir, 'outbox')) throw errno('ENOSPC');
          return real(path, options);
        }) as typeof nodeFs.mkdirSync),
      ];
    });
    expectStopped(
      r,
      `Không ghi được thư vào thư mục "${join(dir, 'outbox')}": ổ đĩa đã đầy`,
      file,
      before,
    );
  });

  // The full read (PTDV_XLSX_READ=full) writes the file whole with exceljs, in the same order.
  test.each<Read>(['lean', 'full'])(
    'a workbook Excel opens while the mails are written: its rename fails, and no mail stays in the outbox (%s read)',
    async (read) => {
      const { dir, file, before } = await office();
      // The check before the run passes; Excel opens the file meanwhile, and Windows refuses the
      // rename over a file open in another program.
      const r = await remindFailing(
        dir,
        file,
        (nodeFs) => {
          const real = nodeFs.renameSync;
          return [
            jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
              if (String(to).endsWith(basename(file))) throw errno('EPERM');
              real(from, to);
            }),
          ];
        },
        read,
      );
      expectStopped(r, 'đang mở trong một chương trình khác', file, before);
      expect(readdirSync(r.outbox)).toEqual([]);
      // Once the file is closed, the run sends and logs every mail.
      const done = await remindFailing(dir, file, () => [], read);
      expect(done.code).toBe(0);
      expect(done.mails.length).toBeGreaterThan(0);
    },
  );

  test.each<Read>(['lean', 'full'])(
    'a disk that fills up while the workbook is written: no mail in the outbox, the file as it was (%s read)',
    async (read) => {
      const { dir, file, before } = await office();
      const r = await remindFailing(
        dir,
        file,
        (nodeFs) => {
          const realOpen = nodeFs.openSync;
          const realWrite = nodeFs.writeSync;
          const temps = new Set<number>();
          return [
            jest.spyOn(nodeFs, 'openSync').mockImplementation(((path, flags, mode) => {
              const fd = realOpen(path, flags, mode);
              if (String(path).endsWith('.tmp')) temps.add(fd);
              return fd;
            }) as typeof nodeFs.openSync),
            jest.spyOn(nodeFs, 'writeSync').mockImplementation(((
              fd: number,
              ...rest: unknown[]
            ) => {
              if (temps.has(fd)) throw errno('ENOSPC');
              return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
            }) as typeof nodeFs.writeSync),
          ];
        },
        read,
      );
      expectStopped(r, 'ổ đĩa đã đầy', file, before);
    },
  );

  test('a figures CSV open in Excel is said so in Vietnamese, and left as it was', async () => {
    const dir = tempDir();
    const file = await decoratedDemo(dir);
    const csv = join(dir, 'so-lieu.csv');
    writeFileSync(csv, 'bản cũ');
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const real = nodeFs.renameSync;
    // Excel on Windows holds an open CSV: a rename over it fails with EBUSY.
    const held = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (String(to) === csv) throw errno('EBUSY');
      real(from, to);
    });
    const { io, err } = recordingIo();
    try {
      expect(await main(['counts', '--workbook', file, '--out', csv], io)).toBe(1);
    } finally {
      held.mockRestore();
    }
    expect(err.join('\n')).toContain(`Không ghi được tệp "${csv}": tệp đang mở`);
    expect(err.join('\n')).not.toMatch(/EBUSY|Error/);
    expect(readFileSync(csv, 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('report --write on a full disk says so in Vietnamese and leaves the file as it was', async () => {
    const { dir, file, before } = await office();
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const full = jest.spyOn(nodeFs, 'fsyncSync').mockImplementation(() => {
      throw errno('ENOSPC');
    });
    const { io, err } = recordingIo();
    try {
      expect(
        await main(['report', '--workbook', file, '--today', '2024-09-01', '--write'], io),
      ).toBe(1);
    } finally {
      full.mockRestore();
    }
    expect(err.join('\n')).toContain('ổ đĩa đã đầy');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

// The outbox's writer thread as the built command line runs it: mails handed over a batch at a
// time while the main thread is busy, then the rest written from both ends.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { OutgoingMail } from '../../src/core/reminders/reminder-mail';
import { StagedOutbox } from '../../src/local/outbox/staged-outbox';
import { tempDir } from '../helpers/cli';

const WRITER = join(__dirname, '..', '..', 'build', 'outbox-writer-worker.js');

/** 250 mails: more than two of the writer's batches, so both threads write some. */
const mails = Array.from({ length: 250 }, (_, i) => {
  const mail: OutgoingMail = {
    key: `DV-${i}`,
    to: [`dv${i}@example.com`],
    subject: `[Nhắc việc] Kết nạp — còn ${i % 8} ngày`,
    text: `Kính gửi: Đơn vị số ${i}\nCòn thiếu ${i} người.`,
    html: `<p>Kính gửi: Đơn vị số ${i}</p><p>Còn thiếu ${i} người.</p>`,
  };
  return { name: `2025-09-28-DV-${i}.eml`, mail, at: new Date(Date.UTC(2025, 8, 28, 1)) };
});

describe('the staged outbox', () => {
  test.each([
    ['on the writer thread and this one', WRITER],
    ['on this thread alone (no built writer)', null],
  ])('writes every mail whole, %s, and moves them into the outbox', async (_, script) => {
    if (script) expect(existsSync(script)).toBe(true);
    const outbox = join(tempDir(), 'outbox');
    const staged = StagedOutbox.open(outbox, mails, script);
    // The main thread busy meanwhile, as when it makes the workbook's new file.
    const until = Date.now() + 150;
    while (Date.now() < until);
    await staged.written();
    expect(readdirSync(outbox).filter((n) => n.endsWith('.eml'))).toEqual([]);
    staged.commit();
    expect(readdirSync(outbox).sort()).toEqual(mails.map((m) => m.name).sort());
    for (const i of [0, 99, 100, 101, 199, 200, 249]) {
      const parsed = await simpleParser(readFileSync(join(outbox, `2025-09-28-DV-${i}.eml`)));
      expect(parsed.subject).toBe(`[Nhắc việc] Kết nạp — còn ${i % 8} ngày`);
      expect(parsed.text?.trim()).toBe(`Kính gửi: Đơn vị số ${i}\nCòn thiếu ${i} người.`);
      expect(parsed.date?.toISOString()).toBe('2025-09-28T01:00:00.000Z');
    }
  });

  test('a writer thread that cannot start stops it, and discard leaves the outbox empty', async () => {
    const outbox = join(tempDir(), 'outbox');
    const staged = StagedOutbox.open(outbox, mails, join(tempDir(), 'khong-co-writer.js'));
    await expect(staged.written()).rejects.toThrow();
    await staged.discard();
    expect(readdirSync(outbox)).toEqual([]);
  });

  test('a mail that cannot be written stops it, and discard leaves the outbox empty', async () => {
    const outbox = join(tempDir(), 'outbox');
    // A name with a folder that does not exist: its file cannot be created.
    const broken = [...mails.slice(0, 120), { ...mails[120]!, name: 'khong-co/thu.eml' }];
    const staged = StagedOutbox.open(outbox, broken, WRITER);
    await expect(staged.written()).rejects.toThrow();
    await staged.discard();
    expect(readdirSync(outbox)).toEqual([]);
  });

  test('a failure on the writer thread keeps its file-system code (a full disk is said as such)', async () => {
    const outbox = join(tempDir(), 'outbox');
    // The first mail is the writer thread's: its failure crosses to this thread as a message.
    const broken = [{ ...mails[0]!, name: 'khong-co/thu.eml' }, ...mails.slice(1)];
    const staged = StagedOutbox.open(outbox, broken, WRITER);
    await expect(staged.written()).rejects.toMatchObject({ code: 'ENOENT' });
    await staged.discard();
    expect(readdirSync(outbox)).toEqual([]);
  });

  test('a move into the outbox that fails midway takes back the ones before it', async () => {
    const outbox = join(tempDir(), 'outbox');
    // A mail of an earlier day, already in the outbox, stays.
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, '2025-09-27-DV-0.eml'), 'From: ptdv');
    const staged = StagedOutbox.open(outbox, mails, null);
    await staged.written();
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const real = nodeFs.renameSync;
    let moves = 0;
    const failing = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (++moves === 131) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      real(from, to);
    });
    try {
      expect(() => staged.commit()).toThrow();
    } finally {
      failing.mockRestore();
    }
    expect(moves).toBe(131);
    expect(readdirSync(outbox).filter((n) => n.endsWith('.eml'))).toEqual(['2025-09-27-DV-0.eml']);
    await staged.discard();
    expect(readdirSync(outbox)).toEqual(['2025-09-27-DV-0.eml']);
  });

  test('withdraw takes every mail of the run out of the outbox again, and only those', async () => {
    const outbox = join(tempDir(), 'outbox');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, '2025-09-27-DV-0.eml'), 'From: ptdv');
    const staged = StagedOutbox.open(outbox, mails, WRITER);
    await staged.written();
    staged.commit();
    expect(readdirSync(outbox)).toHaveLength(mails.length + 1);
    await staged.withdraw();
    expect(readdirSync(outbox)).toEqual(['2025-09-27-DV-0.eml']);
  });

  test('withdraw takes back every mail it can: one a mail program holds stays, and it does not throw', async () => {
    const outbox = join(tempDir(), 'outbox');
    const staged = StagedOutbox.open(outbox, mails, WRITER);
    await staged.written();
    staged.commit();
    const nodeFs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const real = nodeFs.rmSync;
    const held = join(outbox, mails[7]!.name);
    const failing = jest.spyOn(nodeFs, 'rmSync').mockImplementation((path, options) => {
      if (String(path) === held)
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      real(path, options);
    });
    try {
      await expect(staged.withdraw()).resolves.toBeUndefined();
    } finally {
      failing.mockRestore();
    }
    expect(readdirSync(outbox)).toEqual([mails[7]!.name]);
    expect(staged.leftInOutbox).toBe(1);
  });

  test("two runs at once on one outbox keep each other's mails; a killed run's folder goes", async () => {
    const outbox = join(tempDir(), 'outbox');
    mkdirSync(outbox, { recursive: true });
    // Left by killed runs: one named before the process number was part of the name, one of a
    // process that no longer runs.
    for (const left of ['.ptdv-dang-ghi-0a1b2c3d', '.ptdv-dang-ghi-999999999-0a1b2c3d']) {
      mkdirSync(join(outbox, left));
      writeFileSync(join(outbox, left, '2025-09-20-DV-0.eml'), 'From: ptdv');
    }
    const first = StagedOutbox.open(outbox, mails.slice(0, 120), WRITER);
    const other = mails.slice(120).map((m) => ({ ...m, name: m.name.replace('09-28', '09-29') }));
    const second = StagedOutbox.open(outbox, other, WRITER);
    await Promise.all([first.written(), second.written()]);
    first.commit();
    second.commit();
    expect(readdirSync(outbox).sort()).toEqual(
      [...mails.slice(0, 120), ...other].map((m) => m.name).sort(),
    );
    // Another machine's run on a shared outbox cannot be asked about: its folder stays, but for
    // one older than any run.
    const shared = join(outbox, '.ptdv-dang-ghi-abcdef-1234-0a1b2c3d');
    const stale = join(outbox, '.ptdv-dang-ghi-abcdef-5678-0a1b2c3d');
    for (const folder of [shared, stale]) mkdirSync(folder);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await StagedOutbox.open(outbox, [], WRITER).discard();
    expect(existsSync(shared)).toBe(true);
    expect(existsSync(stale)).toBe(false);
  });
});

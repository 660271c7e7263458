// One spreadsheet per unit, through the built bundle on fakes of the Drive (v3) and Sheets (v4)
// advanced services that, like `drive.file`, show the script only the files it created.
import { PLAN_145 } from '../../src/core/plan/plan145';
import { syntheticPeople } from '../../src/local/synthetic';
import { formatDmy } from '../../src/core/calendar/dates';
import { provinceSheets } from '../../bench/province';
import { SHEET } from '../../src/workbook/contract';
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';
import { sheetWithAddresses, type Bundle } from './helpers';

const emailOf = (code: string) => `${code.toLowerCase()}@example.com`;
const PEOPLE = syntheticPeople(PLAN_145);

function boardSheet(): { env: GasEnvironment; gas: Bundle } {
  const { env, gas } = sheetWithAddresses(new Date('2024-05-12T01:00:00Z'));
  env.endExecution();
  return { env, gas };
}

/** The registry: code → file id. */
const registry = (env: GasEnvironment): Map<string, string> =>
  new Map(
    env.spreadsheet
      .sheet('Tệp đơn vị')
      .values()
      .slice(1)
      .map((r) => [String(r[0]), /\/d\/([^/#?]+)/.exec(String(r[2]))?.[1] ?? '']),
  );

/** The synthetic people of a unit as its officer types them into the unit's file. */
function typeInto(env: GasEnvironment, id: string, unitName: string): number {
  const rows = PEOPLE.filter((p) => p.unit === unitName && p.nominated <= 19855).map((p, i) => [
    i + 1,
    p.name,
    new env.Date(Date.UTC(1970, 0, 1) + p.birth * 86_400_000 - 7 * 3_600_000),
    '',
    p.group,
    p.classCode,
    '',
    p.certified === null ? '' : formatDmy(p.certified),
    p.admitted !== null && p.admitted <= 19855 ? formatDmy(p.admitted) : '',
  ]);
  env.sheetsApi.typeInto(id, 'Danh sách', rows, 2);
  return rows.length;
}

describe('Tạo tệp riêng cho đơn vị', () => {
  test('13 Plan 145 units get 13 files, each shared with exactly its officer, recorded in Tệp đơn vị', () => {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const files = registry(env);
    expect(files.size).toBe(13);
    for (const unit of PLAN_145.units) {
      const id = files.get(unit.code) ?? '';
      const perms = env.drive.permissionsOf(id);
      const others = perms.filter((p: { role: string }) => p.role !== 'owner');
      expect(
        others.map((p: { type: string; role: string; emailAddress?: string }) => [
          p.type,
          p.role,
          p.emailAddress,
        ]),
      ).toEqual([['user', 'writer', emailOf(unit.code)]]);
      expect(perms.some((p: { type: string }) => p.type === 'anyone' || p.type === 'domain')).toBe(
        false,
      );
      expect(env.sheetsApi.valuesOf(id, 'Danh sách')[0]?.slice(0, 3)).toEqual([
        'STT',
        'Họ và tên',
        'Ngày sinh',
      ]);
    }
    expect(env.ui.alerts.at(-1)?.prompt).toContain('Đã tạo 13 tệp mới');
  });

  test('run again: new units get files, a changed officer takes over, what was typed stays', () => {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const files = registry(env);
    const hh1 = files.get('THPT-HH1') ?? '';
    typeInto(env, hh1, 'Trường THPT Hiệp Hòa số 1');
    const typed = env.sheetsApi.valuesOf(hh1, 'Danh sách').length;
    // THPT-HH1 gets a new officer.
    env.spreadsheet.sheet('Chỉ tiêu').load([['moi.thpt1@example.com']], 2, 6);
    gas.setupUnitFiles();
    expect(registry(env).size).toBe(13);
    const editors = env.drive
      .permissionsOf(hh1)
      .filter((p: { role: string }) => p.role !== 'owner')
      .map((p: { emailAddress?: string }) => p.emailAddress);
    expect(editors).toEqual(['moi.thpt1@example.com']);
    expect(env.sheetsApi.valuesOf(hh1, 'Danh sách').length).toBe(typed);
  });
});

describe('refresh, check and reminders read the unit files', () => {
  function withFiles() {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const files = registry(env);
    let typed = 0;
    for (const unit of PLAN_145.units)
      typed += typeInto(env, files.get(unit.code) ?? '', unit.name);
    env.endExecution();
    return { env, gas, files, typed };
  }

  test('counts and problems from the files reach Tổng hợp and Kiểm tra, with a link to the cell', () => {
    const { env, gas, files } = withFiles();
    // A mistake in THPT-HH2's file.
    env.sheetsApi.typeInto(
      files.get('THPT-HH2') ?? '',
      'Danh sách',
      [[99, 'Sai Mẫu', '31/02/2006', '', 'Học sinh', 'BD9-HS']],
      40,
    );
    gas.refreshDashboard();
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const header = table[3] as string[];
    const hh1 = table.find((r) => r[0] === 'THPT-HH1') ?? [];
    const expected = PEOPLE.filter(
      (p) =>
        p.unit === 'Trường THPT Hiệp Hòa số 1' && p.classCode === 'BD1-HS' && p.nominated <= 19855,
    ).length;
    expect(hh1[header.indexOf('BD1-HS thực hiện')]).toBe(expected);
    expect(hh1[header.indexOf('BD1-HS nguồn')]).toBe('tệp đơn vị');
    gas.checkEntries();
    const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
    const mine = problems.filter((r) => r[0] === 'Tệp THPT-HH2');
    expect(mine.map((r) => [r[1], r[4]])).toEqual([
      [40, 'date_invalid'],
      [40, 'class_unknown'],
    ]);
    const links = env.spreadsheet
      .sheet('Kiểm tra')
      .formulas()
      .slice(2)
      .filter((f) => String(f[7]).includes(files.get('THPT-HH2') ?? 'none'));
    expect(links.length).toBe(2);
    expect(String(links[0]?.[7])).toMatch(/range=C40/);
  });

  test('an unchanged file is not read twice; a changed one is read again', () => {
    const { env, gas, files } = withFiles();
    const reads = () =>
      env.calls.filter((c) => c.service === 'Sheets' && c.method === 'get').length;
    env.resetCalls();
    gas.refreshDashboard();
    expect(reads()).toBe(13);
    env.endExecution();
    env.resetCalls();
    gas.refreshDashboard();
    gas.checkEntries();
    expect(reads()).toBe(0);
    env.sheetsApi.typeInto(
      files.get('THPT-HH3') ?? '',
      'Danh sách',
      [[50, 'Mới Mẫu', '01/01/2005', '', 'Học sinh', 'BD1-HS']],
      50,
    );
    env.endExecution();
    env.resetCalls();
    gas.refreshDashboard();
    expect(reads()).toBe(1);
  });

  test('no name or birth date anywhere in the Board workbook, its properties or the mails', () => {
    const { env, gas } = withFiles();
    gas.refreshDashboard();
    gas.checkEntries();
    gas.runDailyReminders();
    env.endExecution();
    const cells = env.spreadsheet
      .sheetNames()
      .flatMap((n) => env.spreadsheet.sheet(n).values().flat().map(String));
    const props = JSON.stringify(env.properties.getDocumentProperties().getProperties());
    const mails = env.mail.sent.map((m) => m.body + m.htmlBody).join('\n');
    expect(env.mail.sent.length).toBeGreaterThan(0);
    const everything = [cells.join('\n'), props, mails].join('\n');
    for (const p of PEOPLE.slice(0, 60)) {
      expect(everything).not.toContain(p.name);
      expect(everything).not.toContain(formatDmy(p.birth));
    }
    expect(everything).not.toMatch(/Mẫu \d{4}/);
  });
});

describe('unit files that go wrong', () => {
  test('a file whose list was renamed is reported, and the other units still count', () => {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const files = registry(env);
    for (const unit of PLAN_145.units) typeInto(env, files.get(unit.code) ?? '', unit.name);
    env.sheetsApi.Spreadsheets.batchUpdate(
      {
        requests: [
          { updateSheetProperties: { properties: { sheetId: 0, title: 'Khác' }, fields: 'title' } },
        ],
      },
      files.get('THPT-HH4') ?? '',
    );
    env.endExecution();
    gas.refreshDashboard();
    const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
    expect(problems.some((r) => r[0] === 'Tệp THPT-HH4' && r[4] === 'unit_file_unreadable')).toBe(
      true,
    );
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const at = (table[3] as string[]).indexOf('BD1-HS nguồn');
    expect(table.find((r) => r[0] === 'THPT-HH1')?.[at]).toBe('tệp đơn vị');
  });

  test('a change to the Board plan reads the files again the same day', () => {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const files = registry(env);
    for (const unit of PLAN_145.units) typeInto(env, files.get(unit.code) ?? '', unit.name);
    gas.refreshDashboard();
    env.endExecution();
    const reads = () =>
      env.calls.filter((c) => c.service === 'Sheets' && c.method === 'get').length;
    const milestones = env.spreadsheet.sheet('Mốc');
    const row = milestones.values().findIndex((r) => r[0] === 'KN-2024') + 1;
    milestones.load([['Kết nạp cả năm 2024']], row, 2);
    env.resetCalls();
    gas.refreshDashboard();
    expect(reads()).toBe(13);
  });
});

describe('another Board account, which drive.file shows none of the files', () => {
  const OTHER = 'ban2@example.com';
  const ownerOf = (env: GasEnvironment) =>
    env.properties.getDocumentProperties().getProperty('ptdv.unitFiles.owner');

  function readByOwner() {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    const owner = ownerOf(env);
    const files = registry(env);
    for (const unit of PLAN_145.units) typeInto(env, files.get(unit.code) ?? '', unit.name);
    gas.refreshDashboard();
    env.endExecution();
    return { env, gas, files, owner: owner ?? '' };
  }

  test('counts with the figures last read by the owner, says so, and reads nothing', () => {
    const { env, gas, owner } = readByOwner();
    expect(owner).toMatch(/@/);
    const before = env.spreadsheet.sheet('Tổng hợp').values();
    const cache = env.spreadsheet.sheet('Tệp đơn vị (số liệu)').values();
    env.actAs(OTHER);
    env.resetCalls();
    gas.refreshDashboard();
    expect(env.calls.filter((c) => c.service === 'Sheets' || c.service === 'Drive')).toEqual([]);
    const after = env.spreadsheet.sheet('Tổng hợp').values();
    // Same figures as the owner's run (the title's time aside), not every unit at 0.
    expect(after.slice(3)).toEqual(before.slice(3));
    expect(env.spreadsheet.sheet('Tệp đơn vị (số liệu)').values()).toEqual(cache);
    const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
    const warnings = problems.filter((r) => r[4] === 'unit_file_other_account');
    expect(warnings).toHaveLength(13);
    expect(String(warnings[0]?.[5])).toContain(owner);
    expect(String(warnings[0]?.[5])).toContain(OTHER);
    expect(String(warnings[0]?.[5])).toMatch(/đọc lần cuối lúc \d{2}\/\d{2}\/\d{4}/);
    expect(problems.some((r) => r[4] === 'unit_file_missing')).toBe(false);
  });

  test('a file its owner never read counts nothing, as an error naming the owner', () => {
    const { env, gas } = boardSheet();
    gas.setupUnitFiles();
    env.endExecution();
    env.actAs(OTHER);
    gas.refreshDashboard();
    const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
    const errors = problems.filter((r) => r[4] === 'unit_file_other_account');
    expect(errors).toHaveLength(13);
    expect(errors.every((r) => String(r[5]).includes('chưa có số liệu nào đã đọc'))).toBe(true);
  });

  test('makes no second set of files, and a trigger it installs is warned about', () => {
    const { env, gas, files } = readByOwner();
    const made = env.drive.Files.created.length;
    env.actAs(OTHER);
    gas.setupUnitFiles();
    expect(env.ui.alerts.at(-1)?.prompt).toMatch(/do tài khoản .*@.* tạo.*Hãy đăng nhập bằng/);
    expect(registry(env)).toEqual(files);
    expect(env.drive.Files.created.length).toBe(made);
    env.endExecution();
    gas.installDailyTrigger();
    expect(env.ui.alerts.at(-1)?.prompt).toContain('Lưu ý: các tệp đơn vị do tài khoản');
  });

  test('files recorded before the owner was noted, refreshed by another account: last figures, cache kept', () => {
    const { env, gas } = readByOwner();
    env.properties.getDocumentProperties().deleteProperty('ptdv.unitFiles.owner');
    const before = env.spreadsheet.sheet('Tổng hợp').values();
    const cache = env.spreadsheet.sheet('Tệp đơn vị (số liệu)').values();
    env.actAs(OTHER);
    gas.refreshDashboard();
    const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
    expect(problems.filter((r) => r[4] === 'unit_file_other_account')).toHaveLength(13);
    expect(problems.some((r) => r[4] === 'unit_file_missing')).toBe(false);
    expect(env.spreadsheet.sheet('Tổng hợp').values().slice(3)).toEqual(before.slice(3));
    expect(env.spreadsheet.sheet('Tệp đơn vị (số liệu)').values()).toEqual(cache);
    expect(ownerOf(env)).toBeNull();
  });

  test('files recorded before the owner was noted: the owner is learnt, anyone else refused', () => {
    const { env, gas, owner } = readByOwner();
    env.properties.getDocumentProperties().deleteProperty('ptdv.unitFiles.owner');
    env.actAs(OTHER);
    gas.setupUnitFiles();
    expect(env.ui.alerts.at(-1)?.prompt).toContain('không thấy tệp đơn vị nào');
    expect(ownerOf(env)).toBeNull();
    env.endExecution();
    env.actAs(owner);
    gas.refreshDashboard();
    expect(ownerOf(env)).toBe(owner);
  });
});

describe('more changed files than the Sheets API reads in a minute', () => {
  const START = new Date('2025-09-28T01:00:00Z');

  /** 70 of the bench province's units, each with its own file; DV-0070's officer types 3 rows. */
  function seventyUnits() {
    const env = createGasEnvironment({ now: START, sheetNames: ['Trang tính1'] });
    const sheets = provinceSheets(0);
    sheets[SHEET.quotas] = (sheets[SHEET.quotas] ?? []).slice(0, 71);
    for (const [name, values] of Object.entries(sheets))
      env.spreadsheet.addSheet(name, values as never);
    const gas = loadBundle(env) as Bundle;
    gas.setupUnitFiles();
    const files = registry(env);
    expect(files.size).toBe(70);
    // Making 70 files takes a few minutes of pacing (140 Sheets writes under 60 a minute): the
    // reads below start from when it ended.
    const base = env.now().getTime();
    const birth = new env.Date(Date.UTC(2000, 4, 1) - 7 * 3_600_000);
    env.sheetsApi.typeInto(
      files.get('DV-0070') ?? '',
      'Danh sách',
      [1, 2, 3].map((i) => [i, `Công Nhân Mẫu ${i}`, birth, '', 'Công nhân', 'BD1-CN']),
      2,
    );
    env.endExecution();
    const reads = () =>
      env.calls.filter((c) => c.service === 'Sheets' && c.method === 'get').length;
    const run = () => {
      env.resetCalls();
      gas.refreshDashboard();
      env.endExecution();
      const problems = env.spreadsheet.sheet('Kiểm tra').values().slice(2);
      const deferred = problems.filter((r) => r[4] === 'unit_file_deferred');
      const table = env.spreadsheet.sheet('Tổng hợp').values();
      const at = (table[3] as string[]).indexOf('BD1-CN thực hiện');
      const dv70 = table.find((r) => r[0] === 'DV-0070')?.[at];
      return { reads: reads(), deferred, dv70 };
    };
    const typeMore = () =>
      env.sheetsApi.typeInto(
        files.get('DV-0070') ?? '',
        'Danh sách',
        [[4, 'Công Nhân Mẫu 4', birth, '', 'Công nhân', 'BD1-CN']],
        5,
      );
    const at = (ms: number) => env.setNow(new Date(base + ms));
    return { env, run, typeMore, at };
  }

  test('reads 55 files a run; the rest count with their last figures, flagged, and are read next', () => {
    const { run, at } = seventyUnits();
    const first = run();
    expect(first.reads).toBe(55);
    // Files 56 to 70 were never read: errors, counting nothing yet.
    expect(first.deferred).toHaveLength(15);
    expect(first.deferred.every((r) => r[3] === 'Lỗi')).toBe(true);
    expect(String(first.deferred[0]?.[5])).toContain('60 tệp mỗi phút');
    expect(first.dv70).toBe(0);
    // A minute later the next click reads the other 15, and only those.
    at(61_000);
    const second = run();
    expect(second.reads).toBe(15);
    expect(second.deferred).toEqual([]);
    expect(second.dv70).toBe(3);
    // The next day every file is read again for that day: 55 are, the other 15 keep yesterday's
    // figures (DV-0070 still counts its 3) with a warning that says when they were read.
    at(86_400_000);
    const third = run();
    expect(third.reads).toBe(55);
    expect(third.deferred).toHaveLength(15);
    expect(third.deferred.every((r) => r[3] === 'Cảnh báo')).toBe(true);
    expect(String(third.deferred.at(-1)?.[5])).toMatch(/đọc lần cuối lúc \d{2}\/\d{2}\/2025/);
    expect(third.dv70).toBe(3);
  });

  test('one run a day: the files least recently read go first, so every change shows within two days', () => {
    const { run, typeMore, at } = seventyUnits();
    const day = (n: number) => at(n * 86_400_000);
    expect(run().dv70).toBe(0); // day 0: files 1-55 read, DV-0070 not yet
    day(1);
    expect(run().dv70).toBe(3); // the never-read ones first
    typeMore(); // DV-0070's officer adds a fourth person
    day(2);
    const third = run();
    expect(third.reads).toBe(55);
    expect(third.dv70).toBe(3); // not its turn today: yesterday's figures, flagged
    day(3);
    expect(run().dv70).toBe(4);
  });

  test("Google's 429 in the middle of a run: the files after it wait, nothing counts as zero", () => {
    const { env, run } = seventyUnits();
    // Another script (or a second click) already spent 50 of the minute's 60 reads.
    for (let i = 0; i < 50; i++) env.sheetsApi.countRead('sheets.spreadsheets.values.get');
    const first = run();
    expect(first.reads).toBe(11); // 10 read, the 11th refused
    expect(first.deferred).toHaveLength(60);
    expect(
      env.spreadsheet
        .sheet('Kiểm tra')
        .values()
        .some((r) => r[4] === 'unit_file_unreadable'),
    ).toBe(false);
  });
});

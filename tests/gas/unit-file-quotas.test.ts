// Making unit files as Google really lets an account: the Sheets API's 60 write requests a
// minute (https://developers.google.com/sheets/api/limits) and Drive's sharing quota of a day
// ("a rate limit was exceeded"; https://developers.google.com/drive/api/guides/handle-errors),
// on the built bundle. 120 units: every file made, formatted and shared, over the days it takes.
import { provinceSheets } from '../../bench/province';
import { SHEET } from '../../src/workbook/contract';
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';
import type { Bundle } from './helpers';

const START = new Date('2025-09-28T01:00:00Z'); // 08:00 in Vietnam

function province(units: number) {
  const env = createGasEnvironment({ now: START, sheetNames: ['Trang tính1'] });
  const sheets = provinceSheets(0);
  sheets[SHEET.quotas] = (sheets[SHEET.quotas] ?? []).slice(0, units + 1);
  for (const [name, values] of Object.entries(sheets))
    env.spreadsheet.addSheet(name, values as never);
  return { env, gas: loadBundle(env) as Bundle };
}

const listed = (env: GasEnvironment) =>
  env.spreadsheet
    .sheet('Tệp đơn vị')
    .values()
    .slice(1)
    .map((r) => ({
      code: String(r[0]),
      id: /\/d\/([^/#?]+)/.exec(String(r[2]))?.[1] ?? '',
      state: String(r[4]),
    }));

/**
 * Runs the continuation trigger, at its time, until none is left (or, with `untilMorning`, until
 * the next one waits for the next morning); returns how many ran.
 */
function continueUntilDone(env: GasEnvironment, gas: Bundle, untilMorning = false): number {
  let runs = 0;
  for (; runs < 30; runs++) {
    const trigger = env.triggers.find((t) => t.handler === 'continueSetup');
    if (!trigger) break;
    if (untilMorning && (trigger.schedule.after ?? 0) > 3_600_000) break;
    env.advanceTime(trigger.schedule.after ?? 60_000);
    env.actAsTrigger(trigger);
    gas.continueSetup();
    env.endExecution();
  }
  return runs;
}

test('120 files under 60 Sheets writes a minute and 50 shares a day: all complete by the third day', () => {
  const { env, gas } = province(120);
  env.drive.store.sharesPerDay = 50;
  const writes: number[] = [];
  let refused = 0;
  const count = env.sheetsApi.countWrite.bind(env.sheetsApi);
  env.sheetsApi.countWrite = (method: string) => {
    try {
      count(method);
    } catch (e) {
      refused++;
      throw e;
    }
    writes.push(env.now().getTime());
  };
  gas.setupUnitFiles();
  env.endExecution();
  const first = env.ui.alertTexts().at(-1) ?? '';
  expect(first).not.toMatch(/Quota exceeded|Rate limit|API call/);
  // The first day: every file made and formatted, 50 shared, 70 waiting for tomorrow.
  continueUntilDone(env, gas, true);
  const states = listed(env).map((f) => f.state);
  expect(states.filter((s) => s === 'Xong')).toHaveLength(50);
  expect(states.filter((s) => s === 'Chờ chia sẻ')).toHaveLength(70);
  continueUntilDone(env, gas);
  // Never more than 60 writes in any minute, and no write ever refused.
  expect(refused).toBe(0);
  for (const t of writes)
    expect(writes.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(60);
  const files = listed(env);
  expect(files).toHaveLength(120);
  expect(writes).toHaveLength(240); // one create and one format each, none twice
  expect(files.every((f) => f.state === 'Xong')).toBe(true);
  for (const f of files) {
    const shared = env.drive
      .permissionsOf(f.id)
      .filter((p: { role: string }) => p.role === 'writer')
      .map((p: { emailAddress?: string }) => p.emailAddress);
    expect(shared).toEqual([`${f.code.toLowerCase().replace('dv-', 'donvi')}@example.com`]);
    expect(env.sheetsApi.requestsOf(f.id).length).toBeGreaterThan(0);
  }
  // Three days of sharing, 50, 50 and 20: done on the third morning (Vietnam's 30/09).
  const vietnamDay = new Date(env.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  expect(vietnamDay).toBe('2025-09-30');
  // The Board member who clicked hears at the end, by mail (a trigger has no dialog).
  expect(env.mail.sent.some((m) => /Đã tạo/.test(m.body))).toBe(true);
});

test('a share whose notification mail failed counts as shared; a file whose formats failed is formatted next time', () => {
  const { env, gas } = province(3);
  env.drive.store.unmailable.add('donvi0002@example.com');
  // The second file's formats hit a failure that stays (three times Google's 500).
  const update = env.sheetsApi.batchUpdate.bind(env.sheetsApi);
  let failures = 0;
  env.sheetsApi.batchUpdate = (resource: { requests?: object[] }, id: string) => {
    if (id === 'spreadsheet-2' && failures < 4) {
      failures++;
      throw new Error(
        'API call to sheets.spreadsheets.batchUpdate failed with error: Internal error encountered. (500)',
      );
    }
    return update(resource, id);
  };
  gas.setupUnitFiles();
  env.endExecution();
  let files = listed(env);
  expect(files.map((f) => f.state)).toEqual(['Xong', 'Chưa định dạng', 'Xong']);
  expect(env.ui.alertTexts().at(-1)).toMatch(/DV-0002: máy chủ của Google đang bận/);
  expect(env.ui.alertTexts().at(-1)).not.toMatch(/Internal error/);
  const second = files[1]?.id ?? '';
  expect(env.sheetsApi.requestsOf(second)).toEqual([]);
  gas.setupUnitFiles();
  env.endExecution();
  files = listed(env);
  expect(files.map((f) => f.state)).toEqual(['Xong', 'Xong', 'Xong']);
  expect(files[1]?.id).toBe(second); // formatted, not made again
  expect(env.sheetsApi.requestsOf(second).length).toBeGreaterThan(0);
  expect(
    env.drive
      .permissionsOf(second)
      .some((p: { emailAddress?: string }) => p.emailAddress === 'donvi0002@example.com'),
  ).toBe(true);
});

test('a job waiting for the morning never holds back one due in a minute, and keeps its time', () => {
  const { env, gas } = province(3);
  const now = env.now().getTime();
  env.properties.document.setProperty(
    'ptdv.continue.jobs',
    JSON.stringify([
      { job: 'files', notBefore: now + 20 * 3_600_000 },
      { job: 'rooms', notBefore: now + 60_000 },
    ]),
  );
  // A trigger as a stopped run leaves it, a minute on.
  env.scriptApp.add('continueSetup', 'CLOCK', 'CLOCK', 'x', { after: 60_000 });
  env.advanceTime(60_000);
  env.actAsTrigger(env.triggers[0]!);
  gas.continueSetup();
  env.endExecution();
  // The rooms were done (and said by mail); the files still wait, for the morning.
  expect(env.spreadsheet.sheetNames().filter((n) => n.startsWith('DS - '))).toHaveLength(3);
  expect(env.mail.sent.some((m) => /Phân quyền/.test(m.subject))).toBe(true);
  const left = JSON.parse(env.properties.document.getProperty('ptdv.continue.jobs') ?? '[]');
  expect(left).toEqual([{ job: 'files', notBefore: now + 20 * 3_600_000, by: '' }]);
  const next = env.triggers.filter((t) => t.handler === 'continueSetup');
  expect(next).toHaveLength(1);
  expect(next[0]?.schedule.after).toBe(20 * 3_600_000 - 60_000);
  expect(env.spreadsheet.sheetNames()).not.toContain('Tệp đơn vị');
});

test("another account's trigger leaves a job to the account that stopped it, and does not come back", () => {
  const { env, gas } = province(3);
  const now = env.now().getTime();
  const job = { job: 'files', notBefore: now, by: 'owner@example.com' };
  env.properties.document.setProperty('ptdv.continue.jobs', JSON.stringify([job]));
  env.actAs('khac@example.com');
  env.scriptApp.add('continueSetup', 'CLOCK', 'CLOCK', 'x', { after: 60_000 });
  env.advanceTime(60_000);
  env.actAsTrigger('khac@example.com');
  gas.continueSetup();
  env.endExecution();
  expect(env.spreadsheet.sheetNames()).not.toContain('Tệp đơn vị');
  expect(JSON.parse(env.properties.document.getProperty('ptdv.continue.jobs') ?? '[]')).toEqual([
    job,
  ]);
  expect(env.triggers.filter((t) => t.creator === 'khac@example.com')).toEqual([]);
});

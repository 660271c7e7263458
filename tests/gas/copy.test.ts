// File › Make a copy, as a clerk gets the tracker: the copy is a new spreadsheet with a new script
// project, on the built bundle. Whatever Google does with the document properties, the copy ends
// up the same: its own address, reminders off until installed here, nothing of the original's
// run state replayed, the original's unit files let go and new ones made without a failure.
import type { GasEnvironment } from './fakes';
import { sheetWithAddresses, type Bundle } from './helpers';

const CLERK = 'van-thu@xa-moi.example';

/** A working tracker: unit files made, reminders installed, a journal and a continuation left. */
function original(): { env: GasEnvironment; gas: Bundle } {
  const { env, gas } = sheetWithAddresses(new Date('2024-05-12T01:00:00Z'));
  gas.refreshDashboard();
  gas.setupUnitFiles();
  gas.installDailyTrigger();
  // What a reminder run killed after sending leaves, and a setup waiting to be continued.
  env.properties.document.setProperty(
    'ptdv.sent.THPT-HH1|BD1-HS|2024-05-19|7',
    JSON.stringify([['12/05/2024 08:00', 'BD1-HS', 'THPT-HH1', 'a@b', 7, 'đã gửi', '', 'k']]),
  );
  env.properties.document.setProperty('ptdv.continue.jobs', JSON.stringify(['files']));
  env.endExecution();
  return { env, gas };
}

const settingValue = (env: GasEnvironment, key: string) =>
  env.spreadsheet
    .sheet('Cấu hình')
    .values()
    .find((r) => r[0] === key)?.[1];

const logRows = (env: GasEnvironment) => env.spreadsheet.sheet('Nhật ký thư').values().slice(1);

describe.each(['kept', 'dropped'] as const)('a copy, document properties %s', (properties) => {
  test('takes itself over on the first menu click and says so in Vietnamese', () => {
    const { env, gas } = original();
    const originalUrl = env.spreadsheet.getUrl();
    const files = env.spreadsheet.sheet('Tệp đơn vị').values().length - 1;
    expect(files).toBe(13);
    env.actAs(CLERK);
    env.makeCopy({ properties });
    expect(env.spreadsheet.getUrl()).not.toBe(originalUrl);
    expect(env.triggers).toHaveLength(0);

    // Opening shows it is a copy; opening changes nothing (a simple trigger only reads).
    gas.onOpen();
    expect(env.ui.toasts.at(-1)?.message).toMatch(/bản sao/);
    expect(settingValue(env, 'Địa chỉ bảng tính')).toBe(originalUrl);
    env.endExecution();

    gas.refreshDashboard();
    const told = env.ui.alertTexts().find((t) => t.startsWith('Đây là bản sao'));
    expect(told).toContain(originalUrl);
    expect(told).toMatch(/nhắc việc qua thư đang TẮT/);
    expect(told).toMatch(/13 tệp riêng của đơn vị .* là của bảng tính gốc/);
    expect(settingValue(env, 'Địa chỉ bảng tính')).toBe(env.spreadsheet.getUrl());
    const left = Object.keys(env.properties.document.getProperties());
    expect(left.filter((k) => /^ptdv\.(trigger|sent|continue|unitFiles|lastRun)/.test(k))).toEqual(
      [],
    );
    // No unit file reported missing: the list is the copy's, empty until it makes its own.
    expect(env.spreadsheet.sheet('Tệp đơn vị').values()).toHaveLength(1);
    const problems = JSON.stringify(env.spreadsheet.sheet('Kiểm tra').values());
    expect(problems).not.toMatch(/Không mở được tệp riêng/);
    env.endExecution();

    // Told once: the next click is an ordinary one.
    const alerts = env.ui.alerts.length;
    gas.refreshDashboard();
    expect(env.ui.alerts.length).toBe(alerts);
    env.endExecution();

    // The status says reminders are off here, and whose they were is forgotten.
    gas.showReminderStatus();
    expect(env.ui.alertTexts().at(-1)).toContain('ĐANG TẮT');
    expect(env.ui.alertTexts().at(-1)).not.toContain('owner@example.com');
    env.endExecution();

    // The copy's own unit files, every one made and shared, not one failure.
    gas.setupUnitFiles();
    const done = env.ui.alertTexts().at(-1) ?? '';
    expect(done).toMatch(/^Đã tạo 13 tệp mới/);
    expect(done).not.toMatch(/Chưa làm được/);
    const ids = env.spreadsheet
      .sheet('Tệp đơn vị')
      .values()
      .slice(1)
      .map((r) => /\/d\/([^/#?]+)/.exec(String(r[2]))?.[1] ?? '');
    expect(ids).toHaveLength(13);
    for (const id of ids) expect(env.drive.file(id)?.owner).toBe(CLERK);
    env.endExecution();

    // The original's journal is never replayed into the copy's log.
    gas.installDailyTrigger();
    env.endExecution();
    const trigger = env.triggers.find((t) => t.handler === 'runDailyReminders');
    expect(trigger?.creator).toBe(CLERK);
    env.actAsTrigger(trigger!);
    gas.runDailyReminders();
    expect(JSON.stringify(logRows(env))).not.toContain('THPT-HH1|BD1-HS|2024-05-19|7');
  });
});

test('the original, with its properties, is never taken for a copy', () => {
  const { env, gas } = original();
  const alerts = env.ui.alerts.length;
  gas.refreshDashboard();
  expect(env.ui.alerts.length).toBe(alerts);
  expect(env.properties.document.getProperty('ptdv.trigger.owner')).toBe('owner@example.com');
  expect(env.spreadsheet.sheet('Tệp đơn vị').values()).toHaveLength(14);
});

test('a tracker from before the record, its address typed by hand, is never taken for a copy', () => {
  const { env, gas } = original();
  // As set up by an earlier version: no record of home, and another workbook's address typed
  // into Cấu hình (the commune's, say).
  for (const k of Object.keys(env.properties.document.getProperties()))
    if (k.startsWith('ptdv.home.')) env.properties.document.deleteProperty(k);
  const settings = env.spreadsheet.sheet('Cấu hình');
  const row = settings.values().findIndex((r) => r[0] === 'Địa chỉ bảng tính') + 1;
  const typed = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit';
  settings.load([[typed]], row, 2);
  // The daily trigger runs first, then a Board member clicks.
  const trigger = env.triggers.find((t) => t.handler === 'runDailyReminders');
  env.actAsTrigger(trigger!);
  gas.runDailyReminders();
  env.endExecution();
  env.actAs('owner@example.com');
  const alerts = env.ui.alerts.length;
  gas.refreshDashboard();
  expect(env.ui.alerts.length).toBe(alerts);
  expect(settingValue(env, 'Địa chỉ bảng tính')).toBe(typed);
  expect(env.spreadsheet.sheet('Tệp đơn vị').values()).toHaveLength(14);
  expect(env.properties.document.getProperty('ptdv.trigger.owner')).toBe('owner@example.com');
  expect(env.properties.document.getProperty('ptdv.home.script')).not.toBeNull();
});

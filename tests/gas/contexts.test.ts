// Google's contexts, on the built bundle: onOpen as a simple trigger (no service that needs
// authorization), the daily and continuation triggers without a UI, custom functions read-only.
import { dayFromYmd, instantOfDay, type Day } from '../../src/core/calendar/dates';
import { sheetWithAddresses, typeInBy } from './helpers';

const may12 = dayFromYmd(2024, 5, 12) as Day;

test('onOpen as a simple trigger builds the menu and tells of a failed run or a copy, with no service that needs authorization', () => {
  const { env, gas } = sheetWithAddresses();
  gas.installDailyTrigger();
  env.endExecution();
  const authorized = () =>
    env.calls.filter((c) => ['MailApp', 'ScriptApp', 'Drive', 'Sheets'].includes(c.service));
  env.resetCalls();
  env.inContext('simpleTrigger', () => gas.onOpen());
  expect(env.ui.menus.at(-1)?.title).toBe('Phát triển đảng viên');
  expect(authorized()).toEqual([]);
  // A run that failed is told on open.
  env.properties.document.setProperty(
    'ptdv.lastRun',
    JSON.stringify({ at: '12/05/2024 07:00', ok: false, message: 'Lỗi thử' }),
  );
  env.resetCalls();
  env.inContext('simpleTrigger', () => gas.onOpen());
  expect(env.ui.toasts.at(-1)?.message).toMatch(/Lỗi thử/);
  expect(authorized()).toEqual([]);
  // A copy is told on open too, still without ScriptApp.
  env.makeCopy({ properties: 'kept' });
  env.resetCalls();
  env.inContext('simpleTrigger', () => gas.onOpen());
  expect(env.ui.toasts.at(-1)?.message).toMatch(/bản sao/);
  expect(authorized()).toEqual([]);
});

test('the daily trigger runs without a UI and sends; custom functions compute read-only', () => {
  const { env, gas } = sheetWithAddresses();
  gas.installDailyTrigger();
  env.endExecution();
  env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
  typeInBy(env, may12);
  env.endExecution();
  const trigger = env.triggers.find((t) => t.handler === 'runDailyReminders');
  env.actAsTrigger(trigger!);
  env.inContext('timeTrigger', () => gas.runDailyReminders());
  expect(env.mail.sent.length).toBeGreaterThan(0);
  env.endExecution();
  const entries = env.spreadsheet.sheet('Danh sách').values();
  const milestones = env.spreadsheet.sheet('Mốc').values();
  const quotas = env.spreadsheet.sheet('Chỉ tiêu').values();
  const table = env.inContext(
    'customFunction',
    () => gas.PTDV_TONGHOP(quotas, milestones, entries, '') as unknown[][],
  );
  expect(table.length).toBeGreaterThan(10);
  expect(String(table[0]?.[0])).not.toMatch(/permission/);
});

test('the fake refuses what each context cannot do', () => {
  const { env } = sheetWithAddresses();
  const g = env.globals as Record<string, { [k: string]: (...a: unknown[]) => unknown }>;
  expect(() => env.inContext('simpleTrigger', () => g.MailApp!.getRemainingDailyQuota!())).toThrow(
    /You do not have permission to call MailApp/,
  );
  expect(() => env.inContext('simpleTrigger', () => g.ScriptApp!.getProjectTriggers!())).toThrow(
    /permission/,
  );
  const sheet = (
    g.SpreadsheetApp!.getActiveSpreadsheet!() as {
      getSheets(): { getRange(r: number, c: number): { setValue(v: unknown): void } }[];
    }
  ).getSheets()[0]!;
  expect(() => env.inContext('customFunction', () => sheet.getRange(1, 1).setValue('x'))).toThrow(
    /permission/,
  );
  expect(() => env.inContext('timeTrigger', () => g.SpreadsheetApp!.getUi!())).toThrow(
    /Cannot call SpreadsheetApp.getUi\(\) from this context/,
  );
});

// Triggers belong to the account that made them (getProjectTriggers shows only the current
// user's: https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
// at most 20 per user per script. On the built bundle.
import { dayFromYmd, instantOfDay, type Day } from '../../src/core/calendar/dates';
import { sheetWithAddresses, typeInBy } from './helpers';

const may12 = dayFromYmd(2024, 5, 12) as Day;
const A = 'owner@example.com';
const B = 'pho-ban@example.com';

type Sheet = ReturnType<typeof sheetWithAddresses>;

/** 07:00 on 12/05/2024, the day's entries typed in: a day with reminders to send. */
function morningOfMay12({ env }: Sheet): void {
  env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
  typeInBy(env, may12);
  env.endExecution();
}

/** The daily trigger fires as the account that made it. */
function fireAs({ env, gas }: Sheet, account: string): void {
  env.actAsTrigger(account);
  gas.runDailyReminders();
  env.endExecution();
}

test('a second Board member taking reminders over: one account sends, the other trigger removes itself', () => {
  const sheet = sheetWithAddresses();
  const { env, gas } = sheet;
  gas.installDailyTrigger();
  env.endExecution();
  // B sees who runs the reminders and at what hour, though A's trigger is invisible to B.
  env.actAs(B);
  gas.showReminderStatus();
  env.endExecution();
  expect(env.ui.alertTexts().at(-1)).toMatch(
    /ĐANG BẬT, lúc khoảng 7 giờ, chạy bằng tài khoản owner@example\.com/,
  );
  env.ui.answerAlerts('YES');
  gas.installDailyTrigger();
  env.endExecution();
  expect(env.ui.alertTexts().at(-2)).toMatch(/đang được bật bởi tài khoản owner@example\.com/);
  const daily = () => env.triggers.filter((t) => t.handler === 'runDailyReminders');
  expect(daily().map((t) => t.creator)).toEqual([A, B]);

  morningOfMay12(sheet);
  // A's trigger fires first: it sends nothing and goes.
  fireAs(sheet, A);
  expect(env.mail.sent).toHaveLength(0);
  expect(daily().map((t) => t.creator)).toEqual([B]);
  fireAs(sheet, B);
  expect(env.mail.sent.length).toBeGreaterThan(0);
});

test('reminders turned off stay off: an old trigger of another account sends nothing and goes', () => {
  const sheet = sheetWithAddresses();
  const { env, gas } = sheet;
  gas.installDailyTrigger();
  env.endExecution();
  env.actAs(B);
  env.ui.answerAlerts('YES');
  gas.installDailyTrigger();
  env.endExecution();
  gas.removeDailyTrigger();
  env.endExecution();
  morningOfMay12(sheet);
  fireAs(sheet, A);
  expect(env.mail.sent).toHaveLength(0);
  expect(env.triggers.filter((t) => t.handler === 'runDailyReminders')).toEqual([]);
  env.actAs(A);
  gas.showReminderStatus();
  expect(env.ui.alertTexts().at(-1)).toContain('ĐANG TẮT');
});

test('no action takes a user past 20 triggers: installing is refused in Vietnamese', () => {
  const { env, gas } = sheetWithAddresses();
  for (let i = 0; i < 20; i++)
    env.scriptApp.add(`other${i}`, 'CLOCK', 'CLOCK', 'x', { everyDays: 1 });
  gas.installDailyTrigger();
  env.endExecution();
  expect(env.ui.alertTexts().at(-1)).toMatch(/đã có 20 trình kích hoạt/);
  expect(env.triggers.filter((t) => t.creator === A)).toHaveLength(20);
  expect(env.triggers.some((t) => t.handler === 'runDailyReminders')).toBe(false);
});

test('the fake shows each user their own triggers only, and refuses a 21st', () => {
  const { env } = sheetWithAddresses();
  env.actAs(A);
  env.scriptApp.add('a', 'CLOCK', 'CLOCK', 'x', { everyDays: 1 });
  env.actAs(B);
  expect(env.scriptApp.getProjectTriggers()).toHaveLength(0);
  for (let i = 0; i < 20; i++) env.scriptApp.add(`b${i}`, 'CLOCK', 'CLOCK', 'x', { everyDays: 1 });
  expect(() => env.scriptApp.add('b20', 'CLOCK', 'CLOCK', 'x', { everyDays: 1 })).toThrow(
    /too many triggers/,
  );
  env.actAs(A);
  expect(env.scriptApp.getProjectTriggers().map((t) => t.handler)).toEqual(['a']);
});

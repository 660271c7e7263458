// Google's transient failures, on the built bundle: every service the product uses fails now and
// then, seeded; the product retries what it may, defers a mail it may not retry, and in the end
// sends each mail once and logs it once, in Vietnamese.
import { dayFromYmd, instantOfDay, type Day } from '../../src/core/calendar/dates';
import { createGasEnvironment, type GasEnvironment } from './fakes';
import { sheetWithAddresses, typeInBy } from './helpers';

const may12 = dayFromYmd(2024, 5, 12) as Day;
const english = /server error|timed out|Backend Error|Internal error|Please wait/i;

const logRows = (env: GasEnvironment) =>
  env.spreadsheet
    .sheet('Nhật ký thư')
    .values()
    .slice(1)
    .map((r) => ({ status: String(r[5]), detail: String(r[6]), key: String(r[7]) }));

/** The day's reminders with no fault at all: what a faulty day must end up sending. */
function cleanDay(): string[] {
  const { env, gas } = sheetWithAddresses();
  env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
  typeInBy(env, may12);
  env.endExecution();
  gas.runDailyReminders();
  return logRows(env)
    .filter((r) => r.status === 'đã gửi')
    .map((r) => r.key)
    .sort();
}

describe('5 % of every call to SpreadsheetApp, MailApp, PropertiesService, Drive and Sheets fails', () => {
  test.each([1, 2, 3])('seed %i: each mail is sent once and logged once, in Vietnamese', (seed) => {
    const expected = cleanDay();
    expect(expected.length).toBeGreaterThan(3);
    const { env, gas } = sheetWithAddresses();
    env.setNow(new Date(instantOfDay(may12).getTime() + 7 * 3_600_000));
    typeInBy(env, may12);
    env.endExecution();
    env.setFaults({ rate: 0.05, seed });
    // The first run gets through, its faults retried: every mail of the day is in its log, sent
    // or (a send that failed, which is never retried) deferred.
    gas.runDailyReminders();
    env.endExecution();
    const first = logRows(env);
    expect(first.map((r) => r.key).sort()).toEqual(expected);
    expect(first.every((r) => r.status === 'đã gửi' || r.status === 'hoãn')).toBe(true);
    // The next run (the trigger's, or "Gửi ngay") sends what was deferred, faults and all.
    for (let run = 0; run < 3; run++) {
      gas.runDailyReminders();
      env.endExecution();
    }
    env.setFaults({ rate: 0 });
    expect(env.faultsInjected.length).toBeGreaterThan(0);
    const sent = logRows(env)
      .filter((r) => r.status === 'đã gửi')
      .map((r) => r.key)
      .sort();
    expect(sent).toEqual(expected);
    // Once each, to Google as in the log.
    expect(env.mail.sent).toHaveLength(expected.length);
    expect(JSON.stringify(logRows(env))).not.toMatch(english);
  });
});

test('a failure that stays is told in Vietnamese in the menu, never in Google’s words', () => {
  const { env, gas } = sheetWithAddresses();
  env.endExecution();
  // The document's properties unreachable through every try.
  env.setFaults({ rate: 1, services: ['PropertiesService'] });
  expect(() => gas.refreshDashboard()).toThrow();
  const said = env.ui.alertTexts().at(-1) ?? '';
  expect(said).toMatch(/máy chủ của Google đang bận/);
  expect(said).not.toMatch(english);
});

test('the fake fails seeded calls with Google’s words, before they take effect', () => {
  const env = createGasEnvironment({ faults: { rate: 1, services: ['PropertiesService'] } });
  const props = env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  expect(() => props.getDocumentProperties()).toThrow(/server error occurred/);
  /** Forty calls with faults at 50 %, seed 7: which failed ('x') and which went through. */
  const sequence = () => {
    env.setFaults({ rate: 0.5, seed: 7, services: ['PropertiesService'] });
    return Array.from({ length: 40 }, () => {
      try {
        props.getDocumentProperties();
        return 'ok';
      } catch {
        return 'x';
      }
    }).join('');
  };
  const outcomes = sequence();
  const again = sequence();
  expect(again).toBe(outcomes);
  expect(outcomes).toMatch(/x/);
  expect(outcomes).toMatch(/ok/);
  // Failed before its effect: nothing written.
  env.setFaults({ rate: 1, services: ['PropertiesService'] });
  expect(env.properties.document.getProperties()).toEqual({});
});

// The reminder preview dialog in real headless Chromium, used as a person would: read the table,
// press "Gửi thử cho tôi", watch the status line. The HTML is what the built bundle (dist/Code.js)
// hands to ui.showModalDialog; google.script.run is a stub whose answers come from the same bundle.
import { dayFromYmd, instantOfDay, type Day } from '../../src/core/calendar/dates';
import { PREVIEW } from '../../src/core/messages/reminders';
import { PLAN_145 } from '../../src/core/plan/plan145';
import type { DialogRecord, GasEnvironment } from '../gas/fakes';
import { sheetWithAddresses, typeInBy, type Bundle } from '../gas/helpers';
import {
  launchBrowser,
  openHtml,
  saveScreenshot,
  stubScriptRun,
  type Browser,
  type OfflinePage,
  type ScriptRunStub,
} from './browser';

const MAY_12 = dayFromYmd(2024, 5, 12) as Day;

/**
 * The Plan 145 workbook with unit and Board addresses, the synthetic candidates as typed in by
 * 12/05/2024, and the clock at 09:00 that day (Vietnam time): five units are short a week before
 * the 19/5 admissions, so today's run would send them five reminders and the Board a digest.
 */
function sheetOnMay12(): { env: GasEnvironment; gas: Bundle } {
  const { env, gas } = sheetWithAddresses();
  typeInBy(env, MAY_12);
  env.setNow(new Date(instantOfDay(MAY_12).getTime() + 9 * 3_600_000));
  return { env, gas };
}

/** The cells of an HTML table as the browser renders them (innerText: tabs and newlines). */
const cells = (text: string): string[][] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((c) => c.trim()));

describe('the reminder preview dialog in Chromium', () => {
  let browser: Browser;
  let env: GasEnvironment;
  let gas: Bundle;
  let dialog: DialogRecord;
  let view: OfflinePage;
  let run: ScriptRunStub;

  beforeAll(async () => {
    ({ env, gas } = sheetOnMay12());
    gas.previewReminders();
    const shown = env.ui.dialogs.at(-1);
    if (!shown) throw new Error('previewReminders showed no dialog');
    dialog = shown;
    browser = await launchBrowser();
    view = await openHtml(browser, dialog.html, {
      viewport: { width: dialog.width ?? 900, height: dialog.height ?? 600 },
      before: async (page) => {
        run = await stubScriptRun(page);
      },
    });
  });

  afterAll(async () => {
    await view?.close();
    await browser?.close();
  });

  test('is the modal preview dialog, with a table of the mails due today', async () => {
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Xem trước thư nhắc việc' });
    const page = view.page;
    await expect(page.locator('h3').first().innerText()).resolves.toBe(
      PREVIEW.today('12/05/2024', 6),
    );
    const [header, ...rows] = cells(await page.locator('table').first().innerText());
    expect(header).toEqual(PREVIEW.todayColumns);
    // What the dialog promises is what today's run sends: the same recipients and subjects.
    const keys = await page
      .getByRole('button', { name: PREVIEW.sendTest })
      .evaluateAll((buttons) =>
        buttons.map((b) => (b as unknown as { dataset: { key: string } }).dataset.key),
      );
    const unitName = (key: string) =>
      PLAN_145.units.find((u) => u.code === key.split('|')[0])?.name ?? '—';
    expect(rows.map((r) => r[0])).toEqual(keys.map(unitName));
    expect(rows.map((r) => r[0])).toEqual([
      'Trường THPT Hiệp Hòa số 1',
      'Trường THPT Hiệp Hòa số 2',
      'Trường THPT Hiệp Hòa số 3',
      'Trường THPT Hiệp Hòa số 4',
      'Trường THPT Hiệp Hòa số 6',
      '—',
    ]);
    expect(rows.every((r) => r.at(-1) === PREVIEW.sendTest)).toBe(true);
    const { env: other, gas: otherGas } = sheetOnMay12();
    otherGas.runDailyReminders();
    expect(rows.map((r) => [r[2], r[3]])).toEqual(other.mail.sent.map((m) => [m.to, m.subject]));
    expect(rows[0]?.[3]).toBe('[Nhắc việc] Kết nạp nhân dịp 19/5/2024 — còn 7 ngày');
  });

  test('"Gửi thử cho tôi" calls sendTestReminder with the row\'s key and shows the answer', async () => {
    const page = view.page;
    const button = page.getByRole('button', { name: PREVIEW.sendTest }).first();
    const key = await button.getAttribute('data-key');
    expect(key).toBe('THPT-HH1|KN-19-5|2024-05-19|7');
    await button.click();
    expect(await run.calls()).toEqual([
      { name: 'sendTestReminder', args: [key], hasSuccessHandler: true, hasFailureHandler: true },
    ]);
    // While the server works: a sending note, and the button cannot be pressed twice.
    await expect(page.locator('#status').innerText()).resolves.toBe(PREVIEW.sending);
    await expect(button.isDisabled()).resolves.toBe(true);
    // The server's answer is what the bundle's sendTestReminder returns for that key.
    const answer = String(gas.sendTestReminder(key));
    expect(answer).toBe('Đã gửi thư thử tới owner@example.com.');
    expect(env.mail.sent.at(-1)?.subject).toMatch(/^\[Thư thử\] \[Nhắc việc\] Kết nạp/);
    await run.succeed(answer);
    await expect(page.locator('#status').innerText()).resolves.toBe(answer);
    await expect(button.isEnabled()).resolves.toBe(true);
    await saveScreenshot(page, 'preview-dialog');
  });

  test('a server error is shown in the status line, and the button can be pressed again', async () => {
    const page = view.page;
    const button = page.getByRole('button', { name: PREVIEW.sendTest }).nth(1);
    const key = await button.getAttribute('data-key');
    expect(key).toBe('THPT-HH2|KN-19-5|2024-05-19|7');
    await button.click();
    expect((await run.calls()).at(-1)).toMatchObject({ name: 'sendTestReminder', args: [key] });
    // The mail quota is spent: the bundle's sendTestReminder refuses, in Vietnamese.
    env.mail.quota = 0;
    let message = '';
    try {
      gas.sendTestReminder(key);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Hôm nay đã hết hạn mức gửi thư của tài khoản (MailApp): thư thử chưa được gửi. Thử lại vào ngày mai.',
    );
    await run.fail(message);
    await expect(page.locator('#status').innerText()).resolves.toBe(message);
    await expect(button.isEnabled()).resolves.toBe(true);
    expect(await run.pending()).toBe(0);
  });

  test('a call Google fails in English (a browser signed in to several accounts) is told in Vietnamese', async () => {
    const page = view.page;
    const button = page.getByRole('button', { name: PREVIEW.sendTest }).first();
    await button.click();
    await run.fail(
      "ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
    );
    await expect(page.locator('#status').innerText()).resolves.toBe(PREVIEW.callFailed);
    await expect(button.isEnabled()).resolves.toBe(true);
  });

  test('the page attempted no network request and raised no script error', () => {
    expect(view.blocked).toEqual([]);
    expect(view.errors).toEqual([]);
  });
});

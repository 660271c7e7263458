// Reminders inside Apps Script: the daily trigger, the menu items, the preview dialog and the
// test copy. A run takes the script lock, so a second run leaves instead of sending twice.
import { formatDateTimeVietnam } from '../core/calendar/dates';
import { MAIL_LOG } from '../core/messages/mail';
import { MAIL_STATUS_LABEL } from '../core/messages/labels';
import { GAS, MENU } from '../core/messages/sheets';
import { REMINDER_UI } from '../core/messages/reminders';
import { UNIT_FILES } from '../core/messages/setup';
import { interpretSettings } from '../core/plan/settings-input';
import { readSettings } from '../workbook/read';
import { previewHtml } from '../core/reminders/preview';
import { upcomingReminders } from '../core/reminders/reminders';
import { SHEET } from '../workbook/contract';
import { prepareReminders, runReminders, type RunSummary } from '../workbook/reminders';
import { mailAppMailer } from './mail-app-mailer';
import { propertiesJournal } from './sent-journal';
import { currentRole } from './roles';
import { unitFilesOf, unitFilesOwner } from './unit-files';
import { SheetsWorkbook } from './sheets-workbook';
import { recordHome } from './home';
import { missingPermission, SEND_MAIL } from './consent';
import { explainError } from './google-errors';
import { higherFileExists, sendToHigher } from './higher';
import { HIGHER } from '../core/messages/levels';
import { evaluateWorkbook } from '../workbook/usecases';

const HANDLER = 'runDailyReminders';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCK_WAIT_MS = 10_000;
const PREVIEW_DAYS = 14;
const PROP = {
  lastRun: 'ptdv.lastRun',
  owner: 'ptdv.trigger.owner',
  hour: 'ptdv.trigger.hour',
  /** Set when someone turns the reminders off: another account's old trigger must not go on. */
  off: 'ptdv.trigger.off',
} as const;

interface LastRun {
  at: string;
  ok: boolean;
  message: string;
  /** Set when a run starts: a run killed by Apps Script's time limit never reaches its `catch`. */
  startedAt?: number;
}

/**
 * Sending stops after this long, leaving a minute and a half of Apps Script's 6 for writing the
 * log; the rest waits for the next run.
 */
const SEND_BUDGET_MS = 4.5 * 60_000;

/** Apps Script stops a run after 6 minutes; one "started" longer ago than this never finished. */
const RUN_LIMIT_MS = 7 * 60_000;

const properties = () => PropertiesService.getDocumentProperties();

function remember(run: LastRun): void {
  properties().setProperty(PROP.lastRun, JSON.stringify(run));
}

export function lastRun(): LastRun | null {
  const text = properties().getProperty(PROP.lastRun);
  if (!text) return null;
  try {
    return JSON.parse(text) as LastRun;
  } catch {
    return null;
  }
}

/**
 * The trigger's run and the menu's "send now" both come here. A failure is never silent: it goes
 * to the log sheet and to a property that the next person opening the sheet sees as a toast.
 */
export function sendDueReminders(options: { trigger?: boolean } = {}): RunSummary | null {
  // Triggers belong to the account that made them, and another account's stays invisible to a
  // Board member who installs reminders again: the daily run is the recorded owner's alone. A
  // superseded trigger removes itself (it is its creator's, who is running it) and sends nothing.
  if (options.trigger && supersededTrigger()) return null;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const book = new SheetsWorkbook(spreadsheet);
  // A trigger runs as whoever made it: an account that cannot write the log must not send, or
  // every message would go out again on the next run.
  if (currentRole(book).kind !== 'board') {
    remember({ at: formatDateTimeVietnam(new Date()), ok: false, message: MAIL_LOG.notBoard });
    lock.releaseLock();
    return null;
  }
  // A trigger is never copied: a run here only records this spreadsheet as the script's home.
  recordHome(spreadsheet);
  // Sending mail unticked when authorizing: said once, in the log and to the next person opening
  // the sheet, and nothing sent or logged as sent.
  const missing = missingPermission(SEND_MAIL);
  if (missing !== null) {
    remember({ at: formatDateTimeVietnam(new Date()), ok: false, message: missing });
    logRunFailure(book, missing);
    lock.releaseLock();
    return null;
  }
  remember({ at: formatDateTimeVietnam(new Date()), ok: true, message: '', startedAt: Date.now() });
  const started = Date.now();
  try {
    const files = unitFilesOf(book, new Date());
    const summary = runReminders(book, mailAppMailer, () => new Date(), spreadsheet.getUrl(), {
      budgetMs: SEND_BUDGET_MS,
      journal: propertiesJournal(),
      ...(files ? { unitFiles: files } : {}),
    });
    const c = summary.counts;
    // The figures file for the committee above, if this committee sends one: updated daily.
    const sent = sendHigherDaily(book, files, started);
    remember({
      at: formatDateTimeVietnam(new Date()),
      ok: true,
      message: REMINDER_UI.summary(c.sent, c.deferred, c.failed, c.dry_run) + sent,
    });
    return summary;
  } catch (e) {
    const why = explainError(e);
    remember({ at: formatDateTimeVietnam(new Date()), ok: false, message: why });
    logRunFailure(book, MAIL_LOG.runFailed(why));
    throw e;
  } finally {
    lock.releaseLock();
  }
}

/** The daily update of the figures file sent up, when there is one; what to add to the run's note. */
function sendHigherDaily(
  book: SheetsWorkbook,
  files: ReturnType<typeof unitFilesOf>,
  started: number,
): string {
  if (!higherFileExists()) return '';
  // The reminders may have used the run's time: the file waits for tomorrow's run or a refresh.
  if (Date.now() - started > SEND_BUDGET_MS) return ` ${HIGHER.dailyLater}`;
  try {
    const now = new Date();
    const evaluation = evaluateWorkbook(book, now, undefined, undefined, files ?? undefined);
    const result = sendToHigher(evaluation, now, false);
    return result && !result.ok ? ` ${result.message}` : '';
  } catch (e) {
    return ` ${GAS.higherNotUpdated(explainError(e))}`;
  }
}

/** One row in `Nhật ký thư` for a run that could not send at all. */
function logRunFailure(book: SheetsWorkbook, detail: string): void {
  try {
    book.appendRows(SHEET.mailLog, [
      [
        formatDateTimeVietnam(new Date()),
        '',
        MAIL_LOG.runUnit,
        '',
        '',
        MAIL_STATUS_LABEL.failed,
        detail,
        '',
      ],
    ]);
  } catch {
    // The log sheet itself is the problem; the last-run property still reports the failure.
  }
}

export function sendNow(book: SheetsWorkbook): void {
  const ui = SpreadsheetApp.getUi();
  const missing = missingPermission(SEND_MAIL);
  if (missing !== null) {
    ui.alert(MENU.title, missing, ui.ButtonSet.OK);
    return;
  }
  const { spreadsheet } = book;
  const now = new Date();
  const due = prepareReminders(book, now, spreadsheet.getUrl(), unitFilesOf(book, now)).mails
    .length;
  if (ui.alert(MENU.title, REMINDER_UI.confirmSend(due), ui.ButtonSet.YES_NO) !== ui.Button.YES)
    return;
  const summary = sendDueReminders();
  const c = summary?.counts;
  ui.alert(
    MENU.title,
    c ? REMINDER_UI.summary(c.sent, c.deferred, c.failed, c.dry_run) : REMINDER_UI.busy,
    ui.ButtonSet.OK,
  );
}

export function preview(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const book = new SheetsWorkbook(spreadsheet);
  const now = new Date();
  const run = prepareReminders(book, now, spreadsheet.getUrl(), unitFilesOf(book, now));
  const html = previewHtml({
    today: run.plan.today,
    reminders: run.plan.reminders,
    mails: run.mails,
    upcoming: upcomingReminders(run.plan.today, PREVIEW_DAYS, run.evaluation.fulfillment),
    horizon: PREVIEW_DAYS,
    dryRun: run.context.settings.dryRun,
  });
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(900).setHeight(560),
    REMINDER_UI.previewTitle,
  );
}

/** Sends one of today's planned messages to the person asking, marked as a test; not logged. */
export function sendTest(key: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const book = new SheetsWorkbook(spreadsheet);
  const now = new Date();
  const run = prepareReminders(book, now, spreadsheet.getUrl(), unitFilesOf(book, now));
  const mail = run.mails.find((m) => m.key === key);
  if (!mail) return REMINDER_UI.testMissing;
  const me = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  // The dialog shows this error as it is: it must be Vietnamese, not Apps Script's English.
  const missing = missingPermission(SEND_MAIL);
  if (missing !== null) throw new Error(missing);
  if (mailAppMailer.remainingQuota() < 1) throw new Error(REMINDER_UI.testNoQuota);
  try {
    mailAppMailer.send({ ...mail, to: [me], subject: REMINDER_UI.testPrefix + mail.subject });
  } catch (e) {
    throw new Error(REMINDER_UI.testFailed(explainError(e)));
  }
  return REMINDER_UI.testSent(me);
}

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === HANDLER);
}

/** Google's limit: 20 triggers per user per script (guides/triggers/installable#restrictions). */
const MAX_TRIGGERS = 20;

/** Whether this daily trigger's account is no longer the one reminders run as; if so, it goes. */
function supersededTrigger(): boolean {
  const props = properties();
  const owner = props.getProperty(PROP.owner);
  const me = Session.getEffectiveUser().getEmail();
  const off = props.getProperty(PROP.off) !== null;
  if (!off && (!owner || !me || owner.toLowerCase() === me.toLowerCase())) return false;
  for (const t of ourTriggers()) ScriptApp.deleteTrigger(t);
  return true;
}

export function installTrigger(book: SheetsWorkbook): void {
  const { sendHour } = interpretSettings(readSettings(book)).settings;
  const ui = SpreadsheetApp.getUi();
  // Triggers belong to the user who made them: another user's stays invisible here.
  const owner = properties().getProperty(PROP.owner);
  const me = Session.getEffectiveUser().getEmail();
  // Addresses compare without case: Google may spell the same account differently.
  if (owner && owner.toLowerCase() !== me.toLowerCase() && ourTriggers().length === 0) {
    if (ui.alert(MENU.title, REMINDER_UI.takeOver(owner), ui.ButtonSet.YES_NO) !== ui.Button.YES)
      return;
  }
  for (const t of ourTriggers()) ScriptApp.deleteTrigger(t);
  if (ScriptApp.getProjectTriggers().length >= MAX_TRIGGERS) {
    ui.alert(MENU.title, REMINDER_UI.tooManyTriggers(MAX_TRIGGERS), ui.ButtonSet.OK);
    return;
  }
  ScriptApp.newTrigger(HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(sendHour)
    .inTimezone(TIME_ZONE)
    .create();
  properties().setProperties({ [PROP.owner]: me, [PROP.hour]: String(sendHour) });
  properties().deleteProperty(PROP.off);
  // Under drive.file the trigger's account reads the unit files only if it made them.
  const files = unitFilesOwner();
  const notOwner = files !== null && me !== '' && files !== me.toLowerCase();
  const missing = missingPermission(SEND_MAIL);
  ui.alert(
    MENU.title,
    REMINDER_UI.installed(sendHour, me) +
      (notOwner ? UNIT_FILES.triggerNotOwner(files) : '') +
      (missing !== null ? `\n\n${missing}` : ''),
    ui.ButtonSet.OK,
  );
}

export function removeTrigger(): void {
  const mine = ourTriggers();
  for (const t of mine) ScriptApp.deleteTrigger(t);
  if (mine.length || properties().getProperty(PROP.owner) !== null) {
    properties().deleteProperty(PROP.owner);
    properties().deleteProperty(PROP.hour);
    properties().setProperty(PROP.off, 'true');
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, REMINDER_UI.removed(mine.length), ui.ButtonSet.OK);
}

export function status(): void {
  const props = properties();
  const owner = props.getProperty(PROP.owner);
  const hour = props.getProperty(PROP.hour) ?? '?';
  const lines: string[] = [];
  if (ourTriggers().length)
    lines.push(REMINDER_UI.statusOn(hour, Session.getEffectiveUser().getEmail()));
  else if (owner) lines.push(REMINDER_UI.statusOtherOwner(owner, hour));
  else lines.push(REMINDER_UI.statusOff);
  const last = lastRun();
  if (!last) lines.push(REMINDER_UI.neverRun);
  else if (last.startedAt !== undefined) lines.push(REMINDER_UI.running(last.at));
  else lines.push(REMINDER_UI.lastRun(last.at, last.ok, last.message));
  const missing = missingPermission(SEND_MAIL);
  lines.push(missing ?? REMINDER_UI.quota(MailApp.getRemainingDailyQuota()));
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, lines.join('\n\n'), ui.ButtonSet.OK);
}

/** On open: a toast when the last reminder run failed, so a failure is never silent. */
export function warnIfLastRunFailed(): void {
  const last = lastRun();
  if (last?.startedAt !== undefined && Date.now() - last.startedAt > RUN_LIMIT_MS) {
    SpreadsheetApp.getActiveSpreadsheet().toast(
      REMINDER_UI.lastCutOffToast(last.at),
      MENU.title,
      15,
    );
  } else if (last && !last.ok) {
    SpreadsheetApp.getActiveSpreadsheet().toast(
      REMINDER_UI.lastFailedToast(last.at, last.message),
      MENU.title,
      15,
    );
  }
}

// What the menu items do. Each builds the SheetsWorkbook adapter, runs one use case under the
// document lock and tells the user the outcome in Vietnamese. Everything is computed before the
// first write, so a failure leaves no half-written sheet.
import { unitsBehind } from '../core/counting/fulfillment';
import { GAS, HELP_HTML, MENU, NEW_YEAR } from '../core/messages/sheets';
import { REMINDER_MENU } from '../core/messages/reminders';
import { REPORT_UI } from '../core/messages/report';
import { ROOMS, UNIT_FILES } from '../core/messages/setup';
import { BLANK_PLAN } from '../core/plan/settings-input';
import { currentPlanYear, NewYearError, moveToNewYear } from '../workbook/new-year';
import { PLAN_145 } from '../core/plan/plan145';
import { ContractError } from '../workbook/errors';
import { CANDIDATE_COLUMNS, PIPELINE_FIELDS, SHEET } from '../workbook/contract';
import { readSettings, unitOfSheet } from '../workbook/read';
import { seedSheets } from '../workbook/seed';
import { interpretSettings } from '../core/plan/settings-input';
import { checkWorkbook, refreshWorkbook } from '../workbook/usecases';
import { markProblems } from './marks';
import { officerCheck } from './officer-check';
import { currentRole } from './roles';
import { setUpRooms } from './rooms';
import { setUpUnitFiles, unitFilesOf } from './unit-files';
import { adoptIfCopy, fillSpreadsheetUrl, isHome } from './home';
import { SheetsWorkbook } from './sheets-workbook';
import { explainError } from './google-errors';
import { DRIVE_FILE, SEND_MAIL, missingPermission } from './consent';
import { sendToHigher } from './higher';
import { receiveFromLower } from './lower';
import { HIGHER, LOWER } from '../core/messages/levels';
import type { Evaluation } from '../core/evaluate';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCK_WAIT_MS = 30_000;

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  ui.createMenu(MENU.title)
    .addItem(MENU.setup, 'setupWorkbook')
    .addItem(MENU.refresh, 'refreshDashboard')
    .addItem(MENU.check, 'checkEntries')
    .addItem(ROOMS.menu, 'setupUnitRooms')
    .addItem(UNIT_FILES.menu, 'setupUnitFiles')
    .addItem(REPORT_UI.menu, 'exportStandingReport')
    .addItem(NEW_YEAR.menu, 'startNewYear')
    .addSeparator()
    .addItem(HIGHER.menu, 'sendFiguresToHigher')
    .addItem(LOWER.menu, 'receiveLowerFigures')
    .addSeparator()
    .addSubMenu(
      ui
        .createMenu(REMINDER_MENU.title)
        .addItem(REMINDER_MENU.preview, 'previewReminders')
        .addItem(REMINDER_MENU.sendNow, 'sendRemindersNow')
        .addSeparator()
        .addItem(REMINDER_MENU.install, 'installDailyTrigger')
        .addItem(REMINDER_MENU.remove, 'removeDailyTrigger')
        .addItem(REMINDER_MENU.status, 'showReminderStatus'),
    )
    .addSeparator()
    .addItem(MENU.help, 'showHelp')
    .addToUi();
}

class BusyError extends Error {}

/**
 * A copy of the tracker is taken over on the first menu action in it, before the action runs,
 * and the user told so. A unit officer's click cannot write the Board's sheets: left to the Board.
 */
function adoptCopy(): void {
  if (isHome()) return;
  const book = new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  if (currentRole(book).kind !== 'board') return;
  const message = adoptIfCopy(book);
  if (message === null) return;
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, message, ui.ButtonSet.OK);
}

/**
 * Runs a menu action under the document lock, so two people clicking at once never interleave
 * their writes; a problem the user can fix becomes one alert instead of a stack trace.
 */
export function runAction(action: () => void): void {
  const lock = LockService.getDocumentLock();
  try {
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError(GAS.busy);
    adoptCopy();
    action();
  } catch (e) {
    const known = e instanceof ContractError || e instanceof BusyError;
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      MENU.title,
      known ? (e as Error).message : GAS.failed(explainError(e)),
      ui.ButtonSet.OK,
    );
    if (!known) throw e;
  } finally {
    lock.releaseLock();
  }
}

/**
 * A Board-only item: a unit officer who clicks it is told so before anything is read or written
 * (Sheets would refuse the writes to the Board's protected sheets, in English, halfway through).
 */
export function boardOnly(item: string, action: (book: SheetsWorkbook) => void): () => void {
  return () => {
    // The same adapter serves the action: its sheet index is built once per run.
    const book = new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet());
    if (currentRole(book).kind !== 'board') {
      const ui = SpreadsheetApp.getUi();
      ui.alert(MENU.title, GAS.boardOnly(item), ui.ButtonSet.OK);
      return;
    }
    action(book);
  };
}

/** Creates the missing sheets; seeds Plan 145 only into an empty workbook. Never overwrites. */
export function setup(book: SheetsWorkbook): void {
  const { spreadsheet } = book;
  // In counts-only mode no sheet for names is created (and none is ever read here).
  const countsOnly =
    book.sheet(SHEET.settings) !== null &&
    interpretSettings(readSettings(book)).settings.dataMode === 'counts';
  const names = seedSheets(PLAN_145).map((s) => s.name);
  const empty = new Map(names.map((n) => [n, (book.sheet(n)?.getLastRow() ?? 0) === 0]));
  const seedPlan = empty.get(SHEET.quotas) === true && empty.get(SHEET.milestones) === true;
  // An empty spreadsheet: Plan 145 as a worked example, or a blank plan of one's own.
  let blank = false;
  if (seedPlan) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(MENU.title, GAS.askExample, ui.ButtonSet.YES_NO_CANCEL);
    if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
    blank = answer === ui.Button.NO;
  }
  const seeds = seedSheets(blank ? BLANK_PLAN : PLAN_145, blank).filter(
    (s) => !(countsOnly && s.name === SHEET.candidates),
  );
  const messages: string[] = [];
  if (spreadsheet.getSpreadsheetTimeZone() !== TIME_ZONE) {
    // Date cells are read as calendar days in Vietnam time: the sheet must agree.
    spreadsheet.setSpreadsheetTimeZone(TIME_ZONE);
    messages.push(GAS.timeZoneSet);
  }
  const created: string[] = [];
  for (const seed of seeds) {
    if (!empty.get(seed.name)) continue;
    // New tabs go after the existing ones, so nothing the users arranged moves.
    if (book.ensureSheet(seed.name).created) created.push(seed.name);
    // The days off are the country's, not the plan's: an older workbook gets them too.
    const full = seedPlan || seed.name === SHEET.holidays;
    book.writeSheet(seed.name, full ? seed.rows : seed.rows.slice(0, 1), seed.layout);
  }
  // Lists typed before the pipeline's columns existed get them, at the end.
  if (!countsOnly) {
    const pipeline = CANDIDATE_COLUMNS.filter((c) => PIPELINE_FIELDS.includes(c.field as never));
    const lists = book
      .sheetNames()
      .filter((n) => n === SHEET.candidates || unitOfSheet(n) !== null);
    for (const name of lists) {
      const added = book.addDateColumns(
        name,
        pipeline.map((c) => c.header),
        CANDIDATE_COLUMNS,
      );
      if (added.length > 0) messages.push(GAS.columnsAdded(name, added));
    }
  }
  fillSpreadsheetUrl(book);
  if (seedPlan) refreshWorkbook(book, new Date());
  messages.unshift(GAS.setupDone(created));
  spreadsheet.toast(messages.join(' '), GAS.toastTitle);
}

/** Recomputes the Board's sheets, and the figures file for the committee above if there is one. */
export function refresh(book: SheetsWorkbook): void {
  const { spreadsheet } = book;
  spreadsheet.toast(GAS.working, GAS.toastTitle);
  const now = new Date();
  const evaluation = refreshed(book, now);
  let sent = '';
  try {
    const result = sendToHigher(evaluation, now, false);
    if (result) sent = ` ${result.ok ? GAS.higherUpdated : result.message}`;
  } catch (e) {
    // The Board's own sheets are done; the file above is updated on the next refresh or run.
    sent = ` ${GAS.higherNotUpdated(explainError(e))}`;
  }
  spreadsheet.toast(GAS.refreshDone(unitsBehind(evaluation.fulfillment)) + sent, GAS.toastTitle);
}

/** The refresh every action shares: the units' files read, the lower committees' last figures kept. */
function refreshed(book: SheetsWorkbook, now: Date): Evaluation {
  const evaluation = refreshWorkbook(book, now, undefined, unitFilesOf(book, now));
  book.lastGood.save();
  return evaluation;
}

/** `Gửi số liệu lên cấp trên`: the refresh, then the figures file made, shared and updated. */
export function higher(book: SheetsWorkbook): void {
  const ui = SpreadsheetApp.getUi();
  const message = missingPermission(DRIVE_FILE) ?? missingPermission(SEND_MAIL);
  if (message !== null) {
    ui.alert(MENU.title, message, ui.ButtonSet.OK);
    return;
  }
  const now = new Date();
  const evaluation = refreshed(book, now);
  ui.alert(
    MENU.title,
    sendToHigher(evaluation, now, true)?.message ?? HIGHER.noCode,
    ui.ButtonSet.OK,
  );
}

/** `Nhận số liệu cấp dưới`: one import per lower committee, then the refresh. */
export function lower(book: SheetsWorkbook): void {
  const message = receiveFromLower(book);
  refreshed(book, new Date());
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, message, ui.ButtonSet.OK);
}

export function check(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const book = new SheetsWorkbook(spreadsheet);
  const role = currentRole(book);
  if (role.kind === 'officer') {
    officerCheck(book, role.sheets);
    return;
  }
  const now = new Date();
  const { evaluation, positions } = checkWorkbook(book, now, undefined, unitFilesOf(book, now));
  markProblems(book, evaluation.problems, positions);
  const errors = evaluation.problems.filter((p) => p.severity === 'error').length;
  spreadsheet.toast(GAS.checkDone(errors, evaluation.problems.length - errors), GAS.toastTitle);
}

/** `Sang năm mới`: asks the year (the plan's next by default), then moves the workbook to it. */
export function newYear(book: SheetsWorkbook): void {
  const ui = SpreadsheetApp.getUi();
  const suggested = (currentPlanYear(book) ?? new Date().getFullYear()) + 1;
  const answer = ui.prompt(MENU.title, NEW_YEAR.ask(suggested), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  if (text !== '' && !/^\d{4}$/.test(text)) {
    ui.alert(MENU.title, NEW_YEAR.badYear(text), ui.ButtonSet.OK);
    return;
  }
  const year = text === '' ? suggested : Number(text);
  let summary;
  try {
    summary = moveToNewYear(book, year);
  } catch (e) {
    if (!(e instanceof NewYearError)) throw e;
    ui.alert(MENU.title, e.message, ui.ButtonSet.OK);
    return;
  }
  // The dashboard shows the new year's milestones only from now on.
  const now = new Date();
  refreshWorkbook(book, now, undefined, unitFilesOf(book, now));
  ui.alert(
    MENU.title,
    NEW_YEAR.done(summary.from, summary.to, summary.milestones),
    ui.ButtonSet.OK,
  );
}

/** `Tạo tệp riêng cho đơn vị`: one spreadsheet per unit, seen by its officers and the Board. */
export function unitFiles(book: SheetsWorkbook): void {
  const message = missingPermission(DRIVE_FILE) ?? setUpUnitFiles(book);
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, message, ui.ButtonSet.OK);
}

export function rooms(book: SheetsWorkbook): void {
  const { spreadsheet } = book;
  const message = setUpRooms(book, spreadsheet);
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU.title, message, ui.ButtonSet.OK);
}

export function help(): void {
  const html = HtmlService.createHtmlOutput(HELP_HTML).setWidth(560).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(html, MENU.help);
}

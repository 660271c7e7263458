// The bundle's entry: every function exported here becomes a top-level function declaration in
// dist/Code.js (scripts/build.mjs strips the ESM export list), so Apps Script can call it from a
// menu, a trigger, a dialog or a cell. Each is a thin shell over one action.
import {
  boardOnly,
  buildMenu,
  check,
  help,
  higher,
  lower,
  newYear,
  refresh,
  rooms,
  runAction,
  setup,
  unitFiles,
} from './actions';
import { runContinuation } from './continuation';
import { currentRole } from './roles';
import { roomsUnfinished, setUpRooms } from './rooms';
import { setUpUnitFiles, unitFilesUnfinished } from './unit-files';
import { SheetsWorkbook } from './sheets-workbook';
import { GAS, MENU, NEW_YEAR } from '../core/messages/sheets';
import { REMINDER_MENU } from '../core/messages/reminders';
import { REPORT_UI } from '../core/messages/report';
import { COPY, ROOMS, UNIT_FILES } from '../core/messages/setup';
import { HIGHER, LOWER } from '../core/messages/levels';
import { looksLikeCopy } from './home';
import { askReportDay, exportReport } from './report-actions';
import {
  installTrigger,
  preview,
  removeTrigger,
  sendDueReminders,
  sendNow,
  sendTest,
  status,
  warnIfLastRunFailed,
} from './reminder-actions';

/**
 * Adds the menu when the spreadsheet opens, and says if the last reminder run failed or if this
 * is a copy not yet taken over. A simple trigger: it reads and shows, never writes
 * (https://developers.google.com/apps-script/guides/triggers#restrictions).
 */
export function onOpen(): void {
  buildMenu();
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (looksLikeCopy(new SheetsWorkbook(spreadsheet)))
      spreadsheet.toast(COPY.openedToast, MENU.title, 15);
    else warnIfLastRunFailed();
  } catch {
    // A simple trigger may lack access to properties; the menu matters more than the toast.
  }
}

/** Adds the menu right after the add-on is installed. */
export function onInstall(): void {
  buildMenu();
}

/** Menu: create the missing sheets of the contract (seeded with Plan 145 when empty). */
export function setupWorkbook(): void {
  runAction(boardOnly(MENU.setup, setup));
}

/** Menu: recompute and rewrite `Tổng hợp` and `Kiểm tra`. */
export function refreshDashboard(): void {
  runAction(boardOnly(MENU.refresh, refresh));
}

/**
 * Menu: list the problems in the entries in `Kiểm tra` (the Board), or, for a unit officer, mark
 * their own sheet and show their problems in a dialog.
 */
export function checkEntries(): void {
  runAction(check);
}

/**
 * Menu: one spreadsheet per unit, shared with that unit's officers only (Drive and Sheets
 * advanced services, `drive.file`), recorded in `Tệp đơn vị`.
 */
export function setupUnitFiles(): void {
  runAction(boardOnly(UNIT_FILES.menu, unitFiles));
}

/**
 * Trigger (one-off, a minute after a setup run stopped at its time limit): continues
 * `Phân quyền đơn vị` / `Tạo tệp riêng cho đơn vị` as the Board member who started it.
 */
export function continueSetup(): void {
  runContinuation((job) => {
    const book = new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet());
    if (job === 'rooms') {
      const message = setUpRooms(book, book.spreadsheet);
      return { done: !roomsUnfinished(), message };
    }
    const message = setUpUnitFiles(book);
    return { done: !unitFilesUnfinished(), message };
  });
}

/** Menu: protect the Board's sheets and give each unit its own `DS - <Mã>` sheet. */
export function setupUnitRooms(): void {
  runAction(boardOnly(ROOMS.menu, rooms));
}

/**
 * Menu: the standing office's report as of a day the user picks: a new sheet laid out for A4 and
 * a PDF in Drive, with links in a dialog. The day is asked before taking the lock.
 */
export function exportStandingReport(): void {
  if (currentRole(new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet())).kind !== 'board') {
    const ui = SpreadsheetApp.getUi();
    ui.alert(MENU.title, GAS.boardOnly(REPORT_UI.menu), ui.ButtonSet.OK);
    return;
  }
  const choice = askReportDay();
  if (choice !== null) runAction(() => exportReport(choice));
}

/**
 * Menu: move the workbook to a new year: archive the current milestones, add the next year's
 * with their quota columns, clear the plan's number and date.
 */
export function startNewYear(): void {
  runAction(boardOnly(NEW_YEAR.menu, newYear));
}

/**
 * Menu: the committee's own totals for the committee above it (`Cấp trên` in `Cấu hình`), in a
 * small spreadsheet shared read-only with that committee's Board; updated on every refresh and
 * every daily run from then on.
 */
export function sendFiguresToHigher(): void {
  runAction(boardOnly(HIGHER.menu, higher));
}

/** Menu: a higher committee's import of each lower committee's figures file (`Cấp dưới`). */
export function receiveLowerFigures(): void {
  runAction(boardOnly(LOWER.menu, lower));
}

/** Menu: a short help dialog. */
export function showHelp(): void {
  help();
}

/** Menu: what today's reminder run would send, and what falls due in the next 14 days. */
export function previewReminders(): void {
  runAction(preview);
}

/** Menu: send today's due reminders now, after a confirmation. */
export function sendRemindersNow(): void {
  runAction(boardOnly(REMINDER_MENU.sendNow, sendNow));
}

/** Menu: one daily trigger at the hour set in `Cấu hình`, replacing any earlier one. */
export function installDailyTrigger(): void {
  runAction(boardOnly(REMINDER_MENU.install, installTrigger));
}

/** Menu: remove the daily trigger. */
export function removeDailyTrigger(): void {
  runAction(boardOnly(REMINDER_MENU.remove, removeTrigger));
}

/** Menu: is the daily trigger on, whose account runs it, how did the last run go. */
export function showReminderStatus(): void {
  runAction(status);
}

/** The daily time-driven trigger's handler. */
export function runDailyReminders(): void {
  sendDueReminders({ trigger: true });
}

/** Called from the preview dialog: a test copy of one planned message to the current user. */
export function sendTestReminder(key: string): string {
  return sendTest(key);
}

export { PTDV_CHITIEU, PTDV_THUCHIEN, PTDV_TONGHOP, PTDV_TYLE } from './custom-functions';

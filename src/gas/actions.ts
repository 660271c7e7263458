// What the menu items do. Each reads through the SheetsWorkbook adapter, calls one use case and
// tells the user the outcome in Vietnamese; nothing is written before everything is computed.
import { GAS, MENU } from '../core/messages';
import { PLAN_145 } from '../core/plan145';
import { ContractError } from '../workbook/errors';
import { seedSheets } from '../workbook/seed';
import { SHEET } from '../workbook/contract';
import { refreshWorkbook } from '../workbook/usecases';
import { SheetsWorkbook } from './sheets-workbook';

export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU.title)
    .addItem(MENU.setup, 'setupWorkbook')
    .addItem(MENU.refresh, 'refreshDashboard')
    .addToUi();
}

/** Runs a menu action; a problem the user can fix becomes one alert instead of a stack trace. */
export function runAction(action: () => void): void {
  try {
    action();
  } catch (e) {
    const message = e instanceof ContractError ? e.message : GAS.failed((e as Error).message);
    SpreadsheetApp.getUi().alert(MENU.title, message, SpreadsheetApp.getUi().ButtonSet.OK);
    if (!(e instanceof ContractError)) throw e;
  }
}

function isEmpty(book: SheetsWorkbook, name: string): boolean {
  const values = book.readSheet(name);
  return values === null || values.every((row) => row.every((v) => v === '' || v === null));
}

/** Creates the missing sheets; seeds Plan 145 only into an empty workbook. Never overwrites. */
export function setup(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const book = new SheetsWorkbook(spreadsheet);
  const seedPlan = isEmpty(book, SHEET.quotas) && isEmpty(book, SHEET.milestones);
  const created: string[] = [];
  seedSheets(PLAN_145).forEach((seed, position) => {
    const existing = book.sheet(seed.name);
    const empty = existing === null || isEmpty(book, seed.name);
    if (!empty) return;
    const rows = seedPlan ? seed.rows : seed.rows.slice(0, 1);
    if (existing === null) {
      book.ensureSheet(seed.name, position);
      created.push(seed.name);
    }
    book.writeSheet(seed.name, rows, seed.layout);
  });
  if (seedPlan) refreshWorkbook(book, new Date());
  spreadsheet.toast(GAS.setupDone(created), GAS.toastTitle);
}

export function refresh(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast(GAS.working, GAS.toastTitle);
  const evaluation = refreshWorkbook(new SheetsWorkbook(spreadsheet), new Date());
  const behind = evaluation.fulfillment.units.filter((u) =>
    Object.values(u.results).some((r) => r.status === 'not_met'),
  ).length;
  spreadsheet.toast(GAS.refreshDone(behind), GAS.toastTitle);
}

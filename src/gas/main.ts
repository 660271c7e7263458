// The bundle's entry: every function exported here becomes a top-level function declaration in
// dist/Code.js (scripts/build.mjs strips the ESM export list), so Apps Script can call it from a
// menu, a trigger or a cell. Each is a thin shell over one action.
import { buildMenu, check, help, refresh, runAction, setup } from './actions';

/** Adds the menu when the spreadsheet opens. */
export function onOpen(): void {
  buildMenu();
}

/** Adds the menu right after the add-on is installed. */
export function onInstall(): void {
  buildMenu();
}

/** Menu: create the missing sheets of the contract (seeded with Plan 145 when empty). */
export function setupWorkbook(): void {
  runAction(setup);
}

/** Menu: recompute and rewrite `Tổng hợp` and `Kiểm tra`. */
export function refreshDashboard(): void {
  runAction(refresh);
}

/** Menu: list the problems in the entries in `Kiểm tra`. */
export function checkEntries(): void {
  runAction(check);
}

/** Menu: a short help dialog. */
export function showHelp(): void {
  help();
}

export { PTDV_CHITIEU, PTDV_THUCHIEN, PTDV_TONGHOP, PTDV_TYLE } from './custom-functions';

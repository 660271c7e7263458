// Who is clicking: the Board (the owner and `Email Ban Tổ chức`) or a unit officer. Menu items
// run as the person who clicks, and Sheets refuses a write to a protected range by someone who
// is not its editor; so the role is decided first by what the protections let this user do
// (Protection.canEdit(): https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()),
// since the user's address is not always visible (Session.getActiveUser() is often empty outside
// one's own domain: https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
import { SHEET } from '../workbook/contract';
import { matchKey } from '../core/text/normalize';
import { interpretUnits } from '../core/plan/units-input';
import { readUnits, unitOfCountSheet, unitOfSheet } from '../workbook/read';
import type { SheetsWorkbook } from './sheets-workbook';

export type Role =
  /** May change the Board's sheets: everyone, until `Phân quyền đơn vị` protects them. */
  | { kind: 'board' }
  /** May change only their unit's own sheets (`DS - <Mã>` / `SL - <Mã>`). */
  | { kind: 'officer'; sheets: string[] };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function editable(sheet: Sheet): boolean {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  return !protection || protection.isWarningOnly() || protection.canEdit();
}

/** The current user's role; a unit officer's own sheets are found by their protections. */
export function currentRole(book: SheetsWorkbook): Role {
  // `Cấu hình` is the first sheet `Phân quyền đơn vị` protects for the Board alone.
  const settings = book.sheet(SHEET.settings);
  if (settings === null || editable(settings)) return { kind: 'board' };
  const rooms = book
    .sheetNames()
    .filter((name) => unitOfSheet(name) !== null || unitOfCountSheet(name) !== null);
  const mine = (names: readonly string[]) =>
    names.filter((name) => {
      const sheet = book.sheet(name);
      return sheet !== null && editable(sheet);
    });
  // With the address visible, only that officer's units are looked at (a province has hundreds).
  const email = Session.getActiveUser().getEmail().toLowerCase();
  if (email !== '') {
    const codes = new Set(
      interpretUnits(readUnits(book, []), [])
        .units.filter((u) => u.emails.some((e) => e.toLowerCase() === email))
        .map((u) => matchKey(u.code)),
    );
    const named = rooms.filter((n) =>
      codes.has(matchKey(unitOfSheet(n) ?? unitOfCountSheet(n) ?? '')),
    );
    const found = mine(named);
    if (found.length > 0) return { kind: 'officer', sheets: found };
  }
  return { kind: 'officer', sheets: mine(rooms) };
}

// Which spreadsheet this script serves. A clerk gets the tracker by File › Make a copy of a
// template, or of last year's tracker: the copy is another spreadsheet, and its script a new
// project with a Cloud project of its own
// (https://developers.google.com/apps-script/guides/cloud-platform-projects). Installable
// triggers stay with the original, drive.file grants belong to the original's project (its unit
// files are invisible here), and the document properties may or may not come along: when they
// do, they speak of the original (who installed its reminders, its continuation, its journal of
// sent mail, the owner of its unit files). So the product records the spreadsheet it runs in;
// finding itself in another one, it takes the copy over: its own address in `Cấu hình`, the
// original's run state forgotten, the original's unit files let go, on the first menu action by
// the Board (a trigger run only records: triggers are never copied). With no record (properties
// not copied), the address in `Cấu hình` tells (setup fills it with the spreadsheet's own), but
// only in a project with nothing of its own yet.
import { COPY } from '../core/messages/setup';
import { matchKey } from '../core/text/normalize';
import { cellText } from '../core/text/cells';
import { SETTINGS_COLUMNS, SETTING_KEYS, SHEET } from '../workbook/contract';
import { locateHeader } from '../workbook/header';
import type { SheetsWorkbook } from './sheets-workbook';
import { forgetUnitFiles } from './unit-files';
import { spreadsheetIdOf } from '../core/text/spreadsheet-url';

/** The script project and the spreadsheet it was last found serving. */
const HOME = { script: 'ptdv.home.script', spreadsheet: 'ptdv.home.spreadsheet' } as const;

/**
 * The document properties that belong to the runs of one spreadsheet: reminders' trigger owner
 * and hour and last run (reminder-actions.ts), pending continuations (continuation.ts), the
 * journal of sent mail (sent-journal.ts), the unit files' owner and progress (unit-files.ts), the
 * rooms' progress (rooms.ts). Layout fingerprints and marks describe the sheets, which the copy
 * has as they were: kept.
 */
const RUN_STATE = [
  'ptdv.trigger.',
  'ptdv.lastRun',
  'ptdv.continue.',
  'ptdv.sent.',
  'ptdv.unitFiles.',
  'ptdv.rooms.',
  // Two levels: a copy cannot reach the original's figures file, nor trust its imports.
  'ptdv.higher.',
  'ptdv.lower.',
];

/** Where `Địa chỉ bảng tính` is, and what it holds; null without the sheet or the key. */
function urlSetting(book: SheetsWorkbook): { row: number; column: number; value: string } | null {
  const values = book.readSheet(SHEET.settings);
  if (values === null) return null;
  const key = matchKey(SETTING_KEYS.find((s) => s.field === 'spreadsheetUrl')?.key ?? '');
  let header: ReturnType<typeof locateHeader>;
  try {
    header = locateHeader(SHEET.settings, values, SETTINGS_COLUMNS);
  } catch {
    // A `Cấu hình` without its header: setup and refresh say so; the copy check is not the place.
    return null;
  }
  const at = values.findIndex((r) => matchKey(cellText(r[header.columns.key as number])) === key);
  if (at <= header.headerIndex) return null;
  const column = (header.columns.value as number) + 1;
  return { row: at + 1, column, value: cellText(values[at]?.[column - 1]) };
}

/**
 * `Địa chỉ bảng tính` gets this spreadsheet's address when blank (or, in a copy, always): a copy
 * worked on with `ptdv` then still links its mails to the shared sheet, never to a file on the
 * office's machine.
 */
export function fillSpreadsheetUrl(book: SheetsWorkbook, overwrite = false): void {
  const setting = urlSetting(book);
  const sheet = book.sheet(SHEET.settings);
  if (setting === null || sheet === null) return;
  if (setting.value === '' || overwrite)
    sheet.getRange(setting.row, setting.column).setValue(book.spreadsheet.getUrl());
}

/**
 * Whether this script project is the one recorded: a copy's script is a new project with a new
 * id. One property read and one ScriptApp call, no SpreadsheetApp call.
 */
export function isHome(): boolean {
  return (
    PropertiesService.getDocumentProperties().getProperty(HOME.script) === ScriptApp.getScriptId()
  );
}

/**
 * The original's id when this spreadsheet is a copy not yet taken over, else null. Without a
 * record, the address in `Cấu hình` is trusted only in a project with no run state and no trigger
 * of its own (what a copy whose properties were not copied looks like): a tracker set up before
 * the record existed, or one whose address was typed by hand, is never taken for a copy.
 */
function originalOf(book: SheetsWorkbook): string | null {
  const props = PropertiesService.getDocumentProperties();
  const id = book.spreadsheet.getId();
  const home = props.getProperty(HOME.spreadsheet);
  if (home !== null) return home !== id ? home : null;
  const names = Object.keys(props.getProperties());
  if (names.some((n) => RUN_STATE.some((prefix) => n.startsWith(prefix)))) return null;
  if (ScriptApp.getProjectTriggers().length > 0) return null;
  const recorded = spreadsheetIdOf(urlSetting(book)?.value ?? '');
  return recorded !== '' && recorded !== id ? recorded : null;
}

/**
 * For a trigger's run: records this spreadsheet as home when nothing is recorded, never takes a
 * copy over (a trigger is never copied: one that runs was installed here).
 */
export function recordHome(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(HOME.script) !== null) return;
  props.setProperties({
    [HOME.script]: ScriptApp.getScriptId(),
    [HOME.spreadsheet]: spreadsheet.getId(),
  });
}

/**
 * For `onOpen`, a simple trigger that may not call ScriptApp: whether this looks like a copy not
 * yet taken over, from the document's properties and `Cấu hình` alone (a toast, never a change).
 */
export function looksLikeCopy(book: SheetsWorkbook): boolean {
  const props = PropertiesService.getDocumentProperties();
  const id = book.spreadsheet.getId();
  const home = props.getProperty(HOME.spreadsheet);
  if (home !== null) return home !== id;
  if (Object.keys(props.getProperties()).some((n) => RUN_STATE.some((p) => n.startsWith(p))))
    return false;
  const recorded = spreadsheetIdOf(urlSetting(book)?.value ?? '');
  return recorded !== '' && recorded !== id;
}

/**
 * Takes a copy over (see above) and says so in Vietnamese, or records this spreadsheet as the
 * home of its script and returns null. Costs one property read when nothing has changed.
 */
export function adoptIfCopy(book: SheetsWorkbook): string | null {
  if (isHome()) return null;
  const props = PropertiesService.getDocumentProperties();
  const home = {
    [HOME.script]: ScriptApp.getScriptId(),
    [HOME.spreadsheet]: book.spreadsheet.getId(),
  };
  const original = originalOf(book);
  if (original === null) {
    props.setProperties(home);
    return null;
  }
  for (const name of Object.keys(props.getProperties()))
    if (RUN_STATE.some((prefix) => name.startsWith(prefix))) props.deleteProperty(name);
  const unitFiles = forgetUnitFiles(book);
  fillSpreadsheetUrl(book, true);
  props.setProperties(home);
  return COPY.adopted(`https://docs.google.com/spreadsheets/d/${original}/edit`, unitFiles);
}

// "Own rooms for each unit": the configuration and output sheets editable only by the owner and
// the Board, and one `DS - <Mã>` input sheet per unit editable only by that unit and the Board.
// Real protection (not warning-only): other editors are removed. Data is never touched.
import { interpretSettings } from '../core/plan/settings-input';
import { interpretUnits } from '../core/plan/units-input';
import { interpretMilestones } from '../core/plan/milestones-input';
import { ROOMS } from '../core/messages/setup';
import { CANDIDATE_COLUMNS, SHEET } from '../workbook/contract';
import {
  readMilestones,
  readSettings,
  readUnits,
  unitCountSheetName,
  unitSheetName,
} from '../workbook/read';
import { countSheetLayout } from '../workbook/count-sheet';
import { candidateLayout } from '../workbook/seed';
import { SPARE_ROWS } from '../workbook/spare-rows';
import { continueLater, finished } from './continuation';
import type { SheetsWorkbook } from './sheets-workbook';
import { explainError } from './google-errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Board-only: configuration, outputs, and the shared input sheets (units use their own). */
const CONFIG_SHEETS = [
  SHEET.quotas,
  SHEET.milestones,
  SHEET.settings,
  SHEET.dashboard,
  SHEET.structure,
  SHEET.problems,
  SHEET.mailLog,
  SHEET.counts,
  SHEET.candidates,
  SHEET.lower,
];

/**
 * Makes the sheet editable by exactly `editors` (plus the owner and the person running this).
 * The runner is added first: removing others first throws when their access comes via a group.
 */
function restrict(
  sheet: Sheet,
  editors: readonly string[],
  description: string,
  keep: readonly string[],
): string[] {
  const failed: string[] = [];
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (e) {
      failed.push(`${sheet.getName()}: ${explainError(e)}`);
    }
  };
  const protection =
    sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  protection.setDescription(description);
  protection.setWarningOnly(false);
  attempt(() => protection.addEditor(Session.getEffectiveUser()));
  const wanted = new Set([...editors, ...keep].map((e) => e.toLowerCase()));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const missing = [...wanted].filter((e) => !current.includes(e));
  if (missing.length) attempt(() => protection.addEditors(missing));
  const extra = current.filter((e) => !wanted.has(e));
  if (extra.length) attempt(() => protection.removeEditors(extra));
  if (protection.canDomainEdit()) attempt(() => protection.setDomainEdit(false));
  return failed;
}

/**
 * Stops taking new units after this long, well inside Apps Script's 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas): a province's hundreds of
 * units take several runs, each continuing where the last one stopped.
 */
const ROOMS_BUDGET_MS = 4.5 * 60_000;
/** The position of the next unit to do, while a pass over the units is unfinished. */
const NEXT_UNIT = 'ptdv.rooms.next';

/** Whether a pass over the units stopped before the end and waits to be continued. */
export function roomsUnfinished(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(NEXT_UNIT) !== null;
}

export function setUpRooms(
  book: SheetsWorkbook,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: () => number = () => Date.now(),
): string {
  const started = now();
  const { settings } = interpretSettings(readSettings(book));
  if (settings.boardEmails.length === 0) return ROOMS.noBoard;
  const milestones = interpretMilestones(readMilestones(book)).milestones;
  const codes = milestones.map((m) => m.code);
  const { units } = interpretUnits(readUnits(book, codes), codes);
  const props = PropertiesService.getDocumentProperties();
  const saved = Number(props.getProperty(NEXT_UNIT) ?? '0');
  const first = Number.isInteger(saved) && saved > 0 && saved < units.length ? saved : 0;
  const keep = [
    spreadsheet.getOwner()?.getEmail() ?? '',
    Session.getEffectiveUser().getEmail(),
  ].filter((e) => e !== '');
  const failed: string[] = [];
  let protectedSheets = 0;
  // The Board's sheets first, on a pass's first run only.
  if (first === 0) {
    for (const name of CONFIG_SHEETS) {
      const sheet = book.sheet(name);
      if (sheet === null) continue;
      failed.push(...restrict(sheet, settings.boardEmails, ROOMS.configDescription, keep));
      protectedSheets++;
    }
  }
  const layout = candidateLayout(
    milestones.filter((m) => m.kind === 'class').map((m) => m.code),
    SPARE_ROWS.unitRoom,
  );
  const counts = countSheetLayout(milestones, SPARE_ROWS.unitCounts);
  let created = 0;
  for (let i = first; i < units.length; i++) {
    if (now() - started > ROOMS_BUDGET_MS) {
      props.setProperty(NEXT_UNIT, String(i));
      const continuing = continueLater('rooms');
      return ROOMS.partial(i, units.length, created, protectedSheets, failed, continuing);
    }
    const unit = units[i] as (typeof units)[number];
    // Counts-only mode: each unit types its figures into its own row of counts, never names.
    const name =
      settings.dataMode === 'counts' ? unitCountSheetName(unit.code) : unitSheetName(unit.code);
    const { sheet, created: isNew } = book.ensureSheet(name);
    if (isNew) {
      if (settings.dataMode === 'counts') {
        book.writeSheet(name, [counts.header, [unit.code, unit.name]], counts.layout);
      } else {
        book.writeSheet(name, [CANDIDATE_COLUMNS.map((c) => c.header)], layout);
      }
      created++;
    }
    if (unit.emails.length === 0) failed.push(ROOMS.noEmails(unit.code));
    failed.push(
      ...restrict(
        sheet,
        [...unit.emails, ...settings.boardEmails],
        ROOMS.unitDescription(unit.name),
        keep,
      ),
    );
    protectedSheets++;
  }
  props.deleteProperty(NEXT_UNIT);
  finished('rooms');
  return ROOMS.done(created, protectedSheets, failed);
}

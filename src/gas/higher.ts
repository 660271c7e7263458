// A commune's side of two levels, in Apps Script: `Gửi số liệu lên cấp trên` makes (once) a small
// spreadsheet of the commune's own totals under `drive.file`, shares it read-only with the higher
// committee's Board and mails them its link; each refresh and the daily run update its values.
// Only figures: the commune's code and name, counts by milestone, stage and structure.
//
// Under `drive.file` only the account that made the file reaches it
// (https://developers.google.com/workspace/drive/api/guides/api-specific-auth): that account is
// recorded, and another Board member's refresh (or a trigger of theirs) leaves the file alone and
// says whose it is, instead of making a second file and mailing the province a second link.
import type { Evaluation } from '../core/evaluate';
import { figuresRefusal, higherFigures } from '../core/higher/figures';
import { HIGHER } from '../core/messages/levels';
import type { Cell } from '../workbook/port';
import { SHEET } from '../workbook/contract';
import {
  FIGURES_COLUMNS,
  figuresFileResource,
  figuresValues,
  higherFiguresSheet,
  updatedColumnFormat,
} from '../workbook/higher-figures';
import type { DriveService, SheetsService } from './advanced-services';
import { explainError } from './google-errors';

declare const Drive: DriveService;
declare const Sheets: SheetsService;

/** The figures file: its id and owner, its header's width and grid, whom it is shared with and
 *  whom our mail reached. */
const PREFIX = 'ptdv.higher.';
const FILE = `${PREFIX}file`;
const OWNER = `${PREFIX}owner`;
const WIDTH = `${PREFIX}width`;
const GRID = `${PREFIX}grid`;
const SHARED = `${PREFIX}shared`;
const MAILED = `${PREFIX}mailed`;
/** What the Sheets and Drive APIs say of a file that is gone for good. */
const GONE = /not found|notFound|\b404\b/i;

export interface HigherResult {
  /** False when nothing could be sent: say `message` to the user. */
  ok: boolean;
  message: string;
}

/** Whether this committee has made its figures file (so refreshes and daily runs update it). */
export function higherFileExists(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(FILE) !== null;
}

const urlOf = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
const me = () => Session.getEffectiveUser().getEmail().toLowerCase();
const list = (text: string | null) => new Set<string>(JSON.parse(text ?? '[]') as string[]);

/**
 * Writes the committee's figures for the committee above: made and shared when `make` (the
 * menu), else updated only if it was made before (a refresh, the daily run). Null when there
 * is nothing to do.
 */
export function sendToHigher(
  evaluation: Evaluation,
  now: Date,
  make: boolean,
): HigherResult | null {
  const settings = evaluation.plan.settings;
  const props = PropertiesService.getDocumentProperties();
  let id = props.getProperty(FILE);
  if (!make && id === null) return null;
  if (settings.higherCode === '') return make ? { ok: false, message: HIGHER.noCode } : null;
  const owner = props.getProperty(OWNER);
  if (id !== null && owner !== null && me() !== '' && owner !== me())
    return { ok: false, message: HIGHER.otherOwner(owner) };
  const figures = higherFigures(evaluation);
  const refusal = figuresRefusal(figures);
  if (refusal !== null) return { ok: false, message: refusal };
  const { rows } = higherFiguresSheet(figures, now, settings.issuerName);
  // A file its owner trashed or deleted is made again (the menu checks; an update finds out).
  if (id !== null && make && trashed(id)) id = null;
  if (id !== null && !update(id, rows, props)) id = null;
  if (id === null) id = create(rows, settings.higherCode, settings.issuerName, props);
  const url = urlOf(id);
  const codes = figures.milestones.map((m) => m.code);
  let note = '';
  let mailed: string[] = [];
  try {
    share(id, settings.higherBoardEmails, props, make);
  } catch (e) {
    note = HIGHER.shareFailed(explainError(e));
  }
  try {
    mailed = mailOnce(settings, url, now, props);
  } catch (e) {
    note += HIGHER.mailFailed(explainError(e));
  }
  return {
    ok: note === '',
    message:
      HIGHER.done(url, codes, mailed) +
      note +
      (settings.higherBoardEmails.length === 0 ? ` ${HIGHER.noBoard}` : ''),
  };
}

function trashed(id: string): boolean {
  try {
    return (Drive.Files.get(id, { fields: 'trashed' }) as { trashed?: boolean }).trashed === true;
  } catch (e) {
    if (GONE.test(String((e as Error)?.message ?? e))) return true;
    throw e;
  }
}

/** A new file (one Sheets call), its owner recorded, shared and mailed again from scratch. */
function create(
  rows: Cell[][],
  code: string,
  issuer: string,
  props: GoogleAppsScript.Properties.Properties,
): string {
  const resource = figuresFileResource(HIGHER.fileName(code, issuer), SHEET.higherFigures, rows);
  const id = Sheets.Spreadsheets.create(resource).spreadsheetId ?? '';
  props.setProperties({
    [FILE]: id,
    [OWNER]: me(),
    [WIDTH]: String(Math.max(...rows.map((r) => r.length))),
    [GRID]: String(Math.max(FIGURES_COLUMNS, ...rows.map((r) => r.length))),
    [SHARED]: '[]',
    [MAILED]: '[]',
  });
  return id;
}

/**
 * The values rewritten in one call (RAW: text stays text), blanks clearing what a wider header
 * left; the grid grown first and the update's column formatted when the header widened (the API
 * refuses values past the grid). False when the file is gone.
 */
function update(
  id: string,
  rows: Cell[][],
  props: GoogleAppsScript.Properties.Properties,
): boolean {
  const width = Math.max(...rows.map((r) => r.length));
  const before = Number(props.getProperty(WIDTH) ?? 0);
  const grid = Number(props.getProperty(GRID) ?? FIGURES_COLUMNS);
  try {
    if (width !== before) {
      const requests: object[] = [];
      if (width > grid)
        requests.push({
          updateSheetProperties: {
            properties: { sheetId: 0, gridProperties: { columnCount: width } },
            fields: 'gridProperties.columnCount',
          },
        });
      requests.push(updatedColumnFormat(width));
      Sheets.Spreadsheets.batchUpdate({ requests }, id);
    }
    Sheets.Spreadsheets.Values.update(
      { values: figuresValues(rows, Math.max(width, before)) },
      id,
      `'${SHEET.higherFigures}'!A1`,
      { valueInputOption: 'RAW' },
    );
  } catch (e) {
    if (GONE.test(String((e as Error)?.message ?? e))) return false;
    throw e;
  }
  props.setProperties({ [WIDTH]: String(width), [GRID]: String(Math.max(grid, width)) });
  return true;
}

/**
 * Readers are the higher Board's addresses and no one else. From the menu (`verify`) the file's
 * permissions are checked (a reader removed by hand is shared with again, one no longer listed
 * removed); on a refresh or a daily run only addresses new to `Cấu hình` are shared with. No
 * Google notification: our own mail says what the file is.
 */
function share(
  id: string,
  emails: readonly string[],
  props: GoogleAppsScript.Properties.Properties,
  verify: boolean,
): void {
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  let readers = list(props.getProperty(SHARED));
  if (verify) {
    const current = Drive.Permissions.list(id, {
      fields: 'permissions(id,role,type,emailAddress)',
    }).permissions;
    readers = new Set();
    for (const p of current ?? []) {
      if (p.role === 'owner' || !p.id) continue;
      const email = (p.emailAddress ?? '').toLowerCase();
      if (p.type === 'user' && wanted.has(email)) readers.add(email);
      else Drive.Permissions.remove(id, p.id);
    }
  }
  for (const email of wanted) {
    if (readers.has(email)) continue;
    Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id, {
      sendNotificationEmail: false,
    });
    readers.add(email);
    // Saved after each share: a failure later leaves the record true.
    props.setProperty(SHARED, JSON.stringify([...readers]));
  }
  if (verify) props.setProperty(SHARED, JSON.stringify([...readers]));
}

/** The link, mailed once to each reader that has not had it; recorded only once sent. */
function mailOnce(
  settings: Evaluation['plan']['settings'],
  url: string,
  now: Date,
  props: GoogleAppsScript.Properties.Properties,
): string[] {
  const readers = list(props.getProperty(SHARED));
  const mailed = list(props.getProperty(MAILED));
  const to = [...readers].filter((e) => !mailed.has(e));
  if (to.length === 0) return [];
  MailApp.sendEmail({
    to: to.join(','),
    subject: HIGHER.mailSubject(settings.issuerName),
    body: HIGHER.mailText(settings.issuerName, settings.higherCode, url, settings.higherName),
    htmlBody: HIGHER.mailHtml(
      settings.issuerName,
      settings.higherCode,
      url,
      settings.higherName,
      now,
    ),
  });
  props.setProperty(MAILED, JSON.stringify([...mailed, ...to]));
  return to;
}

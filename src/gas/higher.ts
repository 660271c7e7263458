// A commune's side of two levels, in Apps Script: `Gửi số liệu lên cấp trên` makes (once) a small
// spreadsheet of the commune's own totals under `drive.file`, shares it read-only with the higher
// committee's Board and mails them its link; each refresh and the daily run update its values.
// Only figures: the commune's code and name, counts by milestone, stage and structure.
import type { Evaluation } from '../core/evaluate';
import { higherFigures } from '../core/higher/figures';
import { HIGHER } from '../core/messages/levels';
import { SHEET } from '../workbook/contract';
import { figuresFileResource, figuresValues, higherFiguresSheet } from '../workbook/higher-figures';
import type { DriveService, SheetsService } from './advanced-services';
import { explainError } from './google-errors';

declare const Drive: DriveService;
declare const Sheets: SheetsService;

/** The figures file's id, its widest header so far, and whom it is shared with. */
const FILE = 'ptdv.higher.file';
const WIDTH = 'ptdv.higher.width';
const SHARED = 'ptdv.higher.shared';
/** What the Sheets and Drive APIs say of a file the script can no longer reach. */
const GONE = /not found|notFound|\b404\b|File not found/i;

/** Whether this committee has made its figures file (so refreshes and daily runs update it). */
export function higherFileExists(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(FILE) !== null;
}

const urlOf = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

/**
 * Writes the committee's figures for the committee above: made and shared when `make` (the
 * menu), else updated only if it was made before (a refresh, the daily run). Null when there
 * is nothing to do; otherwise what to tell the user.
 */
export function sendToHigher(evaluation: Evaluation, now: Date, make: boolean): string | null {
  const settings = evaluation.plan.settings;
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(FILE);
  if (!make && known === null) return null;
  if (settings.higherCode === '') return make ? HIGHER.noCode : null;
  const figures = higherFigures(evaluation);
  if (figures.mixedKinds.length > 0) return HIGHER.mixedKinds(figures.mixedKinds);
  const { rows } = higherFiguresSheet(figures, now, settings.issuerName);
  const width = Math.max(...rows.map((r) => r.length), Number(props.getProperty(WIDTH) ?? 0));
  let id = known;
  if (id !== null && !update(id, rows, width)) id = null;
  if (id === null) {
    // Never made, or deleted since: a new file (one Sheets call), shared again from scratch.
    const made = Sheets.Spreadsheets.create(
      figuresFileResource(
        HIGHER.fileName(settings.higherCode, settings.issuerName),
        SHEET.higherFigures,
        rows,
      ),
    );
    id = made.spreadsheetId ?? '';
    props.setProperties({ [FILE]: id, [SHARED]: '[]' });
  }
  props.setProperty(WIDTH, String(width));
  const url = urlOf(id);
  let shared: string[] = [];
  let failure = '';
  try {
    shared = share(id, settings.higherBoardEmails, props, make);
    if (shared.length > 0)
      MailApp.sendEmail({
        to: shared.join(','),
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
  } catch (e) {
    failure = HIGHER.shareFailed(explainError(e));
  }
  const codes = figures.milestones.map((m) => m.code);
  return (
    HIGHER.done(url, codes, shared) +
    failure +
    (settings.higherBoardEmails.length === 0 ? ` ${HIGHER.noBoard}` : '')
  );
}

/** The values rewritten in one call (RAW: text stays text); false when the file is gone. */
function update(id: string, rows: Parameters<typeof figuresValues>[0], width: number): boolean {
  try {
    Sheets.Spreadsheets.Values.update(
      { values: figuresValues(rows, width) },
      id,
      `'${SHEET.higherFigures}'!A1`,
      { valueInputOption: 'RAW' },
    );
    return true;
  } catch (e) {
    if (GONE.test(String((e as Error)?.message ?? e))) return false;
    throw e;
  }
}

/**
 * Readers are the higher Board's addresses and no one else. From the menu (`verify`) the file's
 * permissions are checked (a reader removed by hand is shared with again, a reader no longer
 * listed removed); on a refresh or a daily run only addresses new to `Cấu hình` are shared
 * with. No Google notification: our own mail, once per address, says what the file is.
 * Returns the addresses to mail (shared with for the first time).
 */
function share(
  id: string,
  emails: readonly string[],
  props: GoogleAppsScript.Properties.Properties,
  verify: boolean,
): string[] {
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  const mailed = new Set<string>(JSON.parse(props.getProperty(SHARED) ?? '[]') as string[]);
  let readers: Set<string> = mailed;
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
  const fresh: string[] = [];
  for (const email of wanted) {
    if (readers.has(email)) continue;
    Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id, {
      sendNotificationEmail: false,
    });
    if (!mailed.has(email)) fresh.push(email);
    mailed.add(email);
    // Saved after each share, so a failure later never mails an address twice.
    props.setProperty(SHARED, JSON.stringify([...mailed]));
  }
  return fresh;
}

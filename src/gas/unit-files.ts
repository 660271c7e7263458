// One spreadsheet per unit, in Apps Script: `Tạo tệp riêng cho đơn vị` creates each unit's file
// and shares it with that unit's officer only; refresh, check and reminders read the files that
// changed and keep figures only. Files are made and read through the Sheets (v4) and Drive (v3)
// advanced services under `drive.file`: the script sees the files it created and nothing else of
// anyone's Drive (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
import {
  dayOfInstant,
  formatDateTimeVietnam,
  formatIso,
  instantOfDay,
  type Day,
} from '../core/calendar/dates';
import type { WorkbookInput } from '../core/evaluate';
import { UNIT_FILES } from '../core/messages/setup';
import { matchKey } from '../core/text/normalize';
import { cellText } from '../core/text/cells';
import type { Unit } from '../core/model';
import { unitFileProblem, unreadFile, type UnitFileFigures } from '../core/counting/unit-files';
import { planSignature, READS_PER_RUN, scheduleReads } from '../core/counting/unit-file-schedule';
import { readPlanUnits } from '../workbook/read';
import { summarizeUnitFile, UNIT_FILE_SHEET } from '../workbook/unit-files';
import { CACHE, CACHE_HEADER, cachedFigures, cacheText } from '../workbook/unit-file-cache';
import { unitFileFormatRequests, unitFileSpreadsheet } from '../workbook/unit-file-layout';
import type { UnitFilesSource } from '../workbook/usecases';
import type { Cell } from '../workbook/port';
import { continueLater, finished } from './continuation';
import { WritePacer } from './write-pacer';
import { spreadsheetIdOf } from '../core/text/spreadsheet-url';
import { GOOGLE_SAYS } from './google-words';
import type { SheetsWorkbook } from './sheets-workbook';
import { explainError } from './google-errors';
import type { DriveService, SheetsService } from './advanced-services';

declare const Drive: DriveService;
declare const Sheets: SheetsService;

/** The Board's record of the files: one row per unit. */
const REGISTRY = UNIT_FILES.sheet;
/** Figures read from each file, and when: hidden, never a name (see UnitFileFigures). */
const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
const BUDGET_MS = 4.5 * 60_000;
const NEXT_UNIT = 'ptdv.unitFiles.next';
/**
 * The account that created the files. Under drive.file only that account's runs see them
 * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth): another Board
 * member's click, or a trigger another account installed, would find every file "missing".
 */
const OWNER = 'ptdv.unitFiles.owner';

interface Registered {
  code: string;
  name: string;
  url: string;
  id: string;
  read: string;
  /**
   * How far making it got (UNIT_FILES.state): a file counts as made only with its formats and
   * dropdowns, a unit as done only when its officers have access. Blank in a list made before
   * the column existed: taken as done (its files were formatted and shared then).
   */
  state: string;
}

function readRegistry(book: SheetsWorkbook): Registered[] {
  const values = book.readSheet(REGISTRY) ?? [];
  return values
    .slice(1)
    .map((r) => ({
      code: cellText(r[0]),
      name: cellText(r[1]),
      url: cellText(r[2]),
      id: spreadsheetIdOf(cellText(r[2])),
      read: cellText(r[3]),
      state: cellText(r[4]),
    }))
    .filter((r) => r.code !== '' && r.id !== '');
}

function writeRegistry(book: SheetsWorkbook, rows: readonly Registered[]): void {
  book.writeSheet(
    REGISTRY,
    [[...UNIT_FILES.headers], ...rows.map((r) => [r.code, r.name, r.url, r.read, r.state])],
    {
      headerRow: 1,
      dateColumns: [],
      percentColumns: [],
      widths: { 1: 110, 2: 300, 3: 420, 4: 140, 5: 220 },
    },
  );
}

/** A new file with the list's header (one Sheets write). */
function createFile(unit: Unit, pacer: WritePacer): { id: string; url: string } {
  pacer.beforeWrite();
  const spreadsheet = Sheets.Spreadsheets.create(unitFileSpreadsheet(unit));
  const id = spreadsheet.spreadsheetId ?? '';
  return {
    id,
    url: spreadsheet.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit`,
  };
}

/** Its header frozen and bold, date formats and dropdowns (one Sheets write; doing it twice is harmless). */
function formatFile(id: string, classCodes: readonly string[], pacer: WritePacer): void {
  pacer.beforeWrite();
  Sheets.Spreadsheets.batchUpdate({ requests: unitFileFormatRequests(classCodes) }, id);
}

/**
 * Editors are the unit's officers, and no one else but the owner: others are removed, and so
 * is any link or domain sharing someone added. Returns whether anything changed.
 */
function shareWith(fileId: string, emails: readonly string[]): boolean {
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  const current =
    Drive.Permissions.list(fileId, {
      fields: 'permissions(id,role,type,emailAddress)',
    }).permissions ?? [];
  let changed = false;
  for (const p of current) {
    if (p.role === 'owner' || !p.id) continue;
    const email = (p.emailAddress ?? '').toLowerCase();
    if (p.type === 'user' && wanted.has(email)) {
      wanted.delete(email);
      continue;
    }
    Drive.Permissions.remove(fileId, p.id);
    changed = true;
  }
  for (const email of wanted) {
    try {
      Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: email }, fileId, {
        sendNotificationEmail: true,
      });
    } catch (e) {
      // "The items were successfully shared but emails could not be sent": shared.
      if (!GOOGLE_SAYS.sharedWithoutMail.test(String((e as Error).message))) throw e;
    }
    changed = true;
  }
  return changed;
}

/** The day (Vietnam's, yyyy-mm-dd) on which sharing met the quota: no share is tried again that day. */
const SHARING_BLOCKED = 'ptdv.unitFiles.sharingBlocked';
/** When a continuation blocked by the sharing quota runs: the next morning. */
const NEXT_MORNING_HOUR = 7;

/** The account running the script, in lower case ('' when Google does not say). */
function runningAccount(): string {
  return Session.getEffectiveUser().getEmail().toLowerCase();
}

/** The account that created the unit files, if known. */
export function unitFilesOwner(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(OWNER);
}

/** Whether the files are known to be another account's (so this run cannot see them). */
function ownedByAnother(owner: string | null, me: string): owner is string {
  return owner !== null && me !== '' && owner !== me;
}

/** Whether making the files stopped before the last unit and waits to be continued. */
export function unitFilesUnfinished(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(NEXT_UNIT) !== null;
}

/** `Tạo tệp riêng cho đơn vị`: a file per unit, shared with its officers; resumable. */
export function setUpUnitFiles(book: SheetsWorkbook, now: () => number = () => Date.now()): string {
  const started = now();
  const me = runningAccount();
  const owner = unitFilesOwner();
  // Files made by two accounts could be read in full by neither: the first account keeps them.
  if (ownedByAnother(owner, me)) return UNIT_FILES.ownerOnly(owner, me);
  const { units, milestones } = readPlanUnits(book);
  const classCodes = milestones.filter((m) => m.kind === 'class' && !m.archived).map((m) => m.code);
  const registry = new Map(readRegistry(book).map((r) => [matchKey(r.code), r]));
  const props = PropertiesService.getDocumentProperties();
  if (owner === null && me !== '') {
    // Files recorded before the owner was: this account made them only if it can see one.
    const times = registry.size > 0 ? modifiedTimes() : null;
    const mine = times === null || [...registry.values()].some((r) => times.has(r.id));
    if (!mine) return UNIT_FILES.unknownOwnerOnly(me);
    props.setProperty(OWNER, me);
  }
  const saved = Number(props.getProperty(NEXT_UNIT) ?? '0');
  const first = Number.isInteger(saved) && saved > 0 && saved < units.length ? saved : 0;
  const today = formatIso(dayOfInstant(new Date(now())));
  let sharingBlocked = props.getProperty(SHARING_BLOCKED) === today;
  const pacer = new WritePacer(now);
  const failed: string[] = [];
  let created = 0;
  let shared = 0;
  const save = () =>
    writeRegistry(
      book,
      units.flatMap((u) => {
        const r = registry.get(matchKey(u.code));
        return r ? [{ ...r, name: u.name }] : [];
      }),
    );
  const stop = (i: number, message: (continuing: boolean) => string, delayMs?: number) => {
    save();
    props.setProperty(NEXT_UNIT, String(i));
    return message(continueLater('files', delayMs));
  };
  for (let i = first; i < units.length; i++) {
    // The pacer's waits count too (two writes a unit): a run must never sleep past its limit
    // with files it made not yet in the list.
    if (now() - started + 2 * pacer.waitMs() > BUDGET_MS)
      return stop(i, (c) => UNIT_FILES.partial(i, units.length, c));
    const unit = units[i] as Unit;
    const key = matchKey(unit.code);
    try {
      let entry = registry.get(key);
      if (!entry) {
        // Recorded as soon as it exists: if its formats fail, the next run formats this one
        // rather than making a second file.
        const file = createFile(unit, pacer);
        entry = {
          code: unit.code,
          name: unit.name,
          ...file,
          read: '',
          state: UNIT_FILES.state.unformatted,
        };
        registry.set(key, entry);
        created++;
      }
      if (entry.state === UNIT_FILES.state.unformatted) {
        formatFile(entry.id, classCodes, pacer);
        entry.state = UNIT_FILES.state.unshared;
      }
      if (unit.emails.length === 0) {
        entry.state = UNIT_FILES.state.noEmails;
        failed.push(UNIT_FILES.noEmails(unit.code));
      } else if (!sharingBlocked) {
        if (shareWith(entry.id, unit.emails)) shared++;
        entry.state = UNIT_FILES.state.done;
      } else if (entry.state !== UNIT_FILES.state.done) entry.state = UNIT_FILES.state.unshared;
    } catch (e) {
      const why = String((e as Error).message);
      if (GOOGLE_SAYS.perMinuteQuota.test(why))
        // Another tool of the same account used the minute's writes: a minute later, the rest.
        return stop(i, (c) => UNIT_FILES.partial(i, units.length, c));
      if (GOOGLE_SAYS.sharingQuota.test(why)) {
        sharingBlocked = true;
        props.setProperty(SHARING_BLOCKED, today);
        const entry = registry.get(key);
        if (entry) entry.state = UNIT_FILES.state.unshared;
        continue;
      }
      failed.push(`${unit.code}: ${explainError(e)}`);
    }
  }
  const waiting = [...registry.values()].filter((r) => r.state === UNIT_FILES.state.unshared);
  if (sharingBlocked && waiting.length > 0) {
    // Made and formatted, waiting for tomorrow's sharing quota: the continuation goes on then.
    return stop(
      0,
      (c) => UNIT_FILES.sharingTomorrow(created, registry.size, waiting.length, c),
      msUntilMorning(now()),
    );
  }
  save();
  props.deleteProperty(NEXT_UNIT);
  props.deleteProperty(SHARING_BLOCKED);
  finished('files');
  return UNIT_FILES.done(created, shared, registry.size, failed);
}

/** Time from `ms` to the next morning's hour in Vietnam. */
function msUntilMorning(ms: number): number {
  const midnight = instantOfDay(dayOfInstant(new Date(ms))).getTime();
  return midnight + 86_400_000 + NEXT_MORNING_HOUR * 3_600_000 - ms;
}

/**
 * In a copy of the spreadsheet the files listed are the original's, and invisible to the copy's
 * script (drive.file grants belong to the original's project): the list and the figures read
 * from them are emptied, the files themselves untouched. Returns how many were listed.
 */
export function forgetUnitFiles(book: SheetsWorkbook): number {
  const listed = readRegistry(book).length;
  if (book.sheet(REGISTRY) !== null) writeRegistry(book, []);
  if (book.sheet(CACHE) !== null)
    book.writeSheet(CACHE, [CACHE_HEADER], {
      headerRow: 1,
      dateColumns: [],
      percentColumns: [],
      widths: {},
    });
  return listed;
}

/** When each file the script made was last changed (one Drive call per 1,000 files). */
function modifiedTimes(): Map<string, string> {
  const times = new Map<string, string>();
  let pageToken: string | undefined;
  do {
    const page = Drive.Files.list({
      q: `mimeType='${SPREADSHEET}' and trashed=false`,
      fields: 'nextPageToken,files(id,modifiedTime)',
      pageSize: 1000,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const f of page.files ?? []) if (f.id) times.set(f.id, f.modifiedTime ?? '');
    pageToken = page.nextPageToken;
  } while (pageToken);
  return times;
}

/**
 * The units' files as a source for refresh, check and reminders: a file is read (one Sheets
 * call) only when it changed since it was last read, or was read for another day; what is kept
 * in the hidden sheet is figures only. Null when the workbook has no unit files.
 */
export function unitFilesOf(book: SheetsWorkbook, now: Date): UnitFilesSource | undefined {
  const registry = readRegistry(book);
  if (registry.length === 0) return undefined;
  return (board, asOf, today) => {
    const me = runningAccount();
    const owner = unitFilesOwner();
    if (ownedByAnother(owner, me)) return lastReadBy(owner, me, book, registry);
    const times = modifiedTimes();
    if (owner === null && me !== '') {
      // Files recorded before their owner was: seeing one of them shows this account made them;
      // seeing none, that another did (or that all are gone): the cache is kept, not emptied.
      if (!registry.some((r) => times.has(r.id))) return lastReadBy(null, me, book, registry);
      PropertiesService.getDocumentProperties().setProperty(OWNER, me);
    }
    const cached = readCache(book);
    const out: UnitFileFigures[] = [];
    const rows: Cell[][] = [CACHE_HEADER];
    const day = figuresKey(board, asOf);
    const fresh = freshFigures(registry, times, cached, day);
    const turns = scheduleReads(
      registry.map((f) => ({
        id: f.id,
        visible: times.has(f.id),
        fresh: (fresh.get(f.id) ?? null) !== null,
        lastRead: cellText(cached.get(f.code)?.[5]),
      })),
    );
    const stamp = now.toISOString();
    let throttled = false;
    for (const file of registry) {
      const modified = times.get(file.id);
      const label = UNIT_FILES.label(file.code);
      const turn = turns.get(file.id);
      if (modified === undefined || turn === 'missing') {
        out.push(missingFile(file, label));
        continue;
      }
      const old = cached.get(file.code);
      let figures = fresh.get(file.id) ?? null;
      const readNow = figures === null;
      if (figures === null && (throttled || turn === 'later')) {
        // Left for the next run: the figures last read, flagged, and the old cache row kept.
        out.push(deferredFile(file, old));
        if (old) rows.push(old);
        continue;
      }
      if (figures === null) {
        try {
          figures = summarizeUnitFile(board, readUnitFile(file), asOf, today);
          file.read = formatDateTimeVietnam(now);
        } catch (e) {
          if (isReadQuota(e)) {
            throttled = true;
            out.push(deferredFile(file, old));
            if (old) rows.push(old);
            continue;
          }
          // One file that cannot be read (its sheet renamed) never stops the others; noted as
          // tried now, so that it does not take the first turn of every run.
          rows.push([file.code, file.id, '', day, '', stamp]);
          out.push(unreadableFile(file, label, e));
          continue;
        }
      }
      out.push(figures);
      rows.push([
        file.code,
        file.id,
        modified,
        day,
        cacheText(figures),
        readNow ? stamp : cellText(old?.[5]),
      ]);
    }
    const created = book.ensureSheet(CACHE).created;
    book.writeSheet(CACHE, rows, { headerRow: 1, dateColumns: [], percentColumns: [], widths: {} });
    if (created) book.sheet(CACHE)?.hideSheet();
    writeRegistry(book, registry);
    return out;
  };
}

/** The hidden sheet's rows by unit code. */
function readCache(book: SheetsWorkbook): Map<string, Cell[]> {
  return new Map((book.readSheet(CACHE) ?? []).slice(1).map((r) => [cellText(r[0]), r] as const));
}

/** What a file's figures depend on: the day, and the Board's plan (milestones, quotas, settings, days off). */
function figuresKey(board: WorkbookInput, asOf: Day): string {
  return `${formatIso(asOf)} ${planSignature({
    units: board.units.rows,
    milestones: board.milestones.rows,
    settings: board.settings.entries,
    holidays: board.holidays?.rows ?? null,
  })}`;
}

/** Figures still good for this day and plan (the file unchanged since), parsed once per file. */
function freshFigures(
  registry: readonly Registered[],
  times: ReadonlyMap<string, string>,
  cached: ReadonlyMap<string, Cell[]>,
  day: string,
): Map<string, UnitFileFigures | null> {
  const fresh = new Map<string, UnitFileFigures | null>();
  for (const file of registry) {
    const old = cached.get(file.code);
    const modified = times.get(file.id);
    const current =
      old && modified !== undefined && cellText(old[2]) === modified && cellText(old[3]) === day;
    fresh.set(file.id, current ? cachedFigures(old, file.id) : null);
  }
  return fresh;
}

/** One Sheets call: the list as typed, numbers and date serials unformatted. */
function readUnitFile(file: Registered): { code: string; url: string; values: Cell[][] } {
  const values =
    Sheets.Spreadsheets.Values.get(file.id, `'${UNIT_FILE_SHEET}'`, {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    }).values ?? [];
  return { code: file.code, url: file.url, values };
}

/** A file whose read failed (its sheet renamed, say): an error naming it, nothing counted. */
function unreadableFile(file: Registered, label: string, e: unknown): UnitFileFigures {
  return unreadFile(
    { code: file.code, label, url: file.url },
    unitFileProblem(label, {
      code: 'unit_file_unreadable',
      message: UNIT_FILES.unreadable(file.code, explainError(e)),
    }),
  );
}

/**
 * Another account runs: drive.file shows it none of the files, so each unit counts with the
 * figures its files gave when last read by their owner, with a warning that says so and when
 * (nothing is read or rewritten); a file never read yet is an error and counts nothing.
 */
function lastReadBy(
  owner: string | null,
  me: string,
  book: SheetsWorkbook,
  registry: readonly Registered[],
): UnitFileFigures[] {
  const cached = readCache(book);
  return registry.map((file) =>
    lastFigures(file, cached.get(file.code), 'unit_file_other_account', (read) =>
      UNIT_FILES.otherAccount(file.code, owner, me, read),
    ),
  );
}

/** Google's answer when the per-minute read quota is spent (HTTP 429). */
function isReadQuota(e: unknown): boolean {
  return /quota exceeded|ratelimitexceeded|too many requests/i.test((e as Error)?.message ?? '');
}

/**
 * A file not read this run (another account's, or past the run's reads): its figures as last
 * read, with a warning that says when (`message` gets the time); an error counting nothing when
 * it was never read.
 */
function lastFigures(
  file: Registered,
  old: readonly Cell[] | undefined,
  code: 'unit_file_other_account' | 'unit_file_deferred',
  message: (read: string) => string,
): UnitFileFigures {
  const label = UNIT_FILES.label(file.code);
  const figures = old ? cachedFigures(old, file.id) : null;
  const problem = unitFileProblem(label, {
    code,
    severity: figures === null ? 'error' : 'warning',
    message: message(figures === null ? '' : file.read),
  });
  if (figures === null) return unreadFile({ code: file.code, label, url: file.url }, problem);
  return { ...figures, problems: [problem, ...figures.problems] };
}

/** A changed file left for a later run by the Sheets API's read quota. */
const deferredFile = (file: Registered, old: readonly Cell[] | undefined): UnitFileFigures =>
  lastFigures(file, old, 'unit_file_deferred', (read) =>
    UNIT_FILES.deferred(file.code, read, READS_PER_RUN),
  );

function missingFile(file: Registered, label: string): UnitFileFigures {
  return unreadFile(
    { code: file.code, label, url: file.url },
    unitFileProblem(label, { code: 'unit_file_missing', message: UNIT_FILES.missing(file.code) }),
  );
}

// The reminder run shared by Apps Script (MailApp) and the command line (.eml outbox): plan from
// the sheets and the log, send one message at a time, and write the log in one block at the end
// (also when a send throws). A run stops sending well before Apps Script's 6-minute limit, so it
// always reaches that write, and what it sent is never sent again.
import { dayOfInstant, formatDateTimeVietnam } from '../core/calendar/dates';
import { evaluate, type Evaluation } from '../core/evaluate';
import { MAIL_LOG } from '../core/messages/mail';
import { MAIL_STATUS_LABEL, STAGE_LABEL } from '../core/messages/labels';
import { matchKey } from '../core/text/normalize';
import {
  digestMail,
  dossierMail,
  unitMail,
  type MailContext,
  type OutgoingMail,
} from '../core/reminders/reminder-mail';
import {
  planReminders,
  type DossierNotice,
  type LogEntry,
  type MailStatus,
  type ReminderPlan,
  type UnitReminder,
} from '../core/reminders/reminders';
import { cellText } from '../core/text/cells';
import { MAIL_LOG_COLUMNS, MAIL_LOG_HEADERS, SHEET } from './contract';
import { locateHeader } from './header';
import { readInput, requireSheet } from './read';
import type { UnitFilesSource } from './usecases';
import type { Cell, Workbook } from './port';

/** Sends one message or throws; counts what is left of today's quota, in recipients. */
export interface Mailer {
  remainingQuota(): number;
  /** Throws `MailDeferred` when the mail could not go now but may on the next run. */
  send(mail: OutgoingMail): string | void;
}

/** A mail not sent this time, for a reason that passes: logged `deferred`, sent by a later run. */
export class MailDeferred extends Error {}

/**
 * A durable note of each message sent, written right after its send (one small write, no sheet
 * call): a run that dies before it writes its log (time limit, a platform fault, Stop) leaves
 * these notes, and the next run logs them instead of sending the messages again.
 */
export interface SentJournal {
  /** Log rows noted by runs that did not finish, by the key of their mail. */
  pending(): Map<string, Cell[][]>;
  /** The log rows of one mail (one per reminder it carries), in one write. */
  note(mailKey: string, rows: Cell[][]): void;
  forget(mailKeys: readonly string[]): void;
}

/** Where every message sent is already durable (the outbox's files): nothing to note. */
export const NO_JOURNAL: SentJournal = {
  pending: () => new Map(),
  note: () => undefined,
  forget: () => undefined,
};

/**
 * Logs what an earlier run sent but could not log, before anything is planned: those messages
 * then count as sent. Returns how many rows were added.
 */
export function recoverJournal(workbook: Workbook, journal: SentJournal): number {
  const pending = journal.pending();
  if (pending.size === 0) return 0;
  const logged = new Set(
    readMailLog(workbook)
      .filter((e) => e.status === 'sent')
      .map((e) => e.key),
  );
  const rows: Cell[][] = [];
  for (const [mailKey, noted] of pending) {
    // A note cut short still says its mail was sent: its key alone is logged then.
    for (const row of noted.length > 0 ? noted : [[]]) {
      const key = cellText(row[KEY_COLUMN]) || mailKey;
      if (logged.has(key)) continue;
      // Status and key make a row count as sent, even if the rest of the note was lost.
      const line = MAIL_LOG_HEADERS.map((_, i) => row[i] ?? '');
      line[STATUS_COLUMN] = MAIL_STATUS_LABEL.sent;
      line[DETAIL_COLUMN] = `${cellText(line[DETAIL_COLUMN])}${MAIL_LOG.recovered}`;
      line[KEY_COLUMN] = key;
      rows.push(line);
    }
  }
  if (rows.length > 0) workbook.appendRows(SHEET.mailLog, rows);
  journal.forget([...pending.keys()]);
  return rows.length;
}

export interface RunSummary {
  plan: ReminderPlan;
  counts: Record<MailStatus, number>;
  digest: MailStatus | null;
}

const STATUS_BY_LABEL = new Map(
  (Object.entries(MAIL_STATUS_LABEL) as [MailStatus, string][]).map(([status, label]) => [
    matchKey(label),
    status,
  ]),
);

/** The log as keys and statuses (one read of `Nhật ký thư`). */
export function readMailLog(workbook: Workbook): LogEntry[] {
  const values = requireSheet(workbook, SHEET.mailLog);
  const header = locateHeader(SHEET.mailLog, values, MAIL_LOG_COLUMNS);
  const keyAt = header.columns.key as number;
  const statusAt = header.columns.status as number;
  const entries: LogEntry[] = [];
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const key = cellText(values[r]?.[keyAt]);
    const status = STATUS_BY_LABEL.get(matchKey(cellText(values[r]?.[statusAt])));
    if (key !== '' && status) entries.push({ key, status });
  }
  return entries;
}

export interface PreparedRun {
  evaluation: Evaluation;
  plan: ReminderPlan;
  context: MailContext;
  mails: OutgoingMail[];
}

/** Reads the sheets and the log once, and plans today's messages (the digest last). */
export function prepareReminders(
  workbook: Workbook,
  now: Date,
  sheetUrl: string,
  unitFiles?: UnitFilesSource,
): PreparedRun {
  const today = dayOfInstant(now);
  const input = readInput(workbook);
  if (unitFiles) input.unitFiles = unitFiles(input, today, today);
  const evaluation = evaluate(input, today, today);
  const log = readMailLog(workbook);
  const settings = evaluation.plan.settings;
  const plan = planReminders({
    today,
    plan: evaluation.plan,
    fulfillment: evaluation.fulfillment,
    log,
    dryRun: settings.dryRun,
    dossiers: evaluation.pipeline.dossiers,
  });
  // Sheets knows its own address; elsewhere `Cấu hình` may give it (never a file's path).
  const context: MailContext = { today, sheetUrl: sheetUrl || settings.spreadsheetUrl, settings };
  const mails = [
    ...plan.reminders.map((r) => unitMail(r, context)),
    ...plan.dossierNotices.map((n) => dossierMail(n, context)),
  ];
  if (plan.digest) mails.push(digestMail(plan.digest, context));
  return { evaluation, plan, context, mails };
}

/** Cells of a log row (see MAIL_LOG_HEADERS). */
const STATUS_COLUMN = 5;
const DETAIL_COLUMN = 6;
const KEY_COLUMN = 7;

/** What a mail's log rows are made from, found by the mail's key once per run. */
interface LogSources {
  run: PreparedRun;
  notices: Map<string, DossierNotice>;
  reminders: Map<string, UnitReminder>;
}

/** Items by key, the first of each key kept (as `find` would give it). */
function byKey<T extends { key: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.key)) map.set(item.key, item);
  return map;
}

function logSources(run: PreparedRun): LogSources {
  return { run, notices: byKey(run.plan.dossierNotices), reminders: byKey(run.plan.reminders) };
}

/** The log rows of a mail: one, or one per file reminder it carries. */
function logRows(
  now: Date,
  sources: LogSources,
  mail: OutgoingMail,
  status: MailStatus,
  detail: string,
): Cell[][] {
  const notice = sources.notices.get(mail.key);
  if (!notice) return [logRow(now, sources, mail, status, detail)];
  // The cells every row of the mail shares are made once (a unit may have hundreds of files).
  const skipped = notice.unit.rejectedEmails;
  const at = formatDateTimeVietnam(now);
  const to = mail.to.join(', ');
  const label = MAIL_STATUS_LABEL[status];
  const tail = skipped.length ? MAIL_LOG.skipped(skipped) : '';
  const stages = new Map<string, string>();
  return notice.dossiers.map((f) => {
    const stage = f.dossier.stage;
    let milestone = stages.get(stage);
    if (milestone === undefined) {
      milestone = MAIL_LOG.fileMilestone(STAGE_LABEL[stage]);
      stages.set(stage, milestone);
    }
    return [
      at,
      milestone,
      notice.unit.name,
      to,
      f.leadDays === 0 ? MAIL_LOG.overdueLead : f.leadDays,
      label,
      `${detail} ${MAIL_LOG.fileAt(f.dossier.sheet, f.dossier.row)}` + tail,
      f.key,
    ];
  });
}

function logRow(
  now: Date,
  sources: LogSources,
  mail: OutgoingMail,
  status: MailStatus,
  detail: string,
): Cell[] {
  const reminder = sources.reminders.get(mail.key);
  const rejected = reminder
    ? reminder.unit.rejectedEmails
    : sources.run.context.settings.rejectedBoardEmails;
  return [
    formatDateTimeVietnam(now),
    reminder ? reminder.milestone.code : MAIL_LOG.digestMilestone,
    reminder ? reminder.unit.name : MAIL_LOG.digestUnit,
    mail.to.join(', '),
    reminder ? reminder.leadDays : '',
    MAIL_STATUS_LABEL[status],
    detail + (rejected.length ? MAIL_LOG.skipped(rejected) : ''),
    mail.key,
  ];
}

/**
 * Sends (or, in a dry run, only logs) today's messages. One failing address or unit never stops
 * the others; once the quota runs out the rest are deferred to the next run.
 */
/** The end of the sending budget kept for the digest (see `send` below). */
const DIGEST_RESERVE_MS = 20_000;

export function runReminders(
  workbook: Workbook,
  mailer: Mailer,
  now: () => Date,
  sheetUrl: string,
  options: {
    dryRun?: boolean;
    budgetMs?: number;
    journal?: SentJournal;
    unitFiles?: UnitFilesSource;
  } = {},
): RunSummary {
  const started = now().getTime();
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const journal = options.journal ?? NO_JOURNAL;
  recoverJournal(workbook, journal);
  const run = prepareReminders(workbook, now(), sheetUrl, options.unitFiles);
  const sources = logSources(run);
  const dryRun = options.dryRun ?? run.context.settings.dryRun;
  const counts: Record<MailStatus, number> = { sent: 0, failed: 0, deferred: 0, dry_run: 0 };
  let quotaGone = false;
  let timeGone = false;
  const delivered = new Set<string>();
  const noted: string[] = [];
  const log: Cell[][] = [];
  // The last seconds of the budget are kept for the digest: on a day whose unit mails take more
  // than one run, the Board still gets that day's digest from the first.
  const unitBudget = run.plan.digest ? budget - DIGEST_RESERVE_MS : budget;
  const send = (mail: OutgoingMail, limit = unitBudget): MailStatus => {
    let status: MailStatus;
    let detail: string;
    let rows: Cell[][] | undefined;
    if (dryRun) {
      status = 'dry_run';
      detail = MAIL_LOG.dryRun(mail.subject);
    } else if ((timeGone && limit === unitBudget) || now().getTime() - started > limit) {
      timeGone = true;
      status = 'deferred';
      detail = MAIL_LOG.outOfTime(budget / 60_000);
    } else if (mail.to.length === 0) {
      status = 'failed';
      detail = mail.key === run.plan.digest?.key ? MAIL_LOG.noBoardEmail : MAIL_LOG.noRecipients;
    } else {
      const remaining = quotaGone ? 0 : mailer.remainingQuota();
      if (quotaGone || remaining < mail.to.length) {
        quotaGone = true;
        status = 'deferred';
        detail = MAIL_LOG.deferred(remaining, mail.to.length);
      } else {
        let sent = false;
        let deferredNow = false;
        try {
          detail = mailer.send(mail) || MAIL_LOG.sent(mail.subject);
          sent = true;
        } catch (e) {
          deferredNow = e instanceof MailDeferred;
          detail = deferredNow ? (e as Error).message : MAIL_LOG.failed((e as Error).message);
        }
        status = sent ? 'sent' : deferredNow ? 'deferred' : 'failed';
        // A mail that went out is `sent` whatever happens to its note: only a kill before this
        // run's log is written could then repeat it.
        if (sent) {
          rows = logRows(now(), sources, mail, status, detail);
          try {
            journal.note(mail.key, rows);
            noted.push(mail.key);
          } catch {
            // A full property store loses only the durable note, not the log row below.
          }
        }
      }
    }
    // A mail sent is logged with the rows its note holds; any other, now.
    for (const row of rows ?? logRows(now(), sources, mail, status, detail)) log.push(row);
    counts[status]++;
    if (status === 'sent' || status === 'dry_run') delivered.add(mail.key);
    return status;
  };
  let digest: MailStatus | null = null;
  try {
    for (const mail of run.mails) if (mail.key !== run.plan.digest?.key) send(mail);
    // The digest is written after the unit mails, so it tells the Board who was really reminded.
    if (run.plan.digest) {
      const reminders = run.plan.digest.reminders.filter((r) => delivered.has(r.key));
      const files = run.plan.digest.dossiers.filter((n) => delivered.has(n.key));
      digest = send(
        digestMail({ ...run.plan.digest, reminders, dossiers: files }, run.context),
        budget,
      );
    }
  } finally {
    // One block for the whole run, whatever the number of messages; then the notes can go.
    if (log.length > 0) workbook.appendRows(SHEET.mailLog, log);
    if (noted.length > 0) journal.forget(noted);
  }
  return { plan: run.plan, counts, digest };
}

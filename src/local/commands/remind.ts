import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dayOfInstant, formatIso, instantOfDay } from '../../core/calendar/dates';
import { CLI } from '../../core/messages/cli';
import { MAIL_LOG } from '../../core/messages/mail';
import { runReminders, type Mailer } from '../../workbook/reminders';
import type { Workbook } from '../../workbook/port';
import { emlFileName, writeEmls, type EmlInput } from '../eml';
import { matchKey } from '../../core/text/normalize';
import { SHEET } from '../../workbook/contract';
import { isEngineInput } from '../../workbook/read';
import { assertReplaceable, writeFileAtomically } from '../atomic-file';
import { openForWriting, PatchedXlsx } from '../patched-workbook';
import type { Io } from '../io';
import { FileError } from '../file-error';
import { folderUnitFiles } from '../unit-files';
import { parseToday } from './report';

/** What the daily trigger does, with an outbox of .eml files in place of MailApp. */
export async function remindCommand(
  opts: {
    workbook: string;
    today: string | undefined;
    outbox: string;
    dryRun: boolean;
    unitFiles?: string | undefined;
  },
  io: Io,
): Promise<number> {
  const day = parseToday(opts.today);
  // With --today the run happens at 08:00 that day, Vietnam time.
  const now = () =>
    day === undefined ? io.now() : new Date(instantOfDay(day).getTime() + 8 * 3_600_000);
  io.progress(CLI.reading(opts.workbook));
  // The run decides what goes out; the files are composed afterwards (MailComposer works
  // asynchronously), all before the log is saved: a file that cannot be written keeps the run
  // out of the log, so nothing is logged as sent that was not.
  const outgoing: EmlInput[] = [];
  const outbox: Mailer = {
    remainingQuota: () => Number.POSITIVE_INFINITY,
    send: (mail) => {
      const file = join(opts.outbox, emlFileName(mail.key, formatIso(dayOfInstant(now()))));
      outgoing.push({ file, mail, at: now() });
      return MAIL_LOG.outbox(resolve(file));
    },
  };
  const unitFiles = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  const run = (book: Workbook) =>
    runReminders(book, outbox, now, '', {
      ...(opts.dryRun ? { dryRun: true } : {}),
      ...(unitFiles ? { unitFiles } : {}),
    });
  // Every file composed and written before the log is saved, after it is known to be savable.
  const writeOutbox = async () => {
    if (outgoing.length === 0) return;
    try {
      mkdirSync(opts.outbox, { recursive: true });
    } catch {
      throw new FileError(CLI.outboxUnwritable(opts.outbox, opts.workbook));
    }
    await writeEmls(outgoing, 'ptdv@localhost');
  };
  // The log's sheet is read with the engine's, so the run sees what it logged before.
  const logKey = matchKey(SHEET.mailLog);
  const book = await openForWriting(
    opts.workbook,
    (name) => isEngineInput(name) || matchKey(name) === logKey,
  );
  const summary = run(book);
  // The file with its new log rows is made in memory, and found replaceable, before any .eml
  // is written: a log that cannot be saved (a file Excel holds open, a part that cannot be
  // edited) stops the run with nothing written at all. A day with nothing to log leaves the
  // file as it is.
  if (book instanceof PatchedXlsx) {
    const bytes = book.pending ? await book.render() : null;
    if (bytes) assertReplaceable(opts.workbook);
    await writeOutbox();
    if (bytes) {
      io.progress(CLI.saving(opts.workbook));
      writeFileAtomically(opts.workbook, bytes);
    }
  } else {
    // PTDV_XLSX_READ=full: one full read, saved whatever happened, as before the patched write.
    assertReplaceable(opts.workbook);
    await writeOutbox();
    io.progress(CLI.saving(opts.workbook));
    await book.save(opts.workbook);
  }
  const c = summary.counts;
  io.out(
    CLI.remindSummary(formatIso(summary.plan.today), c.sent, c.dry_run, c.failed, opts.outbox),
  );
  for (const r of summary.plan.reminders)
    io.out(CLI.remindLine(r.unit.name, r.milestone.code, r.leadDays, r.shortfall));
  if (summary.plan.digest) io.out(CLI.remindDigest(summary.plan.digest.overdue.length));
  return 0;
}

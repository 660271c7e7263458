import { join, resolve } from 'node:path';
import { dayOfInstant, formatIso, instantOfDay } from '../../core/calendar/dates';
import { CLI } from '../../core/messages/cli';
import { MAIL_LOG } from '../../core/messages/mail';
import { runReminders, type Mailer } from '../../workbook/reminders';
import type { Workbook } from '../../workbook/port';
import { emlFileName } from '../outbox/eml';
import { StagedOutbox } from '../outbox/staged-outbox';
import type { OutgoingMail } from '../../core/reminders/reminder-mail';
import { matchKey } from '../../core/text/normalize';
import { SHEET } from '../../workbook/contract';
import { isEngineInput } from '../../workbook/read';
import { assertReplaceable, diskFull, prepareAtomicWrite, type PreparedSave } from '../atomic-file';
import { openForWriting } from '../patched-workbook';
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
  // The run decides what goes out; the files are composed and written afterwards, into a staging
  // folder of the outbox (staged-outbox.ts), and moved into the outbox only once the log that
  // records them is known to be savable: a file that cannot be written keeps the run out of the
  // log, and a log that cannot be saved keeps the files out of the outbox.
  const outgoing: { name: string; mail: OutgoingMail; at: Date }[] = [];
  const outbox: Mailer = {
    remainingQuota: () => Number.POSITIVE_INFINITY,
    send: (mail) => {
      const name = emlFileName(mail.key, formatIso(dayOfInstant(now())));
      outgoing.push({ name, mail, at: now() });
      return MAIL_LOG.outbox(resolve(join(opts.outbox, name)));
    },
  };
  const unitFiles = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  const run = (book: Workbook) =>
    runReminders(book, outbox, now, '', {
      ...(opts.dryRun ? { dryRun: true } : {}),
      ...(unitFiles ? { unitFiles } : {}),
    });
  // The files are composed and written on the writer's thread while the workbook is rendered,
  // then on both threads (staged-outbox.ts).
  const stageOutbox = (): StagedOutbox | null => {
    if (outgoing.length === 0) return null;
    try {
      return StagedOutbox.open(opts.outbox, outgoing);
    } catch (e) {
      throw new FileError(
        diskFull(e)
          ? CLI.outboxDiskFull(opts.outbox, opts.workbook)
          : CLI.outboxUnwritable(opts.outbox, opts.workbook),
      );
    }
  };
  // A failure after some mails were moved: the user also hears of those that could not be taken
  // back out of the outbox (a mail program holds them).
  const sayingLeft = (e: unknown, staged: StagedOutbox | null): unknown =>
    staged && staged.leftInOutbox > 0 && e instanceof FileError
      ? new FileError(`${e.message} ${CLI.mailsLeftInOutbox(staged.leftInOutbox, opts.outbox)}`)
      : e;
  // Waits for the files and moves them into the outbox; any failure leaves the outbox as it was.
  const deliver = async (staged: StagedOutbox | null) => {
    if (!staged) return;
    try {
      await staged.written();
      staged.commit();
    } catch (e) {
      await staged.discard();
      throw sayingLeft(
        new FileError(
          diskFull(e)
            ? CLI.outboxDiskFull(opts.outbox, opts.workbook)
            : CLI.outboxUnwritable(opts.outbox, opts.workbook),
        ),
        staged,
      );
    }
  };
  // The log's sheet is read with the engine's, so the run sees what it logged before.
  const logKey = matchKey(SHEET.mailLog);
  const book = await openForWriting(
    opts.workbook,
    (name) => isEngineInput(name) || matchKey(name) === logKey,
  );
  const summary = run(book);
  // A file Excel holds open stops the run before anything is written at all.
  if (book.pending) assertReplaceable(opts.workbook);
  // The file with its new log rows is made and written beside the workbook, flushed, while the
  // .eml files are written; only then are the files moved into the outbox, and the new file
  // renamed over the workbook last. A file that cannot be made or written (a part that cannot be
  // edited, a full disk) stops the run with the staging folder removed; a rename that fails at
  // the very end (Excel opened the file meanwhile) takes the mails out of the outbox again. A day
  // with nothing to log leaves the file as it is (with PTDV_XLSX_READ=full, read and written whole
  // by exceljs, the file is written whatever happened, as before the patched write).
  const staged = stageOutbox();
  let save: PreparedSave | null = null;
  try {
    const bytes = book.pending ? await book.render() : null;
    if (bytes) {
      io.progress(CLI.saving(opts.workbook));
      save = prepareAtomicWrite(opts.workbook, bytes);
    }
  } catch (e) {
    await staged?.discard();
    throw e;
  }
  try {
    await deliver(staged);
  } catch (e) {
    save?.abandon();
    throw e;
  }
  try {
    save?.commit();
  } catch (e) {
    await staged?.withdraw();
    throw sayingLeft(e, staged);
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

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dayOfInstant, formatIso, instantOfDay } from '../../core/dates';
import { CLI, MAIL_LOG } from '../../core/messages';
import { runReminders, type Mailer } from '../../workbook/reminders';
import type { OutgoingMail } from '../../core/reminder-mail';
import { buildEml, emlFileName } from '../eml';
import { matchKey } from '../../core/normalize';
import { SHEET } from '../../workbook/contract';
import { isEngineInput } from '../../workbook/read';
import { StagedAppends } from '../staged-appends';
import { fullReadRequested, readXlsx } from '../xlsx-reader';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';
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
  // Decided from a lean read; the log rows are staged and written by the full writer at the end.
  const logKey = matchKey(SHEET.mailLog);
  // PTDV_XLSX_READ=full: one full read, saved whatever happened, as before the lean read.
  const book = fullReadRequested()
    ? await XlsxWorkbook.open(opts.workbook)
    : new StagedAppends(
        await readXlsx(opts.workbook, (name) => isEngineInput(name) || matchKey(name) === logKey),
      );
  // The run decides what goes out; the files are composed afterwards (MailComposer works
  // asynchronously), all before the log is saved: a file that cannot be written keeps the run
  // out of the log, so nothing is logged as sent that was not.
  const outgoing: { file: string; mail: OutgoingMail; at: Date }[] = [];
  const outbox: Mailer = {
    remainingQuota: () => Number.POSITIVE_INFINITY,
    send: (mail) => {
      const file = join(opts.outbox, emlFileName(mail.key, formatIso(dayOfInstant(now()))));
      outgoing.push({ file, mail, at: now() });
      return MAIL_LOG.outbox(resolve(file));
    },
  };
  const unitFiles = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  const summary = runReminders(book, outbox, now, '', {
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(unitFiles ? { unitFiles } : {}),
  });
  if (outgoing.length > 0) mkdirSync(opts.outbox, { recursive: true });
  for (const { file, mail, at } of outgoing)
    writeFileSync(file, await buildEml(mail, 'ptdv@localhost', at));
  if (book instanceof XlsxWorkbook) {
    io.progress(CLI.saving(opts.workbook));
    await book.save(opts.workbook);
  } else if (book.pending) {
    io.progress(CLI.saving(opts.workbook));
    const full = await XlsxWorkbook.open(opts.workbook);
    book.replayInto(full);
    await full.save(opts.workbook);
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

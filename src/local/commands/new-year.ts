import { existsSync } from 'node:fs';
import { CLI } from '../../core/messages/cli';
import { NEW_YEAR } from '../../core/messages/sheets';
import { NewYearError, moveToNewYear } from '../../workbook/new-year';
import { FileError } from '../file-error';
import { openForWriting } from '../patched-workbook';
import { isPlanSheet } from '../../workbook/read';
import type { Io } from '../io';
import { UsageError } from '../usage-error';

/**
 * The same workbook moved to another year. Without --out the file is replaced only once the whole
 * change is computed, written to a scratch file and renamed into place.
 */
export async function newYearCommand(
  opts: { workbook: string; year: string; out: string | undefined; force: boolean },
  io: Io,
): Promise<number> {
  const year = Number(opts.year.trim());
  if (!/^\d{4}$/.test(opts.year.trim())) throw new UsageError(CLI.badYear(opts.year));
  if (opts.out && existsSync(opts.out) && !opts.force)
    throw new FileError(CLI.fileExists(opts.out));
  io.progress(CLI.reading(opts.workbook));
  // Only the plan's sheets are read (`Mốc`, `Chỉ tiêu`, `Cấu hình`): the move touches nothing else,
  // and the list of a large workbook is most of its reading (`new-year` on the bench's 200,000
  // rows read them all for nothing).
  const book = await openForWriting(opts.workbook, isPlanSheet);
  let summary;
  try {
    summary = moveToNewYear(book, year);
  } catch (e) {
    if (e instanceof NewYearError) throw new FileError(e.message);
    throw e;
  }
  const target = opts.out ?? opts.workbook;
  io.progress(CLI.saving(target));
  await book.save(target);
  io.out(NEW_YEAR.done(summary.from, summary.to, summary.milestones));
  io.out(CLI.newYearDone(target));
  return 0;
}

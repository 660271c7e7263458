import { existsSync } from 'node:fs';
import { CLI } from '../../core/messages';
import { initializeWorkbook } from '../../workbook/usecases';
import { PLAN_145 } from '../../core/plan145';
import { FileError, XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';

export async function initCommand(
  opts: { out: string; force: boolean; countsOnly: boolean },
  io: Io,
): Promise<number> {
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  const book = XlsxWorkbook.empty();
  const plan = opts.countsOnly
    ? { ...PLAN_145, settings: { ...PLAN_145.settings, dataMode: 'counts' as const } }
    : PLAN_145;
  initializeWorkbook(book, io.now(), plan);
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(CLI.initDone(opts.out));
  return 0;
}

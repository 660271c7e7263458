import { existsSync } from 'node:fs';
import { CLI } from '../../core/messages';
import { initializeWorkbook } from '../../workbook/usecases';
import { FileError, XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';

export async function initCommand(opts: { out: string; force: boolean }, io: Io): Promise<number> {
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  const book = XlsxWorkbook.empty();
  initializeWorkbook(book, io.now());
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(CLI.initDone(opts.out));
  return 0;
}

import { existsSync } from 'node:fs';
import { CLI } from '../../core/messages';
import { evaluateWorkbook, initializeWorkbook } from '../../workbook/usecases';
import { PLAN_145 } from '../../core/plan145';
import { FileError, XlsxWorkbook } from '../xlsx-workbook';
import type { Plan } from '../../core/model';
import type { Io } from '../io';

/**
 * A new workbook seeded with Plan 145, or with the plan of another workbook (`--plan-from`): the
 * office that keeps its list locally makes the shared counts-only workbook from that list's own
 * units, quotas, milestones and settings, so both report the same table.
 */
export async function initCommand(
  opts: { out: string; force: boolean; countsOnly: boolean; planFrom: string | undefined },
  io: Io,
): Promise<number> {
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  let source: Plan = PLAN_145;
  if (opts.planFrom !== undefined) {
    io.progress(CLI.reading(opts.planFrom));
    source = evaluateWorkbook(await XlsxWorkbook.open(opts.planFrom), io.now()).plan;
  }
  const plan = opts.countsOnly
    ? { ...source, settings: { ...source.settings, dataMode: 'counts' as const } }
    : source;
  const book = XlsxWorkbook.empty();
  initializeWorkbook(book, io.now(), plan);
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(CLI.initDone(opts.out, plan.settings.planNumber));
  return 0;
}

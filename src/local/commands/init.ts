import { existsSync } from 'node:fs';
import { CLI } from '../../core/messages/cli';
import { evaluateWorkbook, initializeWorkbook } from '../../workbook/usecases';
import { PLAN_145 } from '../../core/plan/plan145';
import { FileError } from '../file-error';
import { XlsxWorkbook } from '../xlsx-workbook';
import { readXlsx } from '../xlsx-reader';
import { isEngineInput } from '../../workbook/read';
import type { Plan } from '../../core/model';
import type { Io } from '../io';
import { UsageError } from '../usage-error';
import { BLANK_PLAN } from '../../core/plan/settings-input';

/**
 * A new workbook seeded with Plan 145, or with the plan of another workbook (`--plan-from`): the
 * office that keeps its list locally makes the shared counts-only workbook from that list's own
 * units, quotas, milestones and settings, so both report the same table.
 */
export async function initCommand(
  opts: {
    out: string;
    force: boolean;
    countsOnly: boolean;
    planFrom: string | undefined;
    blank: boolean;
  },
  io: Io,
): Promise<number> {
  if (opts.blank && opts.planFrom !== undefined) throw new UsageError(CLI.blankOrPlanFrom);
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  let source: Plan = opts.blank ? BLANK_PLAN : PLAN_145;
  if (opts.planFrom !== undefined) {
    io.progress(CLI.reading(opts.planFrom));
    source = evaluateWorkbook(await readXlsx(opts.planFrom, isEngineInput), io.now()).plan;
  }
  const plan = opts.countsOnly
    ? { ...source, settings: { ...source.settings, dataMode: 'counts' as const } }
    : source;
  const book = XlsxWorkbook.empty();
  initializeWorkbook(book, io.now(), plan, opts.blank);
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(
    opts.blank ? CLI.initBlankDone(opts.out) : CLI.initDone(opts.out, plan.settings.planNumber),
  );
  return 0;
}

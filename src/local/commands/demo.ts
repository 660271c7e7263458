import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLI } from '../../core/messages/cli';
import { PLAN_145 } from '../../core/plan/plan145';
import { CANDIDATE_COLUMNS, SHEET } from '../../workbook/contract';
import { MemoryWorkbook } from '../../workbook/memory-workbook';
import { initializeWorkbook, refreshWorkbook } from '../../workbook/usecases';
import { plantMistakes } from '../demo-mistakes';
import { candidateCells, syntheticPeople } from '../synthetic';
import { FileError } from '../file-error';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';
import type { Plan } from '../../core/model';

/** Plan 145 with made-up addresses on a reserved domain, so reminders have somewhere to go. */
const DEMO_PLAN: Plan = {
  ...PLAN_145,
  settings: { ...PLAN_145.settings, boardEmails: ['bantochuc@example.com'] },
  units: PLAN_145.units.map((u) => ({ ...u, emails: [`${u.code.toLowerCase()}@example.com`] })),
};

/**
 * A Plan 145 workbook with synthetic (clearly fake) candidates and a few planted mistakes of
 * each kind, to try everything locally.
 */
export async function demoCommand(opts: { out: string; force: boolean }, io: Io): Promise<number> {
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  const now = io.now();
  const draft = new MemoryWorkbook();
  initializeWorkbook(draft, now, DEMO_PLAN);
  const people = syntheticPeople(PLAN_145);
  draft.sheets.set(SHEET.candidates, [
    CANDIDATE_COLUMNS.map((c) => c.header),
    ...candidateCells(people),
  ]);
  const planted = plantMistakes(draft.sheets);
  const book = XlsxWorkbook.empty();
  for (const [name, rows] of draft.sheets) {
    const layout = draft.layouts.get(name);
    if (layout) book.writeSheet(name, rows, layout);
  }
  refreshWorkbook(book, now);
  mkdirSync(dirname(opts.out), { recursive: true });
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(CLI.demoDone(opts.out, people.length, planted.length));
  return 0;
}

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLI } from '../../core/messages';
import { PLAN_145 } from '../../core/plan145';
import { CANDIDATE_COLUMNS, SHEET } from '../../workbook/contract';
import { seedSheets } from '../../workbook/seed';
import { initializeWorkbook, refreshWorkbook } from '../../workbook/usecases';
import { candidateCells, syntheticPeople } from '../synthetic';
import { FileError, XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';
import type { Plan } from '../../core/model';

/** Plan 145 with made-up addresses on a reserved domain, so reminders have somewhere to go. */
const DEMO_PLAN: Plan = {
  ...PLAN_145,
  settings: { ...PLAN_145.settings, boardEmails: ['bantochuc@example.com'] },
  units: PLAN_145.units.map((u) => ({ ...u, emails: [`${u.code.toLowerCase()}@example.com`] })),
};

/** A Plan 145 workbook with synthetic (clearly fake) candidates, to try everything locally. */
export async function demoCommand(opts: { out: string; force: boolean }, io: Io): Promise<number> {
  if (existsSync(opts.out) && !opts.force) throw new FileError(CLI.fileExists(opts.out));
  const book = XlsxWorkbook.empty();
  const now = io.now();
  initializeWorkbook(book, now, DEMO_PLAN);
  const people = syntheticPeople(PLAN_145);
  const layout = seedSheets(PLAN_145).find((s) => s.name === SHEET.candidates)?.layout;
  if (!layout) throw new Error('no layout for the candidate sheet');
  book.writeSheet(
    SHEET.candidates,
    [CANDIDATE_COLUMNS.map((c) => c.header), ...candidateCells(people)],
    layout,
  );
  refreshWorkbook(book, now);
  mkdirSync(dirname(opts.out), { recursive: true });
  io.progress(CLI.saving(opts.out));
  await book.save(opts.out);
  io.out(CLI.demoDone(opts.out, people.length));
  return 0;
}

import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { instantOfDay } from '../../core/calendar/dates';
import { figuresRefusal, higherFigures } from '../../core/higher/figures';
import { CLI } from '../../core/messages/cli';
import { matchKey } from '../../core/text/normalize';
import { SHEET } from '../../workbook/contract';
import {
  higherFiguresSheet,
  rollupCounts,
  type FiguresSource,
  type RollupRefusal,
} from '../../workbook/higher-figures';
import { isEngineInput, isPlanSheet, readPlanUnits } from '../../workbook/read';
import { evaluateWorkbook } from '../../workbook/usecases';
import { FileError } from '../file-error';
import type { Io } from '../io';
import { openForWriting } from '../patched-workbook';
import { readXlsx } from '../xlsx-reader';
import { parseToday } from './report';

const isFigures = (name: string) => matchKey(name) === matchKey(SHEET.higherFigures);

/**
 * A higher committee's `Số liệu` from its lower committees' files in a folder: each a figures
 * file (`ptdv counts --for-higher`) or the lower committee's own workbook, whose figures are
 * computed here the same way. Refused whole, nothing written, when a file names a unit or a
 * milestone the higher plan does not have.
 */
export async function rollupCommand(
  opts: { workbook: string; from: string; today: string | undefined },
  io: Io,
): Promise<number> {
  const asOf = parseToday(opts.today);
  let names: string[];
  try {
    names = readdirSync(opts.from).sort();
  } catch {
    throw new FileError(CLI.rollupNoFiles(opts.from));
  }
  const self = resolve(opts.workbook);
  const files = names
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('.') && !n.startsWith('~$'))
    .map((n) => join(opts.from, n))
    .filter((p) => resolve(p) !== self && statSync(p).isFile());
  if (files.length === 0) throw new FileError(CLI.rollupNoFiles(opts.from));
  io.progress(CLI.reading(opts.workbook));
  const province = await openForWriting(
    opts.workbook,
    (n) => isPlanSheet(n) || matchKey(n) === matchKey(SHEET.counts),
  );
  const plan = readPlanUnits(province);
  const now = io.now();
  const sources: FiguresSource[] = [];
  for (const file of files) {
    io.progress(CLI.reading(file));
    const book = await readXlsx(file, (n) => isFigures(n) || isEngineInput(n));
    const figuresSheet = book.sheetNames().find(isFigures);
    const label = basename(file);
    if (figuresSheet) {
      sources.push({ label, rows: book.readSheet(figuresSheet) ?? [] });
      continue;
    }
    if (!book.sheetNames().some((n) => isPlanSheet(n)))
      throw new FileError(CLI.rollupNotFigures(file));
    // A lower committee's own workbook: its figures as it would send them.
    const figures = higherFigures(evaluateWorkbook(book, now, asOf));
    if (figures.code === '') throw new FileError(CLI.higherCodeMissing(file));
    const refusal = figuresRefusal(figures);
    if (refusal !== null) throw new FileError(CLI.higherRefused(file, refusal));
    const sheet = higherFiguresSheet(figures, asOf ? instantOfDay(asOf) : now, figures.name);
    sources.push({ label, rows: sheet.rows });
  }
  const rolled = rollupCounts(plan, province.readSheet(SHEET.counts), sources);
  if (!rolled.ok)
    throw new FileError(CLI.rollupRefused(opts.workbook, rolled.refusals.map(refusalText)));
  province.writeSheet(SHEET.counts, rolled.rows, rolled.layout);
  io.progress(CLI.saving(opts.workbook));
  await province.save(opts.workbook);
  io.out(CLI.rollupDone(opts.workbook, sources.length, [...rolled.from.keys()]));
  return 0;
}

function refusalText(r: RollupRefusal): string {
  switch (r.kind) {
    case 'no_row':
      return CLI.rollupNoRow(r.label);
    case 'unit_unknown':
      return CLI.rollupUnitUnknown(r.label, r.code);
    case 'column_unknown':
      return CLI.rollupColumnUnknown(r.label, r.column);
    case 'duplicate':
      return CLI.rollupDuplicate(r.label, r.code, r.other);
  }
}

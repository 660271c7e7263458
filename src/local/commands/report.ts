import { readDay } from '../../core/dates';
import { CLI } from '../../core/messages';
import { buildJsonReport } from '../../core/report';
import { evaluateWorkbook, refreshWorkbook } from '../../workbook/usecases';
import { renderProblemSummary, renderTable } from '../text-table';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { Io } from '../io';
import { UsageError } from '../usage-error';

const PROBLEMS_SHOWN = 20;

export interface ReportOptions {
  workbook: string;
  today: string | undefined;
  json: boolean;
  write: boolean;
}

export function parseToday(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const reading = readDay(text);
  if (reading.kind !== 'ok') throw new UsageError(CLI.badToday(text));
  return reading.day;
}

export async function reportCommand(opts: ReportOptions, io: Io): Promise<number> {
  const asOf = parseToday(opts.today);
  io.progress(CLI.reading(opts.workbook));
  const book = await XlsxWorkbook.open(opts.workbook);
  io.progress(CLI.computing);
  const now = io.now();
  const evaluation = opts.write
    ? refreshWorkbook(book, now, asOf)
    : evaluateWorkbook(book, now, asOf);
  if (opts.write) {
    io.progress(CLI.saving(opts.workbook));
    await book.save(opts.workbook);
  }
  if (opts.json) io.out(JSON.stringify(buildJsonReport(evaluation), null, 2));
  else {
    io.out(renderTable(evaluation));
    io.out(renderProblemSummary(evaluation, PROBLEMS_SHOWN));
  }
  if (opts.write) io.err(CLI.written(opts.workbook));
  return 0;
}

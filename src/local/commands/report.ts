import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dayOfInstant, readDay } from '../../core/calendar/dates';
import { CLI } from '../../core/messages/cli';
import { buildJsonReport } from '../../core/reports/json-report';
import { buildReportDocument, reportDays } from '../../core/reports/report-document';
import { reportHtml } from '../../core/reports/report-html';
import type { Evaluation } from '../../core/evaluate';
import { evaluateWorkbook, refreshWorkbook } from '../../workbook/usecases';
import { printPdf } from '../pdf';
import {
  renderOverdueDossiers,
  renderProblemSummary,
  renderRisks,
  renderTable,
} from '../text-table';
import { openForWriting, type WritableWorkbook } from '../patched-workbook';
import { readXlsx } from '../xlsx-reader';
import { isEngineInput } from '../../workbook/read';
import type { Io } from '../io';
import { folderUnitFiles } from '../unit-files';
import { UsageError } from '../usage-error';

const PROBLEMS_SHOWN = 20;

export interface ReportOptions {
  workbook: string;
  today: string | undefined;
  /** The day the figures are counted to, when not today (the document is still dated today). */
  asOf?: string | undefined;
  json: boolean;
  write: boolean;
  html?: string | undefined;
  pdf?: string | undefined;
  unitFiles?: string | undefined;
}

export function parseToday(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const reading = readDay(text);
  if (reading.kind !== 'ok') throw new UsageError(CLI.badToday(text));
  return reading.day;
}

export async function reportCommand(opts: ReportOptions, io: Io): Promise<number> {
  const today = parseToday(opts.today);
  const asked = parseToday(opts.asOf);
  const days = reportDays(asked ?? today ?? null, today ?? dayOfInstant(io.now()));
  if (days === null) throw new UsageError(CLI.asOfAhead(opts.asOf ?? ''));
  // Without --as-of or --today the figures are counted to today, as before: no cut at all.
  const asOf = asked ?? today;
  io.progress(CLI.reading(opts.workbook));
  const files = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  // Only --write changes the file: otherwise a lean, streaming read of what the engine needs.
  const target: WritableWorkbook | null = opts.write
    ? await openForWriting(opts.workbook, isEngineInput)
    : null;
  const book = target ?? (await readXlsx(opts.workbook, isEngineInput));
  io.progress(CLI.computing);
  const now = io.now();
  const evaluation = opts.write
    ? refreshWorkbook(book, now, asOf, files)
    : evaluateWorkbook(book, now, asOf, undefined, files);
  if (target) {
    io.progress(CLI.saving(opts.workbook));
    await target.save(opts.workbook);
  }
  if (opts.json) io.out(JSON.stringify(buildJsonReport(evaluation), null, 2));
  else {
    io.out(renderTable(evaluation));
    io.out(renderRisks(evaluation));
    io.out(renderOverdueDossiers(evaluation));
    io.out(renderProblemSummary(evaluation, PROBLEMS_SHOWN));
  }
  if (opts.write) io.err(CLI.written(opts.workbook));
  if (opts.html !== undefined || opts.pdf !== undefined)
    await writeDocument(evaluation, days.madeOn, opts, io);
  return 0;
}

/** The HTML page (and its PDF), dated `day`: the day it is made (see reportDays). */
async function writeDocument(
  evaluation: Evaluation,
  day: number,
  opts: ReportOptions,
  io: Io,
): Promise<void> {
  const html = reportHtml(buildReportDocument(evaluation, day));
  const scratch = opts.html === undefined ? mkdtempSync(join(tmpdir(), 'ptdv-report-')) : null;
  const htmlPath = opts.html ?? join(scratch ?? '', 'bao-cao.html');
  try {
    mkdirSync(dirname(htmlPath), { recursive: true });
    writeFileSync(htmlPath, html);
    if (opts.html !== undefined) io.err(CLI.htmlWritten(opts.html));
    if (opts.pdf !== undefined) {
      io.progress(CLI.printing(opts.pdf));
      mkdirSync(dirname(opts.pdf), { recursive: true });
      await printPdf(htmlPath, opts.pdf);
      io.err(CLI.pdfWritten(opts.pdf));
    }
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dayOfInstant, formatDmy, readDay, type Day } from '../../core/calendar/dates';
import { clipPeriod, periodOfDays, readPeriod, type Period } from '../../core/calendar/periods';
import { CLI } from '../../core/messages/cli';
import { buildJsonReport } from '../../core/reports/json-report';
import {
  buildReportDocument,
  reportDays,
  type ReportDocument,
} from '../../core/reports/report-document';
import { reportHtml } from '../../core/reports/report-html';
import { evaluateWorkbook, refreshWorkbook } from '../../workbook/usecases';
import { writeFileAtomically } from '../atomic-file';
import { printPdf } from '../pdf';
import { reportDocx } from '../report-docx';
import {
  renderOverdueDossiers,
  renderPeriod,
  renderProblemSummary,
  renderStructure,
  renderRisks,
  renderTable,
} from '../text-table';
import { openForWriting, type WritableWorkbook } from '../patched-workbook';
import { readXlsx } from '../xlsx-reader';
import { isEngineInput } from '../../workbook/read';
import type { Io } from '../io';
import { folderUnitFiles } from '../unit-files';
import { FileError } from '../file-error';
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
  /** The report as a Word document to edit and sign. */
  docx?: string | undefined;
  /** A period reported beside the same days a year earlier: `--period`, or `--from`/`--to`. */
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  unitFiles?: string | undefined;
}

/** The period asked for, read against the day the figures are counted to; null when none. */
export function periodAsked(opts: ReportOptions, asOf: Day): Period | null {
  if (opts.period !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new UsageError(CLI.periodWithDays);
    const period = readPeriod(opts.period, asOf);
    if (!period) throw new UsageError(CLI.badPeriod(opts.period));
    return period;
  }
  if (opts.from === undefined && opts.to === undefined) return null;
  if (opts.from === undefined || opts.to === undefined) throw new UsageError(CLI.periodNeedsBoth);
  const day = (option: string, text: string): Day => {
    const reading = readDay(text);
    if (reading.kind !== 'ok') throw new UsageError(CLI.badPeriodDay(option, text));
    return reading.day;
  };
  const period = periodOfDays(day('--from', opts.from), day('--to', opts.to));
  if (!period) throw new UsageError(CLI.periodBackwards(opts.from, opts.to));
  return period;
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
  // Read before the workbook, so a mistyped period costs no wait. A period counts to its end (or,
  // while it runs, to the as-of day), and so does the rest of the report unless --as-of says
  // otherwise: as Xuất báo cáo does.
  const askedPeriod = periodAsked(opts, days.asOf);
  const period = askedPeriod && clipPeriod(askedPeriod, days.asOf);
  if (askedPeriod && !period)
    throw new UsageError(CLI.periodNotStarted(formatDmy(askedPeriod.from)));
  // Without --as-of, --today or a period the figures are counted to today, as before: no cut.
  const asOf = asked ?? (period ? period.to : today);
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
  if (opts.json) io.out(JSON.stringify(buildJsonReport(evaluation, { period }), null, 2));
  else {
    io.out(renderTable(evaluation));
    io.out(renderStructure(evaluation, period));
    if (period) io.out(renderPeriod(evaluation, period));
    io.out(renderRisks(evaluation));
    io.out(renderOverdueDossiers(evaluation));
    io.out(renderProblemSummary(evaluation, PROBLEMS_SHOWN));
  }
  if (opts.write) io.err(CLI.written(opts.workbook));
  if (opts.html !== undefined || opts.pdf !== undefined || opts.docx !== undefined) {
    // One document, dated the day it is made (see reportDays), for the page, the PDF and the .docx.
    const doc = buildReportDocument(evaluation, days.madeOn, { period });
    if (opts.html !== undefined || opts.pdf !== undefined) await writeDocument(doc, opts, io);
    if (opts.docx !== undefined) await writeDocx(doc, opts.docx, io);
  }
  return 0;
}

/** The Word document, written whole or not at all, its folder made when missing. */
async function writeDocx(doc: ReportDocument, path: string, io: Io): Promise<void> {
  const bytes = await reportDocx(doc);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    throw new FileError(CLI.folderUnwritable(path));
  }
  writeFileAtomically(path, bytes);
  io.err(CLI.docxWritten(path));
}

/** The HTML page (and its PDF). */
async function writeDocument(doc: ReportDocument, opts: ReportOptions, io: Io): Promise<void> {
  const html = reportHtml(doc);
  const scratch = opts.html === undefined ? mkdtempSync(join(tmpdir(), 'ptdv-report-')) : null;
  const htmlPath = opts.html ?? join(scratch ?? '', 'bao-cao.html');
  try {
    mkdirSync(dirname(htmlPath), { recursive: true });
    writeFileAtomically(htmlPath, Buffer.from(html, 'utf8'));
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

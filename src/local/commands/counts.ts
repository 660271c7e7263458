import { writeFileAtomically } from '../atomic-file';
import { dayOfInstant, formatDmy, instantOfDay, isDateObject } from '../../core/calendar/dates';
import { figuresRefusal, higherFigures } from '../../core/higher/figures';
import { higherFiguresSheet } from '../../workbook/higher-figures';
import { UsageError } from '../usage-error';
import { CLI } from '../../core/messages/cli';
import { missingFrom } from '../../core/plan/plan-differences';
import { SHEET } from '../../workbook/contract';
import { countsExport } from '../../workbook/counts-export';
import { evaluateWorkbook } from '../../workbook/usecases';
import type { Cell } from '../../workbook/port';
import { renderProblemSummary } from '../text-table';
import { FileError } from '../file-error';
import { openForWriting, PatchedXlsx, type WritableWorkbook } from '../patched-workbook';
import { readXlsx } from '../xlsx-reader';
import { isEngineInput, isPlanSheet, readPlanUnits } from '../../workbook/read';
import type { Io } from '../io';
import { folderUnitFiles } from '../unit-files';
import { parseToday } from './report';

const PROBLEMS_SHOWN = 50;

/** RFC 4180 CSV with a BOM, so Excel and Google Sheets both read the Vietnamese text as UTF-8. */
function toCsv(rows: Cell[][]): string {
  const field = (v: Cell) => {
    const text = v === null ? '' : isDateObject(v) ? formatDmy(dayOfInstant(v)) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * The person list stays on the office's machine: from it, the per-unit counts with every check
 * applied, in the `Số liệu` layout (.xlsx and .csv) to import into the shared sheet, or written
 * straight into another workbook's `Số liệu` with --into. No name or date of birth is written.
 */
export async function countsCommand(
  opts: {
    workbook: string;
    out: string | undefined;
    into: string | undefined;
    forHigher?: string | undefined;
    today: string | undefined;
    by: string | undefined;
    unitFiles?: string | undefined;
  },
  io: Io,
): Promise<number> {
  const asOf = parseToday(opts.today);
  io.progress(CLI.reading(opts.workbook));
  const local = await readXlsx(opts.workbook, isEngineInput);
  const now = io.now();
  const unitFiles = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  const evaluation = evaluateWorkbook(local, now, asOf, undefined, unitFiles);
  // Checked before anything is written: a counts-only workbook has no list to export.
  if (opts.out && evaluation.plan.settings.dataMode === 'counts')
    throw new FileError(CLI.countsNeedList(opts.workbook));
  if (opts.forHigher) {
    await writeForHigher(
      evaluation,
      opts.workbook,
      opts.forHigher,
      asOf ? instantOfDay(asOf) : now,
      io,
    );
    if (!opts.out) {
      io.out(renderProblemSummary(evaluation, PROBLEMS_SHOWN));
      return 0;
    }
  }
  if (!opts.out) throw new UsageError(CLI.missingOption('--out'));
  if (evaluation.plan.settings.dataMode === 'counts')
    throw new FileError(CLI.countsNeedList(opts.workbook));
  // Checked before anything is written: figures of one plan never land in another plan's sheet.
  let shared: WritableWorkbook | null = null;
  if (opts.into) {
    io.progress(CLI.reading(opts.into));
    // Only its plan is read: its own people, if it keeps any, play no part in the comparison.
    shared = await openForWriting(opts.into, isPlanSheet);
    const plan = readPlanUnits(shared);
    const target = { units: plan.units, milestones: plan.milestones.filter((m) => !m.archived) };
    const missing = missingFrom(
      { units: evaluation.plan.units, milestones: evaluation.fulfillment.milestones },
      target,
    );
    if (missing.units.length > 0 || missing.milestones.length > 0)
      throw new FileError(
        CLI.countsPlanDiffers(opts.into, opts.workbook, missing.units, missing.milestones),
      );
  }
  const { rows, layout } = countsExport(
    evaluation,
    asOf ?? dayOfInstant(now),
    opts.by ?? CLI.countsBy,
  );
  const out = opts.out;
  const base = out.replace(/\.(xlsx|csv)$/i, '');
  const file = PatchedXlsx.create(`${base}.xlsx`);
  file.writeSheet(SHEET.counts, rows, layout);
  io.progress(CLI.saving(`${base}.xlsx`));
  await file.save(`${base}.xlsx`);
  // Often opened in Excel: a file held open is said so, in Vietnamese, and left as it was.
  writeFileAtomically(`${base}.csv`, Buffer.from(toCsv(rows), 'utf8'));
  if (opts.into && shared) {
    io.progress(CLI.saving(opts.into));
    shared.writeSheet(SHEET.counts, rows, layout);
    await shared.save(opts.into);
  }
  io.out(
    CLI.countsDone(`${base}.xlsx`, `${base}.csv`, opts.into, evaluation.fulfillment.units.length),
  );
  io.out(renderProblemSummary(evaluation, PROBLEMS_SHOWN));
  return 0;
}

/**
 * The committee's own totals for the committee above it, under the higher plan's codes, in a file
 * of one sheet (`Số liệu gửi cấp trên`): what the higher committee's `ptdv rollup` reads.
 */
async function writeForHigher(
  evaluation: ReturnType<typeof evaluateWorkbook>,
  workbook: string,
  path: string,
  updated: Date,
  io: Io,
): Promise<void> {
  const figures = higherFigures(evaluation);
  if (figures.code === '') throw new FileError(CLI.higherCodeMissing(workbook));
  const refusal = figuresRefusal(figures);
  if (refusal !== null) throw new FileError(CLI.higherRefused(workbook, refusal));
  const { rows, layout } = higherFiguresSheet(
    figures,
    updated,
    evaluation.plan.settings.issuerName,
  );
  const file = PatchedXlsx.create(path);
  file.writeSheet(SHEET.higherFigures, rows, layout);
  io.progress(CLI.saving(path));
  await file.save(path);
  io.out(
    CLI.higherDone(
      path,
      figures.code,
      figures.milestones.map((m) => m.code),
    ),
  );
}

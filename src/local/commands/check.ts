import { CLI } from '../../core/messages/cli';
import { evaluateWorkbook } from '../../workbook/usecases';
import { buildJsonReport } from '../../core/reports/json-report';
import { renderProblemSummary } from '../text-table';
import { readXlsx } from '../xlsx-reader';
import { isEngineInput } from '../../workbook/read';
import type { Io } from '../io';
import { folderUnitFiles } from '../unit-files';

/** Lists every problem in the entries; exit code 1 when any is an error, so scripts can gate on it. */
export async function checkCommand(
  opts: { workbook: string; json: boolean; unitFiles?: string | undefined },
  io: Io,
): Promise<number> {
  io.progress(CLI.reading(opts.workbook));
  const book = await readXlsx(opts.workbook, isEngineInput);
  const files = opts.unitFiles ? await folderUnitFiles(opts.unitFiles) : undefined;
  const evaluation = evaluateWorkbook(book, io.now(), undefined, undefined, files);
  const errors = evaluation.problems.filter((p) => p.severity === 'error').length;
  if (opts.json) {
    const report = buildJsonReport(evaluation);
    io.out(JSON.stringify({ rows: report.rows, problems: report.problems }, null, 2));
  } else {
    io.out(renderProblemSummary(evaluation, Number.POSITIVE_INFINITY));
    io.out(CLI.checkExit(errors));
  }
  return errors > 0 ? 1 : 0;
}

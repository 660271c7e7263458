// The use cases every front end runs through the Workbook port: read once, compute, write.
import { dayOfInstant, type Day } from '../core/calendar/dates';
import { evaluate, type Evaluation, type WorkbookInput } from '../core/evaluate';
import type { UnitFileFigures } from '../core/counting/unit-files';
import { PLAN_145 } from '../core/plan/plan145';
import type { Plan } from '../core/model';
import { SHEET } from './contract';
import { dashboardTable, problemsTable } from './dashboard';
import { filesTable } from './files-sheet';
import { structureTable } from './structure-sheet';
import { readInput, type ColumnPositions } from './read';
import { seedSheets } from './seed';
import type { Workbook } from './port';

/**
 * Reads the units' own files (one spreadsheet per unit) as figures, under the Board's plan as read
 * from its workbook: the Sheets API in Apps Script, a folder of .xlsx files on the command line.
 */
export type UnitFilesSource = (board: WorkbookInput, asOf: Day, today: Day) => UnitFileFigures[];

/** Computes fulfillment and problems as of a day (today in Vietnam when not given). */
export function evaluateWorkbook(
  workbook: Workbook,
  now: Date,
  asOf?: Day,
  positions?: ColumnPositions,
  unitFiles?: UnitFilesSource,
): Evaluation {
  const today = dayOfInstant(now);
  const input = readInput(workbook, positions);
  if (unitFiles) input.unitFiles = unitFiles(input, asOf ?? today, today);
  return evaluate(input, asOf ?? today, today);
}

/** Computes, then writes `Tổng hợp`, `Hồ sơ` and `Kiểm tra`, each in one block. */
export function refreshWorkbook(
  workbook: Workbook,
  now: Date,
  asOf?: Day,
  unitFiles?: UnitFilesSource,
): Evaluation {
  const positions: ColumnPositions = new Map();
  const evaluation = evaluateWorkbook(workbook, now, asOf, positions, unitFiles);
  const dashboard = dashboardTable(evaluation, now);
  const problems = problemsTable(evaluation, positions);
  const files = filesTable(evaluation, now);
  const structure = structureTable(evaluation, now);
  workbook.writeSheet(SHEET.dashboard, dashboard.rows, dashboard.layout);
  workbook.writeSheet(SHEET.files, files.rows, files.layout);
  workbook.writeSheet(SHEET.structure, structure.rows, structure.layout);
  workbook.writeSheet(SHEET.problems, problems.rows, problems.layout);
  return evaluation;
}

/** Writes every sheet of the contract, seeded with the plan, into an empty workbook. */
export function initializeWorkbook(
  workbook: Workbook,
  now: Date,
  plan: Plan = PLAN_145,
  blank = false,
): Evaluation {
  for (const seed of seedSheets(plan, blank))
    workbook.writeSheet(seed.name, seed.rows, seed.layout);
  return refreshWorkbook(workbook, now);
}

/** Computes, then writes only `Kiểm tra`. */
export function checkWorkbook(
  workbook: Workbook,
  now: Date,
  asOf?: Day,
  unitFiles?: UnitFilesSource,
): { evaluation: Evaluation; positions: ColumnPositions } {
  const positions: ColumnPositions = new Map();
  const evaluation = evaluateWorkbook(workbook, now, asOf, positions, unitFiles);
  const problems = problemsTable(evaluation, positions);
  workbook.writeSheet(SHEET.problems, problems.rows, problems.layout);
  return { evaluation, positions };
}

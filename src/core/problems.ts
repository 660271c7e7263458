import type { Problem, Severity } from './model';

/** A problem at a cell (sheet, 1-based row, column header), with an optional suggested fix. */
export function problemAt(
  sheet: string,
  row: number,
  column: string,
  code: string,
  severity: Severity,
  message: string,
  suggestion?: string,
): Problem {
  return { sheet, row, column, code, severity, message, ...(suggestion ? { suggestion } : {}) };
}

export type Report = (
  column: string,
  code: string,
  severity: Severity,
  message: string,
  suggestion?: string,
) => void;

/** Collects problems located at one row of one sheet. */
export function reporterFor(problems: Problem[], sheet: string, row: number): Report {
  return (column, code, severity, message, suggestion) =>
    problems.push(problemAt(sheet, row, column, code, severity, message, suggestion));
}

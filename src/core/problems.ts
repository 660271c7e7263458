import type { Problem, Severity } from './model';

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
    problems.push({
      sheet,
      row,
      column,
      code,
      severity,
      message,
      ...(suggestion ? { suggestion } : {}),
    });
}

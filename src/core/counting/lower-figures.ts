// A higher committee's side of two levels: its `Cấp dưới` sheet lists each lower committee and
// the address of the figures file it sends; Sheets brings each file into that committee's
// `SL - <Mã>` sheet (IMPORTRANGE). Checked here: a code the plan does not have, an address that
// is not a spreadsheet's, figures not yet received, and figures not updated for too long.
import { formatDmy, type Day } from '../calendar/dates';
import { PROBLEM } from '../messages/problems';
import type { Problem } from '../model';
import type { UnitIndex } from '../plan/unit-index';
import { problemAt } from '../problems';
import { cellText, type RawTable } from '../text/cells';
import { spreadsheetIdOf } from '../text/spreadsheet-url';
import type { ReportedCounts, UnreadableCounts } from './counts';

export type LowerField = 'code' | 'name' | 'url';
export type RawLowerTable = RawTable<LowerField>;

export function checkLower(
  table: RawLowerTable,
  units: UnitIndex,
  reported: ReportedCounts,
  unreadable: readonly UnreadableCounts[],
  today: Day,
  lateDays: number,
): Problem[] {
  const problems: Problem[] = [];
  // Already said as errors; figures kept from before are checked like any others.
  const failed = new Set(
    unreadable
      .filter((u) => !u.fallback)
      .map((u) => (u.unit === null ? '' : units.find(u.unit)?.code)),
  );
  for (const raw of table.rows) {
    const code = cellText(raw.cells.code);
    const url = cellText(raw.cells.url);
    if (code === '' && url === '') continue;
    const at = (field: LowerField) => ({
      sheet: table.sheet,
      row: raw.row,
      column: table.columns[field],
    });
    const unit = units.find(code);
    if (!unit) {
      const near = units.suggest(code);
      problems.push(
        problemAt({
          ...at('code'),
          code: 'unit_unknown',
          message: PROBLEM.unitUnknown(code),
          suggestion: near ? PROBLEM.unitSuggestion(near.name) : PROBLEM.unitSuggestionAdd,
        }),
      );
      continue;
    }
    if (url === '') {
      problems.push(
        problemAt({ ...at('url'), code: 'lower_missing', message: PROBLEM.lowerNoUrl(unit.name) }),
      );
      continue;
    }
    if (spreadsheetIdOf(url) === '') {
      problems.push(
        problemAt({
          ...at('url'),
          code: 'lower_url_invalid',
          message: PROBLEM.lowerUrlInvalid(url),
        }),
      );
      continue;
    }
    if (failed.has(unit.code)) continue;
    const figures = [...(reported.get(unit.code)?.values() ?? [])];
    if (figures.length === 0) {
      problems.push(
        problemAt({
          ...at('url'),
          code: 'lower_missing',
          message: PROBLEM.lowerMissing(unit.name),
        }),
      );
      continue;
    }
    const days = figures.map((f) => f.updated).filter((d): d is Day => d !== null);
    const last = days.length > 0 ? (Math.max(...days) as Day) : null;
    if (last === null || last + lateDays < today)
      problems.push(
        problemAt({
          ...at('url'),
          code: 'lower_late',
          message: PROBLEM.lowerLate(unit.name, last === null ? null : formatDmy(last), lateDays),
        }),
      );
  }
  return problems;
}

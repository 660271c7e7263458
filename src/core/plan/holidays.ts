// The days off that working days skip: the workbook's `Ngày nghỉ`, or, in a workbook made before
// that sheet existed, the days announced for 2024–2026 (holidays-vn.ts).
import { readDay, type Day } from '../calendar/dates';
import { VIETNAM_HOLIDAYS_2024_2026 } from '../calendar/holidays-vn';
import { PROBLEM } from '../messages/problems';
import { problemAt } from '../problems';
import { isBlankRow, type RawTable } from '../text/cells';
import type { Problem } from '../model';

export function builtInHolidays(): Day[] {
  return VIETNAM_HOLIDAYS_2024_2026.map((h) => {
    const reading = readDay(h.date);
    if (reading.kind !== 'ok') throw new Error(`bad built-in holiday ${h.date}`);
    return reading.day;
  });
}

export function interpretHolidays(table: RawTable<'day' | 'name'> | null | undefined): {
  days: Day[];
  problems: Problem[];
} {
  if (!table) return { days: builtInHolidays(), problems: [] };
  const days: Day[] = [];
  const problems: Problem[] = [];
  for (const raw of table.rows) {
    if (isBlankRow(raw.cells)) continue;
    const reading = readDay(raw.cells.day);
    if (reading.kind === 'ok') days.push(reading.day);
    else
      problems.push(
        problemAt({
          sheet: table.sheet,
          row: raw.row,
          column: table.columns.day,
          code: 'date_invalid',
          severity: 'error',
          message:
            reading.kind === 'invalid' ? PROBLEM.dateInvalid(reading.text) : PROBLEM.holidayMissing,
        }),
      );
  }
  return { days, problems };
}

// A province's side of two levels, in Apps Script. `Nhận số liệu cấp dưới` writes, for each
// lower committee listed in `Cấp dưới`, one IMPORTRANGE of its figures file into its own
// `SL - <Mã>` sheet: Sheets' engine moves the figures (no scope: the Board allows each source
// once with "Allow access", https://support.google.com/docs/answer/3093340), and the refresh
// reads those sheets like any counts-only unit's. The last figures read from each are kept in
// document properties, so an import that shows #REF! one day is never taken as zeros.
import { LOWER } from '../core/messages/levels';
import { UnitIndex } from '../core/plan/unit-index';
import { cellText, columnLetters } from '../core/text/cells';
import { spreadsheetIdOf } from '../core/text/spreadsheet-url';
import { countSheetLayout } from '../workbook/count-sheet';
import { LOWER_COLUMNS, SHEET } from '../workbook/contract';
import { readLower, readPlanUnits, unitCountSheetName } from '../workbook/read';
import { fitGrid, type SheetsWorkbook } from './sheets-workbook';

/** Columns imported beyond the plan's own header: a lower file naming other codes is seen. */
const SPARE_COLUMNS = 10;

/** The import of a figures file: its address rebuilt from the id, so no typed text reaches it. */
export function importFormula(id: string, columns: number): string {
  const range = `'${SHEET.higherFigures}'!A1:${columnLetters(columns)}2`;
  return `=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${id}", "${range}")`;
}

export function receiveFromLower(book: SheetsWorkbook): string {
  const plan = readPlanUnits(book);
  if (book.sheet(SHEET.lower) === null) {
    book.writeSheet(
      SHEET.lower,
      [LOWER_COLUMNS.map((c) => c.header), ...plan.units.map((u) => [u.code, u.name, ''])],
      {
        headerRow: 1,
        dateColumns: [],
        percentColumns: [],
        widths: Object.fromEntries(LOWER_COLUMNS.map((c, i) => [i + 1, c.width ?? 120])),
        spareRows: 20,
      },
    );
    return LOWER.sheetMade(plan.units.length);
  }
  const table = readLower(book);
  const index = new UnitIndex(plan.units);
  const columns = countSheetLayout(plan.milestones).header.length + SPARE_COLUMNS;
  const skipped: string[] = [];
  let count = 0;
  for (const raw of table?.rows ?? []) {
    const code = cellText(raw.cells.code);
    const id = spreadsheetIdOf(cellText(raw.cells.url));
    if (code === '' && id === '') continue;
    const unit = index.find(code);
    if (!unit || id === '') {
      skipped.push(code || `dòng ${raw.row}`);
      continue;
    }
    // Header and one row: two rows, the plan's columns and some spare.
    const { sheet } = book.ensureSheet(unitCountSheetName(unit.code));
    sheet.clear();
    fitGrid(sheet, 2, columns);
    sheet.getRange(1, 1).setFormula(importFormula(id, columns));
    count++;
  }
  return count === 0 && skipped.length === 0 ? LOWER.none : LOWER.done(count, skipped);
}

import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { candidateLayout } from '../../src/workbook/seed';
import { initializeWorkbook } from '../../src/workbook/usecases';
import type { Cell } from '../../src/workbook/port';

/** A new .xlsx workbook (Plan 145) whose `Danh sách` holds `people` under the contract's header. */
export async function saveList(file: string, people: Cell[][], now: Date): Promise<void> {
  const book = XlsxWorkbook.empty();
  initializeWorkbook(book, now);
  book.writeSheet(
    SHEET.candidates,
    [CANDIDATE_COLUMNS.map((c) => c.header), ...people],
    candidateLayout([]),
  );
  await book.save(file);
}

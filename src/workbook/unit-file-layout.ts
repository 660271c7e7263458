// A unit's new spreadsheet as the Sheets API (v4) builds it: the list's header, bold and frozen,
// date formats and date checks under the date columns, the class codes as a dropdown. Plain
// request bodies, so the layout is the contract's and the Apps Script adapter only sends them.
import { UNIT_FILES } from '../core/messages/setup';
import type { Unit } from '../core/model';
import { CANDIDATE_COLUMNS } from './contract';
import { UNIT_FILE_SHEET } from './unit-files';

/** Rows for typing in a new file; "add more rows" gives more. */
export const UNIT_FILE_ROWS = 201;

/** The body of `Spreadsheets.create`: title, Vietnamese locale and time zone, the header row. */
export function unitFileSpreadsheet(unit: Unit): Record<string, unknown> {
  const headers = CANDIDATE_COLUMNS.map((c) => c.header);
  return {
    properties: {
      title: UNIT_FILES.fileName(unit.code, unit.name),
      locale: 'vi_VN',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    sheets: [
      {
        properties: {
          sheetId: 0,
          title: UNIT_FILE_SHEET,
          gridProperties: {
            rowCount: UNIT_FILE_ROWS,
            columnCount: headers.length,
            frozenRowCount: 1,
          },
        },
        data: [
          {
            startRow: 0,
            startColumn: 0,
            rowData: [
              {
                values: headers.map((h) => ({
                  userEnteredValue: { stringValue: h },
                  userEnteredFormat: { textFormat: { bold: true } },
                })),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The requests of one `batchUpdate`: date formats and checks, the class dropdown. */
export function unitFileFormatRequests(classCodes: readonly string[]): object[] {
  const below = (column: number) => ({
    sheetId: 0,
    startRowIndex: 1,
    endRowIndex: UNIT_FILE_ROWS,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  });
  const requests: object[] = [];
  CANDIDATE_COLUMNS.forEach((c, i) => {
    if (!c.date) return;
    requests.push(
      {
        repeatCell: {
          range: below(i),
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        setDataValidation: {
          range: below(i),
          rule: { condition: { type: 'DATE_IS_VALID' }, strict: false },
        },
      },
    );
  });
  const classAt = CANDIDATE_COLUMNS.findIndex((c) => c.field === 'classCode');
  if (classCodes.length > 0)
    requests.push({
      setDataValidation: {
        range: below(classAt),
        rule: {
          condition: {
            type: 'ONE_OF_LIST',
            values: classCodes.map((v) => ({ userEnteredValue: v })),
          },
          showCustomUi: true,
          strict: false,
        },
      },
    });
  return requests;
}

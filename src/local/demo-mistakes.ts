// Mistakes planted in the demo workbook, one or more of each kind the entry checks know, so
// `ptdv check` has something to show. Each entry says what the checks must report.
import { instantOfDay, readDay } from '../core/calendar/dates';
import { matchKey } from '../core/text/normalize';
import { cellText } from '../core/text/cells';
import { SHEET } from '../workbook/contract';
import type { Cell } from '../workbook/port';

export interface PlantedMistake {
  sheet: string;
  column: string;
  code: string;
}

const date = (text: string): Cell => {
  const r = readDay(text);
  return r.kind === 'ok' ? instantOfDay(r.day) : text;
};

/** Extra `Danh sách` rows: [name, birth, unit, classCode, certified, admitted] and the finding. */
const PEOPLE: [string, Cell, string, string, Cell, Cell, PlantedMistake[]][] = [
  [
    'Lê Thị Mẫu Lỗi 01',
    date('10/01/2006'),
    'Truong THPT Hiep Hoa so 2',
    'BD2-HS',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Đơn vị', code: 'unit_unknown' }],
  ],
  [
    '',
    date('02/02/2006'),
    'Trường THPT Hiệp Hòa số 3',
    'BD2-HS',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Họ và tên', code: 'name_missing' }],
  ],
  [
    'Lê Văn Mẫu Lỗi 03',
    '31/02/2006',
    'Trường THPT Hiệp Hòa số 4',
    'BD2-HS',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Ngày sinh', code: 'date_invalid' }],
  ],
  [
    'Phạm Thị Mẫu Lỗi 04',
    date('01/01/2005'),
    'Trường THPT Hiệp Hòa số 4',
    'BD1-HS',
    date('14/04/2024'),
    date('01/01/2099'),
    [{ sheet: SHEET.candidates, column: 'Ngày kết nạp', code: 'date_future' }],
  ],
  [
    'Hoàng Văn Mẫu Lỗi 05',
    date('12/05/1925'),
    'Công ty TNHH KD Sports Việt Nam',
    'BD2-CN',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Ngày sinh', code: 'date_too_old' }],
  ],
  [
    'Vũ Thị Mẫu Lỗi 06',
    date('15/06/2007'),
    'Trường THPT Hiệp Hòa số 5',
    'BD1-HS',
    date('14/04/2024'),
    date('10/05/2024'),
    [{ sheet: SHEET.candidates, column: 'Ngày kết nạp', code: 'underage' }],
  ],
  [
    'Đỗ Văn Mẫu Lỗi 07',
    date('01/03/2005'),
    'Trường THPT Hiệp Hòa số 6',
    'BD1-HS',
    date('20/05/2024'),
    date('15/05/2024'),
    [
      {
        sheet: SHEET.candidates,
        column: 'Ngày cấp giấy chứng nhận',
        code: 'certificate_after_admission',
      },
    ],
  ],
  [
    'Ngô Thị Mẫu Lỗi 08',
    date('01/04/2005'),
    'Trường THPT Hiệp Hòa số 2',
    'BD1-HS',
    '',
    date('10/06/2024'),
    [{ sheet: SHEET.candidates, column: 'Ngày cấp giấy chứng nhận', code: 'certificate_missing' }],
  ],
  [
    'Dương Văn Mẫu Lỗi 09',
    date('01/05/2005'),
    'Trường THPT Hiệp Hòa số 1',
    'BD1-CN',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Đợt bồi dưỡng', code: 'class_not_for_unit' }],
  ],
  [
    'Bùi Thị Mẫu Lỗi 10',
    date('01/06/2005'),
    'Trường THPT Hiệp Hòa số 3',
    'BD3-HS',
    '',
    '',
    [{ sheet: SHEET.candidates, column: 'Đợt bồi dưỡng', code: 'class_unknown' }],
  ],
];

type Sheets = Map<string, Cell[][]>;

function setCell(
  sheets: Sheets,
  sheet: string,
  rowOf: (row: Cell[]) => boolean,
  header: string,
  value: Cell | ((old: Cell) => Cell),
): void {
  const values = sheets.get(sheet);
  if (!values) throw new Error(`no sheet ${sheet}`);
  const col = (values[0] ?? []).findIndex((h) => matchKey(cellText(h)) === matchKey(header));
  const row = values.findIndex((r, i) => i > 0 && rowOf(r));
  const line = values[row];
  if (col < 0 || !line) throw new Error(`no cell ${sheet}/${header}`);
  line[col] = typeof value === 'function' ? value(line[col] ?? '') : value;
}

/** Plants the mistakes in place (the caller writes the sheets back); returns what must be found. */
export function plantMistakes(sheets: Sheets): PlantedMistake[] {
  const planted: PlantedMistake[] = [];
  const list = sheets.get(SHEET.candidates) ?? [];
  const first = list[1] ?? [];
  for (const [name, birth, unit, classCode, certified, admitted, found] of PEOPLE) {
    list.push([list.length, name, birth, unit, '', classCode, '', certified, admitted, '', '']);
    planted.push(...found);
  }
  // The same person twice in one unit, and once more in another unit.
  list.push([list.length, ...first.slice(1)]);
  planted.push({ sheet: SHEET.candidates, column: 'Họ và tên', code: 'duplicate' });
  list.push([
    list.length,
    first[1] ?? '',
    first[2] ?? '',
    'Trường THPT Hiệp Hòa số 6',
    '',
    'BD2-HS',
    '',
    '',
    '',
    '',
    '',
  ]);
  // Reported on both rows: the first person's row and this one each name the other.
  planted.push({ sheet: SHEET.candidates, column: 'Họ và tên', code: 'duplicate_other_unit' });
  planted.push({ sheet: SHEET.candidates, column: 'Họ và tên', code: 'duplicate_other_unit' });

  const code = (c: string) => (row: Cell[]) => row[0] === c;
  setCell(sheets, SHEET.quotas, code('DN-KDSPORTS'), 'BD2-CN', '3-2');
  planted.push({ sheet: SHEET.quotas, column: 'BD2-CN', code: 'quota_invalid' });
  setCell(
    sheets,
    SHEET.quotas,
    code('DN-KDSPORTS'),
    'Tên khác',
    (old) => `${cellText(old)}; Công ty May Hà Thanh`,
  );
  planted.push({ sheet: SHEET.quotas, column: 'Tên khác', code: 'alias_ambiguous' });
  setCell(sheets, SHEET.quotas, code('DN-MATTROI'), 'Email phụ trách', 'mattroi@example');
  planted.push({ sheet: SHEET.quotas, column: 'Email phụ trách', code: 'email_invalid' });
  const quotas = sheets.get(SHEET.quotas) ?? [];
  quotas.push(['DN-MATTROI', 'Công ty trùng mã', '', 'Doanh nghiệp', '', '']);
  planted.push({ sheet: SHEET.quotas, column: 'Mã', code: 'unit_code_duplicate' });
  setCell(sheets, SHEET.milestones, code('BD1-HS'), 'Từ ngày', date('01/04/2024'));
  planted.push({ sheet: SHEET.milestones, column: 'Hạn', code: 'deadline_before_start' });
  setCell(sheets, SHEET.milestones, code('BD2-CN'), 'Nhắc trước (ngày)', '14, 7, bảy');
  planted.push({ sheet: SHEET.milestones, column: 'Nhắc trước (ngày)', code: 'lead_days_invalid' });
  return planted;
}

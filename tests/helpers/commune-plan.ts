// A commune's own plan after 1/7/2025, as a new user types it: "Kế hoạch 12-KH/ĐU ngày
// 15/01/2026" of a commune Party committee, with village, police, military and agency cells, a
// high school and two companies, quotas written the way plans write them.
import { dayFromYmd, instantOfDay, type Day } from '../../src/core/calendar/dates';
import type { Milestone, Plan, Quota, Unit } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/plan/settings-input';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { seedSheets } from '../../src/workbook/seed';
import type { Cell } from '../../src/workbook/port';

const day = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d) as Day;
const q = (min: number, max = min): Quota => ({ min, max });
const COMMITTEE = 'Đảng ủy xã Mẫu Sơn';

function unit(code: string, name: string, type: string, quotas: Record<string, Quota>): Unit {
  return {
    code,
    name,
    aliases: [],
    kind: type,
    committee: COMMITTEE,
    emails: [`${code.toLowerCase()}@example.com`],
    rejectedEmails: [],
    quotas,
  };
}

export const COMMUNE_KINDS = [
  'Thôn',
  'Công an',
  'Quân sự',
  'Cơ quan',
  'Trường học',
  'Doanh nghiệp',
];

const milestones: Milestone[] = [
  {
    code: 'BD1-2026',
    name: 'Lớp bồi dưỡng đợt 1 năm 2026',
    kind: 'class',
    appliesTo: 'all',
    from: day(2026, 2, 1),
    deadline: day(2026, 3, 31),
    opening: day(2026, 4, 6),
    leadDays: [14, 7],
    archived: false,
  },
  {
    code: 'KN-2026',
    name: 'Kết nạp năm 2026',
    kind: 'admission',
    appliesTo: 'all',
    from: day(2026, 1, 1),
    deadline: day(2026, 12, 31),
    opening: null,
    leadDays: [30, 14, 7],
    archived: false,
  },
  {
    code: 'KN-19-5-2026',
    name: 'Kết nạp nhân dịp 19/5/2026',
    kind: 'admission',
    appliesTo: ['Trường học', 'Doanh nghiệp'],
    from: day(2026, 1, 1),
    deadline: day(2026, 5, 19),
    opening: null,
    leadDays: [7],
    archived: false,
  },
];

export const COMMUNE_PLAN: Plan = {
  settings: {
    ...DEFAULT_SETTINGS,
    issuerName: 'Ban Thường vụ Đảng ủy xã Mẫu Sơn',
    issuerLevel: 'Xã',
    planNumber: '12-KH/ĐU',
    planDate: day(2026, 1, 15),
    reportingBody: 'Văn phòng Đảng ủy xã Mẫu Sơn',
    place: 'Mẫu Sơn',
    boardEmails: ['vanphong@example.com'],
  },
  units: [
    unit('THON-DONG', 'Chi bộ thôn Đông', 'Thôn', { 'BD1-2026': q(2), 'KN-2026': q(1) }),
    unit('THON-TAY', 'Chi bộ thôn Tây', 'Thôn', { 'BD1-2026': q(2), 'KN-2026': q(1) }),
    unit('CA', 'Chi bộ Công an xã', 'Công an', { 'BD1-2026': q(1), 'KN-2026': q(1) }),
    unit('QS', 'Chi bộ Quân sự xã', 'Quân sự', { 'BD1-2026': q(1), 'KN-2026': q(1) }),
    unit('CQ', 'Chi bộ Cơ quan Ủy ban nhân dân xã', 'Cơ quan', {
      'BD1-2026': q(1),
      'KN-2026': q(1),
    }),
    unit('THPT-MS', 'Chi bộ Trường THPT Mẫu Sơn', 'Trường học', {
      'BD1-2026': q(4),
      'KN-2026': q(2, 4),
      'KN-19-5-2026': q(2),
    }),
    unit('DN-A', 'Công ty TNHH Mẫu A', 'Doanh nghiệp', {
      'BD1-2026': q(2),
      'KN-2026': q(1),
      'KN-19-5-2026': q(1),
    }),
    unit('DN-B', 'Công ty Cổ phần Mẫu B', 'Doanh nghiệp', { 'BD1-2026': q(2), 'KN-2026': q(1) }),
  ],
  milestones,
};

const d = (y: number, m: number, dd: number) => instantOfDay(day(y, m, dd));

/** The commune's people of 2026: (name, birth, unit as typed, class, nominated, certified, admitted). */
const PEOPLE: [string, Cell, string, string, Cell, Cell, Cell][] = [
  [
    'Nguyễn Văn Mẫu Một',
    d(1998, 3, 2),
    'Chi bộ thôn Đông',
    'BD1-2026',
    d(2026, 2, 10),
    d(2026, 4, 20),
    d(2026, 5, 10),
  ],
  ['Trần Thị Mẫu Hai', d(2000, 7, 9), 'THON-TAY', 'BD1-2026', d(2026, 2, 12), d(2026, 4, 20), ''],
  ['Lê Văn Mẫu Ba', d(1999, 1, 5), 'CA', 'BD1-2026', d(2026, 2, 15), d(2026, 4, 20), d(2026, 6, 1)],
  ['Phạm Văn Mẫu Bốn', d(2001, 11, 30), 'QS', 'BD1-2026', d(2026, 3, 1), d(2026, 4, 20), ''],
  [
    'Hoàng Thị Mẫu Năm',
    d(1995, 5, 5),
    'CQ',
    'BD1-2026',
    d(2026, 3, 2),
    d(2026, 4, 20),
    d(2026, 6, 15),
  ],
  [
    'Vũ Thị Mẫu Sáu',
    d(2008, 1, 10),
    'THPT-MS',
    'BD1-2026',
    d(2026, 2, 20),
    d(2026, 4, 20),
    d(2026, 5, 15),
  ],
  [
    'Đỗ Văn Mẫu Bảy',
    d(2008, 2, 1),
    'THPT-MS',
    'BD1-2026',
    d(2026, 2, 20),
    d(2026, 4, 20),
    d(2026, 5, 16),
  ],
  [
    'Ngô Văn Mẫu Tám',
    d(1990, 8, 8),
    'DN-A',
    'BD1-2026',
    d(2026, 3, 5),
    d(2026, 4, 20),
    d(2026, 5, 1),
  ],
  ['Bùi Thị Mẫu Chín', d(1993, 9, 9), 'DN-B', 'BD1-2026', d(2026, 3, 6), d(2026, 4, 20), ''],
];

/** Every sheet of the commune's workbook, with quotas typed as plans write them. */
export function communeSheets(): Record<string, Cell[][]> {
  const sheets: Record<string, Cell[][]> = {};
  for (const s of seedSheets(COMMUNE_PLAN)) sheets[s.name] = s.rows.map((r) => [...r]);
  const quotas = sheets[SHEET.quotas] as Cell[][];
  const header = (quotas[0] ?? []).map(String);
  const cell = (code: string, milestone: string, text: string) => {
    const row = quotas.find((r) => r[0] === code);
    if (row) row[header.indexOf(milestone)] = text;
  };
  cell('THON-DONG', 'BD1-2026', 'ít nhất 2');
  cell('THPT-MS', 'KN-2026', 'từ 2 đến 4');
  cell('DN-A', 'BD1-2026', 'tối thiểu 2');
  // A kind typed in another case is the same kind, shown as first typed.
  const tay = quotas.find((r) => r[0] === 'THON-TAY');
  if (tay) tay[header.indexOf('Loại')] = 'thôn';
  sheets[SHEET.candidates] = [
    CANDIDATE_COLUMNS.map((c) => c.header),
    ...PEOPLE.map(([name, birth, unitName, cls, nominated, certified, admitted], i) => [
      i + 1,
      name,
      birth,
      unitName,
      'Đoàn viên',
      cls,
      nominated,
      certified,
      admitted,
      '',
      '',
    ]),
  ];
  return sheets;
}

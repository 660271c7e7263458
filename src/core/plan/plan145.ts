// Plan 145/KH-HU (Hiệp Hòa, 20/3/2024) as data: the default seed of a new workbook and the
// demo. Days the plan leaves open are chosen here and documented in docs/vi/bang-tinh.md.
import { dayFromYmd, type Day } from '../calendar/dates';
import type { Milestone, Plan, Quota, Unit } from '../model';
import { DEFAULT_SETTINGS } from './settings-input';

/** Plan 145's two kinds of cell: data of this plan, not of the product. */
export const SCHOOL = 'Trường học';
export const COMPANY = 'Doanh nghiệp';

function day(year: number, month: number, d: number): Day {
  const value = dayFromYmd(year, month, d);
  if (value === null) throw new Error(`bad seed date ${d}/${month}/${year}`);
  return value;
}

const q = (min: number, max = min): Quota => ({ min, max });
const LEAD_DAYS = [14, 7, 3, 1];

export const PLAN_145_MILESTONES: Milestone[] = [
  {
    code: 'BD1-HS',
    name: 'Lớp bồi dưỡng đợt 1 (học sinh)',
    kind: 'class',
    appliesTo: [SCHOOL],
    from: day(2024, 3, 20),
    deadline: day(2024, 3, 31),
    opening: day(2024, 4, 7),
    leadDays: LEAD_DAYS,
    archived: false,
  },
  {
    code: 'BD2-HS',
    name: 'Lớp bồi dưỡng đợt 2 (học sinh)',
    kind: 'class',
    appliesTo: [SCHOOL],
    from: day(2024, 8, 15),
    deadline: day(2024, 10, 6),
    opening: day(2024, 10, 13),
    leadDays: LEAD_DAYS,
    archived: false,
  },
  {
    code: 'BD1-CN',
    name: 'Lớp bồi dưỡng đợt 1 (công nhân)',
    kind: 'class',
    appliesTo: [COMPANY],
    from: day(2024, 3, 20),
    deadline: day(2024, 5, 5),
    opening: day(2024, 5, 12),
    leadDays: LEAD_DAYS,
    archived: false,
  },
  {
    code: 'BD2-CN',
    name: 'Lớp bồi dưỡng đợt 2 (công nhân)',
    kind: 'class',
    appliesTo: [COMPANY],
    from: day(2024, 7, 1),
    deadline: day(2024, 9, 8),
    opening: day(2024, 9, 15),
    leadDays: LEAD_DAYS,
    archived: false,
  },
  {
    code: 'KN-19-5',
    name: 'Kết nạp nhân dịp 19/5/2024',
    kind: 'admission',
    appliesTo: [SCHOOL],
    from: day(2024, 1, 1),
    deadline: day(2024, 5, 19),
    opening: null,
    leadDays: LEAD_DAYS,
    archived: false,
  },
  {
    code: 'KN-2024',
    name: 'Kết nạp năm 2024',
    kind: 'admission',
    appliesTo: 'all',
    from: day(2024, 1, 1),
    deadline: day(2024, 12, 31),
    opening: null,
    leadDays: [30, 14, 7],
    archived: false,
  },
];

const DISTRICT = 'Huyện ủy Hiệp Hòa';

function makeUnit(
  code: string,
  name: string,
  type: string,
  committee: string,
  aliases: string[],
  quotas: Record<string, Quota>,
): Unit {
  return { code, name, aliases, kind: type, committee, emails: [], rejectedEmails: [], quotas };
}

function school(n: number, classQuota: number, may: Quota, year: number): Unit {
  const name = `Trường THPT Hiệp Hòa số ${n}`;
  return makeUnit(
    `THPT-HH${n}`,
    name,
    SCHOOL,
    DISTRICT,
    [`THPT Hiệp Hòa số ${n}`, `Chi bộ ${name}`],
    {
      'BD1-HS': q(classQuota),
      'BD2-HS': q(classQuota),
      'KN-19-5': may,
      'KN-2024': q(year),
    },
  );
}

function company(
  code: string,
  name: string,
  committee: string,
  aliases: string[],
  round1: number,
  round2: number,
  year: number,
): Unit {
  return makeUnit(code, name, COMPANY, committee, aliases, {
    'BD1-CN': q(round1),
    'BD2-CN': q(round2),
    'KN-2024': q(year),
  });
}

export const PLAN_145_UNITS: Unit[] = [
  school(1, 20, q(8, 10), 10),
  school(2, 20, q(8, 10), 10),
  school(3, 20, q(8, 10), 10),
  school(4, 20, q(8, 10), 8),
  school(5, 10, q(3, 5), 3),
  school(6, 10, q(3, 5), 3),
  makeUnit(
    'GDNN-GDTX',
    'Trung tâm GDNN - GDTX',
    SCHOOL,
    DISTRICT,
    [
      'TT GDNN - GDTX',
      'Trung tâm GDNN - GDTX huyện Hiệp Hòa',
      'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên',
    ],
    { 'BD1-HS': q(10), 'BD2-HS': q(10), 'KN-19-5': q(3, 5), 'KN-2024': q(3) },
  ),
  company(
    'DN-HAPHONG',
    'Công ty Cổ phần may xuất khẩu Hà Phong',
    '',
    ['Công ty CP may xuất khẩu Hà Phong'],
    2,
    2,
    5,
  ),
  company(
    'DN-HATHANH',
    'Công ty Cổ phần thời trang Hà Thanh',
    'Đảng ủy xã Hoàng Thanh',
    ['Công ty May Hà Thanh', 'Công ty CP thời trang Hà Thanh'],
    10,
    10,
    5,
  ),
  company('DN-KDSPORTS', 'Công ty TNHH KD Sports Việt Nam', '', ['KD Sports Việt Nam'], 2, 2, 3),
  company(
    'DN-CAPNUOC',
    'Công ty Cổ phần cấp nước Hiệp Hòa',
    'Đảng ủy cơ quan chính quyền huyện',
    ['Công ty CP cấp nước Hiệp Hòa'],
    5,
    5,
    2,
  ),
  company(
    'DN-UYENSON',
    'Công ty Cổ phần đầu tư và thương mại Uyên Sơn',
    '',
    [
      'Công ty cổ phần đầu tư và thương mại Sơn Uyên',
      'Công ty CP đầu tư và thương mại Sơn Uyên',
      'Công ty CP đầu tư và thương mại Uyên Sơn',
    ],
    10,
    5,
    5,
  ),
  company(
    'DN-MATTROI',
    'Công ty Cổ phần xuất nhập khẩu và sản xuất thương mại công nghệ mặt trời',
    '',
    ['Công ty CP XNK và SXTM công nghệ mặt trời'],
    2,
    2,
    3,
  ),
];

export const PLAN_145: Plan = {
  settings: {
    ...DEFAULT_SETTINGS,
    issuerName: 'Ban Thường vụ Huyện ủy Hiệp Hòa',
    issuerLevel: 'Huyện',
    planNumber: '145/KH-HU',
    planDate: day(2024, 3, 20),
    reportingBody: 'Ban Tổ chức Huyện ủy Hiệp Hòa',
    place: 'Hiệp Hòa',
  },
  units: PLAN_145_UNITS,
  milestones: PLAN_145_MILESTONES,
};

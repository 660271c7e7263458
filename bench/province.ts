// A province-sized plan for `npm run bench`: 2,000 units under 100 commune committees, 8
// milestones of the 2025 year, and N candidate rows drawn with a fixed seed. The rows are typed
// the way offices type them: most clean, some in another Unicode form or case, under an alias,
// with a date typed as text, and a few plain mistakes, so every reading path is exercised.
import { dayFromYmd, formatDmy, instantOfDay, type Day } from '../src/core/calendar/dates';
import type { Milestone, Plan, Quota, Unit } from '../src/core/model';
import { appliesToUnit } from '../src/core/plan/kinds';
import { COMPANY, SCHOOL } from '../src/core/plan/plan145';
import { DEFAULT_SETTINGS } from '../src/core/plan/settings-input';
import { random } from '../src/local/synthetic';
import { SHEET } from '../src/workbook/contract';
import { seedSheets } from '../src/workbook/seed';
import type { Cell } from '../src/workbook/port';

export const UNITS = 2_000;
const COMMITTEES = 100;
/** The bench's "today": 7 days before the second students' class closes, so reminders are due. */
export const BENCH_TODAY = '2025-09-28';
/** The year `ptdv new-year` moves the bench's plan to. */
export const BENCH_NEXT_YEAR = 2026;

function day(y: number, m: number, d: number): Day {
  return dayFromYmd(y, m, d) as Day;
}

const LEAD = [14, 7, 3, 1];

function milestone(
  code: string,
  kind: 'class' | 'admission',
  appliesTo: 'school' | 'company' | 'all',
  from: Day,
  deadline: Day,
  opening: Day | null,
): Milestone {
  const name = kind === 'class' ? `Lớp bồi dưỡng ${code}` : `Kết nạp ${code}`;
  const kinds = appliesTo === 'all' ? 'all' : [appliesTo === 'school' ? SCHOOL : COMPANY];
  return {
    code,
    name,
    kind,
    appliesTo: kinds,
    from,
    deadline,
    opening,
    leadDays: LEAD,
    archived: false,
  };
}

export const PROVINCE_MILESTONES: Milestone[] = [
  milestone('BD1-HS', 'class', 'school', day(2025, 2, 1), day(2025, 3, 30), day(2025, 4, 6)),
  milestone('BD2-HS', 'class', 'school', day(2025, 8, 15), day(2025, 10, 5), day(2025, 10, 12)),
  milestone('BD1-CN', 'class', 'company', day(2025, 2, 1), day(2025, 5, 4), day(2025, 5, 11)),
  milestone('BD2-CN', 'class', 'company', day(2025, 7, 1), day(2025, 9, 7), day(2025, 9, 14)),
  milestone('BD3', 'class', 'all', day(2025, 10, 15), day(2025, 11, 30), day(2025, 12, 7)),
  milestone('KN-19-5', 'admission', 'school', day(2025, 1, 1), day(2025, 5, 19), null),
  milestone('KN-2-9', 'admission', 'company', day(2025, 1, 1), day(2025, 9, 2), null),
  { ...milestone('KN-2025', 'admission', 'all', day(2025, 1, 1), day(2025, 12, 31), null) },
];

const q = (min: number, max = min): Quota => ({ min, max });

/** 2,000 units: every third a school, quotas that some units meet and others do not. */
export function provincePlan(): Plan {
  const rnd = random(2025);
  const units: Unit[] = [];
  for (let i = 1; i <= UNITS; i++) {
    const type = i % 3 === 0 ? SCHOOL : COMPANY;
    const n = String(i).padStart(4, '0');
    const commune = `Đảng ủy xã Mẫu ${String(1 + (i % COMMITTEES)).padStart(3, '0')}`;
    const size = 10 + Math.floor(rnd() * 60);
    const quotas: Record<string, Quota> =
      type === SCHOOL
        ? {
            'BD1-HS': q(size),
            'BD2-HS': q(size),
            BD3: q(Math.ceil(size / 4)),
            'KN-19-5': q(Math.ceil(size / 5), Math.ceil(size / 3)),
            'KN-2025': q(Math.ceil(size / 2)),
          }
        : {
            'BD1-CN': q(size),
            'BD2-CN': q(size),
            BD3: q(Math.ceil(size / 4)),
            'KN-2-9': q(Math.ceil(size / 5)),
            'KN-2025': q(Math.ceil(size / 2)),
          };
    units.push({
      code: `DV-${n}`,
      name: type === SCHOOL ? `Trường THPT Mẫu số ${n}` : `Công ty Cổ phần Mẫu số ${n}`,
      aliases: [type === SCHOOL ? `THPT Mẫu ${n}` : `Công ty CP Mẫu ${n}`],
      kind: type,
      committee: commune,
      emails: [`donvi${n}@example.com`],
      rejectedEmails: [],
      quotas,
    });
  }
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      issuerName: 'Ban Thường vụ Tỉnh ủy Mẫu',
      issuerLevel: 'Tỉnh',
      planNumber: '01/KH-TU',
      planDate: day(2025, 1, 15),
      reportingBody: 'Ban Tổ chức Tỉnh ủy Mẫu',
      place: 'Mẫu',
      spreadsheetUrl: '',
      boardEmails: ['bantochuc@example.com'],
      rejectedBoardEmails: [],
      sendHour: 7,
      dataMode: 'list',
      dryRun: false,
      pipeline: DEFAULT_SETTINGS.pipeline,
    },
    units,
    milestones: PROVINCE_MILESTONES,
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Ngô', 'Dương', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Thanh'];

/** `Danh sách` rows (header first): deterministic for `rows` and `seed`. */
export function provinceCandidates(plan: Plan, rows: number, seed = 145): Cell[][] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const between = (a: Day, b: Day): Day => a + Math.floor(rnd() * (b - a + 1));
  const classes = plan.milestones.filter((m) => m.kind === 'class');
  const yearEnd = day(2025, 9, 28);
  const header = seedSheets({ ...plan, units: [] }).find((s) => s.name === SHEET.candidates)
    ?.rows[0] as Cell[];
  const out: Cell[][] = [header];
  for (let i = 1; i <= rows; i++) {
    const unit = plan.units[Math.floor(rnd() * plan.units.length)] as Unit;
    // Only classes already open for nominations on the bench's day, so no date is in the future.
    const own = classes.filter((m) => appliesToUnit(m, unit) && (m.from ?? 0) <= yearEnd);
    const cls = pick(own);
    const adult = unit.kind === COMPANY;
    const birth = adult
      ? between(day(1985, 1, 1), day(2004, 1, 1))
      : between(day(2006, 9, 1), day(2008, 6, 30));
    const nominated = between(cls.from ?? cls.deadline - 30, Math.min(cls.deadline, yearEnd));
    const opening = cls.opening ?? cls.deadline;
    const certified = opening + 7 <= yearEnd && rnd() < 0.9 ? opening + 7 : null;
    let admitted: Day | null = null;
    if (certified !== null && rnd() < 0.6) {
      const adultFrom = birth + 18 * 366;
      const first = Math.max(certified + 14, adultFrom);
      if (first <= yearEnd) admitted = between(first, yearEnd);
    }
    let unitText: string = unit.name;
    let nominatedCell: Cell = instantOfDay(nominated);
    const roll = rnd();
    // How offices really type: another Unicode form, another case, an alias, a date as text.
    if (roll < 0.03) unitText = unit.name.normalize('NFD');
    else if (roll < 0.05) unitText = unit.name.toLowerCase();
    else if (roll < 0.08) unitText = unit.aliases[0] ?? unit.name;
    else if (roll < 0.1) nominatedCell = formatDmy(nominated);
    // A few plain mistakes, so `Kiểm tra` has work: an unknown unit, an impossible date.
    else if (roll < 0.102) unitText = `${unit.name} (cũ)`;
    else if (roll < 0.104) nominatedCell = '31/02/2025';
    out.push([
      i,
      `${pick(FAMILY)} ${pick(MIDDLE)} Mẫu ${String(i).padStart(6, '0')}`,
      instantOfDay(birth),
      unitText,
      adult ? 'Công nhân' : 'Học sinh',
      cls.code,
      nominatedCell,
      certified === null ? '' : instantOfDay(certified),
      admitted === null ? '' : instantOfDay(admitted),
      admitted === null ? '' : `${i}-QĐ/ĐU`,
      '',
    ]);
  }
  return out;
}

/** Every sheet of a province workbook with `rows` candidates, by name. */
export function provinceSheets(rows: number): Record<string, Cell[][]> {
  const plan = provincePlan();
  const sheets = Object.fromEntries(seedSheets(plan).map((s) => [s.name, s.rows]));
  return { ...sheets, [SHEET.candidates]: provinceCandidates(plan, rows) };
}

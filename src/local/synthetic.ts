// Synthetic candidates for Plan 145: clearly fake names ("… Mẫu 0001"), deterministic for a
// seed, filling each unit's quotas to a varied degree so a demo shows every status.
import { dayFromYmd, instantOfDay, ymdOf, type Day } from '../core/calendar/dates';
import type { Cell } from '../workbook/port';
import type { Milestone, Plan, Unit } from '../core/model';
import { appliesToUnit } from '../core/plan/kinds';
import { COMPANY } from '../core/plan/plan145';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Ngô', 'Dương', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Thanh'];
/** Plan 145's candidates: students in schools, workers in companies. */
const groupOf = (unit: Unit): string => (unit.kind === COMPANY ? 'Công nhân' : 'Học sinh');

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  name: string;
  birth: Day;
  unit: string;
  group: string;
  classCode: string;
  nominated: Day;
  certified: Day | null;
  admitted: Day | null;
  /** The cell's resolution proposing admission, before the decision. */
  resolution: Day | null;
  /** The admission ceremony; missing for some, so the demo has files overdue. */
  ceremony: Day | null;
  /** The optional columns the structure of those admitted counts; some left blank, as in life. */
  gender: string;
  ethnicity: string;
  religion: string;
  youthUnion: string;
}

/** Bắc Giang's peoples besides the Kinh, and its religions, for plausible figures. */
const PEOPLES = ['Nùng', 'Tày', 'Sán Dìu', 'Hoa', 'Sán Chay'];
const RELIGIONS = ['Phật giáo', 'Công giáo'];

/** How far each unit gets, so the demo shows units behind, on target and ahead. */
const FILL = [1.1, 1, 0.9, 0.75, 1.2, 0.6, 1, 0.5, 1, 1.5, 0.8, 1, 0.4];

export function syntheticPeople(plan: Plan, seed = 145): SyntheticPerson[] {
  const rnd = random(seed);
  const steps = random(seed + 1);
  // Its own sequence, so that adding these columns left every other figure as it was.
  const traits = random(seed + 2);
  const trait = <T>(list: readonly T[]): T => list[Math.floor(traits() * list.length)] as T;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const between = (a: Day, b: Day): Day => a + Math.floor(rnd() * (b - a + 1));
  const people: SyntheticPerson[] = [];
  let serial = 0;
  const admissions = plan.milestones.filter((m) => m.kind === 'admission');
  plan.units.forEach((unit: Unit, u) => {
    const fill = FILL[u % FILL.length] ?? 1;
    const classes = plan.milestones.filter(
      (m: Milestone) => m.kind === 'class' && appliesToUnit(m, unit),
    );
    const nominees: SyntheticPerson[] = [];
    for (const m of classes) {
      const quota = unit.quotas[m.code];
      if (!quota) continue;
      const n = Math.round(quota.min * fill);
      for (let i = 0; i < n; i++) {
        serial++;
        const adult = unit.kind === COMPANY;
        // Students are 17-18 in 2024 (born 2006-2007); workers 20-40.
        const birth = adult
          ? between(dayOf(1984, 1, 1), dayOf(2004, 1, 1))
          : between(dayOf(2005, 9, 1), dayOf(2007, 6, 30));
        const opening = m.opening ?? m.deadline;
        nominees.push({
          name: `${pick(FAMILY)} ${pick(MIDDLE)} Mẫu ${String(serial).padStart(4, '0')}`,
          birth,
          unit: unit.name,
          group: groupOf(unit),
          classCode: m.code,
          nominated: between(m.from ?? m.deadline - 14, m.deadline),
          certified: opening + 7,
          admitted: null,
          resolution: null,
          ceremony: null,
          gender: traits() < 0.04 ? '' : traits() < (adult ? 0.45 : 0.62) ? 'Nữ' : 'Nam',
          ethnicity: traits() < 0.05 ? '' : traits() < 0.08 ? trait(PEOPLES) : 'Kinh',
          religion: traits() < 0.06 ? trait(RELIGIONS) : traits() < 0.5 ? 'Không' : '',
          youthUnion: traits() < 0.05 ? '' : traits() < (adult ? 0.4 : 0.9) ? 'Có' : 'Không',
        });
      }
    }
    // Admit the first round's nominees first, oldest first, after their certificate and 18th birthday.
    const year = admissions.find((m) => unit.quotas[m.code] && m.appliesTo === 'all');
    const target = year ? Math.round((unit.quotas[year.code]?.min ?? 0) * fill) : 0;
    const early = admissions.find((m) => m.code !== year?.code && unit.quotas[m.code]);
    const earlyTarget = early ? Math.round((unit.quotas[early.code]?.min ?? 0) * fill) : 0;
    const sorted = [...nominees].sort(
      (a, b) => (a.certified ?? 0) - (b.certified ?? 0) || a.birth - b.birth,
    );
    let admitted = 0;
    for (const p of sorted) {
      if (admitted >= target || !year || p.certified === null) break;
      const adultFrom = turnsOld(p.birth, 18);
      const first = Math.max(p.certified + 7, adultFrom);
      const wantEarly = early !== undefined && admitted < earlyTarget;
      const last = wantEarly && first <= early.deadline ? early.deadline : year.deadline;
      if (first > last) continue;
      p.admitted = between(first, last);
      admitted++;
      // Pipeline dates from their own sequence, so the figures above stay as they were.
      // Most decisions come a few weeks after the cell's resolution; some take months. The age
      // counts at the resolution, so a cell proposes no one before their 18th birthday month.
      const wait = steps() < 0.15 ? 70 + Math.floor(steps() * 40) : 20 + Math.floor(steps() * 25);
      p.resolution = Math.max(p.certified + 1, adultFrom, p.admitted - wait);
      // Four in five hold the ceremony within a few weeks; the rest are late. Nothing after the
      // plan's year, which tests and the demo read as "today".
      const ceremony = p.admitted + 10 + Math.floor(steps() * 30);
      p.ceremony = steps() < 0.8 && ceremony <= year.deadline ? ceremony : null;
    }
    people.push(...nominees);
  });
  return people;
}

function dayOf(y: number, m: number, d: number): Day {
  return dayFromYmd(y, m, d) as Day;
}

/** The first day of the month the person turns `years`: the Party counts age by month. */
function turnsOld(birth: Day, years: number): Day {
  const { year, month } = ymdOf(birth);
  return dayOf(year + years, month, 1);
}

/** Rows in the column order of the `Danh sách` header written by `init`. */
export function candidateCells(people: readonly SyntheticPerson[]): Cell[][] {
  const date = (day: Day | null): Cell => (day === null ? '' : instantOfDay(day));
  return people.map((p, i) => [
    i + 1,
    p.name,
    date(p.birth),
    p.unit,
    p.group,
    p.classCode,
    date(p.nominated),
    date(p.certified),
    date(p.admitted),
    p.admitted === null ? '' : `${1000 + i}-QĐ/HU`,
    '',
    date(p.resolution),
    date(p.ceremony),
    '',
    p.gender,
    p.ethnicity,
    p.religion,
    p.youthUnion,
  ]);
}

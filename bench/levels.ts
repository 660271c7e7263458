// Two levels at a province's scale for `npm run bench`: 100 communes of 30 cells, 300,000 people
// in all. Each commune is a slice of the bench's province plan (30 of its units, 3,000 rows),
// reporting under its own code; the province is a counts-only workbook whose units are the 100
// communes, with the same milestones (for every kind of unit).
import type { Plan, Unit } from '../src/core/model';
import { higherFigures } from '../src/core/higher/figures';
import { instantOfDay, type Day } from '../src/core/calendar/dates';
import { SHEET } from '../src/workbook/contract';
import { higherFiguresSheet } from '../src/workbook/higher-figures';
import { MemoryWorkbook } from '../src/workbook/memory-workbook';
import type { Cell, SheetLayout } from '../src/workbook/port';
import { seedSheets } from '../src/workbook/seed';
import { evaluateWorkbook } from '../src/workbook/usecases';
import { provinceCandidates, provincePlan, PROVINCE_MILESTONES } from './province';

export const COMMUNES = 100;
export const CELLS = 30;
export const PEOPLE = 3_000;
export const PROVINCE_BOARD = 'bantochuc.tinh@example.com';

export const communeCode = (i: number): string => `XA-${String(i + 1).padStart(3, '0')}`;

/** Commune `i`: 30 units of the bench's plan, its Board, and its code at the province. */
export function communePlan(i: number): Plan {
  const plan = provincePlan();
  return {
    ...plan,
    settings: {
      ...plan.settings,
      issuerName: `Ban Thường vụ Đảng ủy xã Mẫu ${String(i + 1).padStart(3, '0')}`,
      issuerLevel: 'Xã',
      higherName: 'Tỉnh ủy Mẫu',
      higherCode: communeCode(i),
      higherBoardEmails: [PROVINCE_BOARD],
    },
    // The plan has 2,000 units: communes past the 66th take slices again (their own workbooks).
    units: plan.units.slice(
      (i % Math.floor(plan.units.length / CELLS)) * CELLS,
      ((i % Math.floor(plan.units.length / CELLS)) + 1) * CELLS,
    ),
  };
}

/** The commune's sheets, its 3,000 rows drawn with the commune's own seed. */
export function communeSheets(i: number): { name: string; rows: Cell[][]; layout: SheetLayout }[] {
  const plan = communePlan(i);
  return seedSheets(plan).map((s) =>
    s.name === SHEET.candidates ? { ...s, rows: provinceCandidates(plan, PEOPLE, 1_000 + i) } : s,
  );
}

/** The province above them: one counts-only unit per commune. */
export function provinceOfCommunes(): Plan {
  const plan = provincePlan();
  const milestones = PROVINCE_MILESTONES.map((m) => ({ ...m, appliesTo: 'all' as const }));
  const units: Unit[] = Array.from({ length: COMMUNES }, (_, i) => ({
    code: communeCode(i),
    name: `Đảng bộ xã Mẫu ${String(i + 1).padStart(3, '0')}`,
    aliases: [],
    kind: i % 10 === 0 ? 'Phường' : 'Xã',
    committee: 'Tỉnh ủy Mẫu',
    emails: [],
    rejectedEmails: [],
    quotas: Object.fromEntries(milestones.map((m) => [m.code, { min: 40, max: 40 }])),
  }));
  return {
    ...plan,
    settings: { ...plan.settings, dataMode: 'counts', boardEmails: [PROVINCE_BOARD] },
    units,
    milestones,
  };
}

/** Commune `i`'s figures file as it sends it (its sheet's rows), computed from its own list. */
export function communeFigures(i: number, day: Day): Cell[][] {
  const book = new MemoryWorkbook(
    Object.fromEntries(communeSheets(i).map((s) => [s.name, s.rows])),
  );
  const evaluation = evaluateWorkbook(book, instantOfDay(day), day);
  return higherFiguresSheet(
    higherFigures(evaluation),
    instantOfDay(day),
    communePlan(i).settings.issuerName,
  ).rows;
}

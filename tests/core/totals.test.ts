// Every total row is the sum of its unit rows, for any workbook: the figures the Board signs.
import fc from 'fast-check';
import { dayFromYmd, formatDmy, type Day } from '../../src/core/calendar/dates';
import { resultFor, type Result } from '../../src/core/counting/fulfillment';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { SHEET } from '../../src/workbook/contract';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const NOW = new Date('2024-12-31T05:00:00Z');
const ASOF = dayFromYmd(2024, 12, 31) as Day;
const UNITS = PLAN_145.units.map((u) => u.name);
const CODES = PLAN_145.milestones.map((m) => m.code);
const CLASSES = PLAN_145.milestones.filter((m) => m.kind === 'class').map((m) => m.code);

const quotaCell = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 0, max: 12 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }))
    .map(([a, d]) => `${a}-${a + d}`),
  fc.integer({ min: 0, max: 8 }).map((a) => `từ ${a} trở lên`),
);

const personArb = fc.record({
  name: fc.integer({ min: 0, max: 40 }).map((i) => `Người Mẫu ${i}`),
  unit: fc.constantFrom(...UNITS),
  classCode: fc.constantFrom('', ...CLASSES),
  admitted: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
});

const workbookArb = fc.record({
  quotas: fc.array(fc.array(quotaCell, { minLength: CODES.length, maxLength: CODES.length }), {
    minLength: UNITS.length,
    maxLength: UNITS.length,
  }),
  people: fc.array(personArb, { maxLength: 60 }),
});

const sumOf = (members: Record<string, Result>[], code: string): Result => {
  let actual = 0;
  let min = 0;
  let max = 0;
  let any = false;
  for (const r of members) {
    const x = r[code] as Result;
    actual += x.actual;
    // max is null for "từ n trở lên" (min a number): the sum has no upper bound either.
    if (x.min !== null) {
      any = true;
      min += x.min;
      max += x.max ?? Number.POSITIVE_INFINITY;
    }
  }
  return resultFor(actual, any ? { min, max } : null);
};

test('for random workbooks, every subtotal and the grand total equal the sum of their unit rows', () => {
  const start = dayFromYmd(2024, 1, 1) as Day;
  fc.assert(
    fc.property(workbookArb, ({ quotas, people }) => {
      const book = plan145Workbook();
      const sheet = book.readSheet(SHEET.quotas) ?? [];
      const header = (sheet[0] ?? []).map(String);
      quotas.forEach((row, u) =>
        row.forEach((cell, m) => {
          const line = sheet[u + 1];
          if (line) line[header.indexOf(CODES[m] as string)] = cell;
        }),
      );
      addPeople(
        book,
        people.map((p): Person => ({
          name: p.name,
          birth: '01/01/2004',
          unit: p.unit,
          classCode: p.classCode,
          certified: '02/01/2024',
          admitted: p.admitted === null ? '' : formatDmy(start + p.admitted),
        })),
      );
      const { fulfillment } = evaluateWorkbook(book, NOW, ASOF);
      const units = fulfillment.units;
      for (const code of CODES) {
        for (const g of fulfillment.byKind) {
          const members = units.filter((u) => u.unit.kind === g.key).map((u) => u.results);
          expect(g.results[code]).toEqual(sumOf(members, code));
        }
        for (const g of fulfillment.byCommittee) {
          const members = units.filter((u) => u.unit.committee === g.key).map((u) => u.results);
          expect(g.results[code]).toEqual(sumOf(members, code));
        }
        const all = fulfillment.all[code] as Result;
        expect(all).toEqual(
          sumOf(
            units.map((u) => u.results),
            code,
          ),
        );
        // And by hand: the column added up.
        expect(all.actual).toBe(units.reduce((n, u) => n + (u.results[code]?.actual ?? 0), 0));
      }
    }),
    { numRuns: 60 },
  );
});

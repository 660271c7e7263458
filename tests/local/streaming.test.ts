// The lean streaming read (report, check, counts) gives the same report as the full read, on the
// demo (with its planted mistakes) and on random messy workbooks.
import { join } from 'node:path';
import fc from 'fast-check';
import { buildJsonReport } from '../../src/core/report';
import { instantOfDay } from '../../src/core/dates';
import { PLAN_145 } from '../../src/core/plan145';
import { readXlsx } from '../../src/local/xlsx-reader';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { isEngineInput } from '../../src/workbook/read';
import { candidateLayout } from '../../src/workbook/seed';
import { evaluateWorkbook, initializeWorkbook } from '../../src/workbook/usecases';
import type { Cell } from '../../src/workbook/port';
import { ptdv, tempDir } from '../helpers/cli';

const NOW = new Date('2024-12-31T05:00:00Z');

async function bothReads(file: string) {
  const full = buildJsonReport(evaluateWorkbook(await XlsxWorkbook.open(file), NOW));
  const lean = buildJsonReport(evaluateWorkbook(await readXlsx(file, isEngineInput), NOW));
  return { full, lean };
}

describe('the streaming read equals the full read', () => {
  const dir = tempDir();

  test('on the demo workbook, planted mistakes included', async () => {
    const demo = join(dir, 'demo.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const { full, lean } = await bothReads(demo);
    expect(lean.problems.length).toBeGreaterThan(10);
    expect(lean).toEqual(full);
  });

  test('on random messy workbooks', async () => {
    const units = PLAN_145.units.map((u) => u.name);
    const cell = fc.oneof(
      fc.constant<Cell>(''),
      fc.constantFrom<Cell>(...units, 'THPT-HH1', 'Truong THPT Hiep Hoa so 2', 'không có'),
      fc.constantFrom<Cell>(
        'BD1-HS',
        'BD2-CN',
        'BD9',
        '31/02/2006',
        '10/05/2024',
        '2024-05-10',
        'abc',
      ),
      fc.integer({ min: 17000, max: 20500 }).map((d) => instantOfDay(d) as Cell),
      fc.integer({ min: -5, max: 50000 }),
      fc.string({ maxLength: 12 }),
    );
    const rows = fc.array(fc.array(cell, { minLength: 14, maxLength: 14 }), { maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(rows, async (people) => {
        const file = join(dir, 'messy.xlsx');
        const book = XlsxWorkbook.empty();
        initializeWorkbook(book, NOW);
        book.writeSheet(
          SHEET.candidates,
          [CANDIDATE_COLUMNS.map((c) => c.header), ...people],
          candidateLayout([]),
        );
        await book.save(file);
        const { full, lean } = await bothReads(file);
        expect(lean).toEqual(full);
      }),
      { numRuns: 15 },
    );
  });
});

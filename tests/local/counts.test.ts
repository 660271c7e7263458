import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatDmy } from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { candidateCells, syntheticPeople } from '../../src/local/synthetic';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { candidateLayout } from '../../src/workbook/seed';
import { initializeWorkbook } from '../../src/workbook/usecases';
import { ptdv, tempDir } from '../helpers/cli';

const PEOPLE = syntheticPeople(PLAN_145);

async function allCellText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const parts: string[] = [];
  book.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        parts.push(
          v instanceof Date ? formatDmy(Math.round(v.getTime() / 86_400_000)) : JSON.stringify(v),
        );
      }),
    );
  });
  return parts.join('\n');
}

/** Nothing that identifies a person: no synthetic name, no date of birth. */
function expectNoPersonalData(text: string): void {
  for (const p of PEOPLE.slice(0, 40)) {
    expect(text).not.toContain(p.name);
    expect(text).not.toContain(formatDmy(p.birth));
  }
  expect(text).not.toMatch(/Mẫu \d{4}/);
}

describe('counts without names', () => {
  const dir = tempDir();
  const local = join(dir, 'danh-sach.xlsx');
  const shared = join(dir, 'chung.xlsx');

  beforeAll(async () => {
    const book = XlsxWorkbook.empty();
    initializeWorkbook(book, new Date());
    book.writeSheet(
      SHEET.candidates,
      [CANDIDATE_COLUMNS.map((c) => c.header), ...candidateCells(PEOPLE)],
      candidateLayout([]),
    );
    await book.save(local);
    expect(ptdv('init', '--out', shared, '--counts-only').code).toBe(0);
  });

  test('a counts-only workbook has no sheet for names', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(shared);
    expect(book.worksheets.map((w) => w.name)).not.toContain('Danh sách');
  });

  test('the Plan 145 scenario as a person list and as counts gives the same dashboard', () => {
    const r = ptdv(
      'counts',
      '--workbook',
      local,
      '--out',
      join(dir, 'so-lieu'),
      '--into',
      shared,
      '--today',
      '2024-12-31',
    );
    expect(r.code).toBe(0);
    const list = JSON.parse(
      ptdv('report', '--workbook', local, '--json', '--today', '2024-12-31').stdout,
    );
    const counts = JSON.parse(
      ptdv('report', '--workbook', shared, '--json', '--today', '2024-12-31').stdout,
    );
    const figures = (report: typeof list) =>
      report.units.map(
        (u: {
          code: string;
          results: Record<string, { actual: number; target: string; status: string }>;
        }) => [
          u.code,
          Object.fromEntries(
            Object.entries(u.results).map(([k, v]) => [k, [v.actual, v.target, v.status]]),
          ),
        ],
      );
    expect(figures(counts)).toEqual(figures(list));
    expect(counts.totals).toEqual(
      JSON.parse(JSON.stringify(list.totals)), // subtotals carry no source
    );
    // The structure of those admitted goes across as counts: women, minorities, religious, Youth
    // Union, 18–30 and how many of each are not known, unit by unit and in total (the average age
    // and `Đối tượng` need the people, so the counts-only side does not know them).
    type Line = Record<string, unknown> & { code?: string };
    const measures = (line: Line) => {
      const { averageAge: _a, byTarget: _b, ...rest } = line;
      return rest;
    };
    const structures = (report: typeof list) =>
      report.structure
        .filter((t: { milestone: string | null }) => t.milestone !== null)
        .map((t: { milestone: string; units: Line[]; total: Line }) => [
          t.milestone,
          t.units.map(measures),
          measures(t.total),
        ]);
    expect(structures(counts)).toEqual(structures(list));
    const some = list.structure[0].total;
    expect(some.women).toBeGreaterThan(0);
    expect(some.unknown.gender).toBeGreaterThan(0);
    const hh1 = counts.units.find((u: { code: string }) => u.code === 'THPT-HH1');
    expect(hh1.results['KN-2024'].source).toBe('counts');
    expect(
      list.units.find((u: { code: string }) => u.code === 'THPT-HH1').results['KN-2024'].source,
    ).toBe('list');
  });

  test('the exported counts and the shared workbook hold no name or date of birth', async () => {
    expectNoPersonalData(await allCellText(join(dir, 'so-lieu.xlsx')));
    expectNoPersonalData(await allCellText(shared));
    const csv = readFileSync(join(dir, 'so-lieu.csv'), 'utf8');
    expect(csv.startsWith('\ufeffMã,Tên đơn vị,BD1-HS')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(15);
    expectNoPersonalData(csv);
  });

  test('check and remind work on the counts-only workbook and write no name', async () => {
    expect(ptdv('check', '--workbook', shared).stdout).toContain('Chế độ "Chỉ số liệu"');
    const r = ptdv(
      'remind',
      '--workbook',
      shared,
      '--today',
      '2024-12-17',
      '--outbox',
      join(dir, 'outbox'),
      '--dry-run',
    );
    expect(r.code).toBe(0);
    expectNoPersonalData(await allCellText(shared));
  });
});

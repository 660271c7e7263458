import { join } from 'node:path';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { plantMistakes } from '../../src/local/demo-mistakes';
import { candidateCells, syntheticPeople } from '../../src/local/synthetic';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { initializeWorkbook } from '../../src/workbook/usecases';
import { ptdv, tempDir } from '../helpers/cli';

/** What the demo plants, computed on a copy of the demo's sheets. */
function planted(): string[] {
  const book = new MemoryWorkbook();
  initializeWorkbook(book, new Date(), PLAN_145);
  book.sheets.set(SHEET.candidates, [
    CANDIDATE_COLUMNS.map((c) => c.header),
    ...candidateCells(syntheticPeople(PLAN_145)),
  ]);
  return plantMistakes(book.sheets)
    .map((m) => `${m.sheet}|${m.column}|${m.code}`)
    .sort();
}

describe('ptdv check', () => {
  const dir = tempDir();
  const file = join(dir, 'demo.xlsx');
  beforeAll(() => {
    expect(ptdv('demo', '--out', file).code).toBe(0);
  });

  test('on the demo workbook lists every planted mistake and nothing else, and exits 1', () => {
    const r = ptdv('check', '--workbook', file, '--json');
    expect(r.code).toBe(1);
    const { rows, problems } = JSON.parse(r.stdout);
    expect(
      problems
        .map(
          (p: { sheet: string; column: string; code: string }) =>
            `${p.sheet}|${p.column}|${p.code}`,
        )
        .sort(),
    ).toEqual(planted());
    expect(rows).toEqual({ rows: 271, withErrors: 7, withWarningsOnly: 6 });
  });

  test('the text lists each problem with its sheet, row and column', () => {
    const r = ptdv('check', '--workbook', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã đọc 271 dòng danh sách: 264 dòng được tính, 7 dòng có lỗi');
    expect(r.stdout).toContain(
      '[Lỗi] Danh sách, dòng 261, cột "Đơn vị": Không có đơn vị "Truong THPT Hiep Hoa so 2" trong sheet Chỉ tiêu. Có phải là "Trường THPT Hiệp Hòa số 2"?',
    );
  });

  test('a clean workbook passes with exit code 0', () => {
    const clean = join(dir, 'clean.xlsx');
    expect(ptdv('init', '--out', clean).code).toBe(0);
    const r = ptdv('check', '--workbook', clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không phát hiện lỗi nào');
  });
});

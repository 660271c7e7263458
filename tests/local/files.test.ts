// The membership pipeline through `ptdv`: the JSON's pipeline, the overdue files in the text,
// part IV of the HTML report, `Hồ sơ`, and the counts-only workbook showing stage counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ptdv, tempDir } from '../helpers/cli';

interface FilesJson {
  pipeline: {
    units: {
      code: string;
      stages: Record<string, number>;
      overdue: Record<string, number>;
      source: string | null;
    }[];
    people: {
      sheet: string;
      row: number;
      unit: string;
      stage: string;
      due: string | null;
      overdue: boolean;
    }[];
  };
}

const json = (file: string, today: string): FilesJson =>
  JSON.parse(ptdv('report', '--workbook', file, '--today', today, '--json').stdout) as FilesJson;

describe('files from class to official membership (ptdv on the demo)', () => {
  const dir = tempDir();
  const demo = join(dir, 'demo.xlsx');
  beforeAll(() => {
    expect(ptdv('demo', '--out', demo).code).toBe(0);
  });

  test('JSON: stages per unit and each file by sheet and row, dates ISO, no names', () => {
    const report = json(demo, '2024-12-31');
    const people = report.pipeline.people;
    expect(people.length).toBeGreaterThan(20);
    for (const p of people) {
      expect(Object.keys(p).sort()).toEqual(['due', 'overdue', 'row', 'sheet', 'stage', 'unit']);
      expect(p.due ?? '').toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
    }
    const text = JSON.stringify(report.pipeline);
    expect(text).not.toMatch(/Mẫu \d{4}/);
    const hh1 = report.pipeline.units.find((u) => u.code === 'THPT-HH1');
    const mine = people.filter((p) => p.unit === 'THPT-HH1');
    expect(hh1?.stages['probation']).toBe(mine.filter((p) => p.stage === 'probation').length);
    expect(hh1?.overdue['awaiting_ceremony']).toBe(
      mine.filter((p) => p.stage === 'awaiting_ceremony' && p.overdue).length,
    );
    expect(hh1?.source).toBe('list');
  });

  test('the text report lists overdue files by unit, sheet and row', () => {
    const run = ptdv('report', '--workbook', demo, '--today', '2024-12-31');
    const overdue = json(demo, '2024-12-31').pipeline.people.filter((p) => p.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`Hồ sơ quá hạn đến ngày 31/12/2024: ${overdue.length}`);
    const first = overdue[0];
    expect(run.stdout).toContain(`${first?.sheet}, dòng ${first?.row}:`);
    expect(run.stdout).not.toMatch(/Mẫu \d{4}/);
  });

  test('part IV of the HTML report: files per unit and the funnel', () => {
    const page = join(dir, 'bao-cao.html');
    expect(ptdv('report', '--workbook', demo, '--today', '2024-12-31', '--html', page).code).toBe(
      0,
    );
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('IV. HỒ SƠ KẾT NẠP VÀ CHUYỂN ĐẢNG CHÍNH THỨC');
    expect(html).toContain('Từ lớp bồi dưỡng đến đảng viên chính thức');
    expect((html.match(/class="step"/g) ?? []).length).toBe(6);
    expect(html).not.toMatch(/Mẫu \d{4}/);
  });

  test('Hồ sơ is written with the dashboard: per unit stages, overdue, next due day', async () => {
    const copy = join(dir, 'ghi.xlsx');
    expect(ptdv('demo', '--out', copy).code).toBe(0);
    expect(ptdv('report', '--workbook', copy, '--today', '2024-12-31', '--write').code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    const ws = book.getWorksheet('Hồ sơ');
    const header = (ws?.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Mã',
      'Tên đơn vị',
      'Chờ quyết định kết nạp',
      'Chờ quyết định kết nạp — quá hạn',
      'Chờ lễ kết nạp',
      'Chờ lễ kết nạp — quá hạn',
      'Dự bị',
      'Dự bị — quá hạn',
      'Chính thức',
      'Hạn gần nhất',
      'Nguồn',
    ]);
    const report = json(demo, '2024-12-31');
    const hh1 = report.pipeline.units.find((u) => u.code === 'THPT-HH1');
    const row = (ws?.getRow(4).values as unknown[]).slice(1);
    expect(row.slice(0, 9)).toEqual([
      'THPT-HH1',
      'Trường THPT Hiệp Hòa số 1',
      hh1?.stages['awaiting_decision'] ?? 0,
      hh1?.overdue['awaiting_decision'] ?? 0,
      hh1?.stages['awaiting_ceremony'] ?? 0,
      hh1?.overdue['awaiting_ceremony'] ?? 0,
      hh1?.stages['probation'] ?? 0,
      hh1?.overdue['probation'] ?? 0,
      hh1?.stages['official'] ?? 0,
    ]);
  });

  test('counts only: ptdv counts carries the stage counts, the shared workbook shows them, no name', async () => {
    const shared = join(dir, 'chung.xlsx');
    expect(ptdv('init', '--out', shared, '--counts-only', '--plan-from', demo).code).toBe(0);
    const counts = ptdv(
      'counts',
      '--workbook',
      demo,
      '--out',
      join(dir, 'sl'),
      '--into',
      shared,
      '--today',
      '2024-12-31',
    );
    expect(counts.code).toBe(0);
    const local = json(demo, '2024-12-31').pipeline.units;
    const remote = json(shared, '2024-12-31').pipeline;
    expect(remote.people).toEqual([]);
    for (const u of local) {
      const r = remote.units.find((x) => x.code === u.code);
      expect(r?.stages).toEqual(u.stages);
      expect(r?.overdue).toEqual(u.overdue);
      if (u.source === 'list') expect(r?.source).toBe('counts');
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(shared);
    const header = (book.getWorksheet('Số liệu')?.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Chờ lễ kết nạp quá hạn');
    const all: string[] = [];
    book.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => all.push(String(c.value)))));
    expect(all.join('\n')).not.toMatch(/Mẫu \d{4}/);
  });
});

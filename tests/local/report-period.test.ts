// `ptdv report` with a period and the structure of those admitted, as a user runs it on the demo:
// the text, the JSON, the HTML page; a mistyped period is said in Vietnamese before any reading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ptdv, tempDir } from '../helpers/cli';

const dir = tempDir();
const demo = join(dir, 'demo.xlsx');

beforeAll(() => {
  expect(ptdv('demo', '--out', demo).code).toBe(0);
});

const json = (...args: string[]) => {
  const r = ptdv('report', '--workbook', demo, '--today', '2024-12-31', '--json', ...args);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    structure: {
      milestone: string | null;
      units: { code: string; admitted: number; women: number; unknown: { gender: number } }[];
      total: { admitted: number; women: number; averageAge: number | null };
    }[];
    units: { code: string; results: Record<string, { actual: number }> }[];
    period?: {
      from: string;
      to: string;
      previous: { from: string; to: string };
      units: { admitted: number; nominated: number }[];
      total: { admitted: number; nominated: number };
    };
  };
};

describe('ptdv report: the structure of those admitted, and periods', () => {
  test('the demo’s structure adds up, unit by unit, to each admission milestone’s figure', () => {
    const report = json();
    expect(report.structure.map((s) => s.milestone)).toEqual(['KN-19-5', 'KN-2024']);
    for (const table of report.structure) {
      for (const u of table.units)
        expect(u.admitted).toBe(
          report.units.find((x) => x.code === u.code)?.results[table.milestone ?? '']?.actual,
        );
      expect(table.total.admitted).toBe(table.units.reduce((n, u) => n + u.admitted, 0));
      expect(table.total.women).toBe(table.units.reduce((n, u) => n + u.women, 0));
    }
    const year = report.structure[1];
    // The demo fills the optional columns for most people, not all: some unknown, women counted.
    expect(year?.total.women).toBeGreaterThan(0);
    expect(year?.units.some((u) => u.unknown.gender > 0)).toBe(true);
    expect(year?.total.averageAge).toBeGreaterThan(17);
    expect(report.period).toBeUndefined();
  });

  test('--period Q2-2024: the quarter beside the second quarter of 2023, and its own structure', () => {
    const report = json('--period', 'Q2-2024');
    expect(report.period).toMatchObject({
      from: '2024-04-01',
      to: '2024-06-30',
      previous: { from: '2023-04-01', to: '2023-06-30' },
    });
    const total = report.period?.total;
    expect(total?.admitted).toBe(report.period?.units.reduce((n, u) => n + u.admitted, 0));
    expect(total?.admitted).toBeGreaterThan(0);
    const own = report.structure.find((s) => s.milestone === null);
    expect(own?.total.admitted).toBe(total?.admitted);
    // --from/--to give the same period.
    const days = json('--from', '2024-04-01', '--to', '2024-06-30');
    expect(days.period?.total).toEqual(total);
  });

  test('a period moves the report to its end, and a running one is cut at today, last year too', () => {
    // Over: the whole report is counted to 30/06, as Xuất báo cáo does.
    const june = ptdv(
      'report',
      '--workbook',
      demo,
      '--today',
      '2024-12-31',
      '--period',
      'Q2-2024',
      '--json',
    );
    expect(JSON.parse(june.stdout).asOf).toBe('2024-06-30');
    // Running on 15/05: to 15/05, and last year's second quarter to 15/05/2023.
    const may = ptdv(
      'report',
      '--workbook',
      demo,
      '--today',
      '2024-05-15',
      '--period',
      'Q2-2024',
      '--json',
    );
    const report = JSON.parse(may.stdout);
    expect(report.asOf).toBe('2024-05-15');
    expect(report.period).toMatchObject({
      from: '2024-04-01',
      to: '2024-05-15',
      previous: { from: '2023-04-01', to: '2023-05-15' },
    });
    // --as-of still says what the rest of the report counts to.
    const asOf = ptdv(
      'report',
      '--workbook',
      demo,
      '--today',
      '2024-12-31',
      '--as-of',
      '2024-12-31',
      '--period',
      'Q2-2024',
      '--json',
    );
    expect(JSON.parse(asOf.stdout).asOf).toBe('2024-12-31');
    // Not begun: nothing to report, said in Vietnamese.
    const july = ptdv('report', '--workbook', demo, '--today', '2024-05-15', '--period', 'Q3-2024');
    expect(july.code).toBe(2);
    expect(july.stderr).toContain('Kỳ báo cáo bắt đầu ngày 01/07/2024');
  });

  test('the text and the HTML page show parts V and VI', () => {
    const html = join(dir, 'bao-cao.html');
    const r = ptdv(
      'report',
      '--workbook',
      demo,
      '--today',
      '2024-12-31',
      '--period',
      '6T-2024',
      '--html',
      html,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('V. CƠ CẤU NGƯỜI ĐƯỢC KẾT NẠP');
    expect(r.stdout).toContain('Dân tộc thiểu số');
    expect(r.stdout).toContain('VI. KẾT QUẢ TRONG KỲ, SO VỚI CÙNG KỲ NĂM TRƯỚC');
    expect(r.stdout).toContain('6 tháng đầu năm 2024');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<table class="grid structure">');
    expect(page).toContain('<table class="grid period">');
    expect(page).toContain('Cùng kỳ năm trước');
    // Counts only: no name of the demo's people on the page's new parts.
    const structure = page.slice(page.indexOf('V. CƠ CẤU'));
    expect(structure).not.toMatch(/Mẫu \d{4}/);
  });

  test.each([
    [['--period', 'Q5-2024'], 'Không đọc được kỳ báo cáo "Q5-2024"'],
    [['--period', 'Q1-2024', '--from', '2024-01-01'], 'không dùng cùng --from/--to'],
    [['--from', '2024-01-01'], 'Cần cả --from và --to'],
    [['--from', '2024-03-01', '--to', '2024-01-01'], 'Kỳ báo cáo ngược'],
    [['--from', '01/03/2024', '--to', 'hôm qua'], 'Ngày --to "hôm qua" không đọc được'],
  ])('%j is refused in Vietnamese (exit 2)', (args, message) => {
    const r = ptdv('report', '--workbook', demo, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\bat \w|Error:/);
  });
});

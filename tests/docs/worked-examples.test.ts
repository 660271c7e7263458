// Worked examples the docs state, checked against the code (they are written by hand, so a change
// in the code that makes one wrong fails here): the forecast table of docs/vi/cach-tinh.md and the
// cell budget of docs/en/limits.md (its Vietnamese summary too). The demo's BD1-CN totals and
// duplicate rows are checked in tests/local/signable.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromYmd, formatDmy, type Day } from '../../src/core/calendar/dates';
import { forecast } from '../../src/core/forecast/forecast';
import { resultFor } from '../../src/core/counting/fulfillment';
import { PACE_LABEL } from '../../src/core/messages/labels';
import { PLAN_145, PLAN_145_MILESTONES } from '../../src/core/plan/plan145';
import { openSheet, sheetWithAddresses } from '../gas/helpers';

const ROOT = join(__dirname, '..', '..');
const page = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('docs/vi/cach-tinh.md: the forecast example is what forecast() computes', () => {
  const text = page('docs/vi/cach-tinh.md');
  const example = text.slice(text.indexOf('**Ví dụ từ Kế hoạch 145.**'));
  const rows = example
    .split('\n')
    .filter((l) => /^\|\s*\d+\s*\|/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));
  const bd2 = PLAN_145_MILESTONES.find((m) => m.code === 'BD2-HS');
  const asOf = dayFromYmd(2024, 9, 1) as Day;

  test('the example states BD2-HS as seeded, and three rows', () => {
    expect(bd2).toBeDefined();
    expect(example.replace(/\s+/g, ' ')).toContain(
      `\`Từ ngày\` ${formatDmy(bd2?.from ?? 0)}, \`Hạn\` ${formatDmy(bd2?.deadline ?? 0)}`,
    );
    expect(rows.length).toBe(3);
  });

  test.each([0, 1, 2])('row %i', (i) => {
    const [, actual, perWeek, projected, reach, pace] = rows[i] ?? [];
    const f = forecast(resultFor(Number(actual), { min: 20, max: 20 }), bd2!, asOf, null);
    expect(example).toContain(`E = ${f?.elapsedDays}, W = ${f?.windowDays}`);
    expect(perWeek).toBe(`${String(f?.perWeek).replace('.', ',')} / tuần`);
    expect(projected).toMatch(new RegExp(`= ${f?.projected}$`));
    expect(reach).toMatch(new RegExp(`= ${formatDmy(f?.reachDay ?? 0)}$`));
    expect(pace).toMatch(new RegExp(`^\\*\\*${PACE_LABEL[f?.status ?? 'behind']}\\*\\*`));
  });
});

describe('docs/en/limits.md: the cell budget is what setup and unit rooms make', () => {
  const en = page('docs/en/limits.md');
  const vi = page('docs/vi/bat-dau-google-sheets.md');
  const fmt = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  test('a DS sheet, the list, the log and the whole seeded workbook', () => {
    const { env, gas } = openSheet();
    const blank = env.spreadsheet.totalCells();
    gas.setupWorkbook();
    const sheets = env.spreadsheet.sheetNames().length - 1;
    const seeded = env.spreadsheet.totalCells() - blank;
    expect(en).toContain(`**${fmt(seeded, ',')}** (${sheets} sheets`);
    expect(vi).toContain(`${fmt(seeded, '.')} ô`);
    const list = env.spreadsheet.sheet('Danh sách').getMaxColumns();
    expect(en).toContain(`10,000 × ${list} = **${fmt(10_000 * list, ',')}**`);
    expect(en).toContain(`| \`Nhật ký thư\``);
    expect(en).toContain(`${env.spreadsheet.sheet('Nhật ký thư').getMaxColumns()} columns;`);

    const rooms = sheetWithAddresses();
    rooms.gas.setupUnitRooms();
    const room = rooms.env.spreadsheet.sheet('DS - THPT-HH1');
    const [r, c] = [room.getMaxRows(), room.getMaxColumns()];
    expect(en).toContain(
      `(1 header row + ${r - 1} empty rows) × ${c} columns = **${fmt(r * c, ',')}**`,
    );
    expect(vi).toContain(`${r - 1} dòng trống (${fmt(r * c, '.')} ô)`);
  });

  test('an SL sheet in counts-only mode', () => {
    const { env, gas } = sheetWithAddresses();
    const settings = env.spreadsheet.sheet('Cấu hình');
    const row = settings.values().findIndex((v) => v[0] === 'Chế độ dữ liệu') + 1;
    settings.load([['Chỉ số liệu']], row, 2);
    gas.setupUnitRooms();
    const room = env.spreadsheet.sheet('SL - THPT-HH1');
    const [r, c] = [room.getMaxRows(), room.getMaxColumns()];
    const milestones = PLAN_145.milestones.length;
    const admissions = PLAN_145.milestones.filter((m) => m.kind === 'admission').length;
    const columns = 11 + milestones + 10 * admissions;
    expect(en).toContain(
      `(11 + milestones + 10 a milestone of admission) columns; Plan 145: ${r} × ${columns} = **${r * c}**`,
    );
    expect(c).toBe(columns);
  });
});

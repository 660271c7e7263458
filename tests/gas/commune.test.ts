// A commune's plan in Sheets, through the built bundle: Tổng hợp subtotals per kind of cell, a
// blank start, and `Sang năm mới` giving a 2027 dashboard with no error on 2026 rows.
import { COMMUNE_KINDS, communeSheets } from '../helpers/commune-plan';
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';
import { openSheet, type Bundle } from './helpers';

function communeSheet(): { env: GasEnvironment; gas: Bundle } {
  const env = createGasEnvironment({
    now: new Date('2026-06-30T03:00:00Z'),
    sheetNames: ['Trang tính1'],
  });
  for (const [name, rows] of Object.entries(communeSheets())) {
    const realm = rows.map((r) =>
      r.map((v) => (v instanceof Date ? new env.Date(v.getTime()) : v)),
    );
    env.spreadsheet.addSheet(name, realm as never);
  }
  return { env, gas: loadBundle(env) };
}

const problems = (env: GasEnvironment) =>
  env.spreadsheet
    .sheet('Kiểm tra')
    .values()
    .slice(2)
    .map((r) => `${String(r[3])}:${String(r[4])}`);

describe("a commune's plan in Sheets", () => {
  test('Tổng hợp has one subtotal per kind, in the order first met, each the sum of its rows', () => {
    const { env, gas } = communeSheet();
    gas.refreshDashboard();
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const labels = table.map((r) => String(r[1])).filter((l) => l.startsWith('Cộng '));
    expect(labels.slice(0, COMMUNE_KINDS.length)).toEqual(COMMUNE_KINDS.map((k) => `Cộng ${k}`));
    const header = table[3] as string[];
    const at = header.indexOf('BD1-2026 thực hiện');
    const units = table.filter((r, i) => i > 3 && String(r[0]) !== '');
    for (const kind of COMMUNE_KINDS) {
      const sum = units.filter((r) => r[2] === kind).reduce((n, r) => n + Number(r[at]), 0);
      expect(table.find((r) => r[1] === `Cộng ${kind}`)?.[at]).toBe(sum);
    }
    expect(table.find((r) => r[0] === 'THON-DONG')?.[at + 1]).toBe('2');
    expect(table.find((r) => r[0] === 'THPT-MS')?.[header.indexOf('KN-2026 chỉ tiêu')]).toBe('2-4');
    expect(problems(env).filter((p) => p.startsWith('Lỗi'))).toEqual([]);
    expect(JSON.stringify(table)).not.toMatch(/huyện|Huyện|Hiệp Hòa/);
  });

  test('Sang năm mới: the next year by default, a 2027 dashboard, 2026 rows still valid', () => {
    const { env, gas } = communeSheet();
    env.ui.answerPrompt('');
    gas.startNewYear();
    expect(env.ui.prompts[0]?.prompt).toContain('để trống là 2027');
    expect(env.ui.alerts.at(-1)?.prompt).toContain('Đã chuyển từ năm 2026 sang năm 2027');
    const header = env.spreadsheet.sheet('Tổng hợp').values()[3] as string[];
    expect(header.filter((h) => h.endsWith('thực hiện'))).toEqual([
      'BD1-2027 thực hiện',
      'KN-2027 thực hiện',
      'KN-19-5-2027 thực hiện',
    ]);
    gas.checkEntries();
    expect(problems(env).filter((p) => p.startsWith('Lỗi'))).toEqual([]);
    expect(problems(env)).toEqual([
      'Cảnh báo:plan_identity_missing',
      'Cảnh báo:plan_identity_missing',
    ]);
    // Danh sách is untouched.
    expect(env.spreadsheet.sheet('Danh sách').values().length).toBe(10);
  });

  test('Khởi tạo on an empty spreadsheet asks: "Không" starts blank', () => {
    const { env, gas } = openSheet();
    env.ui.answerAlerts('NO');
    gas.setupWorkbook();
    expect(env.spreadsheet.sheet('Chỉ tiêu').values().length).toBe(1);
    expect(env.spreadsheet.sheet('Mốc').values().length).toBe(1);
    const settings = env.spreadsheet.sheet('Cấu hình').values().slice(1);
    expect(settings.length).toBeGreaterThan(8);
    // Every value blank, but the spreadsheet's own address, filled in for the mails' link.
    expect(settings.filter((r) => r[1] !== '').map((r) => r[0])).toEqual(['Địa chỉ bảng tính']);
    gas.refreshDashboard();
    expect(JSON.stringify(env.spreadsheet.sheet('Tổng hợp').values())).not.toMatch(/Hiệp Hòa|145/);
  });

  test('Khởi tạo: "Hủy" changes nothing', () => {
    const { env, gas } = openSheet();
    env.ui.answerAlerts('CANCEL');
    gas.setupWorkbook();
    expect(env.spreadsheet.sheetNames()).toEqual(['Trang tính1']);
  });
});

// Two levels in Apps Script, on the bundle: a commune (here the Plan 145 committee) sends its own
// totals to its province in a small spreadsheet only the province's Board can read; the province
// imports each commune's file with IMPORTRANGE and counts it like any counts-only unit, says in
// Kiểm tra what is not yet allowed, missing, late or unknown, and never takes a failed import as 0.
import { formatDmy } from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { syntheticPeople } from '../../src/local/synthetic';
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';
import { sheetWithAddresses, syntheticRows, type Bundle } from './helpers';

const PROVINCE_BOARD = 'bantochuc.tinh@example.com';
const FIGURES = 'Số liệu gửi cấp trên';

function setting(env: GasEnvironment, key: string, value: unknown): void {
  const settings = env.spreadsheet.sheet('Cấu hình');
  const row = settings.values().findIndex((r) => r[0] === key) + 1;
  expect(row).toBeGreaterThan(0);
  settings.load([[value]], row, 2);
}

/** The commune: Plan 145 with its people, reporting to the province as HIEPHOA. */
function commune(): { env: GasEnvironment; gas: Bundle } {
  const { env, gas } = sheetWithAddresses(new Date('2024-12-31T03:00:00Z'));
  env.spreadsheet.sheet('Danh sách').load(syntheticRows(env), 2);
  setting(env, 'Cấp trên', 'Tỉnh ủy Mẫu');
  setting(env, 'Mã đơn vị ở cấp trên', 'HIEPHOA');
  setting(env, 'Email Ban Tổ chức cấp trên', PROVINCE_BOARD);
  // Both students' classes go to the province's second one: two classes, no one in both.
  mapMilestone(env, 'BD1-HS', 'BD2-HS');
  return { env, gas };
}

function mapMilestone(env: GasEnvironment, code: string, higher: string): void {
  const milestones = env.spreadsheet.sheet('Mốc');
  const header = milestones.values()[0] as string[];
  const row = milestones.values().findIndex((r) => r[0] === code) + 1;
  milestones.load([[higher]], row, header.indexOf('Mốc cấp trên') + 1);
}

/** What the commune's Tổng hợp says a milestone's figure is: the sum of its unit rows. */
function dashboardSum(env: GasEnvironment, ...codes: string[]): number {
  const table = env.spreadsheet.sheet('Tổng hợp').values();
  const top = table[3] as string[];
  const units = new Set(PLAN_145.units.map((u) => u.code));
  return table
    .filter((r) => units.has(String(r[0])))
    .reduce(
      (n, r) => n + codes.reduce((m, c) => m + Number(r[top.indexOf(`${c} thực hiện`)] || 0), 0),
      0,
    );
}

function fileOf(env: GasEnvironment): { id: string; values: unknown[][] } {
  const ids = env.sheetsApi.spreadsheetIds();
  expect(ids).toHaveLength(1);
  const id = ids[0] as string;
  return { id, values: env.sheetsApi.valuesOf(id, FIGURES) };
}

const cellOf = (values: unknown[][], header: string) =>
  values[1]?.[(values[0] as string[]).indexOf(header)];

describe('a commune sends its figures up', () => {
  const { env, gas } = commune();

  test('the menu makes the file, shares it with the province’s Board only, and mails its link', () => {
    gas.sendFiguresToHigher();
    const { id, values } = fileOf(env);
    expect(env.ui.alerts.at(-1)?.prompt).toContain(`https://docs.google.com/spreadsheets/d/${id}`);
    const readers = env.drive.permissionsOf(id).filter((p) => p.role !== 'owner');
    expect(readers.map((p) => [p.emailAddress, p.role])).toEqual([[PROVINCE_BOARD, 'reader']]);
    const mail = env.mail.sent.filter((m) => m.to.includes(PROVINCE_BOARD));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.body).toContain(id);
    expect(mail[0]?.body).toContain('Cho phép truy cập');
    // The province's codes: the commune's own, BD1-HS folded into BD2-HS.
    expect(values[0]).toContain('KN-2024');
    expect(values[0]).not.toContain('BD1-HS');
    expect(values[0]).toContain('KN-2024 - Nữ');
    expect(cellOf(values, 'Mã')).toBe('HIEPHOA');
    expect(cellOf(values, 'KN-2024')).toBe(dashboardSum(env, 'KN-2024'));
    expect(cellOf(values, 'KN-19-5')).toBe(dashboardSum(env, 'KN-19-5'));
    expect(cellOf(values, 'BD2-HS')).toBe(dashboardSum(env, 'BD1-HS', 'BD2-HS'));
    expect(Number(cellOf(values, 'KN-2024 - Nữ'))).toBeGreaterThan(0);
  });

  test('no cell of the file holds a name or a date of birth', () => {
    const text = fileOf(env).values.flat().map(String).join('\n');
    for (const p of syntheticPeople(PLAN_145)) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(formatDmy(p.birth));
    }
  });

  test('a refresh and the daily run update the same file, with no second mail', () => {
    const before = Number(cellOf(fileOf(env).values, 'KN-2024'));
    // Half the list gone: the figures fall.
    const list = env.spreadsheet.sheet('Danh sách');
    const rows = list.values().length;
    list.getRange(2, 1, Math.floor(rows / 2), list.getMaxColumns()).clearContent();
    gas.refreshDashboard();
    const after = Number(cellOf(fileOf(env).values, 'KN-2024'));
    expect(after).toBeLessThan(before);
    expect(after).toBe(dashboardSum(env, 'KN-2024'));
    env.endExecution();
    list.load(syntheticRows(env), 2);
    env.advanceTime(86_400_000);
    gas.runDailyReminders();
    expect(Number(cellOf(fileOf(env).values, 'KN-2024'))).toBe(before);
    expect(env.mail.sent.filter((m) => m.to.includes(PROVINCE_BOARD))).toHaveLength(1);
  });
});

/** The province: counts only, its units the lower committees (HIEPHOA and another). */
function province(): { env: GasEnvironment; gas: Bundle } {
  const env = createGasEnvironment({
    now: new Date('2025-01-02T03:00:00Z'),
    sheetNames: ['Trang tính1'],
    user: PROVINCE_BOARD,
  });
  const gas = loadBundle(env) as Bundle;
  gas.setupWorkbook();
  setting(env, 'Chế độ dữ liệu', 'Chỉ số liệu');
  setting(env, 'Email Ban Tổ chức', PROVINCE_BOARD);
  const quotas = env.spreadsheet.sheet('Chỉ tiêu');
  const header = quotas.values()[0] as string[];
  const line = (code: string, name: string) =>
    header.map((h) =>
      h === 'Mã'
        ? code
        : h === 'Tên đơn vị'
          ? name
          : h === 'Loại'
            ? 'Huyện'
            : /^(BD|KN)/.test(h)
              ? 5
              : '',
    );
  quotas.getRange(2, 1, quotas.getMaxRows() - 1, header.length).clearContent();
  quotas.load([line('HIEPHOA', 'Đảng bộ huyện Hiệp Hòa'), line('VIETYEN', 'Đảng bộ Việt Yên')], 2);
  return { env, gas };
}

function problems(
  env: GasEnvironment,
): { sheet: string; code: string; severity: string; message: string }[] {
  return env.spreadsheet
    .sheet('Kiểm tra')
    .values()
    .slice(2)
    .map((r) => ({
      sheet: String(r[0]),
      code: String(r[4]),
      severity: String(r[3]),
      message: String(r[5]),
    }));
}

function figureOf(env: GasEnvironment, unit: string, milestone: string): unknown {
  const table = env.spreadsheet.sheet('Tổng hợp').values();
  const top = table[3] as string[];
  return table.find((r) => r[0] === unit)?.[top.indexOf(`${milestone} thực hiện`)];
}

function sourceOf(env: GasEnvironment, unit: string, milestone: string): unknown {
  const table = env.spreadsheet.sheet('Tổng hợp').values();
  const top = table[3] as string[];
  return table.find((r) => r[0] === unit)?.[top.indexOf(`${milestone} nguồn`)];
}

describe('a province rolls up its communes with IMPORTRANGE', () => {
  const low = commune();
  low.gas.sendFiguresToHigher();
  const { id } = fileOf(low.env);
  const high = province();
  // The commune's file as Sheets would reach it: its readers and its values, live.
  high.env.spreadsheet.imports.publish(id, {
    readers: () => low.env.drive.permissionsOf(id).map((p) => String(p.emailAddress ?? '')),
    values: (sheet) =>
      low.env.sheetsApi.valuesOf(id, sheet) as ReturnType<
        Parameters<typeof high.env.spreadsheet.imports.publish>[1]['values']
      >,
  });
  const sheet = 'SL - HIEPHOA';
  const url = `https://docs.google.com/spreadsheets/d/${id}/edit`;

  test('the first time, Cấp dưới is made with the province’s units to fill in', () => {
    high.gas.receiveLowerFigures();
    expect(high.env.ui.alerts.at(-1)?.prompt).toContain('Đã tạo sheet "Cấp dưới" với 2 đơn vị');
    const lower = high.env.spreadsheet.sheet('Cấp dưới').values();
    expect(lower.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([
      ['Mã', 'Tên'],
      ['HIEPHOA', 'Đảng bộ huyện Hiệp Hòa'],
      ['VIETYEN', 'Đảng bộ Việt Yên'],
    ]);
  });

  test('one IMPORTRANGE per commune; not yet allowed: said in Kiểm tra, not counted as 0', () => {
    high.env.spreadsheet.sheet('Cấp dưới').load([[url]], 2, 3);
    high.gas.receiveLowerFigures();
    const formula = high.env.spreadsheet.sheet(sheet).getRange('A1').getFormula();
    expect(formula).toBe(
      `=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${id}", "'${FIGURES}'!A1:${formula.match(/:([A-Z]+)2"/)?.[1]}2")`,
    );
    const found = problems(high.env);
    expect(found).toContainEqual(
      expect.objectContaining({ sheet, code: 'lower_unreadable', severity: 'Lỗi' }),
    );
    expect(found.find((p) => p.code === 'lower_unreadable')?.message).toContain('#REF!');
    // Nothing from this commune counts yet: its figure has no source, and the error says why.
    expect(sourceOf(high.env, 'HIEPHOA', 'KN-2024')).not.toBe('số liệu báo cáo');
  });

  test('once allowed, the commune’s figures are the province’s, and the other is said missing', () => {
    expect(high.env.spreadsheet.imports.allow(id, 'someone@example.com')).toBe(false);
    expect(high.env.spreadsheet.imports.allow(id, PROVINCE_BOARD)).toBe(true);
    high.gas.refreshDashboard();
    const sent = low.env.sheetsApi.valuesOf(id, FIGURES);
    expect(figureOf(high.env, 'HIEPHOA', 'KN-2024')).toBe(cellOf(sent, 'KN-2024'));
    expect(sourceOf(high.env, 'HIEPHOA', 'KN-2024')).toBe('số liệu báo cáo');
    expect(figureOf(high.env, 'HIEPHOA', 'BD2-HS')).toBe(cellOf(sent, 'BD2-HS'));
    const found = problems(high.env);
    expect(found.some((p) => p.code === 'lower_unreadable')).toBe(false);
    expect(found).toContainEqual(expect.objectContaining({ code: 'lower_missing' }));
    expect(found.find((p) => p.code === 'lower_missing')?.message).toContain('Việt Yên');
    // The figures read are kept for a day the import fails: for the listed commune only.
    const kept = Object.keys(high.env.properties.getDocumentProperties().getProperties());
    expect(kept.filter((k) => k.startsWith('ptdv.lower.'))).toEqual([`ptdv.lower.${sheet}`]);
    // The structure of those admitted comes up too.
    const structure = high.env.spreadsheet.sheet('Cơ cấu').values();
    const heads = structure[2] as string[];
    const line = structure.find((r) => r[0] === 'KN-2024' && r[1] === 'Đảng bộ huyện Hiệp Hòa');
    expect(line?.[heads.indexOf('Nữ')]).toBe(cellOf(sent, 'KN-2024 - Nữ'));
  });

  test('a file no longer shared: the last figures stand, with a warning; late figures are said', () => {
    const before = figureOf(high.env, 'HIEPHOA', 'KN-2024');
    const reader = low.env.drive.permissionsOf(id).find((p) => p.emailAddress === PROVINCE_BOARD);
    // The commune's owner takes the province off the file, by hand in Drive.
    low.env.drive.Permissions.remove(id, String(reader?.id));
    high.env.advanceTime(10 * 86_400_000);
    high.gas.refreshDashboard();
    expect(figureOf(high.env, 'HIEPHOA', 'KN-2024')).toBe(before);
    const found = problems(high.env);
    expect(found).toContainEqual(
      expect.objectContaining({ sheet, code: 'lower_unreadable', severity: 'Cảnh báo' }),
    );
    expect(found.find((p) => p.code === 'lower_unreadable')?.message).toContain('lần trước');
    expect(found).toContainEqual(expect.objectContaining({ code: 'lower_late' }));
  });

  test('a commune’s figures under a code the province does not have are listed', () => {
    low.env.endExecution();
    // From the menu the file's readers are checked: shared again after the removal by hand.
    low.gas.sendFiguresToHigher();
    expect(low.env.drive.permissionsOf(id).map((p) => p.emailAddress)).toContain(PROVINCE_BOARD);
    const milestones = low.env.spreadsheet.sheet('Mốc');
    const header = milestones.values()[0] as string[];
    const row = milestones.values().findIndex((r) => r[0] === 'BD2-CN') + 1;
    milestones.load([['BD-2099']], row, header.indexOf('Mốc cấp trên') + 1);
    low.gas.refreshDashboard();
    high.env.endExecution();
    high.gas.refreshDashboard();
    expect(problems(high.env)).toContainEqual(
      expect.objectContaining({ sheet, code: 'milestone_column_unknown' }),
    );
  });
});

describe('what the commune is told, and what it never does twice', () => {
  test('two overlapping admissions sent to one higher milestone: refused, no file made', () => {
    const { env, gas } = commune();
    mapMilestone(env, 'KN-19-5', 'KN-2024');
    gas.sendFiguresToHigher();
    expect(env.ui.alerts.at(-1)?.prompt).toContain('KN-19-5 và KN-2024 cùng tính vào mốc KN-2024');
    expect(env.ui.alerts.at(-1)?.prompt).toContain('tính hai lần');
    expect(env.sheetsApi.spreadsheetIds()).toHaveLength(0);
  });

  test('another Board member’s refresh leaves the file alone and says whose it is', () => {
    const { env, gas } = commune();
    gas.sendFiguresToHigher();
    env.endExecution();
    env.actAs('bantochuc@example.com');
    gas.refreshDashboard();
    expect(env.sheetsApi.spreadsheetIds()).toHaveLength(1);
    expect(env.ui.toasts.at(-1)?.message).toContain('do tài khoản owner@example.com tạo');
    expect(env.mail.sent.filter((m) => m.to.includes(PROVINCE_BOARD))).toHaveLength(1);
  });

  test('a file its owner trashed is made again from the menu, and its new link mailed', () => {
    const { env, gas } = commune();
    gas.sendFiguresToHigher();
    const { id } = fileOf(env);
    env.drive.trash(id);
    env.endExecution();
    gas.sendFiguresToHigher();
    const ids = env.sheetsApi.spreadsheetIds();
    expect(ids).toHaveLength(2);
    const mails = env.mail.sent.filter((m) => m.to.includes(PROVINCE_BOARD));
    expect(mails).toHaveLength(2);
    expect(mails[1]?.body).toContain(ids[1]);
  });
});

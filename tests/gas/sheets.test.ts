import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { candidateCells, syntheticPeople } from '../../src/local/synthetic';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { CANDIDATE_COLUMNS } from '../../src/workbook/contract';
import { candidateLayout } from '../../src/workbook/seed';
import { initializeWorkbook } from '../../src/workbook/usecases';
import { ptdv, tempDir } from '../helpers/cli';
import { openSheet, snapshot, syntheticRows, type Bundle } from './helpers';
import type { GasEnvironment } from './fakes';

const SHEETS = [
  'Tổng hợp',
  'Hồ sơ',
  'Cơ cấu',
  'Chỉ tiêu',
  'Mốc',
  'Danh sách',
  'Số liệu',
  'Kiểm tra',
  'Nhật ký thư',
  'Cấu hình',
  'Ngày nghỉ',
];

function setUp(): { env: GasEnvironment; gas: Bundle } {
  const opened = openSheet();
  opened.gas.setupWorkbook();
  return opened;
}

describe('the menu', () => {
  test('onOpen adds "Phát triển đảng viên" and every item calls a global function of the bundle', () => {
    const { env, gas } = openSheet();
    gas.onOpen();
    const menu = env.ui.menu('Phát triển đảng viên');
    const items = (menu?.items ?? []).filter(
      (i): i is { caption: string; functionName: string } => 'functionName' in i,
    );
    expect(items.map((i) => i.caption)).toEqual([
      'Khởi tạo bảng tính',
      'Cập nhật Tổng hợp',
      'Kiểm tra dữ liệu nhập',
      'Phân quyền đơn vị',
      'Tạo tệp riêng cho đơn vị',
      'Xuất báo cáo',
      'Sang năm mới',
      'Gửi số liệu lên cấp trên',
      'Nhận số liệu cấp dưới',
      'Hướng dẫn sử dụng',
    ]);
    for (const item of items) expect(typeof gas[item.functionName]).toBe('function');
  });

  test('the help dialog opens', () => {
    const { env, gas } = openSheet();
    gas.showHelp();
    expect(env.ui.dialogs[0]?.title).toBe('Hướng dẫn sử dụng');
    expect(env.ui.dialogs[0]?.html).toContain('PTDV_TONGHOP');
  });
});

describe('setupWorkbook', () => {
  test('creates every sheet of the contract, formatted, with input helps, seeded with Plan 145', () => {
    const { env } = setUp();
    expect(env.spreadsheet.sheetNames()).toEqual(['Trang tính1', ...SHEETS]);
    const quotas = env.spreadsheet.sheet('Chỉ tiêu');
    expect(quotas.values().length).toBe(14);
    expect(quotas.getFrozenRows()).toBe(1);
    expect(quotas.fontWeights('A1:C1')).toEqual([['bold', 'bold', 'bold']]);
    // A range stays text: Sheets would otherwise read `8-10` as a date.
    expect(quotas.values()[1]?.slice(0, 2)).toEqual(['THPT-HH1', 'Trường THPT Hiệp Hòa số 1']);
    expect(quotas.values()[1]?.[10]).toBe('8-10');

    const list = env.spreadsheet.sheet('Danh sách');
    expect(list.values()).toEqual([
      [
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Đơn vị',
        'Đối tượng',
        'Đợt bồi dưỡng',
        'Ngày cử đi học',
        'Ngày cấp giấy chứng nhận',
        'Ngày kết nạp',
        'Số quyết định',
        'Ghi chú',
        'Ngày chi bộ đề nghị',
        'Ngày lễ kết nạp',
        'Ngày công nhận chính thức',
        'Giới tính',
        'Dân tộc',
        'Tôn giáo',
        'Đoàn viên',
      ],
    ]);
    expect(list.numberFormats('C2:C3')).toEqual([['dd/mm/yyyy'], ['dd/mm/yyyy']]);
    // The structure columns: Giới tính and Đoàn viên offer the words the report reads.
    expect(JSON.stringify(list.validations('O2')[0]?.[0])).toContain('Nữ');
    expect(JSON.stringify(list.validations('R2')[0]?.[0])).toContain('Không');
    const unit = list.validations('D2')[0]?.[0];
    expect(unit).toMatchObject({ allowInvalid: true });
    expect(JSON.stringify(unit)).toContain('Chỉ tiêu');
    const classes = list.validations('F500')[0]?.[0];
    expect(JSON.stringify(classes)).toContain('BD1-HS');
    expect(JSON.stringify(classes)).not.toContain('KN-2024');
    expect(JSON.stringify(list.validations('E2')[0]?.[0])).toContain('Công nhân');
    expect(JSON.stringify(env.spreadsheet.sheet('Mốc').validations('D2')[0]?.[0])).toContain(
      'Tất cả',
    );
    expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  test('run twice, the second run changes nothing', () => {
    const { env, gas } = setUp();
    env.spreadsheet.sheet('Danh sách').load([[1, 'Nguyễn Văn Mẫu', '', 'THPT-HH1']], 2);
    const before = snapshot(env);
    env.resetCalls();
    gas.setupWorkbook();
    expect(snapshot(env)).toEqual(before);
    const writes = env.calls.filter((c) => /^set|^insert|^clear|^remove/.test(c.method));
    expect(writes).toEqual([]);
  });

  test('never overwrites existing quotas, and adds only the missing sheets', () => {
    const { env, gas } = openSheet();
    env.spreadsheet.addSheet('Chỉ tiêu', [
      ['Mã', 'Tên đơn vị', 'Loại', 'KN-2025'],
      ['X1', 'Chi bộ xã A', 'Trường học', 4],
    ]);
    gas.setupWorkbook();
    expect(env.spreadsheet.sheet('Chỉ tiêu').values()).toEqual([
      ['Mã', 'Tên đơn vị', 'Loại', 'KN-2025'],
      ['X1', 'Chi bộ xã A', 'Trường học', 4],
    ]);
    expect(env.spreadsheet.sheet('Mốc').values()).toHaveLength(1); // header only: no plan seeded
    expect(env.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(SHEETS));
  });
});

describe('refreshDashboard', () => {
  test('on Plan 145 with synthetic entries gives the same numbers as `ptdv report`', async () => {
    const dir = tempDir();
    const file = join(dir, 'synthetic.xlsx');
    const xlsx = XlsxWorkbook.empty();
    initializeWorkbook(xlsx, new Date());
    const listHeader = CANDIDATE_COLUMNS.map((c) => c.header);
    xlsx.writeSheet(
      'Danh sách',
      [listHeader, ...candidateCells(syntheticPeople(PLAN_145))],
      candidateLayout([]),
    );
    await xlsx.save(file);
    const report = JSON.parse(
      ptdv('report', '--workbook', file, '--json', '--today', '2024-12-31').stdout,
    );

    const { env, gas } = setUp();
    env.spreadsheet.sheet('Danh sách').load(syntheticRows(env), 2);
    gas.refreshDashboard();
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const header = table[3] as string[];
    for (const unit of report.units) {
      const row = table.find((r) => r[0] === unit.code);
      expect(row).toBeDefined();
      for (const m of PLAN_145.milestones) {
        const r = unit.results[m.code];
        const at = header.indexOf(`${m.code} thực hiện`);
        expect(row?.[at]).toBe(r.actual);
        expect(row?.[at + 1]).toBe(r.target ?? '');
        // The percentage as a clean fraction: 133.3 % is 1.333, not 1.3330000000000002.
        expect(row?.[at + 2]).toBe(r.percent === null ? '' : Number((r.percent / 100).toFixed(3)));
        if (r.percent !== null) expect(String(row?.[at + 2]).length).toBeLessThanOrEqual(6);
      }
    }
    const total = table.find((r) => r[1] === 'Tổng cộng');
    expect(total?.[header.indexOf('KN-2024 thực hiện')]).toBe(report.totals.all['KN-2024'].actual);
    expect(total?.[header.indexOf('KN-2024 chỉ tiêu')]).toBe('70');
    expect(String(table[1]?.[0])).toMatch(/^Cập nhật lúc 31\/12\/2024 10:00/);

    const behind = report.units.filter((u: { results: Record<string, { status: string }> }) =>
      Object.values(u.results).some((r) => r.status === 'not_met'),
    ).length;
    expect(env.ui.toasts.at(-1)?.message).toBe(
      `Đã cập nhật Tổng hợp: ${behind} đơn vị còn chỉ tiêu chưa đạt.`,
    );
  });

  test('colours statuses and keeps one chart per milestone, replaced on each refresh', () => {
    const { env, gas } = setUp();
    gas.refreshDashboard();
    gas.refreshDashboard();
    const sheet = env.spreadsheet.sheet('Tổng hợp');
    expect(sheet.charts()).toHaveLength(PLAN_145.milestones.length);
    const rules = sheet.conditionalFormats();
    // Three results (Chưa đạt / Đạt / Vượt) and three paces (không kịp / nguy cơ / kịp).
    expect(rules).toHaveLength(6);
    expect(JSON.stringify(rules)).toContain('Chưa đạt');
    expect(JSON.stringify(rules)).toContain('nguy cơ');
  });

  // One name, one read or one write per sheet: 35 with `Hồ sơ` and `Ngày nghỉ` and the role check.
  test('SpreadsheetApp calls: the same for 100 and 50,000 rows, and at most 38 once laid out (five sheets written)', () => {
    const counts = [100, 50_000].map((n) => {
      const { env, gas } = setUp();
      const rows = syntheticRows(env, Math.ceil(n / 259)).slice(0, n);
      env.spreadsheet.sheet('Danh sách').load(rows, 2);
      env.resetCalls();
      gas.refreshDashboard();
      const first = env.countCalls('SpreadsheetApp');
      env.resetCalls();
      gas.refreshDashboard();
      return [first, env.countCalls('SpreadsheetApp')];
    });
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]?.[1]).toBeLessThanOrEqual(38);
  });

  test('a second refresh writes only values, and lays the sheet out again when it must', () => {
    const { env, gas } = setUp();
    gas.refreshDashboard();
    const sheet = env.spreadsheet.sheet('Tổng hợp');
    const laidOut = snapshot(env).find((s) => s.name === 'Tổng hợp');
    env.spreadsheet.sheet('Danh sách').load(syntheticRows(env), 2);
    env.resetCalls();
    gas.refreshDashboard();
    const methods = env.calls.map((c) => c.method);
    expect(methods).not.toContain('insertChart');
    expect(methods).not.toContain('setConditionalFormatRules');
    const after = snapshot(env).find((s) => s.name === 'Tổng hợp');
    expect(after?.values).not.toEqual(laidOut?.values);
    expect({ ...after, values: null }).toEqual({ ...laidOut, values: null });

    // A chart deleted by hand comes back on the next refresh.
    const raw = sheet.getCharts()[0];
    if (raw) sheet.removeChart(raw);
    gas.refreshDashboard();
    expect(sheet.charts()).toHaveLength(PLAN_145.milestones.length);

    // A new unit changes the rows the rules and charts span: laid out again.
    env.spreadsheet
      .sheet('Chỉ tiêu')
      .load([['X-1', 'Trường THPT Mới', '', 'Trường học', '', '', '', '', '', '', '', '1']], 15);
    env.resetCalls();
    gas.refreshDashboard();
    expect(env.calls.map((c) => c.method)).toContain('insertChart');
    const charts = sheet.charts();
    expect(charts).toHaveLength(PLAN_145.milestones.length);
    expect(JSON.stringify(charts[0])).toContain('18');
  });

  test('a missing column: one Vietnamese alert naming it, suggesting set-up, nothing written', () => {
    const { env, gas } = setUp();
    gas.refreshDashboard();
    env.spreadsheet.sheet('Danh sách').load([['Ngày vào Đảng']], 1, 9);
    const before = snapshot(env);
    gas.refreshDashboard();
    expect(env.ui.alertTexts().at(-1)).toContain('Sheet "Danh sách" thiếu cột "Ngày kết nạp"');
    expect(env.ui.alertTexts().at(-1)).toContain('Khởi tạo bảng tính');
    expect(snapshot(env)).toEqual(before);
  });

  test('a missing sheet: the alert names it', () => {
    const { env, gas } = openSheet();
    gas.refreshDashboard();
    expect(env.ui.alertTexts()).toEqual([expect.stringContaining('Thiếu sheet "Cấu hình"')]);
  });

  test('user text that looks like a formula stays text', () => {
    const { env, gas } = setUp();
    env.spreadsheet.sheet('Chỉ tiêu').load([['=IMPORTXML("http://x","//a")']], 2, 2);
    gas.refreshDashboard();
    const sheet = env.spreadsheet.sheet('Tổng hợp');
    expect(
      sheet
        .formulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(sheet.values().some((r) => r[1] === '=IMPORTXML("http://x","//a")')).toBe(true);
  });
});

describe('checkEntries', () => {
  test('writes Kiểm tra and tells how many problems', () => {
    const { env, gas } = setUp();
    env.spreadsheet
      .sheet('Danh sách')
      .load([[1, 'Nguyễn Văn Mẫu', '31/02/2006', 'Trường Không Có']], 2);
    gas.checkEntries();
    const rows = env.spreadsheet.sheet('Kiểm tra').values();
    expect(rows.slice(2).map((r) => r.slice(0, 5))).toEqual([
      ['Danh sách', 2, 'Ngày sinh', 'Lỗi', 'date_invalid'],
      ['Danh sách', 2, 'Đơn vị', 'Lỗi', 'unit_unknown'],
    ]);
    expect(env.ui.toasts.at(-1)?.message).toBe(
      'Phát hiện 2 lỗi và 0 cảnh báo: xem sheet Kiểm tra.',
    );
  });
});

describe('custom functions', () => {
  test('count, quota and ratio over whole ranges, with names in NFD and old tone placement', () => {
    const { env, gas } = setUp();
    const nfd = 'Trường THPT Hiệp Hoà số 1'.normalize('NFD');
    env.spreadsheet.sheet('Danh sách').load(
      Array.from({ length: 9 }, (_, i) => [
        i + 1,
        `Nguyễn Văn Mẫu ${i}`,
        new env.Date('2005-12-31T17:00:00Z'),
        i % 2 ? nfd : 'Trường THPT Hiệp Hòa số 1',
        'Học sinh',
        'BD1-HS',
        '',
        '14/04/2024',
        '10/05/2024',
      ]),
      2,
    );
    const entries = env.spreadsheet.sheet('Danh sách').values();
    const milestones = env.spreadsheet.sheet('Mốc').values();
    const quotas = env.spreadsheet.sheet('Chỉ tiêu').values();
    env.resetCalls();
    expect(gas.PTDV_THUCHIEN('Trường THPT Hiệp Hòa số 1', 'KN-19-5', entries, milestones)).toBe(9);
    expect(gas.PTDV_THUCHIEN(nfd, 'BD1-HS', entries, milestones)).toBe(9);
    expect(gas.PTDV_CHITIEU(nfd, 'KN-19-5', quotas)).toBe('8-10');
    expect(gas.PTDV_CHITIEU('THPT-HH1', 'KN-2024', quotas)).toBe(10);
    // With no upper bound the quota stays text as the plan writes it, a number would drop "trở lên".
    const openEnded = quotas.map((r) => (r[0] === 'THPT-HH1' ? [...r] : r));
    const hh1 = openEnded.find((r) => r[0] === 'THPT-HH1') as unknown[];
    hh1[(quotas[0] as unknown[]).indexOf('KN-2024')] = '2 đồng chí trở lên';
    expect(gas.PTDV_CHITIEU('THPT-HH1', 'KN-2024', openEnded)).toBe('từ 2 trở lên');
    expect(
      gas.PTDV_TYLE('Trường THPT Hiệp Hoà số 1', 'KN-2024', quotas, entries, milestones),
    ).toBeCloseTo(0.9);
    const table = gas.PTDV_TONGHOP(quotas, milestones, entries) as unknown[][];
    expect(table[0]?.[0]).toBe('Mã');
    expect(table.find((r) => r[0] === 'THPT-HH1')?.slice(0, 2)).toEqual([
      'THPT-HH1',
      'Trường THPT Hiệp Hòa số 1',
    ]);
    const asOfApril = gas.PTDV_TONGHOP(
      quotas,
      milestones,
      entries,
      new env.Date('2024-04-30T00:00:00Z'),
    ) as unknown[][];
    const header = asOfApril[0] as string[];
    expect(asOfApril.find((r) => r[0] === 'THPT-HH1')?.[header.indexOf('KN-2024 thực hiện')]).toBe(
      0,
    );
    // Custom functions never touch a service: they only read their arguments.
    expect(env.calls.length).toBe(0);
  });

  test('a bad argument returns a Vietnamese hint, never a stack trace', () => {
    const { env, gas } = setUp();
    const milestones = env.spreadsheet.sheet('Mốc').values();
    const quotas = env.spreadsheet.sheet('Chỉ tiêu').values();
    expect(gas.PTDV_THUCHIEN('THPT-HH1', 'KN-2024', 'A1:K', milestones)).toMatch(
      /^#PTDV: tham số thứ 3 phải là cả vùng Danh sách/,
    );
    expect(gas.PTDV_CHITIEU('Trường Không Có', 'KN-2024', quotas)).toBe(
      '#PTDV: không có đơn vị "Trường Không Có" trong vùng Chỉ tiêu.',
    );
    expect(gas.PTDV_CHITIEU('THPT-HH1', 'KN-2099', quotas)).toBe('#PTDV: không có mốc "KN-2099".');
    expect(gas.PTDV_TONGHOP(milestones, quotas, [['x']])).toMatch(/^#PTDV: .*thiếu cột/);
    expect(gas.PTDV_TONGHOP(quotas, milestones, [['Họ và tên']], 'hôm qua')).toMatch(
      /^#PTDV: tham số thứ 4/,
    );
  });
});

test('the bundle runs every entry point without a Node global (checked by loading it bare)', () => {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      'require("vm").runInNewContext(require("fs").readFileSync("dist/Code.js","utf8")); console.log("ok")',
    ],
    {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    },
  );
  expect(out.trim()).toBe('ok');
});

describe('a list typed before the pipeline columns existed', () => {
  test('setup adds them at the end, keeps what was typed, and the rows still count', () => {
    const { env, gas } = setUp();
    const list = env.spreadsheet.sheet('Danh sách');
    // An older list: the first 11 columns only, with a row typed in (the pipeline's three and
    // the four optional structure columns after them not there yet).
    list.deleteColumns(12, 7);
    list.load(
      [[1, 'Nguyễn Văn Mẫu', '01/01/2005', 'Trường THPT Hiệp Hòa số 1', 'Học sinh', 'BD1-HS']],
      2,
    );
    expect(list.getMaxColumns()).toBe(11);
    gas.setupWorkbook();
    expect(list.values()[0]?.slice(11)).toEqual([
      'Ngày chi bộ đề nghị',
      'Ngày lễ kết nạp',
      'Ngày công nhận chính thức',
    ]);
    expect(list.values()[1]?.slice(0, 4)).toEqual([
      1,
      'Nguyễn Văn Mẫu',
      '01/01/2005',
      'Trường THPT Hiệp Hòa số 1',
    ]);
    expect(env.ui.toasts.at(-1)?.message).toContain('Đã thêm vào cuối sheet Danh sách các cột');
    gas.setupWorkbook();
    // The optional structure columns are not added to a list that lacks them: an office that
    // keeps ethnicity and religion adds them on purpose (sensitive data, see du-lieu-ca-nhan.md).
    expect(list.getMaxColumns()).toBe(14);
  });
});

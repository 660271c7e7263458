import { PLAN_145 } from '../../src/core/plan/plan145';
import { openSheet, type Bundle } from './helpers';
import type { GasEnvironment } from './fakes';

const BOARD = 'bantochuc@example.com';
const emailOf = (code: string) => `${code.toLowerCase()}@example.com`;

function preparedSheet(): { env: GasEnvironment; gas: Bundle } {
  const { env, gas } = openSheet();
  gas.setupWorkbook();
  env.spreadsheet.sheet('Chỉ tiêu').load(
    PLAN_145.units.map((u) => [emailOf(u.code)]),
    2,
    6,
  );
  const settings = env.spreadsheet.sheet('Cấu hình');
  settings.load([[BOARD]], settings.values().findIndex((r) => r[0] === 'Email Ban Tổ chức') + 1, 2);
  return { env, gas };
}

const editorsOf = (env: GasEnvironment, sheet: string) =>
  env.spreadsheet
    .sheet(sheet)
    .protections()
    .map((p) => ({
      editors: [...p.editors].sort(),
      warningOnly: p.warningOnly,
      domainEdit: p.domainEdit,
    }));

describe('Phân quyền đơn vị: each unit officer edits only their own unit', () => {
  test('each DS sheet gets exactly its unit and the Board (plus the owner); the Board sheets only the Board', () => {
    const { env, gas } = preparedSheet();
    // Someone the Board once let edit everything must lose that.
    env.spreadsheet.sheet('Chỉ tiêu').protect().addEditor('ex-staff@example.com');
    gas.setupUnitRooms();
    for (const unit of PLAN_145.units) {
      const name = `DS - ${unit.code}`;
      expect(env.spreadsheet.sheet(name).values()[0]?.[1]).toBe('Họ và tên');
      expect(editorsOf(env, name)).toEqual([
        {
          editors: [BOARD, emailOf(unit.code), 'owner@example.com'].sort(),
          warningOnly: false,
          domainEdit: false,
        },
      ]);
    }
    for (const name of [
      'Chỉ tiêu',
      'Mốc',
      'Cấu hình',
      'Tổng hợp',
      'Kiểm tra',
      'Nhật ký thư',
      'Số liệu',
      'Danh sách',
    ]) {
      expect(editorsOf(env, name)).toEqual([
        { editors: [BOARD, 'owner@example.com'], warningOnly: false, domainEdit: false },
      ]);
    }
  });

  test('run again: adds sheets for new units, updates editors, never touches data', () => {
    const { env, gas } = preparedSheet();
    gas.setupUnitRooms();
    const hh1 = env.spreadsheet.sheet('DS - THPT-HH1');
    hh1.load(
      [[1, 'Nguyễn Văn Mẫu', new env.Date('2004-12-31T17:00:00Z'), '', 'Học sinh', 'BD1-HS']],
      2,
    );
    const typed = hh1.values();
    env.spreadsheet
      .sheet('Chỉ tiêu')
      .load([['XA-1', 'Chi bộ trường xã A', '', 'Trường học', '', 'xa1@example.com']], 15);
    env.spreadsheet.sheet('Chỉ tiêu').load([['moi@example.com']], 2, 6);
    gas.setupUnitRooms();
    expect(env.spreadsheet.sheet('DS - THPT-HH1').values()).toEqual(typed);
    expect(editorsOf(env, 'DS - XA-1')[0]?.editors).toEqual([
      BOARD,
      'owner@example.com',
      'xa1@example.com',
    ]);
    expect(editorsOf(env, 'DS - THPT-HH1')[0]?.editors).toEqual([
      BOARD,
      'moi@example.com',
      'owner@example.com',
    ]);
    expect(env.spreadsheet.sheet('DS - THPT-HH1').protections()).toHaveLength(1);
  });

  test("the engine counts each unit's own sheet; a row there with no unit is the sheet's unit", () => {
    const { env, gas } = preparedSheet();
    gas.setupUnitRooms();
    env.spreadsheet.sheet('DS - THPT-HH2').load(
      [
        [
          1,
          'Trần Văn Mẫu',
          new env.Date('2004-12-31T17:00:00Z'),
          '',
          'Học sinh',
          'BD1-HS',
          '',
          '14/04/2024',
          '10/05/2024',
        ],
        [2, 'Lê Thị Mẫu', '31/02/2006', '', 'Học sinh', 'BD1-HS'],
        // A row naming another unit in this unit's sheet is refused, not moved.
        [3, 'Phạm Văn Mẫu', new env.Date('2004-12-31T17:00:00Z'), 'THPT-HH3', 'Học sinh', 'BD1-HS'],
      ],
      2,
    );
    gas.refreshDashboard();
    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const header = table[3] as string[];
    const row = table.find((r) => r[0] === 'THPT-HH2');
    expect(row?.[header.indexOf('BD1-HS thực hiện')]).toBe(2);
    expect(row?.[header.indexOf('KN-2024 thực hiện')]).toBe(1);
    const problems = env.spreadsheet.sheet('Kiểm tra').values();
    expect(problems[2]?.slice(0, 5)).toEqual([
      'DS - THPT-HH2',
      3,
      'Ngày sinh',
      'Lỗi',
      'date_invalid',
    ]);
    expect(problems[3]?.slice(0, 5)).toEqual([
      'DS - THPT-HH2',
      4,
      'Đơn vị',
      'Lỗi',
      'unit_not_this_sheet',
    ]);
    const hh3 = table.find((r) => r[0] === 'THPT-HH3');
    expect(hh3?.[header.indexOf('BD1-HS thực hiện')]).toBe(0);
  });

  test('without a Board address nothing is locked and the alert says why', () => {
    const { env, gas } = openSheet();
    gas.setupWorkbook();
    gas.setupUnitRooms();
    expect(env.ui.alertTexts().at(-1)).toContain('Email Ban Tổ chức');
    expect(env.spreadsheet.protections()).toEqual([]);
  });
});

describe('checkEntries marks the cells', () => {
  test('a note and a colour on each offending cell, a link in Kiểm tra; marks that no longer apply are cleared, users’ own kept', () => {
    const { env, gas } = preparedSheet();
    const list = env.spreadsheet.sheet('Danh sách');
    list.load([[1, 'Nguyễn Văn Mẫu', '31/02/2006', 'Trường Không Có', 'Học sinh', 'BD1-HS']], 2);
    list.getRange('B2').setNote('ghi chú của cán bộ').setBackground('#00ff00');
    list.getRange('D2').setNote('đơn vị mới thành lập').setBackground('#cfe2f3');
    gas.checkEntries();
    expect(list.notes('C2')[0]?.[0]).toMatch(/^⚑ ptdv: Không đọc được ngày "31\/02\/2006"/);
    expect(list.notes('D2')[0]?.[0]).toMatch(/^đơn vị mới thành lập\n⚑ ptdv: Không có đơn vị/);
    // An offending cell the user coloured keeps the user's colour; the note marks it.
    expect(list.backgrounds('C2:D2')[0]).toEqual(['#f4c7c3', '#cfe2f3']);
    const link = env.spreadsheet.sheet('Kiểm tra').formulas()[2]?.[7];
    expect(link).toMatch(/^=HYPERLINK\("#gid=\d+&range=C2","Danh sách!C2"\)$/);

    list.load([['01/02/2006', 'Trường THPT Hiệp Hòa số 1']], 2, 3);
    gas.checkEntries();
    expect(list.notes('B2:D2')[0]).toEqual(['ghi chú của cán bộ', '', 'đơn vị mới thành lập']);
    expect(list.backgrounds('B2:D2')[0]).toEqual(['#00ff00', '#ffffff', '#cfe2f3']);
  });
});

describe('nothing a user types becomes code', () => {
  const FORMULA = '=IMPORTXML("http://x","//a")';
  test('formula-like text stays text in Tổng hợp, Kiểm tra and Nhật ký thư, and is escaped in e-mails and dialogs', () => {
    const { env, gas } = preparedSheet();
    env.spreadsheet.sheet('Chỉ tiêu').load([[FORMULA]], 2, 2);
    env.spreadsheet.sheet('Danh sách').load(
      [
        [
          1,
          FORMULA,
          new env.Date('2004-12-31T17:00:00Z'),
          '+HYPERLINK("http://x")',
          'Học sinh',
          'BD1-HS',
        ],
        [2, '@SUM(1)', new env.Date('2004-12-31T17:00:00Z'), '-1+2', 'Học sinh', 'BD1-HS'],
      ],
      2,
    );
    env.setNow(new Date('2024-05-12T01:00:00Z'));
    gas.refreshDashboard();
    gas.checkEntries();
    gas.runDailyReminders();
    env.endExecution();
    gas.previewReminders();
    for (const name of ['Tổng hợp', 'Kiểm tra', 'Nhật ký thư']) {
      const formulas = env.spreadsheet
        .sheet(name)
        .formulas()
        .flat()
        .filter((f) => f !== '');
      expect(formulas.every((f) => f.startsWith('=HYPERLINK("#gid='))).toBe(true);
    }
    expect(
      env.spreadsheet
        .sheet('Tổng hợp')
        .values()
        .some((r) => r[1] === FORMULA),
    ).toBe(true);
    expect(
      env.spreadsheet
        .sheet('Nhật ký thư')
        .values()
        .some((r) => r[2] === FORMULA),
    ).toBe(true);
    const kiemTra = JSON.stringify(env.spreadsheet.sheet('Kiểm tra').values());
    expect(kiemTra).toContain('+HYPERLINK(\\"http://x\\")');
    const mail = env.mail.sent.find((m) => m.to === emailOf('THPT-HH1'));
    expect(mail?.htmlBody).toContain('=IMPORTXML(&quot;http://x&quot;,&quot;//a&quot;)');
    expect(mail?.htmlBody).not.toContain(FORMULA);
    expect(env.ui.dialogs.at(-1)?.html).toContain('=IMPORTXML(&quot;http://x&quot;');
  });
});

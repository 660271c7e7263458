import { formatDmy, instantOfDay } from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { syntheticPeople } from '../../src/local/synthetic';
import { openSheet } from './helpers';

const PEOPLE = syntheticPeople(PLAN_145);

describe('a counts-only workbook in Sheets', () => {
  test('after setup, unit rooms, refresh, check, reminders and the preview, holds no name or date of birth anywhere', () => {
    const { env, gas } = openSheet(new Date('2024-05-12T01:00:00Z'));
    gas.setupWorkbook();
    const settings = env.spreadsheet.sheet('Cấu hình');
    const row = (key: string) => settings.values().findIndex((r) => r[0] === key) + 1;
    settings.load([['Chỉ số liệu']], row('Chế độ dữ liệu'), 2);
    settings.load([['bantochuc@example.com']], row('Email Ban Tổ chức'), 2);
    env.spreadsheet.sheet('Chỉ tiêu').load(
      PLAN_145.units.map((u) => [`${u.code.toLowerCase()}@example.com`]),
      2,
      6,
    );
    // The Board drops the person list when it moves to counts; setup must not bring it back.
    env.spreadsheet.deleteSheet(env.spreadsheet.sheet('Danh sách'));
    env.resetCalls();
    gas.setupWorkbook();
    expect(env.spreadsheet.sheetNames()).not.toContain('Danh sách');

    // Counts typed by the units (as exported by `ptdv counts` from the office's own list).
    const counts = env.spreadsheet.sheet('Số liệu');
    const header = counts.values()[0] as string[];
    const figures = PLAN_145.units.map((u) => {
      const line = header.map(() => '' as unknown);
      line[0] = u.code;
      line[1] = u.name;
      line[header.indexOf('KN-19-5')] = u.kind === 'Trường học' ? 2 : '';
      line[header.indexOf('KN-2024')] = 1;
      // The structure of those admitted, as counts: one woman in each school.
      line[header.indexOf('KN-2024 - Nữ')] = u.kind === 'Trường học' ? 1 : 0;
      line[header.indexOf('KN-2024 - Chưa rõ dân tộc')] = 1;
      line[header.indexOf('Ngày cập nhật')] = new env.Date(instantOfDay(19854).getTime());
      line[header.indexOf('Người cập nhật')] = 'Văn phòng';
      return line;
    });
    counts.load(figures, 2);

    gas.setupUnitRooms();
    expect(env.spreadsheet.sheetNames()).toContain('SL - THPT-HH1');
    expect(env.spreadsheet.sheetNames().some((n) => n.startsWith('DS - '))).toBe(false);
    env.spreadsheet.sheet('SL - DN-HATHANH').load([[3]], 2, 3 + 2); // BD1-CN typed in the unit's own sheet
    gas.refreshDashboard();
    gas.checkEntries();
    gas.runDailyReminders();
    env.endExecution();
    gas.previewReminders();

    const table = env.spreadsheet.sheet('Tổng hợp').values();
    const top = table[3] as string[];
    const hh1 = table.find((r) => r[0] === 'THPT-HH1') ?? [];
    expect(hh1[top.indexOf('KN-19-5 thực hiện')]).toBe(2);
    expect(hh1[top.indexOf('KN-19-5 nguồn')]).toBe('số liệu báo cáo');
    const hathanh = table.find((r) => r[0] === 'DN-HATHANH') ?? [];
    expect(hathanh[top.indexOf('BD1-CN thực hiện')]).toBe(3);
    // A unit's own typed sheet is not an import: nothing of it is kept in the properties.
    expect(
      Object.keys(env.properties.getDocumentProperties().getProperties()).filter((k) =>
        k.startsWith('ptdv.lower.'),
      ),
    ).toEqual([]);
    // The unit's own sheet has the structure columns too, and `Cơ cấu` counts what was typed.
    expect(env.spreadsheet.sheet('SL - THPT-HH1').values()[0]).toContain('KN-2024 - Nữ');
    const structure = env.spreadsheet.sheet('Cơ cấu').values();
    const heads = structure[2] as string[];
    const school = PLAN_145.units.find((u) => u.code === 'THPT-HH1');
    const line = structure.find((r) => r[0] === 'KN-2024' && r[1] === school?.name) ?? [];
    expect([line[heads.indexOf('Nữ')], line[heads.indexOf('Nữ: chưa rõ')]]).toEqual([1, 0]);
    const total = structure.filter((r) => r[0] === 'KN-2024').at(-1) ?? [];
    const schools = PLAN_145.units.filter((u) => u.kind === 'Trường học').length;
    expect(total[heads.indexOf('Nữ')]).toBe(schools);
    expect(total[heads.indexOf('Dân tộc thiểu số: chưa rõ')]).toBe(PLAN_145.units.length);
    expect(env.mail.sent.length).toBeGreaterThan(0);
    expect(env.mail.sent[0]?.body).toContain('Nguồn số liệu: số liệu báo cáo');

    const everything = [
      ...env.spreadsheet
        .sheetNames()
        .flatMap((n) => env.spreadsheet.sheet(n).displayValues().flat()),
      ...env.mail.sent.flatMap((m) => [m.subject, m.body, m.htmlBody ?? '']),
      ...env.ui.dialogs.map((d) => d.html),
      ...env.ui.toasts.map((t) => t.message),
    ].join('\n');
    for (const p of PEOPLE) {
      expect(everything).not.toContain(p.name);
      expect(everything).not.toContain(formatDmy(p.birth));
    }
    // Nothing even asked for a sheet that could hold names.
    const touched = env.calls.filter((c) =>
      c.args.some(
        (a) => typeof a === 'string' && (a.includes('Danh sách') || a.startsWith('DS - ')),
      ),
    );
    expect(touched).toEqual([]);
  });
});

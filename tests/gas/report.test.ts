// `Xuất báo cáo` through the built bundle: the sheet laid out for A4, the PDF in Drive beside the
// spreadsheet (or in My Drive when drive.file cannot see its folder), the dialog with links.
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';
import { syntheticRows, type Bundle } from './helpers';

const SEPT_1 = new Date('2024-09-01T03:00:00Z'); // 10:00 in Hiệp Hòa
const NAME = 'Báo cáo 01-09-2024';

function workbook(opts: Parameters<typeof createGasEnvironment>[0] = {}, copies = 1) {
  const env = createGasEnvironment({ now: SEPT_1, sheetNames: ['Trang tính1'], ...opts });
  const gas = loadBundle(env) as Bundle;
  gas.setupWorkbook();
  const rows = syntheticRows(env, copies);
  env.spreadsheet.sheet('Danh sách').load(rows, 2);
  return { env, gas };
}

function exportOn(env: GasEnvironment, gas: Bundle, answer: string, button = 'OK') {
  env.ui.answerPrompt(answer, button);
  gas.exportStandingReport();
}

const texts = (env: GasEnvironment, name = NAME): string[] =>
  env.spreadsheet
    .sheet(name)
    .values()
    .flat()
    .map((v) => String(v));

describe('Xuất báo cáo', () => {
  test('writes the report sheet: heading, summary, a table and a bar chart per milestone, the at-risk units', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '01/09/2024');
    expect(env.ui.prompts[0]?.prompt).toContain('dd/mm/yyyy');
    expect(env.spreadsheet.sheetNames()).toContain(NAME);
    const sheet = env.spreadsheet.sheet(NAME);
    const values = sheet.values();
    // Quy định 399-QĐ/TW: the committee, the issuing body beneath it, its star, the number.
    expect(values.slice(0, 4).map((r) => r[0])).toEqual([
      'HUYỆN ỦY HIỆP HÒA',
      'BAN TỔ CHỨC',
      '*',
      expect.stringMatching(/^Số\s+-BC\//),
    ]);
    expect(values[0]?.[3]).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(values[1]?.[3]).toBe('Hiệp Hòa, ngày 01 tháng 9 năm 2024');
    const all = texts(env);
    expect(all).toContain('BÁO CÁO');
    expect(all.some((t) => t.startsWith('Tính đến ngày 01/09/2024, 13 đơn vị'))).toBe(true);
    // BD2-HS (15/08 – 06/10/2024) is open on 01/09: its table has a forecast and a pace.
    const bd2 = values.findIndex((r) => String(r[0]).startsWith('Lớp bồi dưỡng đợt 2 (học sinh)'));
    expect(bd2).toBeGreaterThan(0);
    expect(values[bd2 + 1]?.slice(0, 8)).toEqual([
      'TT',
      'Đơn vị',
      'Chỉ tiêu',
      'Thực hiện',
      'Tỷ lệ',
      'Kết quả',
      'Dự báo đến hạn',
      'Tiến độ',
    ]);
    const hh1 = values[bd2 + 2] ?? [];
    expect(hh1[1]).toBe('Trường THPT Hiệp Hòa số 1');
    expect(['kịp', 'nguy cơ', 'không kịp']).toContain(hh1[7]);
    expect(typeof hh1[6]).toBe('number');
    // The at-risk list names units, worst first.
    const risks = values.findIndex(
      (r) => r[0] === 'III. ĐƠN VỊ KHÔNG KỊP HOẶC CÓ NGUY CƠ KHÔNG KỊP',
    );
    expect(values[risks + 2]?.[7]).toBe('không kịp');
    // One bar chart per milestone table and one for part IV's funnel, each below its table,
    // never over the next one.
    const charts = sheet.charts();
    expect(charts.length).toBe(7);
    for (const c of charts) {
      expect(c.type).toBe('BAR');
      expect(c.position.anchorColumn).toBe(1);
      expect(values[c.position.anchorRow - 1]?.every((v) => v === '')).toBe(true);
    }
    // Eight columns that fit A4 portrait's printable width.
    const widths = sheet.columnWidths();
    const total = [0, 1, 2, 3, 4, 5, 6, 7].reduce((s, c) => s + (widths[c] ?? 100), 0);
    expect(total).toBeLessThanOrEqual(720);
    expect(sheet.merges()).toEqual(expect.arrayContaining(['A1:C1', 'D1:H1']));
  });

  test('part IV: people per stage by unit with overdue files in brackets, totals that add up, the funnel', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '01/09/2024');
    const sheet = env.spreadsheet.sheet(NAME);
    const values = sheet.values();
    const part = values.findIndex((r) => r[0] === 'IV. HỒ SƠ KẾT NẠP VÀ CHUYỂN ĐẢNG CHÍNH THỨC');
    expect(part).toBeGreaterThan(0);
    expect(values[part + 2]?.slice(0, 6)).toEqual([
      'TT',
      'Đơn vị',
      'Chờ quyết định',
      'Chờ lễ kết nạp',
      'Dự bị',
      'Chính thức',
    ]);
    const total = values.findIndex((r, i) => i > part && r[1] === 'Tổng cộng');
    const units = values.slice(part + 3, total);
    expect(units.length).toBeGreaterThan(0);
    // "12 (3)": 12 people at the step, 3 of them overdue.
    const split = (c: unknown): [number, number] => {
      const m = /^(\d+)(?: \((\d+)\))?$/.exec(String(c));
      if (!m) throw new Error(`not a count: ${String(c)}`);
      return [Number(m[1]), Number(m[2] ?? 0)];
    };
    for (let c = 2; c < 6; c++) {
      const sum = units.reduce<[number, number]>(
        (s, r) => [s[0] + split(r[c])[0], s[1] + split(r[c])[1]],
        [0, 0],
      );
      expect(split(values[total]?.[c])).toEqual(sum);
    }
    expect(units.some((r) => r.slice(2, 5).some((c) => / \(\d+\)$/.test(String(c))))).toBe(true);
    // The funnel's steps with counts, and a bar chart of counts (not percentages) under them.
    const funnel = values.findIndex((r, i) => i > total && r[1] === 'Bước');
    expect(values[funnel]?.[2]).toBe('Số người');
    const chart = sheet
      .charts()
      .find((c) => c.options.title === 'Từ lớp bồi dưỡng đến đảng viên chính thức (số người)');
    expect(chart).toBeDefined();
    expect((chart?.options.hAxis as { format: string }).format).not.toBe('percent');
    expect(chart?.position.anchorRow).toBeGreaterThan(funnel + 1);
  });

  test('saves the same report as a PDF beside the spreadsheet and links both in a dialog', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '01/09/2024');
    const [pdf] = env.drive.Files.created;
    expect(env.drive.Files.created).toHaveLength(2);
    expect(pdf?.name).toBe(`${NAME}.pdf`);
    expect(pdf?.mimeType).toBe('application/pdf');
    expect(pdf?.parents).toEqual(['folder-of-the-spreadsheet']);
    const content = pdf?.bytes.toString('utf8') ?? '';
    expect(content.startsWith('%PDF')).toBe(true);
    expect(content).toContain('Trường THPT Hiệp Hòa số 1');
    expect(content).toContain('<svg');
    const dialog = env.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Đã xuất báo cáo');
    expect(dialog?.html).toContain(`https://drive.google.com/file/d/${pdf?.id}/view`);
    expect(dialog?.html).toContain('cùng thư mục với bảng tính');
    expect(dialog?.html).toContain('#gid=');
  });

  test('and a Google Doc of it to edit and sign, made from its HTML under drive.file, linked too', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '01/09/2024');
    const doc = env.drive.Files.created.find(
      (f) => f.mimeType === 'application/vnd.google-apps.document',
    );
    expect(doc?.name).toBe(NAME);
    expect(doc?.parents).toEqual(['folder-of-the-spreadsheet']);
    // Drive imports the HTML: the same document as the PDF, heading, tables and signature block.
    expect(doc?.contentType).toBe('text/html');
    const html = doc?.bytes.toString('utf8') ?? '';
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).toContain('Trường THPT Hiệp Hòa số 1');
    expect(html).toContain('V. CƠ CẤU NGƯỜI ĐƯỢC KẾT NẠP');
    expect(env.ui.dialogs.at(-1)?.html).toContain(
      `https://drive.google.com/file/d/${doc?.id}/view`,
    );
    expect(env.ui.dialogs.at(-1)?.html).toContain('Google Docs');
  });

  test('part V: the structure of those admitted, with the percentage of the quota, totals that add up', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '01/09/2024');
    const values = env.spreadsheet.sheet(NAME).values();
    const part = values.findIndex((r) => r[0] === 'V. CƠ CẤU NGƯỜI ĐƯỢC KẾT NẠP');
    expect(part).toBeGreaterThan(0);
    const header = values.findIndex((r, i) => i > part && r[0] === 'TT');
    expect(values[header]?.slice(0, 8)).toEqual([
      'TT',
      'Đơn vị',
      'Kết nạp',
      '% chỉ tiêu',
      'Nữ',
      'Dân tộc thiểu số',
      'Tôn giáo',
      'Đoàn viên',
    ]);
    const total = values.findIndex((r, i) => i > header && r[1] === 'Tổng cộng');
    const units = values.slice(header + 1, total).filter((r) => r[0] !== '');
    expect(units.length).toBeGreaterThan(0);
    expect(values[total]?.[2]).toBe(units.reduce((n, r) => n + Number(r[2]), 0));
    // The percentage is a fraction shown as %, as in part II.
    expect(env.spreadsheet.sheet(NAME).numberFormats(`D${header + 2}:D${header + 2}`)).toEqual([
      ['0.0%'],
    ]);
    // The second table: 18–30, the average age, and the count by `Đối tượng`.
    const second = values.findIndex((r, i) => i > total && r[0] === 'TT');
    expect(values[second]?.slice(2, 5)).toEqual(['18–30 tuổi', 'Tuổi bình quân', 'Học sinh']);
  });

  test('a period typed in the question adds part VI, counted to its end', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, 'Q2-2024');
    const name = 'Báo cáo 30-06-2024';
    expect(env.spreadsheet.sheetNames()).toContain(name);
    const values = env.spreadsheet.sheet(name).values();
    const part = values.findIndex((r) => r[0] === 'VI. KẾT QUẢ TRONG KỲ, SO VỚI CÙNG KỲ NĂM TRƯỚC');
    expect(part).toBeGreaterThan(0);
    expect(String(values[part + 1]?.[0])).toContain('quý II năm 2024');
    expect(values[part + 2]?.slice(0, 6)).toEqual([
      'TT',
      'Đơn vị',
      'Kết nạp',
      'Cùng kỳ năm trước',
      'Cử đi học',
      'Cùng kỳ năm trước',
    ]);
    const total = values.findIndex((r, i) => i > part && r[1] === 'Tổng cộng');
    const units = values.slice(part + 3, total).filter((r) => r[0] !== '' && r[1] !== '');
    expect(units.length).toBeGreaterThan(0);
    expect(values[total]?.[2]).toBe(units.reduce((n, r) => n + Number(r[2]), 0));
  });

  test('when drive.file cannot see the spreadsheet, the PDF goes to My Drive and the dialog says so', () => {
    const { env, gas } = workbook({ drive: { spreadsheetVisible: false } });
    exportOn(env, gas, '');
    expect(env.drive.Files.created[0]?.parents).toEqual(['my-drive']);
    expect(env.ui.dialogs.at(-1)?.html).toContain('Drive của tôi');
  });

  test('a read-only folder: the PDF still gets made, in My Drive', () => {
    const { env, gas } = workbook({ drive: { folderWritable: false } });
    exportOn(env, gas, '01/09/2024');
    expect(env.drive.Files.created.map((f) => f.parents)).toEqual([['my-drive'], ['my-drive']]);
    expect(env.ui.dialogs.at(-1)?.html).toContain('Drive của tôi');
  });

  test('a PDF that cannot be saved is said in the dialog; the finished sheet stays', () => {
    const { env, gas } = workbook({ drive: { createFails: true } });
    exportOn(env, gas, '01/09/2024');
    expect(env.spreadsheet.sheetNames()).toContain(NAME);
    const html = env.ui.dialogs.at(-1)?.html ?? '';
    expect(html).toContain('Không lưu được tệp PDF');
    expect(html).toContain('Không tạo được bản Google Docs');
    // Google's words stay in the execution log; the dialog says it in Vietnamese.
    expect(html).toContain('máy chủ của Google đang bận');
    expect(html).not.toContain('Service unavailable');
    expect(html).toContain('#gid=');
    // The one alert is setup's question (Plan 145 or blank), none from the export.
    expect(env.ui.alertTexts()).toEqual([expect.stringContaining('Bảng tính còn trống')]);
  });

  test('an empty answer reports as of today; a second export of the same day replaces the sheet', () => {
    const { env, gas } = workbook();
    exportOn(env, gas, '');
    exportOn(env, gas, '1/9/2024');
    const names = env.spreadsheet.sheetNames();
    expect(names.filter((n) => n === NAME)).toHaveLength(1);
    expect(names.some((n) => n.includes('đang tạo'))).toBe(false);
    // Each export saves its PDF and its Google Doc (Drive keeps both runs' files).
    expect(env.drive.Files.created.map((f) => f.mimeType)).toEqual([
      'application/pdf',
      'application/vnd.google-apps.document',
      'application/pdf',
      'application/vnd.google-apps.document',
    ]);
  });

  test('the number and the signature block from Cấu hình: Nơi nhận left, the signer right', () => {
    const { env, gas } = workbook();
    const settings = env.spreadsheet.sheet('Cấu hình');
    const set = (key: string, value: string) =>
      settings.load([[value]], settings.values().findIndex((r) => r[0] === key) + 1, 2);
    set('Số báo cáo', '12');
    set('Quyền hạn ký', 'K/T Trưởng ban');
    set('Chức vụ người ký', 'Phó Trưởng ban');
    set('Người ký', 'Lê Văn Mẫu');
    set('Nơi nhận', 'Thường trực Huyện ủy (để báo cáo)\nLưu Văn phòng');
    exportOn(env, gas, '01/09/2024');
    const values = env.spreadsheet.sheet(NAME).values();
    expect(values[3]?.[0]).toBe('Số 12-BC/……');
    const at = values.findIndex((r) => r[0] === 'Nơi nhận:');
    const side = (column: number) => values.slice(at, at + 6).map((r) => String(r[column]));
    expect(side(0).slice(0, 3)).toEqual([
      'Nơi nhận:',
      '- Thường trực Huyện ủy (để báo cáo),',
      '- Lưu Văn phòng.',
    ]);
    expect(side(3)).toEqual(['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', '', '', 'Lê Văn Mẫu']);
  });

  test('a draft left by a run Apps Script killed is cleared, not a reason to fail', () => {
    const { env, gas } = workbook();
    env.spreadsheet.addSheet(`${NAME} (đang tạo)`, [['nửa chừng']]);
    exportOn(env, gas, '01/09/2024');
    expect(env.spreadsheet.sheetNames().filter((n) => n.startsWith(NAME))).toEqual([NAME]);
    expect(texts(env)).toContain('- Thường trực Huyện ủy Hiệp Hòa (để báo cáo),');
  });

  test('a date that cannot be read, or in the future, or Cancel: an alert at most, nothing written', () => {
    const { env, gas } = workbook();
    const before = env.spreadsheet.sheetNames();
    exportOn(env, gas, '31/02/2024');
    expect(env.ui.alertTexts().at(-1)).toContain('Không đọc được ngày hay kỳ "31/02/2024"');
    exportOn(env, gas, '02/09/2024');
    expect(env.ui.alertTexts().at(-1)).toContain('chưa đến');
    exportOn(env, gas, '01/09/2024', 'CANCEL');
    expect(env.spreadsheet.sheetNames()).toEqual(before);
    expect(env.drive.Files.created).toHaveLength(0);
  });

  test('sheet calls do not grow with the number of candidates (no call per row)', () => {
    const count = (copies: number) => {
      const { env, gas } = workbook({}, copies);
      env.resetCalls();
      exportOn(env, gas, '01/09/2024');
      return env.countCalls('SpreadsheetApp');
    };
    // 20 times the people change the figures (and so how long a summary line wraps, one row
    // height each), never the number of calls per row: 5,400 rows against 270.
    const one = count(1);
    expect(count(20)).toBeLessThanOrEqual(one + 8);
    // A call per table, merged run and tall row: it grows with the parts and milestones (part V
    // added one table per admission milestone), never with the rows.
    expect(one).toBeLessThan(270);
  });
});

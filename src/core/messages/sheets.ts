import { columnLetters } from '../text/cells';

export const DASHBOARD = {
  actual: 'thực hiện',
  quota: 'chỉ tiêu',
  status: 'trạng thái',
  source: 'nguồn',
  projected: 'dự báo',
  pace: 'tiến độ',
  title: (planNumber: string, planDate: string, issuer: string) =>
    `Tổng hợp thực hiện chỉ tiêu phát triển đảng viên — Kế hoạch số ${planNumber || '…'}` +
    (planDate ? ` ngày ${planDate}` : '') +
    (issuer ? ` của ${issuer}` : ''),
  asOf: (date: string) => `số liệu tính đến ngày ${date}`,
} as const;

export const MENU = {
  title: 'Phát triển đảng viên',
  setup: 'Khởi tạo bảng tính',
  refresh: 'Cập nhật Tổng hợp',
  check: 'Kiểm tra dữ liệu nhập',
  help: 'Hướng dẫn sử dụng',
} as const;

export const GAS = {
  higherUpdated: 'Đã cập nhật tệp số liệu gửi cấp trên.',
  higherNotUpdated: (why: string) =>
    `Chưa cập nhật được tệp số liệu gửi cấp trên (${why}); lần cập nhật sau sẽ làm lại.`,
  setupDone: (created: string[]) =>
    created.length === 0
      ? 'Bảng tính đã đủ các sheet; không thay đổi dữ liệu nào.'
      : `Đã tạo các sheet: ${created.join(', ')}.`,
  refreshDone: (behind: number) =>
    behind === 0
      ? 'Đã cập nhật Tổng hợp: mọi đơn vị đều đạt chỉ tiêu đến nay.'
      : `Đã cập nhật Tổng hợp: ${behind} đơn vị còn chỉ tiêu chưa đạt.`,
  working: 'Đang tính toán…',
  busy: 'Một người khác đang chạy chức năng này trên bảng tính. Vui lòng thử lại sau ít phút.',
  timeZoneSet: 'Đã đặt múi giờ của bảng tính là Asia/Ho_Chi_Minh.',
  checkDone: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Không phát hiện lỗi nào trong dữ liệu nhập.'
      : `Phát hiện ${errors} lỗi và ${warnings} cảnh báo: xem sheet Kiểm tra.`,
  failed: (why: string) => `Không thực hiện được: ${why}`,
  toastTitle: 'Phát triển đảng viên',
  columnsAdded: (sheet: string, headers: readonly string[]) =>
    `Đã thêm vào cuối sheet ${sheet} các cột: ${headers.join(', ')}.`,
  askExample:
    'Bảng tính còn trống. Điền sẵn Kế hoạch 145/KH-HU (Huyện ủy Hiệp Hòa, 2024) làm ví dụ?\n\n' +
    'Có: điền ví dụ để xem thử (sau đó sửa hoặc xóa). Không: bắt đầu trống, với các tiêu đề và khóa Cấu hình, để nhập kế hoạch của mình. Hủy: không làm gì.',
  boardOnly: (item: string) =>
    `"${item}" chỉ dành cho Ban Tổ chức (người được sửa các sheet cấu hình và Tổng hợp). ` +
    'Cán bộ phụ trách đơn vị dùng "Kiểm tra dữ liệu nhập" để kiểm tra sheet của đơn vị mình; ' +
    'cần gì thêm, xin liên hệ Ban Tổ chức. Không có gì bị thay đổi.',
  officerCheckTitle: 'Kiểm tra dữ liệu của đơn vị',
  officerCheckNone: (sheets: string) => `Không phát hiện lỗi hay cảnh báo nào trong ${sheets}.`,
  officerCheckSome: (errors: number, warnings: number, sheets: string) =>
    `${sheets}: ${errors} lỗi, ${warnings} cảnh báo (các ô có vấn đề đã được tô màu và ghi chú). ` +
    'Dòng có lỗi không được tính vào số liệu mà lỗi ảnh hưởng.',
  officerNoSheet:
    'Anh/chị chưa được giao sheet riêng nào của đơn vị: xin liên hệ Ban Tổ chức để được phân quyền.',
  officerCheckHeader: ['Sheet', 'Dòng', 'Cột', 'Mức', 'Vấn đề', 'Gợi ý sửa'],
} as const;

/** Texts a custom function returns instead of a value when an argument is wrong. */
export const FORMULA = {
  prefix: '#PTDV: ',
  needRange: (position: number, what: string, example: string) =>
    `tham số thứ ${position} phải là cả vùng ${what}, gồm dòng tiêu đề (ví dụ ${example}).`,
  needText: (position: number, what: string) => `tham số thứ ${position} phải là ${what}.`,
  unitNotFound: (unit: string) => `không có đơn vị "${unit}" trong vùng Chỉ tiêu.`,
  milestoneNotFound: (code: string) => `không có mốc "${code}".`,
  noQuota: (unit: string, code: string) =>
    `đơn vị "${unit}" không được giao chỉ tiêu ở mốc "${code}".`,
  badDate: (position: number) =>
    `tham số thứ ${position} phải là một ngày (ô ngày hoặc dd/mm/yyyy).`,
  argUnit: 'tên, tên khác hoặc mã đơn vị',
  argMilestone: 'mã mốc, ví dụ "KN-2024"',
  rangeQuotas: ['Chỉ tiêu', "'Chỉ tiêu'!A1:L"],
  rangeMilestones: ['Mốc', "'Mốc'!A1:H"],
  rangeEntries: ['Danh sách', "'Danh sách'!A1:K"],
} as const;

export const CHART_TITLE = (code: string, name: string) =>
  `${code}: tỷ lệ thực hiện theo đơn vị — ${name}`;

export const VALIDATION_HELP = {
  date: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 19/05/2024.',
  choices: (values: readonly string[]) => `Chọn một trong: ${values.join(', ')}.`,
  unit: 'Chọn đơn vị trong danh sách (hoặc gõ tên khác, mã đơn vị).',
} as const;

/** The help dialog: static text, no sheet value in it. */
export const HELP_HTML = `
<div style="font-family: Arial, sans-serif; font-size: 13px; line-height: 1.5">
<p><b>Phát triển đảng viên</b> — theo dõi chỉ tiêu của kế hoạch phát triển đảng viên.</p>
<ol>
<li><b>Khởi tạo bảng tính</b>: tạo các sheet còn thiếu (Chỉ tiêu, Mốc, Danh sách, Số liệu, Tổng hợp,
Kiểm tra, Nhật ký thư, Cấu hình); bảng tính trống thì điền sẵn Kế hoạch 145/KH-HU. Không ghi đè
dữ liệu có sẵn.</li>
<li>Ban Tổ chức sửa <b>Chỉ tiêu</b> (đơn vị, chỉ tiêu từng mốc: <code>20</code> hoặc <code>8-10</code>),
<b>Mốc</b> (hạn, ngày khai giảng) và <b>Cấu hình</b> (cấp ủy ban hành, số kế hoạch).</li>
<li>Các đơn vị nhập người vào <b>Danh sách</b>: ngày dạng dd/mm/yyyy.</li>
<li><b>Cập nhật Tổng hợp</b>: tính lại thực hiện / chỉ tiêu / tỷ lệ / trạng thái.</li>
<li><b>Kiểm tra dữ liệu nhập</b>: liệt kê các dòng sai trong sheet Kiểm tra.</li>
</ol>
<p>Công thức: <code>=PTDV_TONGHOP('Chỉ tiêu'!A1:L; 'Mốc'!A1:H; 'Danh sách'!A1:K)</code>,
<code>=PTDV_THUCHIEN("Trường THPT Hiệp Hòa số 1"; "KN-2024"; 'Danh sách'!A1:K; 'Mốc'!A1:H)</code>.</p>
</div>`;

export const CHECK = {
  summary: (rows: number, errors: number, warnings: number) =>
    `Đã đọc ${rows} dòng danh sách: ${rows - errors} dòng được tính, ${errors} dòng có lỗi ` +
    `(không được tính vào số liệu mà lỗi ảnh hưởng), ${warnings} dòng chỉ có cảnh báo (vẫn được tính).`,
  asOf: (day: string) => `Số liệu tính đến ngày ${day}.`,
  countsOnly: 'Chế độ "Chỉ số liệu": không đọc danh sách người nào; số liệu lấy từ sheet Số liệu.',
  fileLabel: (label: string, row: number) => `${label}, dòng ${row}`,
  cellLabel: (sheet: string, row: number, column: number) =>
    `${sheet}!${columnLetters(column)}${row}`,
} as const;

/** `Hồ sơ`: where each unit's files stand. */
export const STRUCTURE_SHEET = {
  title: (asOf: string) =>
    `Cơ cấu người được kết nạp, tính đến ngày ${asOf} (số người; không có tên, không có dân tộc hay tôn giáo của từng người)`,
  updated: (when: string) =>
    `Cập nhật lúc ${when}. "Chưa rõ": danh sách chưa ghi cột đó cho người được kết nạp.`,
  milestone: 'Mốc',
  unit: 'Đơn vị',
  admitted: 'Kết nạp',
  percent: '% chỉ tiêu',
  women: 'Nữ',
  ethnicMinority: 'Dân tộc thiểu số',
  religious: 'Tôn giáo',
  youthUnion: 'Đoàn viên',
  aged18to30: '18–30 tuổi',
  averageAge: 'Tuổi bình quân',
  unknown: (column: string) => `${column}: chưa rõ`,
  target: (target: string) => `Đối tượng: ${target}`,
} as const;

export const DOSSIERS = {
  title: (asOf: string) =>
    `Hồ sơ kết nạp và chuyển đảng chính thức, tính đến ngày ${asOf} (số người; không có tên)`,
  updated: (when: string) => `Cập nhật lúc ${when}`,
  code: 'Mã',
  unit: 'Tên đơn vị',
  overdue: (stage: string) => `${stage} — quá hạn`,
  nextDue: 'Hạn gần nhất',
  source: 'Nguồn',
  funnelTitle: 'Từ lớp bồi dưỡng đến chính thức',
  people: 'Số người',
} as const;

/** The `Xuất báo cáo` menu item. */
export const NEW_YEAR = {
  menu: 'Sang năm mới',
  ask: (suggested: number) =>
    `Chuyển bảng tính sang năm mới: các mốc hiện tại được lưu trữ (dòng cũ vẫn hợp lệ), thêm mốc của năm mới với ngày dời đúng số năm, mỗi mốc mới một cột chỉ tiêu chép từ năm trước để sửa, xóa số và ngày kế hoạch trong Cấu hình. Danh sách, Số liệu, Nhật ký thư giữ nguyên.\n\nNhập năm mới (để trống là ${suggested}):`,
  badYear: (text: string) =>
    `"${text}" không phải là một năm (ví dụ 2027). Không có gì bị thay đổi.`,
  nothingToCarry: 'Sheet Mốc không có mốc nào đang dùng để chuyển sang năm mới.',
  noYear:
    'Không biết kế hoạch hiện tại thuộc năm nào: hãy ghi "Ngày kế hoạch" trong Cấu hình hoặc "Hạn" của các mốc.',
  notLater: (year: number, from: number) =>
    `Năm mới ${year} phải sau năm của kế hoạch hiện tại (${from}). Không có gì bị thay đổi.`,
  codeExists: (code: string, old: string) =>
    `Mã "${code}" (cho mốc ${old} năm mới) đã có trong sheet Mốc. Không có gì bị thay đổi: đổi mã đó rồi chạy lại.`,
  done: (from: number, to: number, pairs: readonly [string, string][]) =>
    `Đã chuyển từ năm ${from} sang năm ${to}: lưu trữ ${pairs.length} mốc và thêm ${pairs.map(([a, b]) => `${b} (thay ${a})`).join(', ')}. ` +
    'Hãy sửa chỉ tiêu các cột mới trong Chỉ tiêu, kiểm tra ngày các mốc mới, và ghi số, ngày của kế hoạch mới trong Cấu hình.',
} as const;

/**
 * Google's errors, told in Vietnamese with what to do (src/gas/google-errors.ts): phrases without
 * a final stop, since they are also set inside other sentences.
 */
export const GOOGLE_ERROR = {
  transient:
    'máy chủ của Google đang bận hoặc gặp lỗi tạm thời (đã thử lại mấy lần); hãy thử lại sau ít phút',
  perMinute:
    'Google giới hạn số yêu cầu mỗi phút: lần này đã chạm giới hạn. Việc còn lại sẽ làm tiếp ở lần chạy sau; nếu làm bằng tay, hãy chờ một phút rồi chọn lại',
  sharing:
    'Google giới hạn số lần chia sẻ tệp mỗi ngày của một tài khoản: hôm nay đã hết. Việc chia sẻ còn lại làm tiếp vào ngày mai (chọn lại mục này)',
  daily:
    'Đã hết hạn mức trong ngày của Google cho tài khoản này (ví dụ số thư được gửi): việc còn lại làm tiếp vào ngày mai',
  permission:
    'Script chưa có quyền cần cho việc này: có thể một ô đã bị bỏ chọn khi cấp quyền, hoặc tài khoản này không được sửa tệp. Mở https://myaccount.google.com/permissions, gỡ quyền của script, rồi chọn lại một mục trong menu và đánh dấu đủ các ô',
  timeLimit:
    'Apps Script chỉ cho mỗi lần chạy 6 phút và lần này đã hết giờ. Chọn lại mục này để làm tiếp',
  invalidEmail: 'Google không nhận một địa chỉ email trong danh sách: hãy kiểm tra lại địa chỉ',
  notFound:
    'Google không tìm thấy tệp hoặc mục cần dùng (có thể đã bị xóa hoặc tài khoản này không mở được)',
  other:
    'Google báo một lỗi không lường trước (chi tiết ở nhật ký thực thi của Apps Script); hãy thử lại, nếu vẫn lỗi xin báo người phụ trách kỹ thuật',
} as const;

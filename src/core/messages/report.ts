import { ymdOf, zeroPad, type Day } from '../calendar/dates';
import { formatPercent } from './labels';

/** The standing office's report (sheet, HTML page and PDF). */
export const REPORT = {
  defaultBody: 'Ban Tổ chức',
  /** No-break spaces: the clerk writes the number in by hand, and HTML would fold plain ones. */
  number: 'Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/……',
  motto: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  /** Administrative style: a day below 10 and the months 1 and 2 take a leading zero. */
  placeDate: (place: string, day: Day): string => {
    const { year, month, day: d } = ymdOf(day);
    return `${place || '……'}, ngày ${zeroPad(d)} tháng ${month < 3 ? zeroPad(month) : month} năm ${year}`;
  },
  title: 'BÁO CÁO',
  subtitle: (planNumber: string, planDate: string, issuer: string, asOf: string) =>
    `Kết quả thực hiện Kế hoạch số ${planNumber || '…'}` +
    (planDate ? ` ngày ${planDate}` : '') +
    (issuer ? ` của ${issuer}` : '') +
    ` về công tác phát triển đảng viên (số liệu tính đến ngày ${asOf})`,
  partSummary: 'I. KẾT QUẢ CHUNG',
  partSections: 'II. KẾT QUẢ TỪNG MỐC',
  partRisks: 'III. ĐƠN VỊ KHÔNG KỊP HOẶC CÓ NGUY CƠ KHÔNG KỊP',
  partFiles: 'IV. HỒ SƠ KẾT NẠP VÀ CHUYỂN ĐẢNG CHÍNH THỨC',
  filesIntro: (overdue: number) =>
    overdue === 0
      ? 'Số người ở từng bước theo đơn vị (không có tên); không hồ sơ nào quá hạn.'
      : `Số người ở từng bước theo đơn vị (không có tên); ${overdue} hồ sơ quá hạn (số trong ngoặc).`,
  filesColumns: ['TT', 'Đơn vị', 'Chờ quyết định', 'Chờ lễ kết nạp', 'Dự bị', 'Chính thức'],
  funnelTitle: 'Từ lớp bồi dưỡng đến đảng viên chính thức (số người)',
  funnelColumns: ['', 'Bước', 'Số người'],
  summaryLead: (asOf: string, units: number, kinds: readonly [string, number][], ms: number) =>
    `Tính đến ngày ${asOf}, ${units} đơn vị (${kinds.map(([k, n]) => `${n} ${k.toLocaleLowerCase('vi')}`).join(', ')}) ` +
    `thực hiện ${ms} mốc của kế hoạch. Kết quả từng mốc như sau:`,
  summaryMilestone: (m: {
    code: string;
    name: string;
    actual: number;
    target: string;
    percent: number | null;
    reached: number;
    units: number;
    state: string;
  }) =>
    `- ${m.name} (${m.code}): thực hiện ${m.actual}/${m.target}` +
    (m.percent === null ? '' : ` (${formatPercent(m.percent)})`) +
    `; ${m.reached}/${m.units} đơn vị đạt chỉ tiêu; ${m.state}.`,
  openState: (behind: number, atRisk: number) =>
    behind + atRisk === 0
      ? 'theo tốc độ hiện nay, các đơn vị đều kịp hạn'
      : `theo tốc độ hiện nay, ${behind} đơn vị không kịp, ${atRisk} đơn vị có nguy cơ không kịp`,
  phaseState: {
    closed: 'đã hết hạn',
    not_started: 'chưa đến thời gian thực hiện',
    no_start: 'mốc chưa ghi "Từ ngày" (và chưa có ngày kế hoạch) nên chưa dự báo được',
  },
  summaryRows: (rows: number, errors: number, warnings: number) =>
    `Danh sách có ${rows} dòng; ${errors} dòng có lỗi chưa được tính, ${warnings} dòng chỉ có cảnh báo (xem sheet Kiểm tra).`,
  sectionTitle: (code: string, name: string, deadline: string) =>
    `${name} (${code}) — hạn ${deadline}`,
  columns: [
    'TT',
    'Đơn vị',
    'Chỉ tiêu',
    'Thực hiện',
    'Tỷ lệ',
    'Kết quả',
    'Dự báo đến hạn',
    'Tiến độ',
  ],
  riskColumns: [
    'TT',
    'Đơn vị',
    'Mốc (hạn)',
    'Chỉ tiêu',
    'Thực hiện',
    'Dự báo đến hạn',
    'Dự kiến đạt',
    'Tiến độ',
  ],
  never: 'không đạt',
  milestoneWithDeadline: (code: string, deadline: string) => `${code} (${deadline})`,
  noRisks: (open: number) =>
    open === 0
      ? 'Không có mốc nào đang thực hiện vào ngày báo cáo.'
      : 'Theo tốc độ hiện nay, không đơn vị nào không kịp hay có nguy cơ không kịp ở các mốc đang thực hiện.',
  forecastNote:
    'Dự báo đến hạn: số đạt được đến hạn nếu giữ tốc độ bình quân từ "Từ ngày" của mốc (không có thì từ ngày kế hoạch) đến ngày báo cáo. ' +
    'Kịp: đạt chỉ tiêu tối thiểu sớm hơn hạn ít nhất một tuần; nguy cơ: chỉ đạt trong tuần cuối; ' +
    'không kịp: không đạt được đến hạn.',
  chartTitle: (code: string) => `${code}: tỷ lệ thực hiện theo đơn vị (% chỉ tiêu tối thiểu)`,
  /** "Ban Thường vụ Huyện ủy X" reports to "Thường trực Huyện ủy X"; otherwise a generic name. */
  recipients: (issuer: string) => [
    'Nơi nhận:',
    `- Thường trực ${/^Ban Thường vụ\s+/i.test(issuer) ? issuer.replace(/^Ban Thường vụ\s+/i, '') : 'cấp ủy'} (để báo cáo),`,
    '- Lưu.',
  ],
  sheetName: (asOf: string) => `Báo cáo ${asOf.replace(/\//g, '-')}`,
  pageTitle: (asOf: string) => `Báo cáo phát triển đảng viên đến ngày ${asOf}`,
} as const;

export const REPORT_UI = {
  menu: 'Xuất báo cáo',
  ask: (today: string) =>
    `Báo cáo số liệu tính đến ngày nào? Ghi dd/mm/yyyy; để trống là hôm nay (${today}).`,
  badDate: (text: string) =>
    `Không đọc được ngày "${text}". Ghi ngày dạng dd/mm/yyyy, ví dụ 30/09/2024.`,
  futureDate: (day: string) => `Ngày ${day} chưa đến: báo cáo chỉ tính số liệu đến hôm nay.`,
  working: 'Đang lập báo cáo…',
  draftName: (name: string) => `${name} (đang tạo)`,
  savingPdf: 'Đang lưu báo cáo PDF…',
  doneTitle: 'Đã xuất báo cáo',
  done: (name: string) =>
    `Đã tạo sheet "${name}" và tệp PDF cùng tên (khổ A4). Khi in sheet từ Sheets, chọn khổ A4 và "Vừa với chiều rộng".`,
  sheetOnly: (name: string) => `Đã tạo sheet "${name}".`,
  pdfFailed: (detail: string) =>
    `Không lưu được tệp PDF (${detail}). Có thể in sheet báo cáo ra PDF: Tệp → Tải xuống → PDF, khổ A4, vừa với chiều rộng.`,
  openPdf: 'Mở tệp PDF',
  openSheet: 'Mở sheet báo cáo',
  besideSpreadsheet: 'Tệp PDF được lưu cùng thư mục với bảng tính.',
  inMyDrive:
    'Không ghi được vào thư mục của bảng tính (quyền drive.file chỉ thấy tệp do công cụ tạo), nên tệp PDF được lưu trong Drive của tôi.',
} as const;

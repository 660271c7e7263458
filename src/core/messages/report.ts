import { ymdOf, zeroPad, type Day } from '../calendar/dates';
import { formatPercent } from './labels';

/** The standing office's report (sheet, HTML page and PDF). */
export const REPORT = {
  defaultBody: 'Ban Tổ chức',
  /**
   * The number line ("Số 12-BC/BTCHU", Hướng dẫn 36-HD/VPTW): `Số báo cáo` the part before "-BC/",
   * or the whole number; what is not set is left for the clerk to write in by hand (no-break
   * spaces, which HTML does not fold).
   */
  number: (n: string) =>
    /-BC\//i.test(n) ? `Số ${n}` : `Số${n ? ` ${n}` : '\u00a0'.repeat(8)}-BC/……`,
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
  partStructure: 'V. CƠ CẤU NGƯỜI ĐƯỢC KẾT NẠP',
  structureIntro:
    'Đếm theo các cột Giới tính, Dân tộc, Tôn giáo, Đoàn viên của danh sách (không in tên); tuổi tính đến ngày kết nạp. ' +
    'Số trong ngoặc là số người danh sách chưa ghi cột đó (không tính là "không").',
  structureTitle: (code: string, name: string, from: string | null, to: string) =>
    `${name} (${code}): kết nạp ${from ? `từ ${from} ` : ''}đến ${to}`,
  periodStructureTitle: (period: string) => `Kết nạp ${period}`,
  structureColumns: [
    'TT',
    'Đơn vị',
    'Kết nạp',
    '% chỉ tiêu',
    'Nữ',
    'Dân tộc thiểu số',
    'Tôn giáo',
    'Đoàn viên',
    '18–30 tuổi',
    'Tuổi bình quân',
  ],
  /** The `Đối tượng` column of people for whom none is written. */
  noTarget: 'Chưa ghi đối tượng',
  targetsTitle: 'Theo đối tượng',
  partPeriod: 'VI. KẾT QUẢ TRONG KỲ, SO VỚI CÙNG KỲ NĂM TRƯỚC',
  periodTitle: (period: string, previous: string) =>
    `Kết nạp và cử đi học ${period} (cùng kỳ năm trước: ${previous})`,
  periodColumns: ['TT', 'Đơn vị', 'Kết nạp', 'Cùng kỳ năm trước', 'Cử đi học', 'Cùng kỳ năm trước'],
  /** A period as reports name it. */
  periodName: (
    kind: 'quarter' | 'half' | 'nine' | 'year' | 'to_date' | 'days',
    year: number,
    from: string,
    to: string,
    quarter?: number,
  ): string => {
    switch (kind) {
      case 'quarter':
        return `quý ${['I', 'II', 'III', 'IV'][(quarter ?? 1) - 1]} năm ${year}`;
      case 'half':
        return `6 tháng đầu năm ${year}`;
      case 'nine':
        return `9 tháng đầu năm ${year}`;
      case 'year':
        return `năm ${year}`;
      case 'to_date':
        return `từ đầu năm ${year} đến ngày ${to}`;
      default:
        return `từ ngày ${from} đến ngày ${to}`;
    }
  },
  periodWithoutDays: (units: number) =>
    `${units} đơn vị báo số người trong \`Số liệu\` hoặc tệp riêng, không có ngày kết nạp từng người: không tính được trong kỳ (ghi 0). ` +
    'Số liệu theo kỳ của các đơn vị này lập được trên máy văn phòng từ danh sách của họ (ptdv report --period).',
  runningPeriod: (name: string, to: string) => `${name} (đến ngày ${to})`,
  /** A figure and how many of the people it counts the list says nothing about. */
  withUnknown: (n: number, unknown: number) =>
    unknown > 0 ? `${n} (+${unknown} chưa rõ)` : String(n),
  chartTitle: (code: string) => `${code}: tỷ lệ thực hiện theo đơn vị (% chỉ tiêu tối thiểu)`,
  /** "Ban Thường vụ Huyện ủy X" reports to "Thường trực Huyện ủy X"; otherwise a generic name. */
  recipients: (issuer: string) => [
    `- Thường trực ${/^Ban Thường vụ\s+/i.test(issuer) ? issuer.replace(/^Ban Thường vụ\s+/i, '') : 'cấp ủy'} (để báo cáo),`,
    '- Lưu.',
  ],
  recipientsTitle: 'Nơi nhận:',
  /** The copy kept on file, added when `Nơi nhận` does not name one. */
  fileCopy: 'Lưu',
  sheetName: (asOf: string) => `Báo cáo ${asOf.replace(/\//g, '-')}`,
  pageTitle: (asOf: string) => `Báo cáo phát triển đảng viên đến ngày ${asOf}`,
} as const;

export const REPORT_UI = {
  menu: 'Xuất báo cáo',
  ask: (today: string) =>
    `Báo cáo số liệu tính đến ngày nào? Ghi dd/mm/yyyy; để trống là hôm nay (${today}). ` +
    'Hoặc ghi một kỳ để có thêm kết quả trong kỳ so với cùng kỳ năm trước: Q1-2026 … Q4-2026, 6T-2026, 9T-2026, 2026, YTD (từ đầu năm đến nay).',
  badDate: (text: string) =>
    `Không đọc được ngày hay kỳ "${text}". Ghi ngày dạng dd/mm/yyyy, ví dụ 30/09/2024, hoặc một kỳ: Q1-2026 … Q4-2026, 6T-2026, 9T-2026, 2026, YTD.`,
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
  openDoc: 'Mở bản Google Docs để sửa và ký',
  docFailed: (detail: string) =>
    `Không tạo được bản Google Docs (${detail}). Có thể mở tệp PDF bằng Google Docs, hoặc dùng "ptdv report --docx" trên máy văn phòng.`,
  openSheet: 'Mở sheet báo cáo',
  besideSpreadsheet: 'Tệp PDF được lưu cùng thư mục với bảng tính.',
  inMyDrive:
    'Không ghi được vào thư mục của bảng tính (quyền drive.file chỉ thấy tệp do công cụ tạo), nên tệp PDF được lưu trong Drive của tôi.',
} as const;

// Every sentence a user reads, in one place (Vietnamese). Identifiers stay English elsewhere.
import { formatDmy, ymdOf, zeroPad, type Day } from './dates';
import { columnLetters } from './table';
import type { Pace } from './forecast';
import type { MilestoneKind, Status } from './model';

/** `Áp dụng cho` of a milestone for every kind of cell. */
export const APPLIES_TO_ALL = 'Tất cả';
/** Where units whose `Loại` is blank are counted. */
export const UNCLASSIFIED = 'Chưa phân loại';

export const MILESTONE_KIND_LABEL: Record<MilestoneKind, string> = {
  class: 'Bồi dưỡng',
  admission: 'Kết nạp',
};

export const STATUS_LABEL: Record<Status, string> = {
  met: 'Đạt',
  not_met: 'Chưa đạt',
  exceeded: 'Vượt',
  no_quota: '—',
};

/** The pace forecast's statuses (see forecast.ts). */
export const PACE_LABEL: Record<Pace, string> = {
  on_track: 'kịp',
  at_risk: 'nguy cơ',
  behind: 'không kịp',
  too_early: 'chưa đủ số liệu',
};

export const DATA_MODE_LABEL = { list: 'Danh sách', counts: 'Chỉ số liệu' } as const;

export const WEEKDAY_LABEL = [
  'Chủ nhật',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
];

export const NO_COMMITTEE = 'Chưa xác định cấp ủy';
export const ALL_UNITS = 'Tổng cộng';
export const UPDATED_AT = (when: string): string => `Cập nhật lúc ${when}`;
export const SUBTOTAL_BY_TYPE = (label: string): string => `Cộng ${label}`;
export const SUBTOTAL_BY_COMMITTEE = (label: string): string => `Cộng ${label}`;

export const PROBLEM = {
  unitMissing: 'Chưa ghi đơn vị.',
  unitUnknown: (typed: string) => `Không có đơn vị "${typed}" trong sheet Chỉ tiêu.`,
  unitSuggestion: (name: string) => `Có phải là "${name}"?`,
  unitSuggestionAdd: 'Ghi đúng tên, tên khác hoặc mã đơn vị; hoặc thêm đơn vị vào sheet Chỉ tiêu.',
  nameMissing: 'Chưa ghi họ và tên.',
  dateInvalid: (text: string) => `Không đọc được ngày "${text}".`,
  dateSuggestion: 'Ghi ngày theo dạng dd/mm/yyyy, ví dụ 19/05/2024.',
  classUnknown: (code: string) => `Không có đợt bồi dưỡng "${code}" trong sheet Mốc.`,
  classSuggestion: 'Chọn mã một mốc có Loại "Bồi dưỡng" trong sheet Mốc.',
  underage: (months: number) =>
    `Kết nạp khi chưa đủ 18 tuổi (mới ${Math.floor(months / 12)} tuổi ${months % 12} tháng).`,
  underageSuggestion: 'Kiểm tra lại ngày sinh và ngày kết nạp (Điều lệ Đảng, Điều 1).',
  overAge: 'Kết nạp khi đã quá 60 tuổi: cần cấp ủy cấp trên xem xét, quyết định.',
  certificateAfterAdmission: 'Ngày cấp giấy chứng nhận bồi dưỡng sau ngày kết nạp.',
  certificateMissing: 'Đã kết nạp nhưng chưa ghi ngày cấp giấy chứng nhận bồi dưỡng.',
  certificateSuggestion: 'Ghi ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng.',
  duplicate: (sheet: string, row: number) =>
    `Trùng người với dòng ${row} của sheet ${sheet} (cùng họ tên, ngày sinh, đơn vị): chỉ tính một lần.`,
  duplicateOtherUnit: (unit: string, sheet: string, row: number) =>
    `Cùng họ tên và ngày sinh với dòng ${row} của sheet ${sheet} (đơn vị ${unit}): mỗi đơn vị vẫn tính dòng của mình; hai đơn vị cần đối chiếu xem có phải một người không.`,
  dateTooOld: (day: number) => `Ngày ${formatDmy(day)} trước năm 1950: chắc là gõ nhầm.`,
  dateFuture: (day: number) => `Ngày ${formatDmy(day)} ở tương lai.`,
  classNotForUnit: (code: string, unit: string) =>
    `Đợt bồi dưỡng ${code} không dành cho loại đơn vị của "${unit}".`,
  unitCodeDuplicate: (code: string, row: number) =>
    `Mã đơn vị "${code}" đã có ở dòng ${row}: dòng này bị bỏ qua.`,
  milestoneCodeDuplicate: (code: string, row: number) =>
    `Mã mốc "${code}" đã có ở dòng ${row}: dòng này bị bỏ qua.`,
  aliasAmbiguous: (label: string, other: string) =>
    `Tên "${label}" cũng là tên, tên khác hoặc mã của đơn vị "${other}": không biết dòng nhập thuộc đơn vị nào.`,
  aliasSuggestion: 'Đổi tên khác cho khác nhau giữa các đơn vị.',
  deadlineBeforeStart: 'Hạn trước "Từ ngày": không ai được tính vào mốc này.',
  deadlineSuggestion: 'Kiểm tra lại "Từ ngày" và "Hạn".',
  emailInvalid: (text: string) =>
    `"${text}" không phải là địa chỉ email hợp lệ: sẽ không được dùng để gửi thư.`,
  emailSuggestion:
    'Sửa lại địa chỉ, ví dụ chibo.thpt1@example.com; nhiều địa chỉ cách nhau bởi dấu phẩy.',
  countInvalid: (text: string) =>
    `Số liệu "${text}" không phải là một số người (số nguyên không âm).`,
  countSuggestion: 'Ghi số người, ví dụ 12; để trống nếu chưa báo cáo.',
  countDuplicate: (unit: string, first: string) =>
    `${unit} đã có số liệu ở ${first}: dòng này bị bỏ qua.`,
  countMismatch: (listed: number, reported: number) =>
    `Đơn vị báo ${reported} nhưng danh sách có ${listed} người được tính: dùng số theo danh sách.`,
  countMismatchSuggestion: 'Cập nhật số liệu báo cáo hoặc danh sách cho khớp.',
  unitNotThisSheet: (unit: string, sheet: string) =>
    `Sheet ${sheet} chỉ dành cho đơn vị của nó, nhưng dòng này ghi "${unit}": không được tính.`,
  birthMissing: 'Đã kết nạp nhưng chưa ghi ngày sinh: không kiểm tra được tuổi.',
  quotaInvalid: (text: string) => `Chỉ tiêu "${text}" không hợp lệ.`,
  quotaSuggestion:
    'Ghi một số (20, ít nhất 20, tối thiểu 20) hoặc một khoảng (8-10, từ 8 đến 10), số đầu không lớn hơn số sau.',
  unitCodeMissing: 'Chưa ghi mã đơn vị.',
  unitNameMissing: 'Chưa ghi tên đơn vị.',
  unitTypeMissing: `Chưa ghi loại đơn vị: đơn vị được cộng vào nhóm "${UNCLASSIFIED}".`,
  unitTypeSuggestion:
    'Ghi loại chi bộ, ví dụ Trường học, Doanh nghiệp, Thôn, Công an, Quân sự, Cơ quan.',
  milestoneCodeMissing: 'Chưa ghi mã mốc.',
  milestoneKindInvalid: (text: string) => `Loại mốc "${text}" không hợp lệ.`,
  milestoneKindSuggestion: 'Chọn "Bồi dưỡng" hoặc "Kết nạp".',
  appliesToUnknown: (kind: string) =>
    `"Áp dụng cho" có loại "${kind}" nhưng không đơn vị nào trong sheet Chỉ tiêu thuộc loại này.`,
  appliesToSuggestion:
    'Ghi "Tất cả", hoặc các loại đơn vị đúng như cột Loại của sheet Chỉ tiêu, cách nhau bởi dấu ;.',
  deadlineMissing: 'Chưa ghi hạn của mốc.',
  leadDaysInvalid: (text: string) => `Số ngày nhắc trước "${text}" không hợp lệ.`,
  leadDaysSuggestion: 'Ghi các số nguyên dương, cách nhau bởi dấu phẩy, ví dụ 14, 7, 3, 1.',
  settingInvalid: (key: string, text: string) => `Giá trị "${text}" của "${key}" không hợp lệ.`,
  milestoneColumnUnknown: (header: string, holds: 'quotas' | 'counts') =>
    `Cột "${header}" trông như cột ${holds === 'quotas' ? 'chỉ tiêu' : 'số liệu'} của một mốc, nhưng không có mốc nào mã "${header}" trong sheet Mốc: cột này không được tính.`,
  milestoneColumnSuggestion: (code: string) =>
    `Đổi tiêu đề cột thành đúng mã mốc "${code}" (mã gần nhất), hoặc thêm mốc này vào sheet Mốc.`,
  milestoneColumnSuggestionAdd: 'Thêm mốc có mã này vào sheet Mốc, hoặc đổi tiêu đề cột.',
  milestoneWithoutQuota: (code: string) =>
    `Mốc ${code} không có cột chỉ tiêu trong sheet Chỉ tiêu: không đơn vị nào được giao chỉ tiêu của mốc này.`,
  milestoneWithoutQuotaSuggestion: (code: string) =>
    `Thêm vào sheet Chỉ tiêu một cột có tiêu đề "${code}" và ghi chỉ tiêu từng đơn vị.`,
  milestoneOutsidePlan: (day: Day, planDate: Day, where: 'before' | 'beforeYear' | 'after') =>
    where === 'after'
      ? `Ngày ${formatDmy(day)} sau ngày kế hoạch ${formatDmy(planDate)} hơn 18 tháng: mốc sẽ không được nhắc việc và báo cáo đúng lúc.`
      : where === 'beforeYear'
        ? `Ngày ${formatDmy(day)} trước năm ${ymdOf(planDate).year} của kế hoạch (${formatDmy(planDate)}).`
        : `Hạn ${formatDmy(day)} trước ngày kế hoạch ${formatDmy(planDate)}.`,
  planIdentityMissing: (field: 'planNumber' | 'planDate') =>
    field === 'planNumber'
      ? 'Chưa ghi "Số kế hoạch": báo cáo và Tổng hợp sẽ thiếu số kế hoạch.'
      : 'Chưa ghi "Ngày kế hoạch": báo cáo thiếu ngày kế hoạch, và không kiểm tra được các mốc có thuộc kế hoạch này không.',
  planIdentitySuggestion: 'Ghi số và ngày của kế hoạch năm nay trong sheet Cấu hình.',
  holidayMissing: 'Dòng có tên ngày nghỉ nhưng chưa ghi ngày.',
  decisionBeforeResolution:
    'Ngày kết nạp (quyết định) trước ngày chi bộ đề nghị: hồ sơ này không được theo dõi hạn cho tới khi sửa.',
  ceremonyBeforeDecision:
    'Ngày lễ kết nạp trước ngày quyết định kết nạp: hồ sơ này không được theo dõi hạn cho tới khi sửa.',
  recognizedBeforeProbationEnd: (end: Day, months: number) =>
    `Công nhận chính thức trước khi hết ${months} tháng dự bị (${formatDmy(end)}): hồ sơ này không được theo dõi hạn cho tới khi sửa.`,
  certificateOld:
    'Giấy chứng nhận bồi dưỡng đã quá 5 năm vào ngày chi bộ đề nghị kết nạp: kiểm tra lại (có thể phải học lại lớp bồi dưỡng).',
  milestoneOutsidePlanSuggestion:
    'Kiểm tra lại năm của ngày này, hoặc "Ngày kế hoạch" trong sheet Cấu hình.',
} as const;

export const CONTRACT_ERROR = {
  fileMissing: (path: string) => `Không tìm thấy tệp "${path}".`,
  fileUnreadable: (path: string) =>
    `Không đọc được tệp "${path}": đây không phải tệp Excel .xlsx (Excel 2007 trở lên) hoặc tệp đã hỏng. Mở tệp bằng Excel hay LibreOffice và lưu lại dưới dạng .xlsx.`,
  /**
   * Never "ptdv init" here: run on the same file with --force, it would replace a workbook full of
   * people with an empty one.
   */
  sheetMissing: (sheet: string) =>
    `Thiếu sheet "${sheet}". Hãy thêm một sheet tên "${sheet}" với dòng tiêu đề theo mẫu (xem README, mục Sổ tay bảng tính), hoặc trên Google Sheets chọn "Khởi tạo bảng tính": chức năng này chỉ thêm sheet còn thiếu, không xóa dữ liệu.`,
  columnMissing: (sheet: string, column: string) =>
    `Sheet "${sheet}" thiếu cột "${column}" ở dòng tiêu đề. Hãy thêm cột này hoặc chạy "Khởi tạo bảng tính".`,
} as const;

export const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo' } as const;

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

export const YES_NO_LABEL = { yes: 'Có', no: 'Không' } as const;

export const CLI = {
  codeHeader: 'Mã',
  unitHeader: 'Đơn vị',
  tableTitle: (planNumber: string, issuer: string, asOf: string) =>
    `Thực hiện chỉ tiêu — Kế hoạch ${planNumber || '…'}${issuer ? ` (${issuer})` : ''}` +
    (asOf ? `, tính đến ngày ${asOf}` : '') +
    '\nÔ: thực hiện/chỉ tiêu và trạng thái; "·" = không giao chỉ tiêu, chưa có ai.',
  problemSummary: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Không phát hiện lỗi nào trong dữ liệu.'
      : `Phát hiện ${errors} lỗi và ${warnings} cảnh báo (dòng có lỗi không được tính vào số liệu liên quan):`,
  problemLine: (p: {
    sheet: string;
    row: number;
    column: string;
    message: string;
    suggestion?: string;
    severity: 'error' | 'warning';
  }) =>
    `  [${SEVERITY_LABEL[p.severity]}] ${p.sheet}, dòng ${p.row}, cột "${p.column}": ${p.message}` +
    (p.suggestion ? ` ${p.suggestion}` : ''),
  moreProblems: (n: number) => `  … và ${n} vấn đề khác (xem sheet Kiểm tra hoặc --json).`,
  initDone: (path: string, planNumber: string) =>
    `Đã tạo bảng tính ${path} theo Kế hoạch ${planNumber || '(chưa ghi số)'}.`,
  initBlankDone: (path: string) =>
    `Đã tạo bảng tính trống ${path}: ghi cấp ủy, số và ngày kế hoạch vào Cấu hình, các đơn vị vào Chỉ tiêu, các mốc vào Mốc (xem README, mục "Kế hoạch của xã, phường, tỉnh").`,
  blankOrPlanFrom: 'Chọn một trong hai: --blank (bảng tính trống) hoặc --plan-from TỆP.xlsx.',
  newYearDone: (path: string) => `Đã ghi ${path}.`,
  badYear: (text: string) => `"${text}" không phải là một năm (ví dụ 2027).`,
  countsPlanDiffers: (into: string, from: string, units: string[], milestones: string[]) =>
    `Bảng tính ${into} không phải của cùng kế hoạch với ${from}: ` +
    [
      units.length > 0 ? `không có đơn vị ${units.join(', ')}` : '',
      milestones.length > 0 ? `không có mốc ${milestones.join(', ')}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') +
    `. Không ghi gì vào ${into}. Thêm các mã đó vào sheet Chỉ tiêu / Mốc của ${into}, hoặc tạo bảng tính chung từ kế hoạch này: ptdv init --out TỆP.xlsx --counts-only --plan-from ${from}.`,
  demoDone: (path: string, people: number, mistakes: number) =>
    `Đã tạo bảng tính mẫu ${path}: Kế hoạch 145/KH-HU với ${people} người giả định (tên có chữ "Mẫu") ` +
    `và ${mistakes} lỗi nhập cố ý để thử "ptdv check".`,
  countsBy: 'ptdv counts (máy văn phòng)',
  countsNeedList: (path: string) =>
    `"${path}" đang ở chế độ "Chỉ số liệu", không có danh sách người để đếm: hãy dùng tệp danh sách trên máy văn phòng.`,
  countsDone: (xlsx: string, csv: string, into: string | undefined, units: number) =>
    `Đã ghi số liệu của ${units} đơn vị (không có tên, ngày sinh) vào ${xlsx} và ${csv}` +
    (into
      ? `, và vào sheet Số liệu của ${into}.`
      : '. Dán hoặc nhập vào sheet Số liệu của bảng tính dùng chung.'),
  checkExit: (errors: number) =>
    errors
      ? `Có ${errors} lỗi: sửa rồi chạy lại "ptdv check".`
      : 'Không có lỗi nào (có thể còn cảnh báo).',
  fileExists: (path: string) => `Tệp "${path}" đã có. Dùng --force để ghi đè.`,
  written: (path: string) => `Đã ghi sheet Tổng hợp và Kiểm tra vào ${path}.`,
  badToday: (text: string) =>
    `Ngày "${text}" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2024-05-19.`,
  missingOption: (option: string) => `Thiếu tùy chọn ${option}.`,
  unknownOption: (option: string, near: string | null) =>
    `Không có tùy chọn ${option}.` +
    (near ? ` Có phải là ${near}?` : '') +
    ' Gõ "ptdv help" để xem các tùy chọn.',
  optionNeedsValue: (option: string) =>
    `Tùy chọn ${option} cần một giá trị, ví dụ ${option} 2024-12-31.`,
  optionTakesNoValue: (option: string) => `Tùy chọn ${option} không nhận giá trị.`,
  extraArgument: (arg: string) =>
    `Không hiểu "${arg}": mỗi lệnh chỉ có một tên lệnh, các giá trị đi sau tùy chọn của chúng.`,
  unknownCommand: (cmd: string) => `Không có lệnh "${cmd}". Gõ "ptdv help" để xem các lệnh.`,
  remindSummary: (day: string, written: number, dry: number, failed: number, outbox: string) =>
    `Nhắc việc ngày ${day}: ` +
    (dry ? `${dry} thư chạy thử (không ghi tệp)` : `${written} thư đã ghi vào ${outbox}`) +
    (failed ? `, ${failed} thư lỗi (xem Nhật ký thư)` : '') +
    '.',
  remindLine: (unit: string, milestone: string, lead: number, shortfall: number) =>
    `  - ${unit}: ${milestone}, nhắc trước ${lead} ngày, còn thiếu ${shortfall}`,
  remindDigest: (overdue: number) =>
    `  - Thư tổng hợp gửi Ban Tổ chức` + (overdue ? ` (${overdue} đơn vị quá hạn chưa đạt)` : ''),
  htmlWritten: (path: string) => `Đã ghi báo cáo ${path} (mở bằng trình duyệt, in ra khổ A4).`,
  printing: (path: string) => `Đang in ${path} bằng Chromium…`,
  pdfWritten: (path: string) => `Đã ghi báo cáo PDF ${path}.`,
  noChromium: (explicit: string | undefined) =>
    (explicit
      ? `Không thấy Chromium tại PTDV_CHROMIUM="${explicit}". Sửa biến này cho đúng đường dẫn tới tệp chạy` +
        ' Chrome, Edge hay Chromium, hoặc bỏ nó đi để ptdv tự tìm; máy chưa có trình duyệt nào thì cài Chromium' +
        ' (Debian/Ubuntu: sudo apt install chromium);'
      : 'Không tìm thấy Google Chrome, Microsoft Edge hay Chromium để in PDF (Chromium đi kèm ptdv chỉ chạy' +
        ' trên Linux x64). Cài Chrome hoặc Edge, hoặc đặt biến PTDV_CHROMIUM là đường dẫn tới tệp chạy;') +
    ' hoặc dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  packagedChromiumFailed: (dir: string) =>
    `Không giải nén được Chromium đi kèm ptdv vào ${dir} (cần khoảng 210 MB chỗ trống, và thư mục phải` +
    ' thuộc riêng người dùng đang chạy ptdv). Cài Chrome hoặc Chromium, hoặc đặt biến PTDV_CHROMIUM là đường dẫn tới tệp chạy;' +
    ' hoặc dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  pdfFailed: (chromium: string, packaged: boolean) =>
    `Trình duyệt ${chromium} không in được PDF.` +
    (packaged
      ? ' Chromium đi kèm ptdv cần thư viện NSS của hệ thống: máy chưa có thì cài vào (Debian/Ubuntu: sudo apt install libnss3).'
      : ' Thử đặt biến PTDV_CHROMIUM là đường dẫn tới một Chrome, Edge hay Chromium khác;') +
    (packaged ? ' Cũng có thể' : ' hoặc') +
    ' dùng --html rồi mở trang bằng trình duyệt và chọn In → Lưu dưới dạng PDF.',
  risksTitle: (n: number, open: number) =>
    open === 0
      ? 'Dự báo: không có mốc nào đang thực hiện vào ngày này.'
      : n === 0
        ? 'Dự báo: theo tốc độ hiện nay, mọi đơn vị đều kịp các mốc đang thực hiện.'
        : `Dự báo theo tốc độ hiện nay: ${n} trường hợp không kịp hoặc có nguy cơ không kịp:`,
  riskLine: (
    unit: string,
    milestone: string,
    actual: number,
    target: string,
    projected: number,
    pace: string,
  ) => `  - ${unit}: ${milestone} ${actual}/${target}, dự báo đến hạn ${projected} — ${pace}`,
  filesTitle: (asOf: string, n: number) =>
    n === 0
      ? `Hồ sơ kết nạp, chuyển chính thức: không hồ sơ nào quá hạn đến ngày ${asOf}.`
      : `Hồ sơ quá hạn đến ngày ${asOf}: ${n} (theo đơn vị, sheet và dòng; không in tên):`,
  fileLine: (sheet: string, row: number, stage: string, due: string) =>
    `    - ${sheet}, dòng ${row}: ${stage}, hạn ${due}`,
  reading: (path: string) => `Đang đọc ${path}…`,
  computing: 'Đang tính toán…',
  saving: (path: string) => `Đang ghi ${path}…`,
  usage: [
    'ptdv — theo dõi chỉ tiêu phát triển đảng viên trên tệp .xlsx',
    '',
    'Cách dùng:',
    '  ptdv init --out TỆP.xlsx [--blank | --plan-from KẾ-HOẠCH.xlsx] [--counts-only] [--force]',
    '      Tạo bảng tính mới theo mẫu, điền sẵn Kế hoạch 145/KH-HU làm ví dụ; --blank: trống (chỉ có',
    '      tiêu đề và các khóa Cấu hình); --plan-from: đơn vị, chỉ tiêu, mốc, cấu hình lấy từ KẾ-HOẠCH.xlsx;',
    '      --counts-only: bảng tính chỉ giữ số liệu, không có tên.',
    '  ptdv new-year --workbook TỆP.xlsx --year NĂM [--out TỆP-MỚI.xlsx]',
    '      Sang năm mới: lưu trữ các mốc hiện tại, thêm mốc năm NĂM (ngày dời đúng số năm), mỗi mốc mới một',
    '      cột chỉ tiêu chép từ năm trước, xóa số và ngày kế hoạch; không có --out thì ghi đè khi đã xong.',
    '  ptdv report --workbook TỆP.xlsx [--today YYYY-MM-DD] [--json] [--write] [--html TRANG.html] [--pdf BÁO-CÁO.pdf]',
    '      In bảng thực hiện chỉ tiêu và dự báo tiến độ (hoặc JSON); --write ghi sheet Tổng hợp và Kiểm tra vào tệp;',
    '      --html ghi báo cáo gửi Thường trực thành một trang HTML (in khổ A4); --pdf in báo cáo ra PDF bằng Chrome, Edge hay Chromium.',
    '  ptdv demo --out TỆP.xlsx [--force]',
    '      Tạo bảng tính mẫu Kế hoạch 145/KH-HU với danh sách người giả định.',
    '  ptdv counts --workbook DANH-SACH.xlsx --out SO-LIEU [--into CHUNG.xlsx] [--today YYYY-MM-DD] [--by TÊN]',
    '      Từ danh sách người trên máy văn phòng, tính số liệu từng đơn vị (đã kiểm tra) và ghi',
    '      SO-LIEU.xlsx, SO-LIEU.csv theo mẫu sheet Số liệu (không có tên, ngày sinh); --into ghi thẳng vào bảng chung',
    '      (chỉ khi bảng chung có đủ mã đơn vị và mã mốc của danh sách).',
    '  ptdv check --workbook TỆP.xlsx [--json] [--unit-files THƯ-MỤC]',
    '      Liệt kê mọi lỗi và cảnh báo trong dữ liệu nhập; mã thoát 1 khi có lỗi.',
    '  --unit-files THƯ-MỤC (với report, check, remind, counts): đọc thêm danh sách riêng của từng đơn vị,',
    '      mỗi đơn vị một tệp .xlsx đặt tên theo mã (THPT-HH1.xlsx hoặc "THPT-HH1 - ….xlsx").',
    '  ptdv remind --workbook TỆP.xlsx [--today YYYY-MM-DD] [--outbox THƯ-MỤC] [--dry-run]',
    '      Lập thư nhắc việc đến hạn: mỗi thư một tệp .eml trong thư mục (mặc định ./outbox),',
    '      ghi Nhật ký thư; thư đã gửi không bao giờ gửi lại. --dry-run chỉ ghi nhật ký "thử".',
    '  ptdv help',
  ].join('\n'),
} as const;

export const MENU = {
  title: 'Phát triển đảng viên',
  setup: 'Khởi tạo bảng tính',
  refresh: 'Cập nhật Tổng hợp',
  check: 'Kiểm tra dữ liệu nhập',
  help: 'Hướng dẫn sử dụng',
} as const;

export const GAS = {
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

/** Status texts coloured on the dashboard, with their colours. */
export const STATUS_COLOURS: { label: string; background: string }[] = [
  { label: STATUS_LABEL.not_met, background: '#f4cccc' },
  { label: STATUS_LABEL.met, background: '#d9ead3' },
  { label: STATUS_LABEL.exceeded, background: '#cfe2f3' },
  { label: PACE_LABEL.behind, background: '#f4cccc' },
  { label: PACE_LABEL.at_risk, background: '#fce8b2' },
  { label: PACE_LABEL.on_track, background: '#d9ead3' },
];

export const CHART_TITLE = (code: string, name: string) =>
  `${code}: tỷ lệ thực hiện theo đơn vị — ${name}`;

export const VALIDATION_HELP = {
  date: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 19/05/2024.',
  choices: (values: readonly string[]) => `Chọn một trong: ${values.join(', ')}.`,
  unit: 'Chọn đơn vị trong danh sách (hoặc gõ tên khác, mã đơn vị).',
} as const;

/** Suggestions for `Đối tượng`, which stays free text. */
export const GROUP_SUGGESTIONS = ['Học sinh', 'Công nhân', 'Đoàn viên', 'Quần chúng'] as const;

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

export const MAIL = {
  defaultIssuer: 'Ban Tổ chức',
  subject: (milestone: string, daysLeft: number) =>
    `[Nhắc việc] ${milestone} — ${daysLeft === 0 ? 'hạn là hôm nay' : `còn ${daysLeft} ngày`}`,
  daysLeft: (n: number) => (n === 0 ? 'hạn là hôm nay' : `còn ${n} ngày`),
  greeting: (unit: string) => `Kính gửi: ${unit}`,
  intro: (issuer: string) =>
    `${issuer} xin nhắc đơn vị tiến độ thực hiện chỉ tiêu phát triển đảng viên:`,
  labels: {
    item: 'Nội dung',
    value: 'Số liệu',
    unit: 'Đơn vị',
    milestone: 'Mốc',
    deadline: 'Hạn',
    quota: 'Chỉ tiêu',
    actual: 'Đã thực hiện',
    shortfall: 'Còn thiếu',
    lead: 'Nhắc trước (ngày)',
    source: 'Nguồn số liệu',
    projected: 'Dự báo đến hạn',
    pace: 'Tiến độ',
  },
  noFigure: 'chưa có danh sách hay số liệu báo cáo',
  askClass:
    'Đề nghị đơn vị hoàn thành việc lựa chọn, cử người đi học lớp bồi dưỡng nhận thức về Đảng và cập nhật vào bảng theo dõi trước hạn.',
  askAdmission:
    'Đề nghị đơn vị đẩy nhanh các bước xem xét kết nạp theo đúng quy trình, quy định và cập nhật vào bảng theo dõi trước hạn.',
  link: (url: string) => `Bảng theo dõi: ${url}`,
  linkText: 'Mở bảng theo dõi',
  contact: (issuer: string, emails: string) => `Mọi thắc mắc xin liên hệ ${issuer}: ${emails}.`,
  contactNoEmail: (issuer: string) => `Mọi thắc mắc xin liên hệ ${issuer}.`,
  footer:
    'Thư được gửi tự động từ bảng theo dõi phát triển đảng viên. Thư chỉ nêu số liệu, không nêu tên người.',
  fileSubject: (due: number, overdue: number) =>
    `[Nhắc việc] Hồ sơ kết nạp, chuyển chính thức: ${[due ? `${due} sắp đến hạn` : '', overdue ? `${overdue} quá hạn` : ''].filter((p) => p !== '').join(', ')}`,
  fileIntro: (issuer: string) =>
    `${issuer} xin nhắc đơn vị các hồ sơ sắp đến hạn hoặc đã quá hạn (Quy định của Trung ương về thời hạn ra quyết định kết nạp, tổ chức lễ kết nạp và xét công nhận đảng viên chính thức):`,
  fileHeader: ['Bước', 'Sheet, dòng', 'Hạn', 'Còn lại'],
  fileLeft: (daysLeft: number) =>
    daysLeft < 0
      ? `quá hạn ${-daysLeft} ngày`
      : daysLeft === 0
        ? 'hạn là hôm nay'
        : `còn ${daysLeft} ngày`,
  fileRow: (sheet: string, row: number) => `${sheet}, dòng ${row}`,
  fileAsk:
    'Đề nghị đơn vị hoàn thành các bước trên trước hạn và cập nhật ngày vào bảng theo dõi. Thư chỉ nêu sheet và dòng, không nêu tên người.',
  digestFiles: (n: number) => `Hồ sơ được nhắc hôm nay (${n}), theo đơn vị và bước:`,
  digestFilesHeader: ['Đơn vị', 'Bước', 'Sắp đến hạn', 'Quá hạn'],
  digestSubject: (day: string, reminded: number, overdue: number) =>
    `[Nhắc việc] Tổng hợp ngày ${day}: nhắc ${reminded} lượt` +
    (overdue ? `, ${overdue} đơn vị quá hạn chưa đạt` : ''),
  digestIntro: (day: string) => `Tổng hợp nhắc việc ngày ${day}.`,
  digestReminded: (n: number) => `Các đơn vị được nhắc hôm nay (${n}):`,
  digestBehind: (n: number) => `Các đơn vị đang chưa đạt ở các mốc sắp đến hạn (${n}):`,
  digestOverdue: (n: number) => `Các đơn vị đã quá hạn mà chưa đạt (${n}):`,
  digestLeadNote: '(cột cuối: số ngày nhắc trước hạn)',
  digestSummary: 'Tóm tắt theo cấp ủy quản lý và loại đơn vị:',
  digestSummaryHeader: [
    'Cấp ủy quản lý',
    'Loại đơn vị',
    'Được nhắc',
    'Chưa đạt',
    'Quá hạn',
    'Nguy cơ',
  ],
  digestMore: (n: number) =>
    `… và ${n} trường hợp nữa (thư chỉ liệt kê các trường hợp thiếu nhiều nhất): xem đủ ở sheet Tổng hợp.`,
  digestPace: (n: number) =>
    `Dự báo theo tốc độ hiện nay: các đơn vị không kịp hoặc có nguy cơ không kịp (${n}):`,
  digestPaceNote:
    '(dự báo: số đạt được đến hạn nếu giữ tốc độ từ "Từ ngày" của mốc, hoặc ngày kế hoạch, đến nay; "nguy cơ": chỉ đạt trong tuần cuối)',
} as const;

export const MAIL_STATUS_LABEL = {
  sent: 'đã gửi',
  failed: 'lỗi',
  deferred: 'hoãn',
  dry_run: 'thử',
} as const;

export const MAIL_LOG = {
  digestUnit: 'Ban Tổ chức (thư tổng hợp)',
  digestMilestone: 'Tổng hợp',
  deferred: (remaining: number, needed: number) =>
    `Hết hạn mức gửi thư trong ngày (còn ${remaining}, cần ${needed}): sẽ gửi ở lần chạy sau.`,
  outOfTime: (minutes: number) =>
    `Lần chạy đã dùng hết ${String(Math.round(minutes * 10) / 10).replace('.', ',')} phút cho phép: sẽ gửi ở lần chạy sau (hoặc chọn "Gửi thư nhắc việc ngay").`,
  noRecipients: 'Không có địa chỉ email hợp lệ để gửi.',
  noBoardEmail: 'Chưa có "Email Ban Tổ chức" hợp lệ trong sheet Cấu hình.',
  skipped: (addresses: readonly string[]) =>
    ` Bỏ qua địa chỉ không hợp lệ: ${addresses.join(', ')}.`,
  dryRun: (subject: string) => `Chạy thử, không gửi: ${subject}`,
  sent: (subject: string) => subject,
  failed: (why: string) => `Gửi không được: ${why}`,
  runFailed: (why: string) => `Lần chạy nhắc việc bị lỗi: ${why}`,
  runUnit: 'Lần chạy nhắc việc',
  outbox: (file: string) => `Đã ghi tệp ${file}`,
  notBoard:
    'Lần chạy nhắc việc dừng, không gửi thư nào: tài khoản chạy không có quyền ghi sheet Nhật ký thư (chỉ Ban Tổ chức). Ban Tổ chức hãy bật lại nhắc việc hằng ngày bằng tài khoản của mình.',
  fileMilestone: (stage: string) => `Hồ sơ: ${stage}`,
  overdueLead: 'quá hạn',
  fileAt: (sheet: string, row: number) => `(${sheet}, dòng ${row})`,
  recovered: ' (ghi bù: lần chạy trước đã gửi thư này nhưng bị dừng trước khi kịp ghi nhật ký)',
} as const;

export const REMINDER_MENU = {
  title: 'Nhắc việc',
  preview: 'Xem trước thư nhắc việc',
  sendNow: 'Gửi thư nhắc việc ngay',
  install: 'Bật nhắc việc hằng ngày',
  remove: 'Tắt nhắc việc hằng ngày',
  status: 'Trạng thái nhắc việc',
} as const;

export const REMINDER_UI = {
  confirmSend: (n: number) =>
    n === 0
      ? 'Hôm nay không có thư nhắc việc nào đến hạn. Vẫn chạy (để ghi nhật ký)?'
      : `Sẽ gửi ${n} thư nhắc việc theo kế hoạch hôm nay. Tiếp tục?`,
  summary: (sent: number, deferred: number, failed: number, dry: number) =>
    `Đã gửi ${sent} thư` +
    (deferred ? `, hoãn ${deferred} (hết hạn mức, sẽ gửi lần sau)` : '') +
    (failed ? `, ${failed} thư lỗi (xem Nhật ký thư)` : '') +
    (dry ? `, ${dry} thư chạy thử (không gửi)` : '') +
    '.',
  busy: 'Một lần chạy nhắc việc khác đang diễn ra; lần này dừng lại để không gửi trùng.',
  installed: (hour: number, who: string) =>
    `Đã bật nhắc việc hằng ngày lúc khoảng ${hour} giờ (giờ Việt Nam), chạy bằng tài khoản ${who}. Nếu tài khoản này mất quyền với bảng tính, nhắc việc sẽ dừng.`,
  takeOver: (owner: string) =>
    `Nhắc việc hằng ngày đang được bật bởi tài khoản ${owner}. Nên nhờ người đó tắt trước. ` +
    'Nếu người đó không còn làm việc này, chọn "Có" để bật bằng tài khoản của bạn ' +
    '(nhờ Nhật ký thư, mỗi thư vẫn chỉ gửi một lần dù có hai trình kích hoạt).',
  removed: (n: number) =>
    n ? 'Đã tắt nhắc việc hằng ngày.' : 'Nhắc việc hằng ngày chưa được bật.',
  statusOn: (hour: string, who: string) =>
    `Nhắc việc hằng ngày: ĐANG BẬT, lúc khoảng ${hour} giờ, chạy bằng tài khoản ${who}.`,
  statusOff: 'Nhắc việc hằng ngày: ĐANG TẮT (chọn "Bật nhắc việc hằng ngày" để bật).',
  statusOtherOwner: (who: string) =>
    `Nhắc việc hằng ngày được bật bởi tài khoản ${who} (chỉ tài khoản đó thấy và tắt được trình kích hoạt).`,
  lastRun: (when: string, ok: boolean, message: string) =>
    `Lần chạy gần nhất: ${when} — ${ok ? 'thành công' : 'LỖI'}: ${message}`,
  neverRun: 'Chưa có lần chạy nào.',
  running: (when: string) => `Lần chạy bắt đầu lúc ${when} đang chạy hoặc đã bị dừng giữa chừng.`,
  quota: (n: number) => `Hạn mức gửi thư còn lại hôm nay: ${n} người nhận.`,
  lastCutOffToast: (when: string) =>
    `Lần chạy nhắc việc lúc ${when} không hoàn tất (bị dừng giữa chừng). Thư đã gửi không bị gửi lại; lần chạy sau sẽ gửi tiếp.`,
  lastFailedToast: (when: string, why: string) =>
    `Lần chạy nhắc việc lúc ${when} bị lỗi: ${why}. Xem sheet Nhật ký thư.`,
  testSent: (to: string) => `Đã gửi thư thử tới ${to}.`,
  testNoQuota:
    'Hôm nay đã hết hạn mức gửi thư của tài khoản (MailApp): thư thử chưa được gửi. Thử lại vào ngày mai.',
  testFailed: (detail: string) => `Không gửi được thư thử (${detail}).`,
  testMissing: 'Không còn thư này trong kế hoạch hôm nay: hãy mở lại cửa sổ xem trước.',
  testPrefix: '[Thư thử] ',
  previewTitle: 'Xem trước thư nhắc việc',
} as const;

export const PREVIEW = {
  today: (day: string, n: number) => `Hôm nay (${day}) sẽ gửi ${n} thư:`,
  none: 'Không có thư nào.',
  upcoming: (days: number, n: number) =>
    `Sẽ đến hạn trong ${days} ngày tới (${n} lượt nhắc, nếu số liệu không đổi):`,
  columns: ['Ngày', 'Đơn vị', 'Mốc', 'Nhắc trước (ngày)', 'Còn thiếu'],
  todayColumns: ['Đơn vị', 'Mốc', 'Người nhận', 'Tiêu đề', ''],
  sendTest: 'Gửi thử cho tôi',
  sending: 'Đang gửi…',
  dryRun: 'Chế độ chạy thử đang bật trong Cấu hình: thư chỉ được ghi nhật ký, không gửi đi.',
} as const;

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

/** Long setup work continued by a one-off trigger, and the mail that says it is done. */
export const CONTINUATION = {
  later:
    ' Phần còn lại sẽ tự làm tiếp sau khoảng một phút, bằng tài khoản của bạn, cho đến khi xong; khi xong bạn nhận một thư báo. Bạn cũng có thể chọn lại ngay để làm tiếp.',
  subject: (job: 'rooms' | 'files') =>
    `[Phát triển đảng viên] Đã xong: ${job === 'rooms' ? 'Phân quyền đơn vị' : 'Tạo tệp riêng cho đơn vị'}`,
  sender: 'Phát triển đảng viên',
  failed: (why: string) =>
    `Việc làm tiếp bị dừng vì lỗi: ${why}. Hãy mở bảng tính và chọn lại mục đó trong menu.`,
} as const;

export const ROOMS = {
  menu: 'Phân quyền đơn vị',
  configDescription: 'ptdv: chỉ Ban Tổ chức được sửa',
  unitDescription: (unit: string) => `ptdv: chỉ ${unit} và Ban Tổ chức được sửa`,
  noBoard: 'Chưa có "Email Ban Tổ chức" hợp lệ trong Cấu hình: hãy điền trước khi phân quyền.',
  done: (created: number, protectedSheets: number, skipped: string[]) =>
    `Đã tạo ${created} sheet đơn vị mới và bảo vệ ${protectedSheets} sheet.` +
    (skipped.length ? ` Không thêm được người sửa: ${skipped.join('; ')}.` : '') +
    ' Nhớ chia sẻ bảng tính (quyền Người chỉnh sửa) cho địa chỉ của các đơn vị.',
  noEmails: (code: string) => `${code} (chưa có Email phụ trách)`,
  partial: (
    done: number,
    total: number,
    created: number,
    protectedSheets: number,
    skipped: string[],
    continuing: boolean,
  ) =>
    `Đã xong ${done}/${total} đơn vị (lần này tạo ${created} sheet đơn vị mới, bảo vệ ${protectedSheets} sheet)` +
    (skipped.length ? `; không thêm được người sửa: ${skipped.join('; ')}` : '') +
    `. Còn ${total - done} đơn vị: Apps Script chỉ cho mỗi lần chạy 6 phút, nên lần này dừng ở đây để không bỏ dở giữa chừng.` +
    (continuing
      ? CONTINUATION.later
      : ` Hãy chọn lại "Phân quyền đơn vị": lần sau làm tiếp từ đơn vị thứ ${done + 1}.`),
} as const;

/** One spreadsheet per unit (Tạo tệp riêng cho đơn vị). */
export const UNIT_FILES = {
  menu: 'Tạo tệp riêng cho đơn vị',
  sheet: 'Tệp đơn vị',
  label: (code: string) => `Tệp ${code}`,
  fileName: (code: string, name: string) => `${code} - ${name} (danh sách riêng của đơn vị)`,
  headers: ['Mã', 'Tên đơn vị', 'Địa chỉ tệp', 'Đọc lần cuối'],
  noFile: (name: string) =>
    `Tệp "${name}" không khớp mã đơn vị nào trong sheet Chỉ tiêu: không được đọc.`,
  noFileSuggestion:
    'Đặt tên tệp bắt đầu bằng mã đơn vị, ví dụ THPT-HH1.xlsx hoặc "THPT-HH1 - Trường THPT Hiệp Hòa số 1.xlsx".',
  done: (created: number, shared: number, total: number, failed: readonly string[]) =>
    `Đã tạo ${created} tệp mới, cập nhật quyền của ${shared} tệp; ${total} đơn vị có tệp riêng.` +
    (failed.length ? ` Chưa làm được: ${failed.join('; ')}.` : '') +
    ' Mỗi tệp chỉ cán bộ phụ trách đơn vị và Ban Tổ chức mở được; bảng tính này chỉ giữ số liệu đọc từ tệp, không giữ tên người.',
  partial: (done: number, total: number, continuing: boolean) =>
    `Đã xong ${done}/${total} đơn vị. Apps Script chỉ cho mỗi lần chạy 6 phút.` +
    (continuing ? CONTINUATION.later : ' Hãy chọn lại "Tạo tệp riêng cho đơn vị" để làm tiếp.'),
  noEmails: (code: string) => `${code} (chưa có Email phụ trách)`,
  unreadable: (code: string, why: string) =>
    `Không đọc được tệp riêng của đơn vị ${code} lần này (${why}): số liệu của đơn vị không được tính lần này. Kiểm tra tệp còn sheet "Danh sách", rồi cập nhật lại.`,
  missing: (code: string) =>
    `Không mở được tệp riêng của đơn vị ${code} (đã bị xóa, chuyển vào thùng rác, hoặc script không còn quyền): số liệu của đơn vị không được đọc. Chạy lại "Tạo tệp riêng cho đơn vị" để tạo lại tệp.`,
  /** Another account runs the script: drive.file shows it none of the files. */
  otherAccount: (code: string, owner: string | null, me: string, read: string) => {
    const who = owner ?? 'một tài khoản Ban Tổ chức khác';
    const fix = `Hãy cập nhật bằng tài khoản ${owner ?? 'đã tạo các tệp'}`;
    return read === ''
      ? `Tệp riêng của đơn vị ${code} do ${owner ? `tài khoản ${who}` : who} tạo; tài khoản đang chạy (${me || 'không rõ'}) không đọc được tệp này (quyền drive.file) và chưa có số liệu nào đã đọc: số liệu của đơn vị không được tính lần này. ${fix}.`
      : `Tệp riêng của đơn vị ${code} do ${owner ? `tài khoản ${who}` : who} tạo; tài khoản đang chạy (${me || 'không rõ'}) không đọc được tệp này (quyền drive.file), nên dùng số liệu đọc lần cuối lúc ${read}. ${fix} để có số liệu mới.`;
  },
  /** Files recorded before their owner was noted, none of which this account can see. */
  unknownOwnerOnly: (me: string) =>
    `Tài khoản đang chạy (${me || 'không rõ'}) không thấy tệp đơn vị nào đã ghi trong sheet "Tệp đơn vị": chúng do một tài khoản Ban Tổ chức khác tạo, và với quyền drive.file chỉ tài khoản đó đọc được chúng. Không tạo hay chia sẻ thêm tệp nào. Hãy chọn lại "Tạo tệp riêng cho đơn vị" bằng tài khoản đã tạo các tệp. Nếu các tệp đó đã bị xóa hẳn, hãy xóa các dòng của chúng trong sheet "Tệp đơn vị" rồi chọn lại.`,
  /** A changed file left for the next run by the Sheets API's per-minute read quota. */
  deferred: (code: string, read: string, perRun: number) =>
    `Tệp riêng của đơn vị ${code} cần đọc lại (tệp đã đổi, hoặc số liệu phải tính cho ngày mới hay kế hoạch mới) nhưng chưa được đọc lần này: Google chỉ cho đọc khoảng 60 tệp mỗi phút, nên mỗi lần cập nhật đọc tối đa ${perRun} tệp, tệp lâu chưa đọc nhất trước. ` +
    (read === ''
      ? 'Tệp chưa từng được đọc nên số liệu của đơn vị chưa được tính.'
      : `Tạm dùng số liệu đọc lần cuối lúc ${read}.`) +
    ' Chờ một phút rồi cập nhật lại để đọc tiếp.',
  /** Files made by two accounts could be read by neither in full. */
  ownerOnly: (owner: string, me: string) =>
    `Các tệp đơn vị do tài khoản ${owner} tạo, và với quyền drive.file chỉ tài khoản đó đọc được chúng. Tài khoản đang chạy (${me || 'không rõ'}) không tạo hay chia sẻ thêm tệp nào. Hãy đăng nhập bằng ${owner} rồi chọn lại "Tạo tệp riêng cho đơn vị".`,
  /** The daily trigger's account cannot read the files. */
  triggerNotOwner: (owner: string) =>
    ` Lưu ý: các tệp đơn vị do tài khoản ${owner} tạo, nên nhắc việc chạy bằng tài khoản này chỉ dùng số liệu đọc lần cuối từ các tệp đó; hãy bật nhắc việc bằng tài khoản ${owner}.`,
} as const;

/** The membership pipeline's stages (pipeline.ts), as sheets, reports and e-mails name them. */
export const STAGE_LABEL = {
  awaiting_decision: 'Chờ quyết định kết nạp',
  awaiting_ceremony: 'Chờ lễ kết nạp',
  probation: 'Dự bị',
  official: 'Chính thức',
} as const;

/** `Hồ sơ`: where each unit's files stand. */
export const FILES = {
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

/** The funnel, from the class to official membership. */
export const FUNNEL_LABEL = {
  classed: 'Được cử đi học lớp bồi dưỡng',
  certified: 'Có giấy chứng nhận',
  proposed: 'Chi bộ đề nghị kết nạp',
  admitted: 'Có quyết định kết nạp',
  ceremony: 'Đã tổ chức lễ kết nạp',
  official: 'Được công nhận chính thức',
} as const;

/** Where a figure comes from (`Tổng hợp`, e-mails). */
export const SOURCE_LABEL = {
  list: 'danh sách',
  counts: 'số liệu báo cáo',
  files: 'tệp đơn vị',
} as const;

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

/** `87,5%`: Vietnamese decimal comma. */
export function formatPercent(percent: number): string {
  return `${String(percent).replace('.', ',')}%`;
}

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

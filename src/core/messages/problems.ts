import { GUIDE, seeGuide } from './guide';
import { formatDmy, ymdOf, type Day } from '../calendar/dates';
import { UNCLASSIFIED } from './labels';

/** The day an age or a certificate's validity is counted at: the cell's resolution, else the decision. */
export type CountedAt = 'resolution' | 'decision';
const COUNTED_AT: Record<CountedAt, string> = {
  resolution: 'ngày chi bộ đề nghị kết nạp',
  decision: 'ngày kết nạp',
};

/** `60 tháng (5 năm)`, `18 tháng`. */
const inMonths = (months: number): string =>
  months % 12 === 0 ? `${months} tháng (${months / 12} năm)` : `${months} tháng`;

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
  underage: (months: number, at: CountedAt, day: Day) =>
    `Kết nạp khi chưa đủ 18 tuổi: mới ${Math.floor(months / 12)} tuổi ${months % 12} tháng vào ${COUNTED_AT[at]} (${formatDmy(day)}).`,
  underageSuggestion:
    'Kiểm tra lại ngày sinh, ngày chi bộ đề nghị và ngày kết nạp (Điều lệ Đảng, Điều 1).',
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
  structureOver: (count: number, unknown: number, admitted: number) =>
    `${count}${unknown > 0 ? ` người và ${unknown} chưa rõ` : ' người'} là nhiều hơn ${admitted} người kết nạp của mốc: cột này được tính là chưa rõ.`,
  structureOverSuggestion:
    'Sửa lại cho số người cộng số chưa rõ không quá số kết nạp của mốc ghi cùng dòng.',
  structureWithoutCount: (code: string) =>
    `Có số liệu cơ cấu của mốc ${code} nhưng chưa ghi số kết nạp của mốc đó: cơ cấu không được tính.`,
  structureWithoutCountSuggestion: (code: string) => `Ghi số người kết nạp vào cột ${code}.`,
  lowerUrlInvalid: (url: string) =>
    `"${url}" không phải địa chỉ một bảng tính Google (dạng https://docs.google.com/spreadsheets/d/…).`,
  lowerNoUrl: (name: string) =>
    `Chưa ghi địa chỉ tệp số liệu của ${name}: dán địa chỉ trong thư "Tệp số liệu của …" cấp dưới gửi.`,
  lowerMissing: (name: string) =>
    `Chưa có số liệu của ${name}: chọn Phát triển đảng viên → Nhận số liệu cấp dưới.`,
  lowerLate: (name: string, last: string | null, days: number) =>
    last === null
      ? `Số liệu của ${name} không ghi ngày cập nhật: không biết là số liệu mới hay cũ.`
      : `Số liệu của ${name} cập nhật lần cuối ngày ${last}, đã quá ${days} ngày: nhắc cấp dưới chọn "Gửi số liệu lên cấp trên".`,
  lowerUnreadable: (sheet: string, text: string, fallback: boolean) =>
    `Sheet ${sheet} chưa đọc được số liệu của cấp dưới (ô A1 báo ${text})` +
    (fallback ? ': đang dùng số liệu đọc được lần trước.' : ': đơn vị này chưa có số liệu.'),
  lowerUnreadableSuggestion:
    'Bấm vào ô A1 của sheet đó và chọn "Cho phép truy cập" (lần đầu); nếu vẫn lỗi, hỏi cấp dưới đã chia sẻ tệp số liệu cho địa chỉ Ban Tổ chức chưa.',
  countMismatch: (listed: number, reported: number) =>
    `Đơn vị báo ${reported} nhưng danh sách có ${listed} người được tính: dùng số theo danh sách.`,
  countMismatchSuggestion: 'Cập nhật số liệu báo cáo hoặc danh sách cho khớp.',
  unitNotThisSheet: (unit: string, sheet: string) =>
    `Sheet ${sheet} chỉ dành cho đơn vị của nó, nhưng dòng này ghi "${unit}": không được tính.`,
  birthMissing: 'Đã kết nạp nhưng chưa ghi ngày sinh: không kiểm tra được tuổi.',
  quotaInvalid: (text: string) => `Chỉ tiêu "${text}" không hợp lệ.`,
  quotaSuggestion:
    'Ghi một số (20, ít nhất 20, tối thiểu 20), một khoảng (8-10, từ 8 đến 10), hoặc một mức tối thiểu (từ 2 trở lên, từ 1-2 trở lên), số đầu không lớn hơn số sau.',
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
  certificateOld: (months: number, at: CountedAt, day: Day, decided: boolean) =>
    `Giấy chứng nhận bồi dưỡng đã quá ${inMonths(months)} vào ${COUNTED_AT[at]} (${formatDmy(day)}): ` +
    (decided
      ? 'lần kết nạp này không được tính.'
      : 'khi có quyết định, lần kết nạp này sẽ không được tính.'),
  certificateOldSuggestion:
    'Kiểm tra lại ngày cấp giấy chứng nhận; nếu đúng, người này phải học lại lớp bồi dưỡng nhận thức về Đảng. Thời hạn ở "Hiệu lực giấy chứng nhận (tháng)" trong sheet Cấu hình.',
  // The value is not repeated: the message names the cell, never what the person is.
  genderUnknown:
    'Giới tính không đọc được: ghi "Nam" hoặc "Nữ". Người này được tính là chưa rõ giới tính trong báo cáo cơ cấu.',
  youthUnionUnknown:
    'Đoàn viên không đọc được: ghi "Có" hoặc "Không". Người này được tính là chưa rõ trong báo cáo cơ cấu.',
  milestoneOutsidePlanSuggestion:
    'Kiểm tra lại năm của ngày này, hoặc "Ngày kế hoạch" trong sheet Cấu hình.',
} as const;

export const CONTRACT_ERROR = {
  fileMissing: (path: string) => `Không tìm thấy tệp "${path}".`,
  fileUnreadable: (path: string) =>
    `Không đọc được tệp "${path}": đây không phải tệp Excel .xlsx (Excel 2007 trở lên) hoặc tệp đã hỏng. Mở tệp bằng Excel hay LibreOffice và lưu lại dưới dạng .xlsx.`,
  /** A well-formed .xlsx that the full reader (exceljs) still fails on: its words never shown. */
  fileNotOpened: (path: string) =>
    `Không mở được tệp "${path}": tệp là tệp .xlsx nhưng có phần ptdv chưa đọc được (thường do một chương trình khác lưu tệp, kèm biểu đồ, hình ảnh hay bảng). Tệp chưa bị thay đổi gì. Mở tệp bằng Excel hay LibreOffice, lưu lại dưới dạng .xlsx rồi chạy lại lệnh.`,
  /**
   * Never "ptdv init" here: run on the same file with --force, it would replace a workbook full of
   * people with an empty one.
   */
  sheetMissing: (sheet: string) =>
    `Thiếu sheet "${sheet}". Hãy thêm một sheet tên "${sheet}" với dòng tiêu đề theo mẫu (${seeGuide(GUIDE.workbook)}), hoặc trên Google Sheets chọn "Khởi tạo bảng tính": chức năng này chỉ thêm sheet còn thiếu, không xóa dữ liệu.`,
  columnMissing: (sheet: string, column: string) =>
    `Sheet "${sheet}" thiếu cột "${column}" ở dòng tiêu đề. Hãy thêm cột này hoặc chạy "Khởi tạo bảng tính".`,
} as const;

/** When each problem is reported, as the entry checks' documentation tells it. */
export const PROBLEM_WHEN = {
  unitUnknown: 'đơn vị không có trong `Chỉ tiêu` (gợi ý tên gần nhất, so không dấu)',
  unitMissing: 'bỏ trống đơn vị',
  unitNotThisSheet:
    'dòng trong sheet riêng `DS - <Mã>`/`SL - <Mã>` ghi đơn vị khác: không được tính',
  nameMissing: 'thiếu họ tên',
  birthMissing: 'đã kết nạp nhưng chưa ghi ngày sinh: không kiểm tra được tuổi',
  dateInvalid: 'ngày không đọc được (cảnh báo với `Ngày cập nhật` của `Số liệu`)',
  dateFuture:
    'ngày ở tương lai, so với hôm nay thật, không phải ngày báo cáo (cảnh báo với `Ngày cử đi học`)',
  dateTooOld: 'ngày trước năm 1950',
  underage:
    'kết nạp khi chưa đủ 18 tuổi, tính theo tháng đến ngày chi bộ đề nghị (chưa ghi thì đến ngày kết nạp) (Điều lệ Đảng, Điều 1)',
  overAge: 'kết nạp khi quá 60 tuổi: cần cấp trên quyết định',
  certificateMissing: 'đã kết nạp nhưng chưa ghi ngày cấp giấy chứng nhận',
  certificateAfterAdmission: 'giấy chứng nhận cấp sau ngày kết nạp',
  certificateOld:
    'giấy chứng nhận bồi dưỡng quá `Hiệu lực giấy chứng nhận (tháng)` (60) vào ngày chi bộ đề nghị (chưa ghi thì ngày kết nạp): không tính là kết nạp',
  classUnknown: 'mã đợt bồi dưỡng không có trong `Mốc`',
  genderUnknown: '`Giới tính` không phải Nam hay Nữ: tính là chưa rõ trong báo cáo cơ cấu',
  youthUnionUnknown: '`Đoàn viên` không phải Có hay Không: tính là chưa rõ trong báo cáo cơ cấu',
  classNotForUnit: 'đợt bồi dưỡng dành cho loại đơn vị khác',
  duplicate: 'cùng người (họ tên bỏ hết dấu, ngày sinh) hai lần trong một đơn vị: tính một lần',
  duplicateOtherUnit:
    'cùng họ tên, ngày sinh ở hai đơn vị: báo ở cả hai dòng, mỗi đơn vị tính dòng mình',
  decisionBeforeResolution:
    'ngày kết nạp trước ngày chi bộ đề nghị: dòng không được theo dõi hạn hồ sơ',
  ceremonyBeforeDecision: 'ngày lễ kết nạp trước ngày kết nạp: dòng không được theo dõi hạn hồ sơ',
  recognizedBeforeProbationEnd:
    'công nhận chính thức trước khi hết thời gian dự bị: dòng không được theo dõi hạn hồ sơ',
  unitCodeMissing: 'dòng của `Chỉ tiêu` có số liệu nhưng không có mã: dòng bị bỏ qua',
  unitCodeDuplicate: 'mã đơn vị trùng: dòng sau bị bỏ qua',
  unitNameMissing: 'đơn vị chưa có tên: dùng mã thay tên',
  unitTypeMissing: '`Loại` đơn vị để trống: đơn vị được cộng vào nhóm `Chưa phân loại`',
  aliasAmbiguous: 'một tên khác trùng tên/mã của đơn vị khác',
  quotaInvalid:
    'chỉ tiêu không đọc được: một số (`20`, `ít nhất 20`, `tối thiểu 20`), khoảng (`8-10`, `từ 8 đến 10`) hay mức tối thiểu (`từ 2 trở lên`, `từ 1-2 trở lên`) với a ≤ b',
  emailInvalid: 'địa chỉ thư sai: không được dùng để gửi',
  milestoneCodeMissing: 'dòng của `Mốc` không có mã: dòng bị bỏ qua',
  milestoneCodeDuplicate: 'mã mốc trùng: dòng sau bị bỏ qua',
  milestoneKindInvalid: '`Loại` của mốc không phải `Bồi dưỡng` hay `Kết nạp`: mốc bị bỏ qua',
  deadlineMissing: 'mốc chưa có `Hạn`: mốc bị bỏ qua',
  deadlineBeforeStart: '`Hạn` trước `Từ ngày`',
  leadDaysInvalid: '`Nhắc trước (ngày)` không phải các số nguyên dương',
  appliesToUnknown: '`Áp dụng cho` ghi một loại mà không đơn vị nào có',
  milestoneColumnUnknown:
    'cột của `Chỉ tiêu`/`Số liệu` trông như mã mốc nhưng không khớp mốc nào (gợi ý mã gần nhất)',
  milestoneWithoutQuota: 'mốc trong `Mốc` không có cột chỉ tiêu trong `Chỉ tiêu`',
  milestoneOutsidePlan:
    '`Từ ngày` trước năm của `Ngày kế hoạch`, `Hạn` trước `Ngày kế hoạch`, hoặc một trong hai sau nó hơn 18 tháng',
  planIdentityMissing:
    'chưa ghi `Số kế hoạch` hay `Ngày kế hoạch` (ví dụ ngay sau khi sang năm mới)',
  settingInvalid: 'một giá trị trong `Cấu hình` không đọc được: dùng giá trị mặc định',
  countInvalid: 'số liệu báo cáo không phải số nguyên không âm',
  countDuplicate: 'một con số được ghi hai nơi',
  countMismatch: 'danh sách và số liệu báo cáo khác nhau: dùng số theo danh sách',
  lowerUrlInvalid: '`Cấp dưới` ghi địa chỉ tệp số liệu không phải của một bảng tính Google',
  lowerMissing:
    'một cấp dưới trong `Cấp dưới` chưa có số liệu (chưa ghi địa chỉ tệp, chưa Nhận số liệu cấp dưới)',
  lowerLate:
    'số liệu của một cấp dưới không cập nhật quá `Số ngày cấp dưới chậm gửi số liệu` (mặc định 7)',
  lowerUnreadable:
    'sheet `SL - <Mã>` của một cấp dưới báo lỗi thay cho số liệu (chưa cho phép truy cập, tệp không còn chia sẻ): cảnh báo khi dùng số liệu đọc được lần trước',
  structureOver:
    'số cơ cấu (nữ, dân tộc thiểu số…) cộng số chưa rõ nhiều hơn số kết nạp ghi cùng dòng: cột đó tính là chưa rõ',
  structureWithoutCount: 'có số cơ cấu của một mốc mà chưa ghi số kết nạp của mốc đó',
  unitFileMissing: 'tệp riêng của đơn vị không còn (đã xóa, hoặc tài khoản này không thấy)',
  unitFileUnreadable: 'không đọc được tệp riêng của đơn vị (đổi tên sheet, lỗi của Google)',
  unitFileUnknown:
    'trong thư mục `--unit-files` có tệp mà tên không bắt đầu bằng mã đơn vị nào: không được đọc',
  unitFileOtherAccount:
    'tài khoản khác với tài khoản đã tạo tệp đơn vị: dùng số liệu đọc lần trước (lỗi khi chưa đọc lần nào)',
  unitFileDeferred:
    'tệp đơn vị để lần chạy sau đọc (hạn mức của Google): dùng số liệu đọc lần trước (lỗi khi chưa đọc lần nào)',
};

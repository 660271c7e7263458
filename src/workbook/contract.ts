// The workbook contract of DESIGN.md: sheet names and header texts. Columns are found by header,
// never by position; header text is compared after normalisation.
import type { CandidateField } from '../core/model';
import type { CountField, PipelineCountField } from '../core/counting/counts';
import type { StructureField } from '../core/counting/reported-structure';
import type { LowerField } from '../core/counting/lower-figures';
import type { MilestoneField, SettingField, UnitField } from '../core/plan/raw-plan';

export const SHEET = {
  quotas: 'Chỉ tiêu',
  milestones: 'Mốc',
  candidates: 'Danh sách',
  counts: 'Số liệu',
  dashboard: 'Tổng hợp',
  files: 'Hồ sơ',
  structure: 'Cơ cấu',
  holidays: 'Ngày nghỉ',
  problems: 'Kiểm tra',
  mailLog: 'Nhật ký thư',
  settings: 'Cấu hình',
  /** A higher committee's list of its lower committees and their figures files. */
  lower: 'Cấp dưới',
  /** The one sheet of the figures file a committee sends to the committee above it. */
  higherFigures: 'Số liệu gửi cấp trên',
} as const;

export interface ColumnSpec<F extends string> {
  field: F;
  header: string;
  required: boolean;
  date?: boolean;
  width?: number;
}

export const UNIT_COLUMNS: ColumnSpec<UnitField>[] = [
  { field: 'code', header: 'Mã', required: true, width: 110 },
  { field: 'name', header: 'Tên đơn vị', required: true, width: 320 },
  { field: 'aliases', header: 'Tên khác', required: false, width: 260 },
  { field: 'kind', header: 'Loại', required: true, width: 110 },
  { field: 'committee', header: 'Cấp ủy quản lý', required: false, width: 220 },
  { field: 'emails', header: 'Email phụ trách', required: false, width: 220 },
];

export const MILESTONE_COLUMNS: ColumnSpec<MilestoneField>[] = [
  { field: 'code', header: 'Mã', required: true, width: 90 },
  { field: 'name', header: 'Tên', required: false, width: 260 },
  { field: 'kind', header: 'Loại', required: true, width: 100 },
  { field: 'appliesTo', header: 'Áp dụng cho', required: false, width: 110 },
  { field: 'from', header: 'Từ ngày', required: false, date: true, width: 100 },
  { field: 'deadline', header: 'Hạn', required: true, date: true, width: 100 },
  { field: 'opening', header: 'Ngày khai giảng', required: false, date: true, width: 120 },
  { field: 'leadDays', header: 'Nhắc trước (ngày)', required: false, width: 130 },
  { field: 'archived', header: 'Lưu trữ', required: false, width: 80 },
  // A commune's milestone mapped to its province's (blank: the same code); see docs/en/contract.md.
  { field: 'higher', header: 'Mốc cấp trên', required: false, width: 110 },
];

/** `STT`, `Đối tượng`, `Số quyết định`, `Ghi chú` are read but no rule depends on them. */
export const CANDIDATE_COLUMNS: ColumnSpec<CandidateField | 'index'>[] = [
  { field: 'index', header: 'STT', required: false, width: 50 },
  { field: 'name', header: 'Họ và tên', required: true, width: 200 },
  { field: 'birth', header: 'Ngày sinh', required: true, date: true, width: 100 },
  { field: 'unit', header: 'Đơn vị', required: true, width: 260 },
  { field: 'group', header: 'Đối tượng', required: false, width: 100 },
  { field: 'classCode', header: 'Đợt bồi dưỡng', required: true, width: 110 },
  { field: 'nominated', header: 'Ngày cử đi học', required: false, date: true, width: 110 },
  {
    field: 'certified',
    header: 'Ngày cấp giấy chứng nhận',
    required: true,
    date: true,
    width: 170,
  },
  { field: 'admitted', header: 'Ngày kết nạp', required: true, date: true, width: 110 },
  { field: 'decision', header: 'Số quyết định', required: false, width: 120 },
  { field: 'note', header: 'Ghi chú', required: false, width: 200 },
  // The membership pipeline, read when present. Last in a new sheet, so lists typed before these
  // columns existed keep their places (columns are found by header: move them freely).
  {
    field: 'resolution',
    header: 'Ngày chi bộ đề nghị',
    required: false,
    date: true,
    width: 140,
  },
  { field: 'ceremony', header: 'Ngày lễ kết nạp', required: false, date: true, width: 120 },
  {
    field: 'recognized',
    header: 'Ngày công nhận chính thức',
    required: false,
    date: true,
    width: 170,
  },
  // What the report on those admitted counts (never shown per person); optional, read when
  // present, last so that lists typed before them keep their places.
  { field: 'gender', header: 'Giới tính', required: false, width: 80 },
  { field: 'ethnicity', header: 'Dân tộc', required: false, width: 90 },
  { field: 'religion', header: 'Tôn giáo', required: false, width: 100 },
  { field: 'youthUnion', header: 'Đoàn viên', required: false, width: 80 },
];

/** The structure columns (see Profile): sensitive, so only ever counted. */
export const PROFILE_FIELDS: CandidateField[] = ['gender', 'ethnicity', 'religion', 'youthUnion'];

/** The pipeline's columns, added at the end of a list that lacks them (see setup). */
export const PIPELINE_FIELDS: CandidateField[] = ['resolution', 'ceremony', 'recognized'];

export const SETTINGS_COLUMNS: ColumnSpec<'key' | 'value'>[] = [
  { field: 'key', header: 'Khóa', required: true, width: 200 },
  { field: 'value', header: 'Giá trị', required: true, width: 320 },
];

/** Keys of `Cấu hình`, in the order a new workbook lists them. */
export const SETTING_KEYS: { field: SettingField; key: string }[] = [
  { field: 'issuerName', key: 'Cấp ủy ban hành' },
  { field: 'issuerLevel', key: 'Cấp' },
  { field: 'planNumber', key: 'Số kế hoạch' },
  { field: 'planDate', key: 'Ngày kế hoạch' },
  { field: 'reportingBody', key: 'Cơ quan báo cáo' },
  { field: 'place', key: 'Địa danh' },
  // The report's number and signature block, as the office fills them in (blank: by hand).
  { field: 'reportNumber', key: 'Số báo cáo' },
  { field: 'signingAuthority', key: 'Quyền hạn ký' },
  { field: 'signerTitle', key: 'Chức vụ người ký' },
  { field: 'signer', key: 'Người ký' },
  { field: 'recipients', key: 'Nơi nhận' },
  { field: 'spreadsheetUrl', key: 'Địa chỉ bảng tính' },
  { field: 'boardEmails', key: 'Email Ban Tổ chức' },
  { field: 'sendHour', key: 'Giờ gửi nhắc việc' },
  { field: 'dataMode', key: 'Chế độ dữ liệu' },
  { field: 'dryRun', key: 'Chạy thử' },
  { field: 'decisionDays', key: 'Hạn quyết định kết nạp (ngày làm việc)' },
  { field: 'ceremonyDays', key: 'Hạn lễ kết nạp (ngày làm việc)' },
  { field: 'probationMonths', key: 'Thời gian dự bị (tháng)' },
  { field: 'certificateMonths', key: 'Hiệu lực giấy chứng nhận (tháng)' },
  { field: 'considerDays', key: 'Hạn xét chính thức (ngày làm việc)' },
  { field: 'fileLeadDays', key: 'Nhắc trước hạn hồ sơ (ngày)' },
  // Two levels: a commune names the committee it reports to; a province, when a figure is late.
  { field: 'higherName', key: 'Cấp trên' },
  { field: 'higherCode', key: 'Mã đơn vị ở cấp trên' },
  { field: 'higherBoardEmails', key: 'Email Ban Tổ chức cấp trên' },
  { field: 'lateDays', key: 'Số ngày cấp dưới chậm gửi số liệu' },
];

export const HOLIDAY_COLUMNS: ColumnSpec<'day' | 'name'>[] = [
  { field: 'day', header: 'Ngày', required: true, date: true, width: 110 },
  { field: 'name', header: 'Tên ngày nghỉ', required: false, width: 320 },
];

/**
 * Counts-only mode: each unit's files by stage in `Số liệu` (no name), after the milestones. The
 * office's `ptdv counts` fills them from its own list.
 */
export const COUNT_PIPELINE_COLUMNS: ColumnSpec<PipelineCountField>[] = [
  { field: 'awaiting_decision', header: 'Chờ quyết định kết nạp', required: false, width: 110 },
  {
    field: 'awaiting_decision_overdue',
    header: 'Chờ quyết định kết nạp quá hạn',
    required: false,
    width: 110,
  },
  { field: 'awaiting_ceremony', header: 'Chờ lễ kết nạp', required: false, width: 110 },
  {
    field: 'awaiting_ceremony_overdue',
    header: 'Chờ lễ kết nạp quá hạn',
    required: false,
    width: 110,
  },
  { field: 'probation', header: 'Dự bị', required: false, width: 90 },
  {
    field: 'probation_overdue',
    header: 'Dự bị quá hạn xét chính thức',
    required: false,
    width: 110,
  },
  { field: 'official', header: 'Chính thức', required: false, width: 90 },
];

/**
 * Counts-only mode: beside each admission milestone's figure, the structure of those admitted
 * (`<Mã> - Nữ`, …), each count with how many of those people the unit does not know; after the
 * stages. Counts only, never a person. A count left blank is unknown for everyone.
 */
export const STRUCTURE_COUNT_LABELS: Record<StructureField, { count: string; unknown: string }> = {
  gender: { count: 'Nữ', unknown: 'Chưa rõ giới tính' },
  ethnicity: { count: 'Dân tộc thiểu số', unknown: 'Chưa rõ dân tộc' },
  religion: { count: 'Tôn giáo', unknown: 'Chưa rõ tôn giáo' },
  youthUnion: { count: 'Đoàn viên', unknown: 'Chưa rõ đoàn viên' },
  age: { count: 'Từ 18 đến 30 tuổi', unknown: 'Chưa rõ tuổi' },
};

/** The header of a structure count column of an admission milestone: `KN2026 - Nữ`. */
export const structureCountHeader = (code: string, label: string): string => `${code} - ${label}`;

export const COUNTS_FIXED_HEADERS = {
  code: 'Mã',
  name: 'Tên đơn vị',
  updated: 'Ngày cập nhật',
  updatedBy: 'Người cập nhật',
} as const;

export const COUNT_COLUMNS: ColumnSpec<CountField>[] = [
  { field: 'code', header: COUNTS_FIXED_HEADERS.code, required: true, width: 110 },
  { field: 'name', header: COUNTS_FIXED_HEADERS.name, required: false, width: 300 },
  {
    field: 'updated',
    header: COUNTS_FIXED_HEADERS.updated,
    required: false,
    date: true,
    width: 110,
  },
  { field: 'updatedBy', header: COUNTS_FIXED_HEADERS.updatedBy, required: false, width: 200 },
];

/** In counts-only mode each unit's own sheet is `SL - <Mã>`, holding its row of `Số liệu`. */
export const UNIT_COUNT_SHEET_PREFIX = 'SL - ';

/** `Cấp dưới` (a higher committee's): each lower committee's code, name and figures file. */
export const LOWER_COLUMNS: ColumnSpec<LowerField>[] = [
  { field: 'code', header: 'Mã', required: true, width: 130 },
  { field: 'name', header: 'Tên', required: false, width: 280 },
  { field: 'url', header: 'Địa chỉ tệp số liệu', required: true, width: 480 },
];

/** `Đến ô` links to the offending cell. */
export const PROBLEM_HEADERS = [
  'Sheet',
  'Dòng',
  'Cột',
  'Mức độ',
  'Mã lỗi',
  'Vấn đề',
  'Gợi ý sửa',
  'Đến ô',
];

/** Per-unit input sheets are named `DS - <Mã>` (see the unit rooms in docs/vi/bat-dau-google-sheets.md). */
export const UNIT_SHEET_PREFIX = 'DS - ';

export type MailLogField =
  'time' | 'milestone' | 'unit' | 'recipients' | 'lead' | 'status' | 'detail' | 'key';

/** `Khóa` is ours (not in DESIGN.md): the reminder key that makes "never twice" checkable. */
export const MAIL_LOG_COLUMNS: ColumnSpec<MailLogField>[] = [
  { field: 'time', header: 'Thời gian', required: false, width: 140 },
  { field: 'milestone', header: 'Mốc', required: false, width: 90 },
  { field: 'unit', header: 'Đơn vị', required: false, width: 260 },
  { field: 'recipients', header: 'Người nhận', required: false, width: 260 },
  { field: 'lead', header: 'Nhắc trước (ngày)', required: false, width: 110 },
  { field: 'status', header: 'Trạng thái', required: true, width: 80 },
  { field: 'detail', header: 'Chi tiết', required: false, width: 360 },
  { field: 'key', header: 'Khóa', required: true, width: 300 },
];

export const MAIL_LOG_HEADERS = MAIL_LOG_COLUMNS.map((c) => c.header);

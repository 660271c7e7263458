import { type Pace, type MilestoneKind, type Status } from '../model';

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

/** A quota without an upper bound, as 2026 commune plans write it (see plan/quota.ts). */
export const QUOTA_OR_MORE = (min: number): string => `từ ${min} trở lên`;

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
export const SUBTOTAL_BY_KIND = (label: string): string => `Cộng ${label}`;
export const SUBTOTAL_BY_COMMITTEE = (label: string): string => `Cộng ${label}`;

export const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo' } as const;

export const YES_NO_LABEL = { yes: 'Có', no: 'Không' } as const;

/** Status texts coloured on the dashboard, with their colours. */
export const STATUS_COLOURS: { label: string; background: string }[] = [
  { label: STATUS_LABEL.not_met, background: '#f4cccc' },
  { label: STATUS_LABEL.met, background: '#d9ead3' },
  { label: STATUS_LABEL.exceeded, background: '#cfe2f3' },
  { label: PACE_LABEL.behind, background: '#f4cccc' },
  { label: PACE_LABEL.at_risk, background: '#fce8b2' },
  { label: PACE_LABEL.on_track, background: '#d9ead3' },
];

/** Suggestions for `Đối tượng`, which stays free text. */
export const GROUP_SUGGESTIONS = ['Học sinh', 'Công nhân', 'Đoàn viên', 'Quần chúng'] as const;
/** The `Giới tính` dropdown: the words the report on those admitted reads. */
export const GENDER_CHOICES = ['Nam', 'Nữ'] as const;

export const MAIL_STATUS_LABEL = {
  sent: 'đã gửi',
  failed: 'lỗi',
  deferred: 'hoãn',
  dry_run: 'thử',
} as const;

/** The membership pipeline's stages (pipeline.ts), as sheets, reports and e-mails name them. */
export const STAGE_LABEL = {
  awaiting_decision: 'Chờ quyết định kết nạp',
  awaiting_ceremony: 'Chờ lễ kết nạp',
  probation: 'Dự bị',
  official: 'Chính thức',
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

/** `87,5%`: Vietnamese decimal comma. */
export function formatPercent(percent: number): string {
  return `${String(percent).replace('.', ',')}%`;
}

/** `19,4`: one decimal, Vietnamese decimal comma (an average age). */
export function formatDecimal(n: number): string {
  return n.toFixed(1).replace('.', ',');
}

import type { Day } from './calendar/dates';

export type MilestoneKind = 'class' | 'admission';
/** `all`, or the kinds of cell (as shown, see Unit.type) the milestone is for. */
export type AppliesTo = 'all' | string[];
export type Severity = 'error' | 'warning';
export type Status = 'met' | 'not_met' | 'exceeded' | 'no_quota';
/** A unit's pace towards a milestone's minimum (see forecast/forecast.ts). */
export type Pace = 'on_track' | 'at_risk' | 'behind' | 'too_early';

/**
 * A single target n is min = max = n; a range `a-b` is min a, max b; `từ n trở lên` (and
 * `từ a-b trở lên`) is min n (a), max Number.POSITIVE_INFINITY: met from n on, never exceeded.
 */
export interface Quota {
  min: number;
  max: number;
}

export interface Unit {
  code: string;
  name: string;
  aliases: string[];
  /**
   * The kind of cell (`Chỉ tiêu.Loại`: `Trường học`, `Thôn`, `Công an`, …), free text, shown as
   * first typed in the workbook: spellings that normalise alike are one kind.
   */
  kind: string;
  committee: string;
  emails: string[];
  /** Addresses typed in `Email phụ trách` that are not addresses: reported, never used. */
  rejectedEmails: string[];
  /** By milestone code. */
  quotas: Record<string, Quota>;
}

export interface Milestone {
  code: string;
  name: string;
  kind: MilestoneKind;
  appliesTo: AppliesTo;
  from: Day | null;
  deadline: Day;
  opening: Day | null;
  leadDays: number[];
  /**
   * `Lưu trữ` = `Có`: an earlier year's milestone. Its code stays valid for old rows; it is left
   * out of dashboards, reports, forecasts and reminders.
   */
  archived: boolean;
  /**
   * `Mốc cấp trên`: the higher committee's milestone this one's figures go to (a commune's to its
   * province's); absent or '' is the same code.
   */
  higher?: string;
}

/** Who issued the plan: data, since plans now come from communes and provinces, not districts. */
export interface Settings {
  issuerName: string;
  issuerLevel: string;
  planNumber: string;
  planDate: Day | null;
  /** Who signs the report to the standing office (e.g. the Organization Board); may be empty. */
  reportingBody: string;
  /** The place name in a report's date line ("Hiệp Hòa, ngày …"); may be empty. */
  place: string;
  /**
   * What only the office knows, for the report's number and signature block; each empty (the
   * default) leaves its place blank, to be filled in by hand. The number is the part before
   * "-BC/" (`12`), or the whole number (`12-BC/BTCHU`).
   */
  reportNumber: string;
  /** "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"… */
  signingAuthority: string;
  /** "PHÓ BÍ THƯ", "TRƯỞNG BAN"… */
  signerTitle: string;
  signer: string;
  /** `Nơi nhận`, one recipient an entry as typed; empty: the report's default list. */
  recipients: string[];
  /** The shared spreadsheet's address, for the link in mails; empty leaves the link out. */
  spreadsheetUrl: string;
  boardEmails: string[];
  rejectedBoardEmails: string[];
  sendHour: number;
  dataMode: 'list' | 'counts';
  dryRun: boolean;
  /**
   * The higher committee this plan reports to (a commune's province): its name, this committee's
   * code in the higher one's plan, and its Organization Board's addresses. Empty: none.
   */
  higherName: string;
  higherCode: string;
  higherBoardEmails: string[];
  /** A higher committee's side: a lower one's figures not updated for this many days are late. */
  lateDays: number;
  /** The membership pipeline's limits (Quy định 24-QĐ/TW and its successors; see pipeline.ts). */
  pipeline: PipelineRules;
}

export interface PipelineRules {
  /** Working days from the cell's resolution to the admission decision. */
  decisionDays: number;
  /** Working days from the decision to the ceremony. */
  ceremonyDays: number;
  /** Months of probation from the ceremony. */
  probationMonths: number;
  /**
   * Months the class certificate stays valid, counted to the cell's resolution (else to the
   * decision): an older one keeps the admission out of the counts (Hướng dẫn 06-HD/TW §5.4).
   */
  certificateMonths: number;
  /** Working days after probation for the cell to consider official membership. */
  considerDays: number;
  /** Days before a file falls due that its unit is reminded, largest first. */
  leadDays: number[];
}

export interface Plan {
  settings: Settings;
  units: Unit[];
  milestones: Milestone[];
}

/** A candidate row as typed: cells not yet interpreted, so every rule about them lives in core. */
export type CandidateField =
  | 'name'
  | 'birth'
  | 'unit'
  | 'group'
  | 'classCode'
  | 'nominated'
  | 'certified'
  | 'admitted'
  | 'decision'
  | 'note'
  | 'resolution'
  | 'ceremony'
  | 'recognized'
  | 'gender'
  | 'ethnicity'
  | 'religion'
  | 'youthUnion';

export type CellValue = string | number | boolean | Date | null;

export interface CandidateRow {
  sheet: string;
  /** 1-based row number in the sheet, as a user sees it. */
  row: number;
  cells: Partial<Record<CandidateField, CellValue>>;
  /** The unit whose own `DS - <Mã>` sheet the row is in: only that unit may be named there. */
  sheetUnit?: string;
}

/** One problem in the input, located so a user can go and fix it. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
  /** The cell's address when it is in another file (a unit's own spreadsheet). */
  link?: string;
}

export interface Candidate {
  sheet: string;
  row: number;
  unitCode: string;
  /**
   * Same person = same normalised name and date of birth (DESIGN.md): one number per person, so
   * counting distinct people per unit compares numbers, not strings.
   */
  identity: number;
  /** The class milestone the row counts toward, or null (none, or excluded by an error). */
  classCode: string | null;
  nominated: Day | null;
  /** The admission day the row counts with, or null (none, or excluded by an error). */
  admitted: Day | null;
  /**
   * What the row claims before any error is applied: a unit with such rows for a milestone
   * reports through its list, even when errors leave none of them counted.
   */
  listedClass: string | null;
  listedAdmitted: Day | null;
  /**
   * The steps of the membership pipeline this row has reached (dates as typed and usable), or
   * null when a date on it is unusable or out of order (an error: left out of the pipeline) or
   * the row repeats one of the same person in the same unit.
   */
  dossier: DossierDates | null;
  /** What the structure of those admitted is counted from (see Profile). */
  profile: Profile;
}

/**
 * What the report on those admitted counts ("cơ cấu"), from the optional columns `Giới tính`,
 * `Dân tộc`, `Tôn giáo`, `Đoàn viên`: null where the list does not say (the column is missing,
 * or the cell is blank or unreadable), never taken as "no". Ethnicity and religion are sensitive
 * personal data (Law 91/2025/QH15): they are only ever counted, never shown per person.
 */
export interface Profile {
  woman: boolean | null;
  /** Any `Dân tộc` but Kinh. */
  ethnicMinority: boolean | null;
  /** A `Tôn giáo` other than `Không` (blank is none when the list writes religion for anyone). */
  religious: boolean | null;
  youthUnion: boolean | null;
  /** The usable date of birth, for the age at admission. */
  birth: Day | null;
  /** `Đối tượng` as typed (trimmed); empty when not given. */
  target: string;
  /** `Tôn giáo` blank in a list that has the column (none if the list records religion). */
  blankReligion?: boolean;
}

export interface DossierDates {
  /** Sent to a class (a class code or a nomination day). */
  classed: boolean;
  certified: Day | null;
  resolution: Day | null;
  decision: Day | null;
  ceremony: Day | null;
  recognized: Day | null;
  /**
   * Stands for the person in reminder keys without naming them: a hash of the name (folded)
   * and the birth date, the same however the name is typed; null before any pipeline date.
   */
  key: string | null;
}

/** How many rows were read, and how many of them had an error or only warnings. */
export interface RowSummary {
  rows: number;
  withErrors: number;
  withWarningsOnly: number;
}

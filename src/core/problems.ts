// Every problem ptdv reports has a stable code, listed here once with its severity and, where one
// fits every case, its suggested fix. An error keeps a row out of the counts it would affect; a
// warning lets it count. docs/vi/kiem-tra.md renders this table (a test keeps it current).
import { PROBLEM, PROBLEM_WHEN } from './messages/problems';
import { UNIT_FILES } from './messages/setup';
import type { Problem, Severity } from './model';

interface ProblemSpec {
  severity: Severity;
  /** The suggestion shown when the caller has none more specific. */
  suggestion?: string;
  /** Set where the severity depends on the cell (the caller then says which). */
  varies?: true;
  /** When the problem is reported, for the documentation. */
  when: string;
}

const spec = <S extends Record<string, ProblemSpec>>(specs: S): S => specs;

export const PROBLEM_CODES = spec({
  unit_unknown: {
    severity: 'error',
    suggestion: PROBLEM.unitSuggestionAdd,
    when: PROBLEM_WHEN.unitUnknown,
  },
  unit_missing: {
    severity: 'error',
    suggestion: PROBLEM.unitSuggestionAdd,
    when: PROBLEM_WHEN.unitMissing,
  },
  unit_not_this_sheet: { severity: 'error', when: PROBLEM_WHEN.unitNotThisSheet },
  name_missing: { severity: 'warning', when: PROBLEM_WHEN.nameMissing },
  birth_missing: { severity: 'warning', when: PROBLEM_WHEN.birthMissing },
  date_invalid: {
    severity: 'error',
    suggestion: PROBLEM.dateSuggestion,
    varies: true,
    when: PROBLEM_WHEN.dateInvalid,
  },
  date_future: {
    severity: 'error',
    suggestion: PROBLEM.dateSuggestion,
    varies: true,
    when: PROBLEM_WHEN.dateFuture,
  },
  date_too_old: {
    severity: 'error',
    suggestion: PROBLEM.dateSuggestion,
    when: PROBLEM_WHEN.dateTooOld,
  },
  underage: {
    severity: 'error',
    suggestion: PROBLEM.underageSuggestion,
    when: PROBLEM_WHEN.underage,
  },
  over_age: { severity: 'warning', when: PROBLEM_WHEN.overAge },
  certificate_missing: {
    severity: 'warning',
    suggestion: PROBLEM.certificateSuggestion,
    when: PROBLEM_WHEN.certificateMissing,
  },
  certificate_after_admission: { severity: 'error', when: PROBLEM_WHEN.certificateAfterAdmission },
  certificate_old: {
    severity: 'error',
    suggestion: PROBLEM.certificateOldSuggestion,
    when: PROBLEM_WHEN.certificateOld,
  },
  class_unknown: {
    severity: 'error',
    suggestion: PROBLEM.classSuggestion,
    when: PROBLEM_WHEN.classUnknown,
  },
  class_not_for_unit: { severity: 'warning', when: PROBLEM_WHEN.classNotForUnit },
  gender_unknown: { severity: 'warning', when: PROBLEM_WHEN.genderUnknown },
  youth_union_unknown: { severity: 'warning', when: PROBLEM_WHEN.youthUnionUnknown },
  duplicate: { severity: 'warning', when: PROBLEM_WHEN.duplicate },
  duplicate_other_unit: { severity: 'warning', when: PROBLEM_WHEN.duplicateOtherUnit },
  decision_before_resolution: { severity: 'error', when: PROBLEM_WHEN.decisionBeforeResolution },
  ceremony_before_decision: { severity: 'error', when: PROBLEM_WHEN.ceremonyBeforeDecision },
  recognized_before_probation_end: {
    severity: 'error',
    when: PROBLEM_WHEN.recognizedBeforeProbationEnd,
  },
  unit_code_missing: { severity: 'error', when: PROBLEM_WHEN.unitCodeMissing },
  unit_code_duplicate: { severity: 'error', when: PROBLEM_WHEN.unitCodeDuplicate },
  unit_name_missing: { severity: 'warning', when: PROBLEM_WHEN.unitNameMissing },
  unit_type_missing: {
    severity: 'warning',
    suggestion: PROBLEM.unitTypeSuggestion,
    when: PROBLEM_WHEN.unitTypeMissing,
  },
  alias_ambiguous: {
    severity: 'error',
    suggestion: PROBLEM.aliasSuggestion,
    when: PROBLEM_WHEN.aliasAmbiguous,
  },
  quota_invalid: {
    severity: 'error',
    suggestion: PROBLEM.quotaSuggestion,
    when: PROBLEM_WHEN.quotaInvalid,
  },
  email_invalid: {
    severity: 'warning',
    suggestion: PROBLEM.emailSuggestion,
    when: PROBLEM_WHEN.emailInvalid,
  },
  milestone_code_missing: { severity: 'error', when: PROBLEM_WHEN.milestoneCodeMissing },
  milestone_code_duplicate: { severity: 'error', when: PROBLEM_WHEN.milestoneCodeDuplicate },
  milestone_kind_invalid: {
    severity: 'error',
    suggestion: PROBLEM.milestoneKindSuggestion,
    when: PROBLEM_WHEN.milestoneKindInvalid,
  },
  deadline_missing: {
    severity: 'error',
    suggestion: PROBLEM.dateSuggestion,
    when: PROBLEM_WHEN.deadlineMissing,
  },
  deadline_before_start: {
    severity: 'error',
    suggestion: PROBLEM.deadlineSuggestion,
    when: PROBLEM_WHEN.deadlineBeforeStart,
  },
  lead_days_invalid: {
    severity: 'error',
    suggestion: PROBLEM.leadDaysSuggestion,
    when: PROBLEM_WHEN.leadDaysInvalid,
  },
  applies_to_unknown: {
    severity: 'warning',
    suggestion: PROBLEM.appliesToSuggestion,
    when: PROBLEM_WHEN.appliesToUnknown,
  },
  milestone_column_unknown: {
    severity: 'error',
    suggestion: PROBLEM.milestoneColumnSuggestionAdd,
    when: PROBLEM_WHEN.milestoneColumnUnknown,
  },
  milestone_without_quota: { severity: 'warning', when: PROBLEM_WHEN.milestoneWithoutQuota },
  milestone_outside_plan: {
    severity: 'warning',
    suggestion: PROBLEM.milestoneOutsidePlanSuggestion,
    when: PROBLEM_WHEN.milestoneOutsidePlan,
  },
  plan_identity_missing: {
    severity: 'warning',
    suggestion: PROBLEM.planIdentitySuggestion,
    when: PROBLEM_WHEN.planIdentityMissing,
  },
  setting_invalid: { severity: 'error', when: PROBLEM_WHEN.settingInvalid },
  count_invalid: {
    severity: 'error',
    suggestion: PROBLEM.countSuggestion,
    when: PROBLEM_WHEN.countInvalid,
  },
  count_duplicate: { severity: 'error', when: PROBLEM_WHEN.countDuplicate },
  structure_over: {
    severity: 'error',
    suggestion: PROBLEM.structureOverSuggestion,
    when: PROBLEM_WHEN.structureOver,
  },
  structure_without_count: { severity: 'warning', when: PROBLEM_WHEN.structureWithoutCount },
  lower_url_invalid: { severity: 'error', when: PROBLEM_WHEN.lowerUrlInvalid },
  lower_missing: { severity: 'warning', when: PROBLEM_WHEN.lowerMissing },
  lower_late: { severity: 'warning', when: PROBLEM_WHEN.lowerLate },
  lower_unreadable: {
    severity: 'error',
    varies: true,
    suggestion: PROBLEM.lowerUnreadableSuggestion,
    when: PROBLEM_WHEN.lowerUnreadable,
  },
  count_mismatch: {
    severity: 'warning',
    suggestion: PROBLEM.countMismatchSuggestion,
    when: PROBLEM_WHEN.countMismatch,
  },
  unit_file_missing: { severity: 'error', when: PROBLEM_WHEN.unitFileMissing },
  unit_file_unreadable: { severity: 'error', when: PROBLEM_WHEN.unitFileUnreadable },
  unit_file_unknown: {
    severity: 'warning',
    suggestion: UNIT_FILES.noFileSuggestion,
    when: PROBLEM_WHEN.unitFileUnknown,
  },
  unit_file_other_account: {
    severity: 'warning',
    varies: true,
    when: PROBLEM_WHEN.unitFileOtherAccount,
  },
  unit_file_deferred: { severity: 'warning', varies: true, when: PROBLEM_WHEN.unitFileDeferred },
});

export type ProblemCode = keyof typeof PROBLEM_CODES;
/** Where a problem is: sheet, 1-based row (0 for a whole file), column header. */
export interface ProblemPlace {
  sheet: string;
  row: number;
  column: string;
}

export interface ProblemInput extends ProblemPlace {
  code: ProblemCode;
  message: string;
  /** Overrides the code's own suggestion (a closest name, say). */
  suggestion?: string;
  /** Only for the codes marked `varies`; every other code has its severity from the table. */
  severity?: Severity;
}

/** A problem at a cell, with its code's severity and suggestion unless the caller gives one. */
export function problemAt(input: ProblemInput): Problem {
  const { sheet, row, column, code, message } = input;
  const known: ProblemSpec = PROBLEM_CODES[code];
  const suggestion = input.suggestion ?? known.suggestion;
  return {
    sheet,
    row,
    column,
    code,
    severity: input.severity ?? known.severity,
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}

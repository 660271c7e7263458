// `Mốc` into milestones: code, kind, the kinds of unit it applies to, its dates and lead days.
import { readDay } from '../calendar/dates';
import { APPLIES_TO_ALL } from '../messages/labels';
import { PROBLEM } from '../messages/problems';
import { problemAt, type ProblemCode } from '../problems';
import { cellText, isBlankRow, splitList, type RawRow, type RawTable } from '../text/cells';
import { readDayList } from '../text/day-list';
import { matchKey } from '../text/normalize';
import { isYes } from '../text/yes-no';
import type { MilestoneField } from './raw-plan';
import type { AppliesTo, CellValue, Milestone, MilestoneKind, Problem } from '../model';

const KINDS: Record<string, MilestoneKind> = {
  [matchKey('Bồi dưỡng')]: 'class',
  class: 'class',
  [matchKey('Kết nạp')]: 'admission',
  admission: 'admission',
};
const ALL_KINDS = new Set([matchKey(APPLIES_TO_ALL), 'all']);

/** `Tất cả` (or blank) for every kind, else the kinds listed, separated by `;`. */
function readAppliesTo(value: CellValue | undefined): AppliesTo {
  const kinds = splitList(value, /;/);
  return kinds.length === 0 || kinds.some((k) => ALL_KINDS.has(matchKey(k))) ? 'all' : kinds;
}

export function interpretMilestones(table: RawTable<MilestoneField>): {
  milestones: Milestone[];
  problems: Problem[];
} {
  const milestones: Milestone[] = [];
  const problems: Problem[] = [];
  const codeRow = new Map<string, number>();
  for (const raw of table.rows) {
    if (isBlankRow(raw.cells)) continue;
    const milestone = readMilestone(raw, table.sheet, table.columns, codeRow, problems);
    if (milestone) milestones.push(milestone);
  }
  return { milestones, problems };
}

/** One row, or null when it cannot be a milestone (no code, a repeated code, no kind or deadline). */
function readMilestone(
  raw: RawRow<MilestoneField>,
  sheet: string,
  columns: Record<MilestoneField, string>,
  codeRow: Map<string, number>,
  problems: Problem[],
): Milestone | null {
  const c = raw.cells;
  // Every problem of `Mốc` is an error: a milestone read wrongly would count or remind wrongly.
  const report = (field: MilestoneField, code: ProblemCode, message: string) =>
    problems.push(problemAt({ sheet, row: raw.row, column: columns[field], code, message }));
  const code = cellText(c.code);
  if (code === '') {
    report('code', 'milestone_code_missing', PROBLEM.milestoneCodeMissing);
    return null;
  }
  const firstRow = codeRow.get(matchKey(code));
  if (firstRow !== undefined) {
    report('code', 'milestone_code_duplicate', PROBLEM.milestoneCodeDuplicate(code, firstRow));
    return null;
  }
  codeRow.set(matchKey(code), raw.row);
  const kindText = cellText(c.kind);
  const kind = KINDS[matchKey(kindText)] ?? null;
  if (kind === null) {
    report('kind', 'milestone_kind_invalid', PROBLEM.milestoneKindInvalid(kindText));
    return null;
  }
  const appliesTo = readAppliesTo(c.appliesTo);
  const dateOf = (field: 'from' | 'deadline' | 'opening') => {
    const reading = readDay(c[field]);
    if (reading.kind === 'invalid')
      report(field, 'date_invalid', PROBLEM.dateInvalid(reading.text));
    return reading.kind === 'ok' ? reading.day : null;
  };
  const from = dateOf('from');
  const deadline = dateOf('deadline');
  const opening = dateOf('opening');
  if (deadline === null) {
    if (readDay(c.deadline).kind === 'empty')
      report('deadline', 'deadline_missing', PROBLEM.deadlineMissing);
    return null;
  }
  if (from !== null && deadline < from) {
    report('deadline', 'deadline_before_start', PROBLEM.deadlineBeforeStart);
  }
  const leadText = cellText(c.leadDays);
  // A list with a mistake in it still reminds on the days that could be read.
  const lead = readDayList(leadText);
  if (lead.invalid) report('leadDays', 'lead_days_invalid', PROBLEM.leadDaysInvalid(leadText));
  return {
    code,
    name: cellText(c.name) || code,
    kind,
    appliesTo,
    from,
    deadline,
    opening,
    leadDays: lead.days,
    archived: isYes(c.archived),
    ...(cellText(c.higher) !== '' ? { higher: cellText(c.higher) } : {}),
  };
}

// Interprets the configuration sheets (units with quotas, milestones, settings) into a Plan,
// reporting every cell it cannot use instead of guessing silently.
import { readDay } from './dates';
import { APPLIES_TO_ALL, PROBLEM, UNCLASSIFIED } from './messages';
import { readEmails } from './email';
import { problemAt } from './problems';
import type { UnmatchedColumn } from './plan-checks';
import { foldKey, matchKey } from './normalize';
import { readQuota } from './quota';
import { cellText, isBlankRow, splitList, type RawRow, type RawTable } from './table';
import type {
  AppliesTo,
  CellValue,
  Milestone,
  MilestoneKind,
  Problem,
  Quota,
  Plan,
  Settings,
  Unit,
} from './model';

export type UnitField = 'code' | 'name' | 'aliases' | 'type' | 'committee' | 'emails';
export type MilestoneField =
  | 'code'
  | 'name'
  | 'kind'
  | 'appliesTo'
  | 'from'
  | 'deadline'
  | 'opening'
  | 'leadDays'
  | 'archived';
/** Settings read from a cell of their own (the rejected addresses are derived). */
export type SettingField =
  | Exclude<keyof Settings, 'rejectedBoardEmails' | 'pipeline'>
  | Exclude<keyof Settings['pipeline'], 'leadDays'>
  | 'fileLeadDays';

export interface RawUnitRow extends RawRow<UnitField> {
  /** Cells under the columns headed by a milestone code. */
  quotas: Record<string, CellValue>;
}
export interface RawUnitTable extends RawTable<UnitField> {
  rows: RawUnitRow[];
  /** The milestone codes that head a column (to tell which milestones have no quota column). */
  quotaCodes?: string[];
  /** Other columns, checked for a milestone code typed differently. */
  unmatched?: UnmatchedColumn[];
}

export interface RawSettings {
  sheet: string;
  /** Column header of the values, to name in problems. */
  valueColumn: string;
  entries: Partial<Record<SettingField, { row: number; key: string; value: CellValue }>>;
}

function lookup<T extends string>(labels: Record<string, T>, text: string): T | null {
  return labels[matchKey(text)] ?? null;
}

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

export function interpretUnits(
  table: RawUnitTable,
  milestoneCodes: readonly string[],
): { units: Unit[]; problems: Problem[] } {
  const units: Unit[] = [];
  const problems: Problem[] = [];
  const { sheet, columns } = table;
  const codeRow = new Map<string, number>();
  /** Every name, alias and code, to the unit and row that claimed it first. */
  const labelOwner = new Map<string, { code: string; name: string }>();
  /** Each kind as first typed: `trường học` and `Trường Học` are shown as the first spelling. */
  const kinds = new Map<string, string>();
  for (const raw of table.rows) {
    const code = cellText(raw.cells.code);
    const name = cellText(raw.cells.name);
    if (code === '' && name === '' && Object.values(raw.quotas).every((v) => cellText(v) === '')) {
      continue;
    }
    if (code === '') {
      problems.push(
        problemAt(
          sheet,
          raw.row,
          columns.code,
          'unit_code_missing',
          'error',
          PROBLEM.unitCodeMissing,
        ),
      );
      continue;
    }
    const firstRow = codeRow.get(matchKey(code));
    if (firstRow !== undefined) {
      problems.push(
        problemAt(
          sheet,
          raw.row,
          columns.code,
          'unit_code_duplicate',
          'error',
          PROBLEM.unitCodeDuplicate(code, firstRow),
        ),
      );
      continue;
    }
    codeRow.set(matchKey(code), raw.row);
    if (name === '') {
      problems.push(
        problemAt(
          sheet,
          raw.row,
          columns.name,
          'unit_name_missing',
          'warning',
          PROBLEM.unitNameMissing,
        ),
      );
    }
    let type = cellText(raw.cells.type);
    if (type === '') {
      problems.push(
        problemAt(
          sheet,
          raw.row,
          columns.type,
          'unit_type_missing',
          'warning',
          PROBLEM.unitTypeMissing,
          PROBLEM.unitTypeSuggestion,
        ),
      );
      type = UNCLASSIFIED;
    }
    const kindKey = matchKey(type);
    type = kinds.get(kindKey) ?? type;
    kinds.set(kindKey, type);
    const quotas: Record<string, Quota> = {};
    for (const code of milestoneCodes) {
      const reading = readQuota(raw.quotas[code]);
      if (reading.kind === 'ok') quotas[code] = reading.quota;
      else if (reading.kind === 'invalid') {
        problems.push(
          problemAt(
            sheet,
            raw.row,
            code,
            'quota_invalid',
            'error',
            PROBLEM.quotaInvalid(cellText(raw.quotas[code])),
            PROBLEM.quotaSuggestion,
          ),
        );
      }
    }
    const emails = readEmails(raw.cells.emails);
    for (const bad of emails.invalid) {
      problems.push(
        problemAt(
          sheet,
          raw.row,
          columns.emails,
          'email_invalid',
          'warning',
          PROBLEM.emailInvalid(bad),
          PROBLEM.emailSuggestion,
        ),
      );
    }
    const aliases = splitList(raw.cells.aliases, /;/);
    for (const [label, field] of [
      [code, 'code'],
      [name, 'name'],
      ...aliases.map((a) => [a, 'aliases']),
    ] as [string, UnitField][]) {
      const key = matchKey(label);
      if (key === '') continue;
      const owner = labelOwner.get(key);
      if (owner === undefined) labelOwner.set(key, { code, name: name || code });
      else if (owner.code !== code) {
        problems.push(
          problemAt(
            sheet,
            raw.row,
            columns[field],
            'alias_ambiguous',
            'error',
            PROBLEM.aliasAmbiguous(label, owner.name),
            PROBLEM.aliasSuggestion,
          ),
        );
      }
    }
    units.push({
      code,
      name: name || code,
      aliases,
      type,
      committee: cellText(raw.cells.committee),
      emails: emails.valid,
      rejectedEmails: emails.invalid,
      quotas,
    });
  }
  return { units, problems };
}

export function interpretMilestones(table: RawTable<MilestoneField>): {
  milestones: Milestone[];
  problems: Problem[];
} {
  const milestones: Milestone[] = [];
  const problems: Problem[] = [];
  const { sheet, columns } = table;
  const codeRow = new Map<string, number>();
  for (const raw of table.rows) {
    const c = raw.cells;
    const code = cellText(c.code);
    if (isBlankRow(c)) continue;
    const report = (
      field: MilestoneField,
      codeName: string,
      message: string,
      suggestion?: string,
    ) =>
      problems.push(
        problemAt(sheet, raw.row, columns[field], codeName, 'error', message, suggestion),
      );
    if (code === '') {
      report('code', 'milestone_code_missing', PROBLEM.milestoneCodeMissing);
      continue;
    }
    const firstRow = codeRow.get(matchKey(code));
    if (firstRow !== undefined) {
      report('code', 'milestone_code_duplicate', PROBLEM.milestoneCodeDuplicate(code, firstRow));
      continue;
    }
    codeRow.set(matchKey(code), raw.row);
    const kindText = cellText(c.kind);
    const kind = lookup(KINDS, kindText);
    if (kind === null) {
      report(
        'kind',
        'milestone_kind_invalid',
        PROBLEM.milestoneKindInvalid(kindText),
        PROBLEM.milestoneKindSuggestion,
      );
      continue;
    }
    const appliesTo = readAppliesTo(c.appliesTo);
    const dateOf = (field: 'from' | 'deadline' | 'opening') => {
      const reading = readDay(c[field]);
      if (reading.kind === 'invalid') {
        report(field, 'date_invalid', PROBLEM.dateInvalid(reading.text), PROBLEM.dateSuggestion);
      }
      return reading.kind === 'ok' ? reading.day : null;
    };
    const from = dateOf('from');
    const deadline = dateOf('deadline');
    const opening = dateOf('opening');
    if (deadline === null) {
      if (readDay(c.deadline).kind === 'empty')
        report('deadline', 'deadline_missing', PROBLEM.deadlineMissing, PROBLEM.dateSuggestion);
      continue;
    }
    if (from !== null && deadline < from) {
      report(
        'deadline',
        'deadline_before_start',
        PROBLEM.deadlineBeforeStart,
        PROBLEM.deadlineSuggestion,
      );
    }
    const leadText = cellText(c.leadDays);
    const leadDays: number[] = [];
    for (const token of leadText.split(/[,;\s]+/).filter((t) => t !== '')) {
      const n = Number(token);
      if (Number.isInteger(n) && n > 0) leadDays.push(n);
      else {
        report(
          'leadDays',
          'lead_days_invalid',
          PROBLEM.leadDaysInvalid(leadText),
          PROBLEM.leadDaysSuggestion,
        );
        break;
      }
    }
    milestones.push({
      code,
      name: cellText(c.name) || code,
      kind,
      appliesTo,
      from,
      deadline,
      opening,
      leadDays: [...new Set(leadDays)].sort((a, b) => b - a),
      archived: YES.has(foldKey(cellText(c.archived))),
    });
  }
  return { milestones, problems };
}

export const DEFAULT_SETTINGS: Settings = {
  issuerName: '',
  issuerLevel: '',
  planNumber: '',
  planDate: null,
  reportingBody: '',
  place: '',
  spreadsheetUrl: '',
  boardEmails: [],
  rejectedBoardEmails: [],
  sendHour: 7,
  dataMode: 'list',
  dryRun: false,
  pipeline: {
    decisionDays: 60,
    ceremonyDays: 30,
    probationMonths: 12,
    considerDays: 30,
    leadDays: [14, 7, 1],
  },
};

/**
 * A plan with nothing in it: the start of a commune's or a province's own plan. Its settings
 * are written as empty cells (see seedSheets), for the Board to fill in.
 */
export const BLANK_PLAN: Plan = { settings: DEFAULT_SETTINGS, units: [], milestones: [] };

const YES = new Set(['co', 'true', 'x', '1', 'yes', 'bat'].map(foldKey));
const NO = new Set(['khong', 'false', '0', 'no', 'tat', ''].map(foldKey));
const COUNTS_MODE = foldKey('Chỉ số liệu');

export function interpretSettings(raw: RawSettings): { settings: Settings; problems: Problem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: Problem[] = [];
  const bad = (field: SettingField) => {
    const entry = raw.entries[field];
    if (!entry) return;
    problems.push(
      problemAt(
        raw.sheet,
        entry.row,
        raw.valueColumn,
        'setting_invalid',
        'error',
        PROBLEM.settingInvalid(entry.key, cellText(entry.value)),
      ),
    );
  };
  const text = (field: SettingField) => cellText(raw.entries[field]?.value);
  settings.issuerName = text('issuerName');
  settings.issuerLevel = text('issuerLevel');
  settings.planNumber = text('planNumber');
  settings.reportingBody = text('reportingBody');
  settings.place = text('place');
  settings.spreadsheetUrl = text('spreadsheetUrl');
  const planDate = readDay(raw.entries.planDate?.value);
  if (planDate.kind === 'ok') settings.planDate = planDate.day;
  else if (planDate.kind === 'invalid') bad('planDate');
  const board = readEmails(raw.entries.boardEmails?.value);
  settings.boardEmails = board.valid;
  settings.rejectedBoardEmails = board.invalid;
  const boardEntry = raw.entries.boardEmails;
  for (const bad of board.invalid) {
    problems.push(
      problemAt(
        raw.sheet,
        boardEntry?.row ?? 0,
        raw.valueColumn,
        'email_invalid',
        'warning',
        PROBLEM.emailInvalid(bad),
        PROBLEM.emailSuggestion,
      ),
    );
  }
  const rules = { ...DEFAULT_SETTINGS.pipeline };
  for (const field of [
    'decisionDays',
    'ceremonyDays',
    'probationMonths',
    'considerDays',
  ] as const) {
    const value = text(field);
    if (value === '') continue;
    const n = Number(value);
    if (Number.isInteger(n) && n > 0 && n <= 1000) rules[field] = n;
    else bad(field);
  }
  const leadText = text('fileLeadDays');
  if (leadText !== '') {
    const leads = leadText
      .split(/[,;\s]+/)
      .filter((t) => t !== '')
      .map(Number);
    if (leads.every((n) => Number.isInteger(n) && n > 0))
      rules.leadDays = [...new Set(leads)].sort((a, b) => b - a);
    else bad('fileLeadDays');
  }
  settings.pipeline = rules;
  const hourText = text('sendHour');
  if (hourText !== '') {
    const hour = Number(hourText);
    if (Number.isInteger(hour) && hour >= 0 && hour <= 23) settings.sendHour = hour;
    else bad('sendHour');
  }
  const mode = foldKey(text('dataMode'));
  if (mode === COUNTS_MODE || mode === 'counts') settings.dataMode = 'counts';
  else if (mode !== '' && mode !== foldKey('Danh sách') && mode !== 'list') bad('dataMode');
  const dry = raw.entries.dryRun?.value;
  const dryText = typeof dry === 'boolean' ? String(dry) : foldKey(text('dryRun'));
  if (YES.has(dryText)) settings.dryRun = true;
  else if (!NO.has(dryText)) bad('dryRun');
  return { settings, problems };
}

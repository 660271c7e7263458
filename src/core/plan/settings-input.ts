// `Cấu hình` into settings: who issues the plan, its number and date, the Board's addresses, the
// send hour, the data mode, the pipeline's limits. A value that cannot be read keeps its default.
import { readDay } from '../calendar/dates';
import { PROBLEM } from '../messages/problems';
import { problemAt } from '../problems';
import { cellText } from '../text/cells';
import { readDayList } from '../text/day-list';
import { readEmails } from '../text/email';
import { foldKey } from '../text/normalize';
import { readYesNo } from '../text/yes-no';
import type { RawSettings, SettingField } from './raw-plan';
import type { CellValue, Plan, Problem, Settings } from '../model';

export const DEFAULT_SETTINGS: Settings = {
  issuerName: '',
  issuerLevel: '',
  planNumber: '',
  planDate: null,
  reportingBody: '',
  place: '',
  reportNumber: '',
  signingAuthority: '',
  signerTitle: '',
  signer: '',
  recipients: [],
  spreadsheetUrl: '',
  boardEmails: [],
  rejectedBoardEmails: [],
  sendHour: 7,
  dataMode: 'list',
  dryRun: false,
  higherName: '',
  higherCode: '',
  higherBoardEmails: [],
  lateDays: 7,
  pipeline: {
    decisionDays: 60,
    ceremonyDays: 30,
    probationMonths: 12,
    certificateMonths: 60,
    considerDays: 30,
    leadDays: [14, 7, 1],
  },
};

/**
 * A plan with nothing in it: the start of a commune's or a province's own plan. Its settings
 * are written as empty cells (see seedSheets), for the Board to fill in.
 */
export const BLANK_PLAN: Plan = { settings: DEFAULT_SETTINGS, units: [], milestones: [] };

const COUNTS_MODE = foldKey('Chỉ số liệu');
const LIST_MODE = foldKey('Danh sách');

export function interpretSettings(raw: RawSettings): { settings: Settings; problems: Problem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: Problem[] = [];
  const bad = (field: SettingField) => {
    const entry = raw.entries[field];
    if (!entry) return;
    problems.push(
      problemAt({
        sheet: raw.sheet,
        row: entry.row,
        column: raw.valueColumn,
        code: 'setting_invalid',
        message: PROBLEM.settingInvalid(entry.key, cellText(entry.value)),
      }),
    );
  };
  const text = (field: SettingField) => cellText(raw.entries[field]?.value);
  settings.issuerName = text('issuerName');
  settings.issuerLevel = text('issuerLevel');
  settings.planNumber = text('planNumber');
  settings.reportingBody = text('reportingBody');
  settings.place = text('place');
  settings.reportNumber = text('reportNumber');
  settings.signingAuthority = text('signingAuthority');
  settings.signerTitle = text('signerTitle');
  settings.signer = text('signer');
  settings.recipients = readRecipients(raw.entries.recipients?.value);
  settings.spreadsheetUrl = text('spreadsheetUrl');
  const planDate = readDay(raw.entries.planDate?.value);
  if (planDate.kind === 'ok') settings.planDate = planDate.day;
  else if (planDate.kind === 'invalid') bad('planDate');
  readBoard(raw, settings, problems);
  settings.pipeline = readPipelineRules(text, bad);
  const hourText = text('sendHour');
  if (hourText !== '') {
    const hour = Number(hourText);
    if (Number.isInteger(hour) && hour >= 0 && hour <= 23) settings.sendHour = hour;
    else bad('sendHour');
  }
  const mode = foldKey(text('dataMode'));
  if (mode === COUNTS_MODE || mode === 'counts') settings.dataMode = 'counts';
  else if (mode !== '' && mode !== LIST_MODE && mode !== 'list') bad('dataMode');
  settings.higherName = text('higherName');
  settings.higherCode = text('higherCode');
  readHigherBoard(raw, settings, problems);
  const late = text('lateDays');
  if (late !== '') {
    const n = Number(late);
    if (Number.isInteger(n) && n > 0 && n <= 366) settings.lateDays = n;
    else bad('lateDays');
  }
  const dryRun = readYesNo(raw.entries.dryRun?.value);
  if (dryRun === null) bad('dryRun');
  else settings.dryRun = dryRun;
  return { settings, problems };
}

/**
 * `Nơi nhận`: one recipient a line, or separated by `;` (a cell is easier typed on one line); a
 * leading dash is the report's to write, so one typed is dropped.
 */
function readRecipients(value: CellValue | undefined): string[] {
  // Split before cellText, which folds a cell's line breaks into spaces.
  const lines = typeof value === 'string' ? value.split(/\r?\n|;/) : [cellText(value)];
  return lines
    .map((line) => cellText(line).replace(/^[-–—•+]\s*/, ''))
    .filter((line) => line !== '');
}

/** The Board's addresses: the valid ones are used, each invalid one is a warning. */
function readBoard(raw: RawSettings, settings: Settings, problems: Problem[]): void {
  const board = readAddresses(raw, 'boardEmails', problems);
  settings.boardEmails = board.valid;
  settings.rejectedBoardEmails = board.invalid;
}

/** The higher committee's Board, who get the figures: read like the Board's own addresses. */
function readHigherBoard(raw: RawSettings, settings: Settings, problems: Problem[]): void {
  settings.higherBoardEmails = readAddresses(raw, 'higherBoardEmails', problems).valid;
}

function readAddresses(
  raw: RawSettings,
  field: 'boardEmails' | 'higherBoardEmails',
  problems: Problem[],
): { valid: string[]; invalid: string[] } {
  const read = readEmails(raw.entries[field]?.value);
  for (const address of read.invalid) {
    problems.push(
      problemAt({
        sheet: raw.sheet,
        row: raw.entries[field]?.row ?? 0,
        column: raw.valueColumn,
        code: 'email_invalid',
        message: PROBLEM.emailInvalid(address),
      }),
    );
  }
  return read;
}

/** The pipeline's limits: whole numbers of days or months, each keeping its default when unread. */
function readPipelineRules(
  text: (field: SettingField) => string,
  bad: (field: SettingField) => void,
): Settings['pipeline'] {
  const rules = { ...DEFAULT_SETTINGS.pipeline };
  for (const field of [
    'decisionDays',
    'ceremonyDays',
    'probationMonths',
    'certificateMonths',
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
    const lead = readDayList(leadText);
    if (lead.invalid) bad('fileLeadDays');
    else rules.leadDays = lead.days;
  }
  return rules;
}

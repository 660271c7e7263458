// `Sang năm mới` / `ptdv new-year`: archive this year's milestones, add next year's (codes and
// names with the year replaced, dates moved by whole years, lead days kept), give each a quota
// column holding last year's figures as a starting point, and clear the plan's number and date.
// `Danh sách`, `Số liệu` and `Nhật ký thư` are not touched. Everything is computed first and
// written only when nothing went wrong, so a refusal leaves the workbook as it was.
import { isYes } from '../core/text/yes-no';
import { instantOfDay, readDay, ymdOf, type Day } from '../core/calendar/dates';
import { NEW_YEAR } from '../core/messages/sheets';
import { YES_NO_LABEL } from '../core/messages/labels';
import { nextCode, nextName } from '../core/plan/new-year';
import { addMonths } from '../core/calendar/working-days';
import { matchKey } from '../core/text/normalize';
import { cellText, widestRow } from '../core/text/cells';
import { MILESTONE_COLUMNS, SETTINGS_COLUMNS, SETTING_KEYS, SHEET, UNIT_COLUMNS } from './contract';
import { locateHeader } from './header';
import { requireSheet } from './read';
import type { Cell, Workbook } from './port';

export class NewYearError extends Error {}

export interface NewYearSummary {
  from: number;
  to: number;
  /** Each archived code and the code that replaces it. */
  milestones: [string, string][];
}

/** The year the workbook's plan is for: its date's, else the year most deadlines fall in. */
function planYear(settings: Cell[][], deadlines: Day[]): number | null {
  const header = locateHeader(SHEET.settings, settings, SETTINGS_COLUMNS);
  const key = matchKey(SETTING_KEYS.find((s) => s.field === 'planDate')?.key ?? '');
  for (let r = header.headerIndex + 1; r < settings.length; r++) {
    const line = settings[r] ?? [];
    if (matchKey(cellText(line[header.columns.key as number])) !== key) continue;
    const reading = readDay(line[header.columns.value as number]);
    if (reading.kind === 'ok') return ymdOf(reading.day).year;
  }
  const years = new Map<number, number>();
  for (const d of deadlines) years.set(ymdOf(d).year, (years.get(ymdOf(d).year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of years) if (best === null || n > (years.get(best) ?? 0)) best = year;
  return best;
}

const widen = (line: Cell[], width: number): Cell[] => {
  const out = [...line];
  while (out.length < width) out.push('');
  return out;
};

/** The year of the workbook's current plan (to suggest the next), or null when unknown. */
export function currentPlanYear(workbook: Workbook): number | null {
  const milestones = requireSheet(workbook, SHEET.milestones);
  const header = locateHeader(SHEET.milestones, milestones, MILESTONE_COLUMNS);
  const deadlines: Day[] = [];
  for (let r = header.headerIndex + 1; r < milestones.length; r++) {
    const line = milestones[r] ?? [];
    const archived = header.columns.archived;
    if (archived !== undefined && isYes(line[archived])) continue;
    const reading = readDay(line[header.columns.deadline as number]);
    if (reading.kind === 'ok') deadlines.push(reading.day);
  }
  return planYear(requireSheet(workbook, SHEET.settings), deadlines);
}

export function moveToNewYear(workbook: Workbook, year: number): NewYearSummary {
  const milestones = requireSheet(workbook, SHEET.milestones).map((r) => [...r]);
  const quotas = requireSheet(workbook, SHEET.quotas).map((r) => [...r]);
  const settings = requireSheet(workbook, SHEET.settings).map((r) => [...r]);

  const mHeader = locateHeader(SHEET.milestones, milestones, MILESTONE_COLUMNS);
  const at = mHeader.columns;
  const headerLine = milestones[mHeader.headerIndex] as Cell[];
  // An older workbook has no `Lưu trữ` column yet: it gets one, after the last.
  let archivedAt = at.archived;
  if (archivedAt === undefined) {
    archivedAt = headerLine.length;
    headerLine.push(MILESTONE_COLUMNS.find((c) => c.field === 'archived')?.header ?? '');
  }
  const width = headerLine.length;
  const current: number[] = [];
  const deadlines: Day[] = [];
  const codes = new Set<string>();
  for (let r = mHeader.headerIndex + 1; r < milestones.length; r++) {
    const line = milestones[r] ?? [];
    const code = cellText(line[at.code as number]);
    if (code === '') continue;
    codes.add(matchKey(code));
    if (isYes(line[archivedAt])) continue;
    current.push(r);
    const deadline = readDay(line[at.deadline as number]);
    if (deadline.kind === 'ok') deadlines.push(deadline.day);
  }
  if (current.length === 0) throw new NewYearError(NEW_YEAR.nothingToCarry);
  const from = planYear(settings, deadlines);
  if (from === null) throw new NewYearError(NEW_YEAR.noYear);
  if (year <= from) throw new NewYearError(NEW_YEAR.notLater(year, from));
  const years = year - from;

  const added: Cell[][] = [];
  const pairs: [string, string][] = [];
  for (const r of current) {
    const line = widen(milestones[r] ?? [], width);
    const code = cellText(line[at.code as number]);
    const next = nextCode(code, from, year);
    if (codes.has(matchKey(next))) throw new NewYearError(NEW_YEAR.codeExists(next, code));
    codes.add(matchKey(next));
    pairs.push([code, next]);
    const copy = [...line];
    copy[at.code as number] = next;
    if (at.name !== undefined) copy[at.name] = nextName(cellText(line[at.name]), from, year);
    // The higher committee's plan moves on a year too: its code follows, as this one's does.
    if (at.higher !== undefined && cellText(line[at.higher]) !== '')
      copy[at.higher] = nextCode(cellText(line[at.higher]), from, year);
    for (const field of ['from', 'deadline', 'opening'] as const) {
      const c = at[field];
      if (c === undefined) continue;
      const reading = readDay(line[c]);
      // Whole years, 29/02 becoming 28/02 in a year without it.
      if (reading.kind === 'ok') copy[c] = instantOfDay(addMonths(reading.day, 12 * years));
    }
    copy[archivedAt] = '';
    line[archivedAt] = YES_NO_LABEL.yes;
    milestones[r] = line;
    added.push(copy);
  }
  const newMilestones = [...milestones.map((l) => widen(l, width)), ...added];

  const newQuotas = withQuotaColumns(quotas, pairs);
  const newSettings = withoutPlanIdentity(settings);

  workbook.writeValues(SHEET.milestones, newMilestones);
  workbook.writeValues(SHEET.quotas, newQuotas);
  workbook.writeValues(SHEET.settings, newSettings);
  return { from, to: year, milestones: pairs };
}

/** A quota column per new milestone, holding last year's figure as a starting point. */
function withQuotaColumns(quotas: Cell[][], pairs: readonly [string, string][]): Cell[][] {
  const qHeader = locateHeader(SHEET.quotas, quotas, UNIT_COLUMNS);
  const qWidth = widestRow(quotas);
  return quotas.map((line, r) => {
    const out = widen(line, qWidth);
    for (const [old, next] of pairs) {
      if (r === qHeader.headerIndex) out.push(next);
      else if (r < qHeader.headerIndex) out.push('');
      else {
        const c = qHeader.byKey.get(matchKey(old));
        out.push(c === undefined ? '' : (line[c] ?? ''));
      }
    }
    return out;
  });
}

/** The new plan's number and date are typed by the Board; until then they are reported. */
function withoutPlanIdentity(settings: Cell[][]): Cell[][] {
  const sHeader = locateHeader(SHEET.settings, settings, SETTINGS_COLUMNS);
  const cleared = new Set(
    SETTING_KEYS.filter((s) => s.field === 'planNumber' || s.field === 'planDate').map((s) =>
      matchKey(s.key),
    ),
  );
  return settings.map((line, r) => {
    if (r <= sHeader.headerIndex) return line;
    const key = matchKey(cellText(line[sHeader.columns.key as number]));
    if (!cleared.has(key)) return line;
    const out = [...line];
    out[sHeader.columns.value as number] = '';
    return out;
  });
}

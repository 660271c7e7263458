// Which reminders are due today, by the rules of the Reminders issue:
// - a unit is reminded for a milestone when it has a quota there, its actual is below the
//   minimum, and today is the deadline minus one of the lead days;
// - a missed day is caught up: the most recent lead day that has passed is still sent, once;
//   older missed ones are not (a stale "14 days left" is worse than none);
// - after the deadline a unit still short goes to the Board's digest, not to daily unit mail;
// - every reminder has a key (unit, milestone, deadline, lead day) and is never sent twice.
import { formatIso, type Day } from '../calendar/dates';
import type { Fulfillment, Result } from '../counting/fulfillment';
import { paceRisks, type PaceRisk } from '../forecast/forecast';
import type { Milestone, Plan, Unit } from '../model';
import type { Dossier } from '../pipeline/pipeline';

export type MailStatus = 'sent' | 'failed' | 'deferred' | 'dry_run';

/** What the log says happened to a key. */
export interface LogEntry {
  key: string;
  status: MailStatus;
}

export interface UnitReminder {
  key: string;
  unit: Unit;
  milestone: Milestone;
  leadDays: number;
  /** Days from today to the deadline (0 on the deadline itself). */
  daysLeft: number;
  result: Result;
  shortfall: number;
}

export interface BehindRow {
  unit: Unit;
  milestone: Milestone;
  result: Result;
  shortfall: number;
  daysLeft: number;
}

/** One person's file falling due (or overdue), without the person: unit, stage, row. */
export interface DossierReminder {
  key: string;
  dossier: Dossier;
  /** The lead day whose reminder this is; 0 once the file is overdue (reminded once). */
  leadDays: number;
  daysLeft: number;
}

/** Today's files of one unit that fall due within a lead day or are overdue: one mail. */
export interface DossierNotice {
  key: string;
  unit: Unit;
  dossiers: DossierReminder[];
}

export interface Digest {
  key: string;
  /** Files reminded today, by unit (counts and rows in the digest, never names). */
  dossiers: DossierNotice[];
  /** This run's unit reminders, so the Board sees who was reminded. */
  reminders: UnitReminder[];
  /** Units short on milestones whose reminders are running. */
  behind: BehindRow[];
  /** Units still short on milestones whose deadline passed since the last digest. */
  overdue: BehindRow[];
  /** Units that will not, or only just, make an open milestone at their pace so far. */
  atRisk: PaceRisk[];
}

export interface ReminderPlan {
  today: Day;
  reminders: UnitReminder[];
  dossierNotices: DossierNotice[];
  digest: Digest | null;
}

export interface PlanInput {
  today: Day;
  plan: Plan;
  /** Computed as of today. */
  fulfillment: Fulfillment;
  log: readonly LogEntry[];
  dryRun: boolean;
  /** Everyone's file as of today (see pipeline.ts); none in counts-only mode. */
  dossiers?: readonly Dossier[];
}

const DIGEST = 'digest';

export const reminderKey = (unit: string, milestone: Milestone, leadDays: number): string =>
  `${unit}|${milestone.code}|${formatIso(milestone.deadline)}|${leadDays}`;

export const digestKey = (today: Day): string => `${DIGEST}|${formatIso(today)}`;

/** Overdue files are reminded once, under this lead day. */
const OVERDUE_LEAD = 0;

/** A file's reminder key: unit, stage, due day, lead day and the person's stand-in, no name. */
export const dossierKey = (file: Dossier, leadDays: number): string =>
  `hs|${file.unitCode}|${file.stage}|${formatIso(file.due ?? 0)}|${leadDays}|${file.key}`;

/**
 * Files due within a lead day (the smallest lead day not yet passed, as for milestones) or
 * overdue, not yet reminded under that lead day: grouped by unit, one mail each.
 */
export function planDossierNotices(
  today: Day,
  files: readonly Dossier[],
  leadDays: readonly number[],
  units: readonly Unit[],
  done: ReadonlySet<string>,
): DossierNotice[] {
  const byUnit = new Map<string, DossierReminder[]>();
  for (const file of files) {
    if (file.due === null || file.stage === 'official') continue;
    const daysLeft = file.due - today;
    let lead: number | null = null;
    if (daysLeft < 0) lead = OVERDUE_LEAD;
    else for (const l of leadDays) if (l >= daysLeft && (lead === null || l < lead)) lead = l;
    if (lead === null) continue;
    const key = dossierKey(file, lead);
    if (done.has(key)) continue;
    const list = byUnit.get(file.unitCode);
    const reminder = { key, dossier: file, leadDays: lead, daysLeft };
    if (list) list.push(reminder);
    else byUnit.set(file.unitCode, [reminder]);
  }
  const notices: DossierNotice[] = [];
  for (const unit of units) {
    const list = byUnit.get(unit.code);
    if (list) notices.push({ key: `hs|${unit.code}|${formatIso(today)}`, unit, dossiers: list });
  }
  return notices;
}

/** The lead day whose reminder is current today: the smallest L with deadline - L <= today. */
export function currentLead(milestone: Milestone, today: Day): number | null {
  const left = milestone.deadline - today;
  if (left < 0) return null;
  let best: number | null = null;
  for (const lead of milestone.leadDays)
    if (lead >= left && (best === null || lead < best)) best = lead;
  return best;
}

function doneKeys(log: readonly LogEntry[], dryRun: boolean): Set<string> {
  const done = new Set<string>();
  for (const e of log)
    if (e.status === 'sent' || (dryRun && e.status === 'dry_run')) done.add(e.key);
  return done;
}

/** Units short of the minimum at a milestone, with their figures. */
function shortUnits(fulfillment: Fulfillment, milestone: Milestone, today: Day): BehindRow[] {
  const rows: BehindRow[] = [];
  for (const { unit, results } of fulfillment.units) {
    const result = results[milestone.code];
    if (!result || result.min === null || result.actual >= result.min) continue;
    rows.push({
      unit,
      milestone,
      result,
      shortfall: result.min - result.actual,
      daysLeft: milestone.deadline - today,
    });
  }
  return rows;
}

export function planReminders(input: PlanInput): ReminderPlan {
  const { today, fulfillment, dryRun } = input;
  const done = doneKeys(input.log, dryRun);
  const reminders: UnitReminder[] = [];
  const behind: BehindRow[] = [];
  const overdue: BehindRow[] = [];
  // The Board has been told about a passed deadline once a digest went out after it.
  const digestDays = [...done]
    .filter((k) => k.startsWith(`${DIGEST}|`))
    .map((k) => k.slice(DIGEST.length + 1));
  for (const milestone of fulfillment.milestones) {
    const short = shortUnits(fulfillment, milestone, today);
    if (short.length === 0) continue;
    if (milestone.deadline < today) {
      const deadline = formatIso(milestone.deadline);
      if (!digestDays.some((day) => day > deadline)) overdue.push(...short);
      continue;
    }
    const lead = currentLead(milestone, today);
    if (lead === null) continue;
    behind.push(...short);
    for (const row of short) {
      const key = reminderKey(row.unit.code, milestone, lead);
      if (done.has(key)) continue;
      reminders.push({
        key,
        unit: row.unit,
        milestone,
        leadDays: lead,
        daysLeft: row.daysLeft,
        result: row.result,
        shortfall: row.shortfall,
      });
    }
  }
  const dossierNotices = planDossierNotices(
    today,
    input.dossiers ?? [],
    input.plan.settings.pipeline.leadDays,
    input.plan.units,
    done,
  );
  const key = digestKey(today);
  const digest =
    !done.has(key) && (reminders.length > 0 || overdue.length > 0 || dossierNotices.length > 0)
      ? {
          key,
          dossiers: dossierNotices,
          reminders,
          behind,
          overdue,
          atRisk: paceRisks(fulfillment, input.plan.settings.planDate),
        }
      : null;
  return { today, reminders, dossierNotices, digest };
}

export interface UpcomingReminder {
  day: Day;
  unit: Unit;
  milestone: Milestone;
  leadDays: number;
  shortfall: number;
}

/** Reminders that fall due after today and up to `horizon` days on, if nothing changes. */
export function upcomingReminders(
  today: Day,
  horizon: number,
  fulfillment: Fulfillment,
): UpcomingReminder[] {
  const out: UpcomingReminder[] = [];
  for (const milestone of fulfillment.milestones) {
    const short = shortUnits(fulfillment, milestone, today);
    for (const lead of milestone.leadDays) {
      const day = milestone.deadline - lead;
      if (day <= today || day > today + horizon) continue;
      for (const row of short)
        out.push({ day, unit: row.unit, milestone, leadDays: lead, shortfall: row.shortfall });
    }
  }
  return out.sort((a, b) => a.day - b.day || a.unit.code.localeCompare(b.unit.code));
}

// Long setup work (`Phân quyền đơn vị`, `Tạo tệp riêng cho đơn vị` for hundreds of units) stops
// at 4.5 minutes, inside Apps Script's 6 (https://developers.google.com/apps-script/guides/services/quotas),
// and is continued by a one-off time-driven trigger a minute later, as the Board member who
// clicked (an installable trigger runs as its creator), until done; then they get a mail saying so.
// A trigger has no UI (SpreadsheetApp.getUi() throws there), hence the mail.
import { CONTINUATION } from '../core/messages/setup';
import { explainError } from './google-errors';

export type Job = 'rooms' | 'files';

/** The trigger's handler: a top-level function of the bundle (src/gas/main.ts). */
const CONTINUE_HANDLER = 'continueSetup';
const PENDING = 'ptdv.continue.jobs';
const DELAY_MS = 60_000;
/** A trigger may fire a little early: a job due within this is run. */
const DUE_SLACK_MS = 5_000;
/** How long a continuation waits for another run (a click, a reminder run) to finish. */
const LOCK_WAIT_MS = 30_000;

/** A job waiting, and the earliest time it may run (ms; a sharing quota waits for the morning). */
interface Waiting {
  job: Job;
  notBefore: number;
  /**
   * The account that stopped it ('' in a list written before): a trigger is its creator's, and
   * only that account's trigger goes on with it (another account could not see its unit files).
   */
  by: string;
}

/** The account running now, in lower case ('' when Google does not say). */
const account = (): string => Session.getEffectiveUser().getEmail().toLowerCase();

/** Whether this account goes on with `w`. */
const mine = (w: Waiting, me: string): boolean => w.by === '' || w.by === me;

const isJob = (j: unknown): j is Job => j === 'rooms' || j === 'files';

function pending(): Waiting[] {
  const text = PropertiesService.getDocumentProperties().getProperty(PENDING);
  try {
    const jobs = JSON.parse(text ?? '[]') as unknown;
    if (!Array.isArray(jobs)) return [];
    // A list written before due times existed holds the jobs' names: due now.
    return jobs.flatMap((j: unknown): Waiting[] => {
      if (isJob(j)) return [{ job: j, notBefore: 0, by: '' }];
      const w = j as Partial<Waiting> | null;
      return w && isJob(w.job)
        ? [{ job: w.job, notBefore: Number(w.notBefore) || 0, by: String(w.by ?? '') }]
        : [];
    });
  } catch {
    return [];
  }
}

function savePending(jobs: readonly Waiting[]): void {
  const props = PropertiesService.getDocumentProperties();
  const byJob = new Map<Job, Waiting>();
  for (const w of jobs) byJob.set(w.job, w);
  if (byJob.size === 0) props.deleteProperty(PENDING);
  else props.setProperty(PENDING, JSON.stringify([...byJob.values()]));
}

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CONTINUE_HANDLER);
}

/**
 * One trigger, at the earliest time a waiting job may run (a minute from now at the soonest):
 * a job waiting for the morning never holds back one due in a minute. False when none could be
 * made.
 */
function reschedule(all: readonly Waiting[]): boolean {
  for (const t of ours()) ScriptApp.deleteTrigger(t);
  const me = account();
  const jobs = all.filter((w) => mine(w, me));
  if (jobs.length === 0) return true;
  const earliest = Math.min(...jobs.map((w) => w.notBefore));
  try {
    ScriptApp.newTrigger(CONTINUE_HANDLER)
      .timeBased()
      .after(Math.max(DELAY_MS, earliest - Date.now()))
      .create();
    return true;
  } catch {
    // Too many triggers, or no permission: the user continues by clicking again.
    return false;
  }
}

/**
 * After a run stopped early: continue `job` a minute from now (or after `delayMs`: the next
 * morning, when a daily quota stopped it). False when it cannot be done.
 */
export function continueLater(job: Job, delayMs = DELAY_MS): boolean {
  const others = pending().filter((w) => w.job !== job);
  const jobs = [...others, { job, notBefore: Date.now() + delayMs, by: account() }];
  savePending(jobs);
  const scheduled = reschedule(jobs);
  if (!scheduled) savePending(others);
  return scheduled;
}

/** After a run finished `job` (a click may finish what a trigger was to continue). */
export function finished(job: Job): void {
  const left = pending().filter((w) => w.job !== job);
  savePending(left);
  reschedule(left);
}

/**
 * The trigger's work: each pending job runs once more (`run` says whether it is now done and
 * what to tell the user); unfinished jobs get another trigger, finished ones a mail.
 */
export function runContinuation(run: (job: Job) => { done: boolean; message: string }): void {
  // A fired one-off trigger stays in the project's list until deleted.
  for (const t of ours()) ScriptApp.deleteTrigger(t);
  const all = pending();
  if (all.length === 0) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    reschedule(all);
    return;
  }
  // Only the jobs that are due: one waiting for the morning waits, and keeps its time.
  const me = account();
  const due = all
    .filter((w) => mine(w, me) && w.notBefore <= Date.now() + DUE_SLACK_MS)
    .map((w) => w.job);
  const done = new Set<Job>();
  const unfinished: Job[] = [];
  try {
    for (const job of due) {
      let outcome: { done: boolean; message: string };
      try {
        outcome = run(job);
      } catch (e) {
        // Said by mail; the job is not tried again by itself (the same error would recur).
        outcome = { done: true, message: CONTINUATION.failed(explainError(e)) };
      }
      if (!outcome.done) unfinished.push(job);
      else {
        done.add(job);
        if (me)
          MailApp.sendEmail({
            to: me,
            subject: CONTINUATION.subject(job),
            body: outcome.message,
            name: CONTINUATION.sender,
          });
      }
    }
  } finally {
    // The jobs as the runs left them (a run that stopped early set its own next time), less the
    // finished ones; an unfinished one that set none goes on a minute later.
    const left = pending().filter((w) => !done.has(w.job));
    for (const job of unfinished)
      if (!left.some((w) => w.job === job))
        left.push({ job, notBefore: Date.now() + DELAY_MS, by: me });
    savePending(left);
    lock.releaseLock();
    if (!reschedule(left)) savePending([]);
  }
}

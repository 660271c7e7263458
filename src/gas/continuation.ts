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
/** How long a continuation waits for another run (a click, a reminder run) to finish. */
const LOCK_WAIT_MS = 30_000;

function pending(): Job[] {
  const text = PropertiesService.getDocumentProperties().getProperty(PENDING);
  try {
    const jobs = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(jobs) ? jobs.filter((j): j is Job => j === 'rooms' || j === 'files') : [];
  } catch {
    return [];
  }
}

function savePending(jobs: readonly Job[]): void {
  const props = PropertiesService.getDocumentProperties();
  if (jobs.length === 0) props.deleteProperty(PENDING);
  else props.setProperty(PENDING, JSON.stringify([...new Set(jobs)]));
}

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CONTINUE_HANDLER);
}

/** A trigger `delayMs` from now, unless one is already waiting. False when none could be made. */
function scheduleTrigger(delayMs = DELAY_MS): boolean {
  if (ours().length > 0) return true;
  try {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(delayMs).create();
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
  savePending([...pending(), job]);
  const scheduled = scheduleTrigger(delayMs);
  if (!scheduled) savePending(pending().filter((j) => j !== job));
  return scheduled;
}

/** After a run finished `job` (a click may finish what a trigger was to continue). */
export function finished(job: Job): void {
  const left = pending().filter((j) => j !== job);
  savePending(left);
  if (left.length === 0) for (const t of ours()) ScriptApp.deleteTrigger(t);
}

/**
 * The trigger's work: each pending job runs once more (`run` says whether it is now done and
 * what to tell the user); unfinished jobs get another trigger, finished ones a mail.
 */
export function runContinuation(run: (job: Job) => { done: boolean; message: string }): void {
  // A fired one-off trigger stays in the project's list until deleted.
  for (const t of ours()) ScriptApp.deleteTrigger(t);
  const jobs = pending();
  if (jobs.length === 0) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    scheduleTrigger();
    return;
  }
  const left: Job[] = [];
  const me = Session.getEffectiveUser().getEmail();
  try {
    for (const job of jobs) {
      let outcome: { done: boolean; message: string };
      try {
        outcome = run(job);
      } catch (e) {
        // Said by mail; the job is not tried again by itself (the same error would recur).
        outcome = { done: true, message: CONTINUATION.failed(explainError(e)) };
      }
      if (!outcome.done) left.push(job);
      else if (me)
        MailApp.sendEmail({
          to: me,
          subject: CONTINUATION.subject(job),
          body: outcome.message,
          name: CONTINUATION.sender,
        });
    }
  } finally {
    savePending(left);
    lock.releaseLock();
  }
  if (left.length > 0 && !scheduleTrigger()) savePending([]);
}

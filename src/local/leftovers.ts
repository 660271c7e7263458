// What a run writes before it is done (a temporary file beside the workbook, the outbox's staging
// folder) carries a tag with the run's process number, so that a later run can tell what a killed
// run left behind, to remove, from what another run still writes at the same time, to keep.
import { randomBytes } from 'node:crypto';

/** A tag for this run's temporary names: `<pid>-<8 hex>`. */
export function runTag(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Whether `tag` is one of a run that has ended: its process no longer runs, or it carries no
 * process number (a run of a version before the number was part of it). A name that is not a
 * run's tag at all is nobody's leftover: false. `kill(pid, 0)` only asks; EPERM says the process
 * exists under another user, ESRCH that it does not.
 */
export function leftBehind(tag: string): boolean {
  if (/^[0-9a-f]{8}$/.test(tag)) return true;
  const pid = Number(/^(\d{1,10})-[0-9a-f]{8}$/.exec(tag)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

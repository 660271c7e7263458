// What a run writes before it is done (a temporary file beside the workbook, the outbox's staging
// folder, the workbook's lock) carries a tag naming the machine and the run's process, so that a
// later run can tell what a killed run left behind, to remove, from what another run still writes
// at the same time, to keep, on this machine or on another sharing the folder.
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { hostname } from 'node:os';

/** Longer than any run takes: what a run wrote this long ago was left by one that was stopped. */
export const RUN_LIMIT_MS = 60 * 60 * 1000;

/** This machine, in 6 hex digits (its name, hashed: a tag goes into file names). */
const MACHINE = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/** A tag for this run's temporary names: `<machine>-<pid>-<8 hex>`. */
export function runTag(): string {
  return `${MACHINE}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Whether `tag`, on something last written `age` ms ago, is one of a run that has ended: older
 * than any run; or of this machine, and its process no longer runs; or of a version that named no
 * process (8 hex digits). A name that is not a run's tag at all is nobody's leftover: false.
 * Another machine's process cannot be asked about, only the age. `kill(pid, 0)` only asks: EPERM
 * says the process exists under another user, ESRCH that it does not.
 */
export function leftBehind(tag: string, age: number): boolean {
  if (/^[0-9a-f]{8}$/.test(tag)) return true;
  const m = /^(?:([0-9a-f]{6})-)?(\d{1,10})-[0-9a-f]{8}$/.exec(tag);
  if (!m) return false;
  if (age > RUN_LIMIT_MS) return true;
  if (m[1] !== undefined && m[1] !== MACHINE) return false;
  try {
    process.kill(Number(m[2]), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** `leftBehind` for a file or folder named with `tag`, aged by its last change (throws if gone). */
export function leftBehindAt(path: string, tag: string): boolean {
  return leftBehind(tag, Date.now() - statSync(path).mtimeMs);
}

// Two runs writing one workbook at once (the daily `remind` and a `report --write` by hand, on
// one machine or two sharing a folder) would each save the file as each read it: the second
// rename drops what the first wrote (its log rows, and then the mails they record go out again).
// A command that writes a workbook first takes the workbook's lock, a file beside it
// (`.<name>.ptdv-khoa`) made only if there is none, naming the machine and the run; another run
// that finds it stops, in Vietnamese, with nothing written. A lock whose run has ended (killed)
// is taken over: on this machine when its process no longer runs, from another machine once it
// is older than any run (an hour). The CLI lets go of its locks when a command ends.
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FileError } from './file-error';
import { leftBehind, runTag } from './leftovers';

/** Older than any run: a lock from another machine this old was left by one that was stopped. */
const STALE_MS = 60 * 60 * 1000;

/** The locks this process holds: their paths, and what each holds. */
const held = new Map<string, string>();

function lockPath(target: string): string {
  const path = existsSync(target) ? realpathSync(target) : target;
  return join(dirname(path), `.${basename(path)}.ptdv-khoa`);
}

/** Whether the run that wrote `content` into the lock at `path` may still be writing. */
function stillRunning(path: string, content: string): boolean {
  const [host, tag] = content.split('\n');
  if (host === hostname() && tag !== undefined) return !leftBehind(tag);
  try {
    return Date.now() - statSync(path).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

/** Takes the lock of the workbook `target` for this run, or stops: another run writes it. */
export function lockForWriting(target: string): void {
  const path = lockPath(target);
  if (held.has(path)) return;
  const content = `${hostname()}\n${runTag()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      // A folder ptdv may not write in: no lock, and the save says so, in Vietnamese, later.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return;
      let other: string | null = null;
      try {
        other = readFileSync(path, 'utf8');
      } catch {
        // Removed meanwhile: try again.
      }
      if (other !== null && stillRunning(path, other))
        throw new FileError(CLI.fileBeingWritten(target));
      try {
        if (other !== null) unlinkSync(path);
      } catch {
        // Taken over by another run first: the next attempt finds its lock.
      }
      continue;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    held.set(path, content);
    return;
  }
  throw new FileError(CLI.fileBeingWritten(target));
}

/** Lets go of every lock this run holds (only those still its own). */
export function releaseLocks(): void {
  for (const [path, content] of held)
    try {
      if (readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch {
      // Gone already.
    }
  held.clear();
}

// Two runs writing one workbook at once (the daily `remind` and a `report --write` by hand, on
// one machine or two sharing a folder) would each save the file as each read it: the second
// rename drops what the first wrote (its log rows, and then the mails they record go out again).
// A command that writes a workbook first takes the workbook's lock, a file beside it
// (`.<name>.ptdv-khoa`) made only if there is none, holding the run's tag (leftovers.ts); another
// run that finds it stops, in Vietnamese, with nothing written. A lock whose run has ended is
// taken over (leftovers.ts `leftBehind`: its process no longer runs on this machine, or it is
// older than any run), by one run at a time: the one that makes the guard file beside it
// (`-doi`), whose own time, from the folder's file system, also tells the lock's age whatever
// this machine's clock says. The CLI lets go of its locks when a command ends.
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FileError } from './file-error';
import { leftBehind, RUN_LIMIT_MS, runTag } from './leftovers';

/** A guard older than this was left by a run killed while it took a lock over. */
const GUARD_LIMIT_MS = 60 * 1000;

/** The locks this process holds: their paths, and what each holds. */
const held = new Map<string, string>();

function lockPath(target: string): string {
  const path = existsSync(target) ? realpathSync(target) : target;
  return join(dirname(path), `.${basename(path)}.ptdv-khoa`);
}

/** Makes the lock holding `tag`: true, or false when there is one already. */
function create(path: string, tag: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, tag);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes the lock at `path` if its run has ended, under the guard: true when there is no lock
 * any more (try again), false when a run holds it, or another run is taking it over right now.
 */
function takeOverIfLeft(path: string): boolean {
  const guard = `${path}-doi`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_LIMIT_MS) unlinkSync(guard);
    } catch {
      // Gone meanwhile: the run that held it has decided.
    }
    return false;
  }
  try {
    const now = fstatSync(fd).mtimeMs;
    let tag: string;
    let written: number;
    try {
      tag = readFileSync(path, 'utf8').trim();
      written = statSync(path).mtimeMs;
    } catch {
      return true;
    }
    // A lock is only ever ptdv's: one whose content is no tag (cut short) goes with age too.
    const age = now - written;
    if (!leftBehind(tag, age) && age <= RUN_LIMIT_MS) return false;
    unlinkSync(path);
    return true;
  } finally {
    closeSync(fd);
    try {
      unlinkSync(guard);
    } catch {
      // Stale after a minute: the next run removes it.
    }
  }
}

/** Takes the lock of the workbook `target` for this run, or stops: another run writes it. */
export function lockForWriting(target: string): void {
  const path = lockPath(target);
  if (held.has(path)) return;
  const tag = runTag();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (create(path, tag)) {
        held.set(path, tag);
        return;
      }
      if (!takeOverIfLeft(path)) break;
    } catch {
      // A folder ptdv may not write in: no lock, and the save says so, in Vietnamese, later.
      return;
    }
  }
  throw new FileError(CLI.fileBeingWritten(target));
}

/** Lets go of every lock this run holds (only those still its own). */
export function releaseLocks(): void {
  for (const [path, tag] of held)
    try {
      if (readFileSync(path, 'utf8') === tag) unlinkSync(path);
    } catch {
      // Gone already.
    }
  held.clear();
}

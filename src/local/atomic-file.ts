// Saving a file so that a run killed at any moment leaves either the old file or the new one,
// never half of one: written to a temporary file beside it, flushed to the disk, then renamed over
// it (a rename within a folder replaces the name in one step). A file another program holds open
// (Excel on Windows refuses with EBUSY or EPERM) is said so, in Vietnamese, with nothing changed.
import {
  closeSync,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FileError } from './file-error';
import { leftBehindAt, runTag } from './leftovers';

/** Errors that mean another program has the file open (Windows), or it is read-only. */
const HELD = new Set(['EBUSY', 'EPERM', 'EACCES']);

const held = (e: unknown) => HELD.has((e as NodeJS.ErrnoException).code ?? '');

/**
 * Refuses early, before anything else is written (the outbox's .eml files, say), when the file
 * cannot be replaced: another program holds it open, or it may not be written.
 */
export function assertReplaceable(path: string): void {
  if (!existsSync(path)) return;
  try {
    closeSync(openSync(path, 'r+'));
  } catch (e) {
    if (held(e)) throw new FileError(CLI.fileHeld(path));
    throw e;
  }
}

/** Errors that mean the disk (or the user's share of it) is full. */
const FULL = new Set(['ENOSPC', 'EDQUOT']);

export const diskFull = (e: unknown) => FULL.has((e as NodeJS.ErrnoException).code ?? '');

/** A failure to write the file `path` as the user should hear it, or the error itself. */
function writeFailure(e: unknown, path: string): unknown {
  if (held(e)) return new FileError(CLI.fileHeld(path));
  if (diskFull(e)) return new FileError(CLI.diskFull(path));
  return e;
}

/**
 * A new content for a file, written whole and flushed beside it, not yet in its place: `commit`
 * renames it over the file, `abandon` removes it. A command that must do something else between
 * the two (remind moves its mails into the outbox) then knows the file can be saved, its bytes on
 * the disk already, before that: what is left to fail is one rename.
 */
export interface PreparedSave {
  commit(): void;
  abandon(): void;
}

export function prepareAtomicWrite(target: string, data: Uint8Array): PreparedSave {
  // Through a link to the file it names (the link stays a link), and with the file's own
  // permissions: a list kept readable by its owner only stays so.
  const path = existsSync(target) ? realpathSync(target) : target;
  const old = existsSync(path) ? statSync(path) : null;
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  removeLeftovers(folder, prefix);
  const temp = join(folder, `${prefix}${runTag()}.tmp`);
  // A temporary file that cannot be removed (an antivirus holds it) stays, for the next save to
  // remove: the error the user hears is the one that stopped the save.
  const abandon = () => {
    try {
      if (existsSync(temp)) unlinkSync(temp);
    } catch {
      // Removed by the next save (`removeLeftovers`).
    }
  };
  try {
    const fd = openSync(temp, 'wx', old ? old.mode & 0o7777 : 0o666);
    try {
      if (old) keepOwner(fd, old);
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    abandon();
    throw writeFailure(e, path);
  }
  return {
    commit() {
      try {
        renameSync(temp, path);
      } catch (e) {
        abandon();
        throw writeFailure(e, path);
      }
      syncFolder(dirname(path));
    },
    abandon,
  };
}

/**
 * Removes the temporary files of this name that killed runs left beside it (a run still writing
 * one keeps its own); one that cannot be removed stays, harmless.
 */
function removeLeftovers(folder: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    try {
      if (!leftBehindAt(join(folder, name), name.slice(prefix.length, -'.tmp'.length))) continue;
      unlinkSync(join(folder, name));
    } catch {
      // Held by another program, or gone already.
    }
  }
}

export function writeFileAtomically(target: string, data: Uint8Array): void {
  prepareAtomicWrite(target, data).commit();
}

/** The new file keeps the old one's mode and, where the process may, its owner and group. */
function keepOwner(fd: number, old: Stats): void {
  fchmodSync(fd, old.mode & 0o7777);
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // Only root may give a file away; the file is then the writer's own, as any file it saves.
  }
}

/** The rename itself reaches the disk only with its folder (POSIX); Windows cannot open one. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A file system that cannot sync a folder still has the new file in place.
  }
}

// Saving a file so that a run killed at any moment leaves either the old file or the new one,
// never half of one: written to a temporary file beside it, flushed to the disk, then renamed over
// it (a rename within a folder replaces the name in one step). A file another program holds open
// (Excel on Windows refuses with EBUSY or EPERM) is said so, in Vietnamese, with nothing changed.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLI } from '../core/messages/cli';
import { FileError } from './file-error';

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

export function writeFileAtomically(path: string, data: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    if (held(e)) throw new FileError(CLI.fileHeld(path));
    throw e;
  }
  syncFolder(dirname(path));
}

/** The rename itself reaches the disk only with its folder (POSIX); Windows cannot open one. */
function syncFolder(folder: string): void {
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

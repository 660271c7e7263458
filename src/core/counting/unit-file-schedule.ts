// Which unit files a run reads. A file is read only when it changed since it was last read or was
// read for another day or plan; the Sheets API allows 60 read requests a minute per user
// (https://developers.google.com/sheets/api/limits), so a run reads at most READS_PER_RUN of them,
// least recently read first, and the rest count with their figures as last read until their turn.
import { fnv1a } from '../text/hash';

/** Files read per run: under the Sheets API's 60 reads a minute, with a margin. */
export const READS_PER_RUN = 55;

export interface UnitFileState {
  id: string;
  /** False when Drive does not show the file (deleted, or another account's). */
  visible: boolean;
  /** True when the figures kept for it are still good for this day and plan. */
  fresh: boolean;
  /** When it was last read (ISO time, '' for never): never-read files come first. */
  lastRead: string;
}

/** missing: not on Drive; cached: figures kept are good; read: its turn now; later: next run. */
export type UnitFileTurn = 'missing' | 'cached' | 'read' | 'later';

export function scheduleReads(
  files: readonly UnitFileState[],
  readsPerRun = READS_PER_RUN,
): Map<string, UnitFileTurn> {
  const due = files
    .filter((f) => f.visible && !f.fresh)
    .sort((a, b) => a.lastRead.localeCompare(b.lastRead));
  const now = new Set(due.slice(0, readsPerRun).map((f) => f.id));
  return new Map(
    files.map((f) => [
      f.id,
      !f.visible ? 'missing' : f.fresh ? 'cached' : now.has(f.id) ? 'read' : 'later',
    ]),
  );
}

/**
 * A short fingerprint of the Board's plan as read (units, milestones, settings, days off): the
 * figures of a file depend on it, so a changed plan re-reads the files the same day.
 */
export function planSignature(plan: {
  units: unknown;
  milestones: unknown;
  settings: unknown;
  holidays: unknown;
}): string {
  return fnv1a(
    JSON.stringify([plan.units, plan.milestones, plan.settings, plan.holidays]),
  ).toString(16);
}

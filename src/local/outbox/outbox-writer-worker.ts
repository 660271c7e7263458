// The worker thread of staged-outbox.ts: writes each file it is given, in order, and on `done`
// says whether all were written. After the first failure it writes nothing more: the run will
// not be logged, and its staging folder is removed. Built on its own into
// build/outbox-writer-worker.js, beside the command line.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { WriterReport } from './staged-outbox';

let error: string | null = null;

parentPort?.on('message', (message: { path: string; data: Uint8Array } | { done: true }) => {
  if ('done' in message) {
    const report: WriterReport = { error };
    parentPort?.postMessage(report);
    return;
  }
  if (error !== null) return;
  try {
    writeFileSync(message.path, message.data);
  } catch (e) {
    // Only the main thread speaks to the user (in Vietnamese); this is for PTDV_DEBUG.
    error = e instanceof Error ? e.message : String(e);
  }
});

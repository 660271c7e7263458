// The worker thread of staged-outbox.ts: composes and writes the run's mails a batch at a time,
// asking for the next batch as it begins one, and at the end says whether all were written (after
// the first failure it writes nothing more: the run will not be logged, and its staging folder is
// removed). Built on its own into build/outbox-writer-worker.js, beside the command line.
import { parentPort } from 'node:worker_threads';
import { writeMail, type WriterFailure, type WriterOrder, type WriterReply } from './staged-outbox';

let error: WriterFailure | null = null;
let written: Promise<void> = Promise.resolve();
const say = (reply: WriterReply) => parentPort?.postMessage(reply);

parentPort?.on('message', (order: WriterOrder) => {
  if ('done' in order) {
    void written.then(() => say({ error }));
    return;
  }
  written = written.then(async () => {
    say({ want: true });
    for (const job of order.jobs) {
      if (error !== null) return;
      try {
        await writeMail(job);
      } catch (e) {
        // Only the main thread speaks to the user (in Vietnamese): the message is for PTDV_DEBUG,
        // the code for what it says (a full disk is not a folder it may not write to).
        error = {
          message: e instanceof Error ? e.message : String(e),
          code: (e as NodeJS.ErrnoException).code ?? null,
        };
      }
    }
  });
});

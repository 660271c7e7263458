// The worker thread of `EmlComposer` (eml.ts): composes its share of a run's .eml files while
// the main thread makes the workbook with their log rows, and writes them when told the log can
// be saved. Built on its own into build/eml-worker.js.
import { parentPort } from 'node:worker_threads';
import { composeShare, writeShare, type ComposedShare, type EmlOrder, type EmlReply } from './eml';

let composed: Promise<ComposedShare> | null = null;

const reply = (message: EmlReply) => parentPort?.postMessage(message);
const failed = (e: unknown) => reply({ error: e instanceof Error ? e.message : String(e) });

parentPort?.on('message', (order: EmlOrder) => {
  if (order.kind === 'compose') {
    composed = composeShare(order.packed, order.from, order.next);
    // Taken when told to write; until then a failure must not count as unhandled.
    composed.catch(() => undefined);
    return;
  }
  if (!composed) return reply({ written: 0 });
  composed
    .then((done) => {
      writeShare(done);
      reply({ written: done.size });
    }, failed)
    .catch(failed);
});

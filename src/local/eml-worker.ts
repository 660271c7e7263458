// The worker thread of `composeEmls` (eml.ts): composes a run's .eml files while the main thread
// makes the workbook with their log rows. Built on its own into build/eml-worker.js.
import { parentPort } from 'node:worker_threads';
import { buildEmls, type EmlRequest } from './eml';

parentPort?.on('message', (request: EmlRequest) => {
  buildEmls(request.mails, request.from).then(
    (emls) => {
      // One block of memory, moved rather than copied: a Buffer sent on its own is copied with
      // all the memory it shares (Node's pool), which took longer than composing.
      const all = new Uint8Array(emls.reduce((n, e) => n + e.length, 0));
      const lengths = emls.map((e) => e.length);
      let at = 0;
      for (const e of emls) {
        all.set(e, at);
        at += e.length;
      }
      parentPort?.postMessage({ all, lengths }, [all.buffer]);
    },
    (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});

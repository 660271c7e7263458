// The worker thread of xlsx-half-reader.ts: reads and inflates a large worksheet's part, hands
// over its first half's bytes, then walks the second half and sends its cells back packed (their
// numbers moved, not copied). Built on its own into build/xlsx-rows-worker.js, beside the command
// line.
import { parentPort } from 'node:worker_threads';
import { inflatePart, scanSecondHalf, splitPoint, type StoredPart } from './xlsx-sheet-halves';

parentPort?.on('message', ({ id, part }: { id: number; part: StoredPart }) => {
  try {
    const bytes = inflatePart(part);
    const cut = splitPoint(bytes);
    if (cut === null) {
      parentPort?.postMessage({ id, first: null });
      return;
    }
    // A copy (a Buffer's `slice` would share the memory this thread still walks), moved to the
    // main thread, which walks it while this thread walks the rest.
    const first = new Uint8Array(cut);
    first.set(bytes.subarray(0, cut));
    parentPort?.postMessage({ id, first }, [first.buffer as ArrayBuffer]);
    const packed = scanSecondHalf(bytes, cut);
    parentPort?.postMessage({ id, packed }, [
      packed.numbers.buffer as ArrayBuffer,
      packed.parsed.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    // Only the main thread speaks to the user: it says the file could not be read.
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

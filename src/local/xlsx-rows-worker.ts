// The worker thread of xlsx-half-reader.ts: reads and inflates a large worksheet's part, hands
// over the bytes the main thread may walk (up to the last piece, xlsx-sheet-halves.ts) with the
// pieces' claims, then walks its own rows and the pieces it takes and sends their cells back
// packed (their numbers moved, not copied). Built on its own into build/xlsx-rows-worker.js,
// beside the command line.
import { parentPort } from 'node:worker_threads';
import {
  inflatePart,
  newClaims,
  pieceStarts,
  scanWorkerPart,
  splitPoint,
  type StoredPart,
} from './xlsx-sheet-halves';

parentPort?.on('message', ({ id, part }: { id: number; part: StoredPart }) => {
  try {
    const bytes = inflatePart(part);
    const cut = splitPoint(bytes);
    if (cut === null) {
      parentPort?.postMessage({ id, first: null });
      return;
    }
    const starts = pieceStarts(bytes, cut);
    const claims = newClaims(starts.length - 1);
    // A copy (a Buffer's `slice` would share the memory this thread still walks), moved to the
    // main thread, which walks it while this thread walks the rest; the claims are shared.
    const end = starts[starts.length - 1] as number;
    const first = new Uint8Array(end);
    first.set(bytes.subarray(0, end));
    parentPort?.postMessage({ id, first: { bytes: first, starts, claims } }, [
      first.buffer as ArrayBuffer,
    ]);
    const pieces = scanWorkerPart(bytes, starts, claims);
    parentPort?.postMessage(
      { id, pieces },
      pieces.flatMap(({ packed }) => [
        packed.numbers.buffer as ArrayBuffer,
        packed.parsed.buffer as ArrayBuffer,
      ]),
    );
  } catch (e) {
    // Only the main thread speaks to the user: it says the file could not be read.
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

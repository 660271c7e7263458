// Who reads a large worksheet's part (xlsx-sheet-halves.ts): a worker thread (xlsx-rows-worker.ts,
// built beside the command line) reads and inflates it whole, says where it is cut and walks its
// second half, while this thread parses the styles and shared strings and then walks the first
// half as a stream (so the whole part is only ever in the worker's memory, freed when the read
// ends); run from src/, as the tests run it, this thread does it all, one step after the other.
// Either way the cells are decoded here, in the order of the sheet.
import { Worker } from 'node:worker_threads';
import { builtWorker } from './worker-script';
import { scanSheet } from './xlsx-sheet-scan';
import { RowsBuilder, type SheetContext, type SheetRows } from './xlsx-sheet-rows';
import {
  inflatePart,
  scanSecondHalf,
  splitPoint,
  unpack,
  walkStart,
  type PackedCells,
  type StoredPart,
} from './xlsx-sheet-halves';

/** A part being read: where it is cut (null: it is not), then the second half's cells. */
export interface HalvesUnderWay {
  cut: Promise<number | null>;
  second: Promise<PackedCells | null>;
}

export interface HalfReader {
  read(part: StoredPart): HalvesUnderWay;
  close(): void;
}

/** What the worker says of a request: where it is cut first, then the cells (or an error). */
export interface WorkerReply {
  id: number;
  cut?: number | null;
  packed?: PackedCells | null;
  error?: string;
}

/** Until a promise's turn comes, its failure must not count as unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

interface Pending<T> {
  resolve(value: T): void;
  reject(e: Error): void;
}

function pending<T>(): { promise: Promise<T>; settle: Pending<T> } {
  let settle!: Pending<T>;
  const promise = quiet(new Promise<T>((resolve, reject) => (settle = { resolve, reject })));
  return { promise, settle };
}

/** A worker thread that reads one part at a time. */
function workerReader(script: string): HalfReader {
  const worker = new Worker(script);
  // The command's end is not held up by a worker with nothing left to do.
  worker.unref();
  const waiting = new Map<
    number,
    { cut: Pending<number | null>; second: Pending<PackedCells | null> }
  >();
  let next = 0;
  const failAll = (e: Error) => {
    for (const w of waiting.values()) {
      w.cut.reject(e);
      w.second.reject(e);
    }
    waiting.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    if (reply.error !== undefined) {
      waiting.delete(reply.id);
      const e = new Error(reply.error);
      w.cut.reject(e);
      w.second.reject(e);
    } else if (reply.cut !== undefined) {
      w.cut.resolve(reply.cut);
      if (reply.cut === null) {
        waiting.delete(reply.id);
        w.second.resolve(null);
      }
    } else {
      waiting.delete(reply.id);
      w.second.resolve(reply.packed ?? null);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('worker stopped')));
  return {
    read(part) {
      const id = next++;
      const cut = pending<number | null>();
      const second = pending<PackedCells | null>();
      waiting.set(id, { cut: cut.settle, second: second.settle });
      worker.postMessage({ id, part });
      return { cut: cut.promise, second: second.promise };
    },
    close() {
      void worker.terminate();
    },
  };
}

/** The same steps on this thread. */
const hereReader: HalfReader = {
  read(part) {
    const work = quiet(
      Promise.resolve().then(() => {
        const bytes = inflatePart(part);
        const cut = splitPoint(bytes);
        return { cut, second: cut === null ? null : scanSecondHalf(bytes, cut) };
      }),
    );
    return { cut: quiet(work.then((w) => w.cut)), second: quiet(work.then((w) => w.second)) };
  },
  close() {},
};

/** The reader of large parts for this run. */
export function halfReader(): HalfReader {
  const script = builtWorker('xlsx-rows-worker');
  return script ? workerReader(script) : hereReader;
}

/**
 * A large worksheet's rows: its first half walked here from `open()`, a stream of the part's
 * bytes, and the second half's cells taken from the reader; null when the part is not cut (the
 * caller then reads it whole, as any sheet).
 */
export async function sheetRowsInHalves(
  underWay: HalvesUnderWay,
  open: () => Promise<AsyncIterable<Buffer>>,
  context: SheetContext,
): Promise<SheetRows | null> {
  const cut = await underWay.cut;
  if (cut === null) return null;
  const rows = new RowsBuilder(context);
  const scanner = scanSheet(rows);
  await walkStart(await open(), cut, (text) => scanner.write(text));
  // The first half ends where the second begins: between two rows, or the cut was wrong.
  if (!scanner.betweenRows()) throw new Error('sheet cut inside a row');
  const second = await underWay.second;
  if (second) unpack(second, rows);
  return rows.finish();
}

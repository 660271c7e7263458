// Who reads a large worksheet's part (xlsx-sheet-halves.ts): a worker thread (xlsx-rows-worker.ts,
// built beside the command line) reads and inflates it whole, hands this thread a copy of the
// first half's bytes and walks the second half, while this thread parses the styles and shared
// strings and then walks the first half (inflating it again here, as a stream, cost this thread,
// the busier of the two, about 0.2 s of the bench's 200,000-row list); run from src/, as the
// tests run it, this thread does it all, one step after the other. Either way the cells are
// decoded here, in the order of the sheet.
import { Worker } from 'node:worker_threads';
import { builtWorker } from './worker-script';
import { scanSheet } from './xlsx-sheet-scan';
import { RowsBuilder, type SheetContext, type SheetRows } from './xlsx-sheet-rows';
import {
  inflatePart,
  scanSecondHalf,
  splitPoint,
  unpack,
  walk,
  type PackedCells,
  type StoredPart,
} from './xlsx-sheet-halves';

/**
 * The first half's bytes, until they are walked: then let go (the promise that brought them
 * would otherwise hold their 40 MB, on the bench's list, through the decoding that follows).
 */
export interface FirstHalf {
  bytes: Uint8Array | null;
}

/** A part being read: its first half (null: it is not cut), then the second half's cells. */
export interface HalvesUnderWay {
  first: Promise<FirstHalf | null>;
  second: Promise<PackedCells | null>;
}

export interface HalfReader {
  read(part: StoredPart): HalvesUnderWay;
  close(): void;
}

/** What the worker says of a request: the first half's bytes, then the cells (or an error). */
export interface WorkerReply {
  id: number;
  first?: Uint8Array | null;
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
    { first: Pending<FirstHalf | null>; second: Pending<PackedCells | null> }
  >();
  let next = 0;
  const failAll = (e: Error) => {
    for (const w of waiting.values()) {
      w.first.reject(e);
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
      w.first.reject(e);
      w.second.reject(e);
    } else if (reply.first !== undefined) {
      w.first.resolve(reply.first === null ? null : { bytes: reply.first });
      if (reply.first === null) {
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
      const first = pending<FirstHalf | null>();
      const second = pending<PackedCells | null>();
      waiting.set(id, { first: first.settle, second: second.settle });
      worker.postMessage({ id, part });
      return { first: first.promise, second: second.promise };
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
        if (cut === null) return { first: null, second: null };
        return { first: { bytes: bytes.subarray(0, cut) }, second: scanSecondHalf(bytes, cut) };
      }),
    );
    return { first: quiet(work.then((w) => w.first)), second: quiet(work.then((w) => w.second)) };
  },
  close() {},
};

/** The reader of large parts for this run. */
export function halfReader(): HalfReader {
  const script = builtWorker('xlsx-rows-worker');
  return script ? workerReader(script) : hereReader;
}

/**
 * A large worksheet's rows: its first half walked here, and the second half's cells taken from
 * the reader; null when the part is not cut (the caller then reads it whole, as any sheet).
 */
export async function sheetRowsInHalves(
  underWay: HalvesUnderWay,
  context: SheetContext,
): Promise<SheetRows | null> {
  const first = await underWay.first;
  if (!first?.bytes) return null;
  const rows = new RowsBuilder(context);
  const scanner = scanSheet(rows);
  walk(first.bytes, 0, first.bytes.length, (text) => scanner.write(text));
  first.bytes = null;
  // The first half ends where the second begins: between two rows, or the cut was wrong.
  if (!scanner.betweenRows()) throw new Error('sheet cut inside a row');
  const second = await underWay.second;
  if (second) unpack(second, rows);
  return rows.finish();
}

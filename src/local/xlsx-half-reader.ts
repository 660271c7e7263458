// Who reads a large worksheet's part (xlsx-sheet-halves.ts): a worker thread (xlsx-rows-worker.ts,
// built beside the command line) reads and inflates it whole, hands this thread a copy of the
// bytes it may walk (this thread inflating them again as a stream had cost it, the busier of the
// two, about 0.2 s of the bench's 200,000-row list), then walks its own rows and the pieces it
// takes, while this thread parses the styles and shared strings and then walks the first rows and
// the pieces it takes. Run from src/, as the tests run it, this thread does it all, one step after
// the other (the worker's steps first, taking the second half of the pieces, so that both ways of
// meeting are read). Either way the cells are decoded here, in the order of the sheet.
import { Worker } from 'node:worker_threads';
import { builtWorker } from './worker-script';
import { scanSheet } from './xlsx-sheet-scan';
import { RowsBuilder, type SheetContext, type SheetRows } from './xlsx-sheet-rows';
import {
  inflatePart,
  inOrder,
  newClaims,
  pieceStarts,
  scanWorkerPart,
  splitPoint,
  takeForMain,
  unpack,
  walkMainPart,
  type Claims,
  type Piece,
  type StoredPart,
} from './xlsx-sheet-halves';

/**
 * The bytes this thread may walk, until they are walked: then let go (the promise that brought
 * them would otherwise hold their 50 MB, on the bench's list, through the decoding that follows);
 * where the pieces begin, and who took which.
 */
export interface MainPart {
  bytes: Uint8Array | null;
  starts: number[];
  claims: Claims;
}

/** A part being read: the main thread's part (null: it is not cut), then the worker's cells. */
export interface HalvesUnderWay {
  first: Promise<MainPart | null>;
  second: Promise<Piece[] | null>;
}

export interface HalfReader {
  read(part: StoredPart): HalvesUnderWay;
  close(): void;
}

/** What the worker says of a request: the first half's bytes, then the cells (or an error). */
export interface WorkerReply {
  id: number;
  first?: MainPart | null;
  pieces?: Piece[];
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
    { first: Pending<MainPart | null>; second: Pending<Piece[] | null> }
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
      w.first.resolve(reply.first);
      if (reply.first === null) {
        waiting.delete(reply.id);
        w.second.resolve(null);
      }
    } else {
      waiting.delete(reply.id);
      w.second.resolve(reply.pieces ?? null);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('worker stopped')));
  return {
    read(part) {
      const id = next++;
      const first = pending<MainPart | null>();
      const second = pending<Piece[] | null>();
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
        const starts = pieceStarts(bytes, cut);
        const claims = newClaims(starts.length - 1);
        // The first half of the pieces as if this thread had taken them before the worker came.
        takeForMain(claims, Math.floor((starts.length - 1) / 2));
        const second = scanWorkerPart(bytes, starts, claims);
        return { first: { bytes, starts, claims }, second };
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
  const { starts, claims } = first;
  const taken = walkMainPart(first.bytes, starts, claims, (text) => scanner.write(text));
  first.bytes = null;
  // This thread's part ends where the worker's begins: between two rows, or the cut was wrong.
  if (!scanner.betweenRows()) throw new Error('sheet cut inside a row');
  const pieces = await underWay.second;
  if (!pieces) throw new Error('worker gave no cells');
  for (const packed of inOrder(pieces, taken, starts.length - 1)) unpack(packed, rows);
  return rows.finish();
}

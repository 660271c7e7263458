// A run's .eml files, written into a folder of their own inside the outbox first and moved into the
// outbox only once the workbook that logs them is known to be savable: nothing reaches the outbox
// that the log would not record, and a run killed midway leaves its files out of sight (the next
// run removes the folder).
//
// Creating a file is the slow part, not composing it: on these machines' disks 2,199 new files
// take from 0.1 s to 2 s of kernel time, depending on the file system's state (measured with a bare
// loop of writeFileSync). So the files are written on a worker thread, on the second core, while
// the main thread renders the workbook; moving them afterwards is a rename each (about 25 µs).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtWorker } from '../worker-script';

/** The staging folders' names begin so, inside the outbox ("being written"). */
const STAGING_PREFIX = '.ptdv-dang-ghi-';

/** What the writer thread answers once it has written everything it was given. */
export interface WriterReport {
  error: string | null;
}

export class StagedOutbox {
  private readonly names: string[] = [];
  private readonly worker: Worker | null;
  private failure: unknown = null;

  private constructor(
    readonly outbox: string,
    private readonly staging: string,
  ) {
    const script = builtWorker('outbox-writer-worker');
    // Run from src/ (the tests) there is no built worker: the files are written on this thread.
    this.worker = script ? new Worker(script) : null;
  }

  /**
   * Makes the outbox and this run's staging folder, removing those a killed run left behind.
   * Throws the file system's error when the folder cannot be made.
   */
  static open(outbox: string): StagedOutbox {
    mkdirSync(outbox, { recursive: true });
    for (const name of readdirSync(outbox))
      if (name.startsWith(STAGING_PREFIX))
        rmSync(join(outbox, name), { recursive: true, force: true });
    const staging = join(outbox, STAGING_PREFIX + randomBytes(4).toString('hex'));
    mkdirSync(staging);
    return new StagedOutbox(outbox, staging);
  }

  /** Hands one file over to be written. */
  add(name: string, bytes: Uint8Array): void {
    this.names.push(name);
    const path = join(this.staging, name);
    if (this.worker) {
      // A copy of its own, moved to the writer: a Buffer may be a view of Node's shared pool,
      // which cannot be moved.
      const data = new Uint8Array(bytes);
      this.worker.postMessage({ path, data }, [data.buffer]);
    } else if (this.failure === null) {
      try {
        writeFileSync(path, bytes);
      } catch (e) {
        this.failure = e;
      }
    }
  }

  /** Waits until every file is written; throws the first error met (nothing is in the outbox). */
  async written(): Promise<void> {
    if (this.worker) {
      const worker = this.worker;
      const report = await new Promise<WriterReport>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ done: true });
      });
      await worker.terminate();
      if (report.error !== null) this.failure = new Error(report.error);
    }
    if (this.failure !== null) throw this.failure;
  }

  /** Moves every file into the outbox (a file of the same name is replaced) and the folder away. */
  commit(): void {
    for (const name of this.names) renameSync(join(this.staging, name), join(this.outbox, name));
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Removes the staging folder and whatever was written in it. */
  async discard(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    rmSync(this.staging, { recursive: true, force: true });
  }
}

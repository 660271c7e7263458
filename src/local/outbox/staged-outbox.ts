// A run's .eml files, written into a folder of their own inside the outbox first and moved into the
// outbox only once the workbook that logs them is known to be savable: nothing reaches the outbox
// that the log would not record, and a run killed midway leaves its files out of sight (the next
// run removes the folder).
//
// The files are composed (eml.ts) and created on a worker thread, on the second core, while the
// main thread renders the workbook: composing 2,199 mails is about 0.8 s of nodemailer on this
// machine, and creating as many files costs its disk from 0.1 s to 2 s of kernel time (ext4
// without a journal scans past recently deleted inodes for each new one: see docs/en/limits.md).
// The mails go over in batches, each asked for when the one before is begun: handed over all at
// once their copies cost the worker 40 MB at the run's largest. Moving the files into the outbox
// afterwards is a rename each (about 25 µs).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutgoingMail } from '../../core/reminders/reminder-mail';
import { syncFolder } from '../atomic-file';
import { leftBehindAt, runTag } from '../leftovers';
import { builtWorker } from '../worker-script';
import { composeEml, OUTBOX_SENDER } from './eml';

/** The staging folders' names begin so, inside the outbox ("being written"). */
const STAGING_PREFIX = '.ptdv-dang-ghi-';
/** Mails a batch: one handed over while the one before is written. */
const BATCH = 100;
/** Mails the main thread writes between two looks at the writer's requests. */
const SHARE = 20;

/** One mail to write: the file to make and what to compose into it. */
export interface WriterJob {
  path: string;
  mail: OutgoingMail;
  /** The mail's date, in milliseconds since the epoch. */
  at: number;
}

/** What the main thread hands the writer: a batch, or the word that there is no more. */
export type WriterOrder = { jobs: WriterJob[] } | { done: true };

/** What the writer says: that it began a batch (and wants the next), or, at the end, its report. */
/** Why the writer stopped: the error's message, and its code from the file system if any. */
export interface WriterFailure {
  message: string;
  code: string | null;
}

export type WriterReply = { want: true } | { error: WriterFailure | null };

/** Composes one mail and creates its file, on whichever thread calls it. */
export async function writeMail(job: WriterJob): Promise<void> {
  writeFileSync(job.path, await composeEml(job.mail, OUTBOX_SENDER, new Date(job.at)));
}

export class StagedOutbox {
  private readonly jobs: WriterJob[];
  private readonly worker: Worker | null;
  private readonly report: Promise<WriterFailure | null> | null;
  /** The mails before `sent` went to the writer; those from `tail` on were written here. */
  private sent = 0;
  private tail: number;
  /** The writer was told there is no more. */
  private finished = false;
  /** The mails are in the outbox. */
  private committed = false;
  /** How many of this run's mails could not be taken back out of the outbox. */
  private left = 0;

  /** How many of this run's mails stay in the outbox though the run was not logged. */
  get leftInOutbox(): number {
    return this.left;
  }

  private constructor(
    readonly outbox: string,
    private readonly staging: string,
    mails: readonly { name: string; mail: OutgoingMail; at: Date }[],
    script: string | null,
  ) {
    this.jobs = mails.map(({ name, mail, at }) => ({
      path: join(staging, name),
      mail,
      at: at.getTime(),
    }));
    this.tail = this.jobs.length;
    // Run from src/ (the tests) there is no built worker: the files are written on this thread,
    // in written().
    this.worker = script ? new Worker(script) : null;
    const worker = this.worker;
    if (!worker) {
      this.report = null;
      return;
    }
    const post = () => {
      if (this.finished) return;
      const count = Math.min(BATCH, this.tail - this.sent);
      if (count === 0) return this.finish();
      const order: WriterOrder = { jobs: this.jobs.slice(this.sent, (this.sent += count)) };
      worker.postMessage(order);
    };
    this.report = new Promise<WriterFailure | null>((resolve, reject) => {
      worker.on('message', (reply: WriterReply) => {
        if ('want' in reply) post();
        else resolve(reply.error);
      });
      worker.once('error', reject);
      // A writer that stopped without its report (killed, out of memory) wrote not everything.
      worker.once('exit', () => resolve({ message: 'writer stopped', code: null }));
    });
    // Awaited in written(); until then a failure must not count as unhandled.
    this.report.catch(() => undefined);
    post();
  }

  /**
   * Makes the outbox and this run's staging folder, removing those a killed run left behind, and
   * starts writing `mails` there. Throws the file system's error when the folder cannot be made.
   */
  static open(
    outbox: string,
    mails: readonly { name: string; mail: OutgoingMail; at: Date }[],
    /** The writer thread's script: the built one beside the command line, if any. */
    script: string | null = builtWorker('outbox-writer-worker'),
  ): StagedOutbox {
    mkdirSync(outbox, { recursive: true });
    for (const name of readdirSync(outbox)) {
      if (!name.startsWith(STAGING_PREFIX)) continue;
      try {
        if (leftBehindAt(join(outbox, name), name.slice(STAGING_PREFIX.length)))
          rmSync(join(outbox, name), { recursive: true, force: true });
      } catch {
        // Held (an antivirus, an Explorer window): a later run removes it.
      }
    }
    const staging = join(outbox, STAGING_PREFIX + runTag());
    mkdirSync(staging);
    return new StagedOutbox(outbox, staging, mails, script);
  }

  /**
   * Writes here, from the last mail back, what the writer has not been handed yet, then waits
   * until every file is written; throws the first error met (nothing is in the outbox).
   */
  async written(): Promise<void> {
    let failure: unknown = null;
    while (this.sent < this.tail && failure === null) {
      // A few at a time, letting the writer ask for its next batch in between.
      const to = this.tail;
      this.tail = Math.max(this.sent, to - SHARE);
      try {
        for (const job of this.jobs.slice(this.tail, to)) await writeMail(job);
      } catch (e) {
        failure = e;
        // The run will not be logged: the writer is handed nothing more.
        this.finish();
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.worker && this.report) {
      this.finish();
      try {
        const error = await this.report;
        if (error !== null)
          failure ??= Object.assign(
            new Error(error.message),
            error.code ? { code: error.code } : {},
          );
      } catch (e) {
        // The writer failed as a thread (it could not start, say).
        failure ??= e;
      }
      await this.worker.terminate();
    }
    if (failure !== null) throw failure;
  }

  /** Tells the writer there is no more, once. */
  private finish(): void {
    if (!this.worker || this.finished) return;
    this.finished = true;
    this.worker.postMessage({ done: true } satisfies WriterOrder);
  }

  /**
   * Moves every file into the outbox (a file of the same name is replaced). A move that fails
   * takes back those made before it and throws: the outbox then holds none of this run's mails.
   */
  commit(): void {
    let moved = 0;
    try {
      for (const job of this.jobs) {
        renameSync(job.path, this.delivered(job));
        moved++;
      }
    } catch (e) {
      this.takeBack(moved);
      throw e;
    }
    this.committed = true;
    // The moves reach the disk before the workbook that logs them is renamed in place: a power
    // cut then cannot leave logged mails missing from the outbox. Their bytes are not flushed one
    // by one (an fsync a file would cost seconds for a province's 2,000 mails): the system writes
    // them within seconds, and a cut in those seconds may leave a logged mail empty.
    syncFolder(this.outbox);
    try {
      rmSync(this.staging, { recursive: true, force: true });
    } catch {
      // The mails are in the outbox; an empty folder left here, the next run removes.
    }
  }

  /**
   * Takes this run's mails out of the outbox again, once moved there (the workbook that logs them
   * could not be saved after all), and removes the staging folder: the outbox is as it was, but
   * for a mail of the same name the move replaced (one this run would not have sent had the log
   * recorded it).
   */
  async withdraw(): Promise<void> {
    if (this.committed) this.takeBack(this.jobs.length);
    this.committed = false;
    await this.discard();
  }

  /** Where a mail lies once in the outbox. */
  private delivered(job: WriterJob): string {
    return join(this.outbox, job.path.slice(this.staging.length + 1));
  }

  /**
   * Removes the first `count` mails from the outbox, each it can: one that cannot be removed
   * (held open by a mail program, say) stays, and the error that made the run take them back is
   * the one the user hears, not this one.
   */
  private takeBack(count: number): void {
    for (const job of this.jobs.slice(0, count))
      try {
        rmSync(this.delivered(job), { force: true });
      } catch {
        // Left in the outbox without its log row (written again on the next run): counted, for
        // the user to hear.
        this.left++;
      }
  }

  /**
   * Removes the staging folder and whatever was written in it; a folder that cannot be removed
   * stays for the next run to remove, and the run's own error is the one the user hears.
   */
  async discard(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    try {
      rmSync(this.staging, { recursive: true, force: true });
    } catch {
      // Removed by the next run (`open`).
    }
  }
}

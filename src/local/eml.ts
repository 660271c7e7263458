// One reminder as an .eml file, composed by nodemailer's MailComposer (MIME, UTF-8 headers,
// multipart/alternative with text and HTML) so any mail client opens it and an office can send it
// by hand. Only composed: nothing is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../core/reminders/reminder-mail';
import { builtWorker } from './worker-script';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

/**
 * How many mails are composed at once: MailComposer builds a message through a chain of streams,
 * one tick at a time, so composing a few side by side spends less time waiting between ticks
 * (2,199 mails of the bench: 1.2 s one by one, 0.6 s twenty at a time, no faster beyond).
 */
const AT_ONCE = 20;

function buildEml(mail: OutgoingMail, from: string, date: Date): Promise<Buffer> {
  const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 24);
  const composer = new MailComposer({
    from: { name: SENDER_NAME, address: from },
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date,
    messageId: `<${id}@ptdv.invalid>`,
    // Vietnamese text in quoted-printable is mostly escapes (a letter with its marks is two or
    // three "=XX"): base64 is as readable to a mail client, smaller, and encoded natively.
    textEncoding: 'base64',
  });
  return new Promise((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

/** A mail to compose, with the time of its run and the file it goes to. */
export interface EmlInput {
  mail: OutgoingMail;
  at: Date;
  file: string;
}

/**
 * Composes batches of `mails` until none is left, taking each batch's first index from `next`
 * (shared between the threads that compose them): the composed mails by index.
 */
export async function composeShare(
  mails: readonly EmlInput[],
  from: string,
  next: Int32Array,
): Promise<Map<number, Buffer>> {
  const done = new Map<number, Buffer>();
  for (let i = Atomics.add(next, 0, AT_ONCE); i < mails.length; i = Atomics.add(next, 0, AT_ONCE)) {
    const batch = mails.slice(i, i + AT_ONCE);
    const emls = await Promise.all(batch.map(({ mail, at }) => buildEml(mail, from, at)));
    emls.forEach((eml, k) => done.set(i + k, eml));
  }
  return done;
}

/** Writes composed mails to their files (the folder made first). */
export function writeShare(mails: readonly EmlInput[], done: Map<number, Buffer>): void {
  const folders = new Set([...done.keys()].map((i) => dirname(mails[i]!.file)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const [i, eml] of done) writeFileSync(mails[i]!.file, eml);
}

/** What the worker thread is told: the mails to compose (its share of them), then to write. */
export type EmlOrder =
  { kind: 'compose'; mails: EmlInput[]; from: string; next: Int32Array } | { kind: 'write' };

/** What the worker says once its share is written, or why it is not. */
export interface EmlReply {
  written?: number;
  error?: string;
}

/**
 * Composes and writes a run's .eml files on two threads. A worker thread (eml-worker.ts, started
 * with the command so it is ready when the mails are) begins composing as soon as it is given
 * them, while this thread makes the workbook's new file; once that file is known to be savable,
 * this thread composes what is left while the worker writes its share, then writes its own.
 * Run from src/ (no built worker), this thread does it all.
 */
export class EmlComposer {
  private readonly worker: Worker | null;
  private order: Extract<EmlOrder, { kind: 'compose' }> | null = null;

  constructor() {
    const script = builtWorker('eml-worker');
    this.worker = script ? new Worker(script) : null;
    this.worker?.unref();
  }

  /** Hands the mails over: the worker starts composing them now. */
  start(mails: EmlInput[], from: string): void {
    this.order = { kind: 'compose', mails, from, next: new Int32Array(new SharedArrayBuffer(4)) };
    if (mails.length) this.worker?.postMessage(this.order);
  }

  /** Every mail composed and written to its file. */
  async writeAll(): Promise<void> {
    const order = this.order;
    if (!order || order.mails.length === 0) return;
    const worker = this.worker;
    const theirs = worker
      ? new Promise<void>((resolve, reject) => {
          worker.once('message', (reply: EmlReply) =>
            reply.error === undefined ? resolve() : reject(new Error(reply.error)),
          );
          worker.once('error', reject);
          worker.once('exit', () => reject(new Error('worker stopped')));
        })
      : null;
    // Taken below; until then a failure must not count as unhandled.
    theirs?.catch(() => undefined);
    worker?.postMessage({ kind: 'write' } satisfies EmlOrder);
    writeShare(order.mails, await composeShare(order.mails, order.from, order.next));
    await theirs;
  }

  /** Stops the worker (a run with nothing to send never needs it). */
  close(): void {
    void this.worker?.terminate();
  }
}

/** A file name that sorts by day and says which reminder it is. */
export function emlFileName(key: string, day: string): string {
  return `${day}-${key.replace(/[^A-Za-z0-9-]+/g, '_')}.eml`;
}

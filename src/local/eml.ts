// One reminder as an .eml file, compiled by nodemailer's MailComposer (MIME, UTF-8 headers,
// multipart/alternative with text and HTML) so any mail client opens it and an office can send it
// by hand. Only composed: nothing is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../core/reminders/reminder-mail';
import { mimeBytes } from './mime-text';
import { builtWorker } from './worker-script';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

/**
 * How many mails a thread takes at a time from the shared counter: few enough that both threads
 * finish together, enough that the counter is not the work (and build() still interleaves a
 * batch's streams in the rare message that needs it: 1.2 s one by one, 0.6 s twenty at a time).
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
  const compiled = composer.compile();
  // Every reminder is strings only: written in one pass (mime-text.ts), the same bytes.
  const bytes = mimeBytes(compiled);
  if (bytes) return Promise.resolve(bytes);
  return new Promise((resolve, reject) =>
    compiled.build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

/** A mail to compose, with the time of its run and the file it goes to. */
export interface EmlInput {
  mail: OutgoingMail;
  at: Date;
  file: string;
}

/** The texts of a mail that composing needs, in the order they are packed. */
const FIELDS = 6;

/**
 * A run's mails as UTF-8 in shared memory, each text's end in `ends` and each run's time in `at`:
 * both threads read the same bytes, and each makes strings only of the mails it composes (a
 * copy of every mail's text and HTML on the worker's heap was 40 MB of a province's run).
 */
export interface PackedMails {
  count: number;
  bytes: SharedArrayBuffer;
  ends: Int32Array;
  at: Float64Array;
}

const fieldsOf = ({ file, mail }: EmlInput): string[] => [
  file,
  mail.key,
  JSON.stringify(mail.to),
  mail.subject,
  mail.text,
  mail.html,
];

/** Packs the mails (their texts measured first, so the bytes are written once). */
export function packMails(mails: readonly EmlInput[]): PackedMails {
  const count = mails.length;
  const ends = new Int32Array(new SharedArrayBuffer(4 * count * FIELDS));
  const at = new Float64Array(new SharedArrayBuffer(8 * count));
  let size = 0;
  for (const m of mails) for (const f of fieldsOf(m)) size += Buffer.byteLength(f, 'utf8');
  const bytes = new SharedArrayBuffer(size);
  const view = Buffer.from(bytes);
  let end = 0;
  mails.forEach((m, i) => {
    at[i] = m.at.getTime();
    fieldsOf(m).forEach((f, k) => {
      end += view.write(f, end, 'utf8');
      ends[i * FIELDS + k] = end;
    });
  });
  return { count, bytes, ends, at };
}

/** One packed mail, as its own strings. */
export function unpackMail(packed: PackedMails, i: number): EmlInput {
  const view = Buffer.from(packed.bytes);
  const base = i * FIELDS;
  const text = (k: number) =>
    view.toString(
      'utf8',
      base + k === 0 ? 0 : (packed.ends[base + k - 1] as number),
      packed.ends[base + k],
    );
  return {
    file: text(0),
    mail: {
      key: text(1),
      to: JSON.parse(text(2)) as string[],
      subject: text(3),
      text: text(4),
      html: text(5),
    },
    at: new Date(packed.at[i] as number),
  };
}

/** Mails composed by one thread, by index: each one's file and bytes. */
export type ComposedShare = Map<number, { file: string; eml: Buffer }>;

/**
 * Composes batches of the packed mails until none is left, taking each batch's first index from
 * `next` (shared between the threads that compose them).
 */
export async function composeShare(
  packed: PackedMails,
  from: string,
  next: Int32Array,
): Promise<ComposedShare> {
  const done: ComposedShare = new Map();
  for (let i = Atomics.add(next, 0, AT_ONCE); i < packed.count; i = Atomics.add(next, 0, AT_ONCE)) {
    const batch: EmlInput[] = [];
    for (let k = i; k < Math.min(i + AT_ONCE, packed.count); k++) batch.push(unpackMail(packed, k));
    const emls = await Promise.all(batch.map(({ mail, at }) => buildEml(mail, from, at)));
    emls.forEach((eml, k) => done.set(i + k, { file: (batch[k] as EmlInput).file, eml }));
  }
  return done;
}

/** Writes composed mails to their files (the folder made first). */
export function writeShare(done: ComposedShare): void {
  const folders = new Set([...done.values()].map(({ file }) => dirname(file)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const { file, eml } of done.values()) writeFileSync(file, eml);
}

/** What the worker thread is told: the mails to compose (its share of them), then to write. */
export type EmlOrder =
  { kind: 'compose'; packed: PackedMails; from: string; next: Int32Array } | { kind: 'write' };

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
    // A small young generation: the worker's garbage is short-lived (each batch's streams), and
    // V8's default (up to 48 MB) made its heap twice the size for the same speed.
    this.worker = script
      ? new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8 } })
      : null;
    this.worker?.unref();
  }

  /** Hands the mails over (packed: the caller may let its own go): the worker starts on them. */
  start(mails: readonly EmlInput[], from: string): void {
    const packed = packMails(mails);
    this.order = { kind: 'compose', packed, from, next: new Int32Array(new SharedArrayBuffer(4)) };
    if (packed.count) this.worker?.postMessage(this.order);
  }

  /** How many mails were handed over. */
  get count(): number {
    return this.order?.packed.count ?? 0;
  }

  /** Every mail composed and written to its file. */
  async writeAll(): Promise<void> {
    const order = this.order;
    if (!order || order.packed.count === 0) return;
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
    writeShare(await composeShare(order.packed, order.from, order.next));
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

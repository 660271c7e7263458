// One reminder as an .eml file, compiled by nodemailer's MailComposer (MIME, UTF-8 headers,
// multipart/alternative with text and HTML) so any mail client opens it and an office can send it
// by hand. Only composed: nothing is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../core/reminders/reminder-mail';
import { mimeBytes } from './mime-text';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

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

/**
 * A run's .eml files, composed and written (the folders made first). Each is composed in one
 * synchronous pass (mime-text.ts) and written at once, so at most one message's bytes are held:
 * 2,199 mails of a province's run take a few tenths of a second (a worker thread composing beside
 * the making of the workbook, as before, was slower and larger once composing no longer went
 * through nodemailer's streams).
 */
export async function writeEmls(mails: readonly EmlInput[], from: string): Promise<void> {
  for (const folder of new Set(mails.map(({ file }) => dirname(file))))
    mkdirSync(folder, { recursive: true });
  for (const { mail, at, file } of mails) writeFileSync(file, await buildEml(mail, from, at));
}

/** A file name that sorts by day and says which reminder it is. */
export function emlFileName(key: string, day: string): string {
  return `${day}-${key.replace(/[^A-Za-z0-9-]+/g, '_')}.eml`;
}

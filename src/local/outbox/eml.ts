// One reminder as an .eml file, compiled by nodemailer's MailComposer (MIME, UTF-8 headers,
// multipart/alternative with text and HTML) so any mail client opens it and an office can send it
// by hand. Only composed: nothing is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../../core/reminders/reminder-mail';
import { MAIL_SENDER_NAME } from '../../core/messages/mail';
import { mimeBytes } from './mime-text';

let composerClass: typeof MailComposer | undefined;

/**
 * nodemailer's composer, loaded when the first mail is composed: `report --write`, `counts --into`
 * and `new-year` never compose one, and loading it took them 30-40 ms (measured alone).
 */
function mailComposer(): typeof MailComposer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  composerClass ??= require('nodemailer/lib/mail-composer') as typeof MailComposer;
  return composerClass;
}

/** The sender of the outbox's files: an office sends them by hand from its own account. */
export const OUTBOX_SENDER = 'ptdv@localhost';

/**
 * One reminder's file, composed in one synchronous pass (mime-text.ts) when it is strings only, as
 * every reminder is; through nodemailer's stream otherwise. A run of 2,199 mails takes a few
 * tenths of a second.
 */
export function composeEml(mail: OutgoingMail, from: string, date: Date): Promise<Buffer> {
  const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 24);
  const Composer = mailComposer();
  const composer = new Composer({
    from: { name: MAIL_SENDER_NAME, address: from },
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

/** A file name that sorts by day and says which reminder it is. */
export function emlFileName(key: string, day: string): string {
  return `${day}-${key.replace(/[^A-Za-z0-9-]+/g, '_')}.eml`;
}

// One reminder as an .eml file in nodemailer's MIME (UTF-8 headers, multipart/alternative with text
// and HTML), so any mail client opens it and an office can send it by hand. Only composed: nothing
// is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../../core/reminders/reminder-mail';
import { MAIL_SENDER_NAME } from '../../core/messages/mail';
import { reminderMime, type MimeFields } from './mime-text';

let composerClass: typeof MailComposer | undefined;

/**
 * nodemailer's composer, for a mail with an empty body only (mime-text.ts writes every other):
 * loaded when first needed.
 */
function mailComposer(): typeof MailComposer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  composerClass ??= require('nodemailer/lib/mail-composer') as typeof MailComposer;
  return composerClass;
}

/** The sender of the outbox's files: an office sends them by hand from its own account. */
export const OUTBOX_SENDER = 'ptdv@localhost';

/**
 * One reminder's file, written in one synchronous pass with nodemailer's encoders (mime-text.ts),
 * as MailComposer would build it; a mail with an empty body (none today) is built by the composer.
 */
export function composeEml(mail: OutgoingMail, from: string, date: Date): Promise<Buffer> {
  const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 24);
  const fields: MimeFields = {
    from: { name: MAIL_SENDER_NAME, address: from },
    to: mail.to,
    subject: mail.subject,
    messageId: `<${id}@ptdv.invalid>`,
    date,
    text: mail.text,
    html: mail.html,
  };
  const bytes = reminderMime(fields);
  if (bytes) return Promise.resolve(bytes);
  const Composer = mailComposer();
  // Vietnamese text in quoted-printable is mostly escapes (a letter with its marks is two or three
  // "=XX"): base64 is as readable to a mail client, smaller, and encoded natively.
  const compiled = new Composer({ ...fields, textEncoding: 'base64' }).compile();
  return new Promise((resolve, reject) =>
    compiled.build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

/**
 * A file name that sorts by day and says which reminder it is, one name a key. The key's parts
 * are joined by `_` where the key has `|`; anything else that a name does not carry everywhere
 * (a Vietnamese letter or a space in a unit's code) becomes `_` too, and then two units' keys
 * could make one name, the second mail replacing the first: such a name ends with the key's hash.
 */
export function emlFileName(key: string, day: string): string {
  const readable = key.replace(/[^A-Za-z0-9-]+/g, '_');
  const lossy = /[^A-Za-z0-9|-]|\|\|/.test(key);
  const hash = lossy ? `-${createHash('sha256').update(key).digest('hex').slice(0, 8)}` : '';
  return `${day}-${readable}${hash}.eml`;
}

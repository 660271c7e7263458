// One reminder as an .eml file, composed by nodemailer's MailComposer (MIME, UTF-8 headers,
// multipart/alternative with text and HTML) so any mail client opens it and an office can send it
// by hand. Only composed: nothing is sent, nothing reaches the network.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../core/reminders/reminder-mail';

const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

export function buildEml(mail: OutgoingMail, from: string, date: Date): Promise<Buffer> {
  const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 24);
  const composer = new MailComposer({
    from: { name: SENDER_NAME, address: from },
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date,
    messageId: `<${id}@ptdv.invalid>`,
  });
  return new Promise((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
}

/** A file name that sorts by day and says which reminder it is. */
export function emlFileName(key: string, day: string): string {
  return `${day}-${key.replace(/[^A-Za-z0-9-]+/g, '_')}.eml`;
}

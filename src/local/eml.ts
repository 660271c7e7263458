// One reminder as an .eml file: valid MIME, UTF-8, multipart/alternative (text + HTML), so any
// mail client can open it and an office can send it by hand.
import { createHash } from 'node:crypto';
import type { OutgoingMail } from '../core/reminder-mail';

const CRLF = '\r\n';
const SENDER_NAME = 'Nhắc việc phát triển đảng viên';

/** RFC 2047 encoded words, each under 76 characters, split on whole characters. */
export function encodeHeader(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

export function buildEml(mail: OutgoingMail, from: string, date: Date): string {
  const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 24);
  const boundary = `ptdv-${id}`;
  return [
    `From: ${encodeHeader(SENDER_NAME)} <${from}>`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@ptdv.invalid>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** A file name that sorts by day and says which reminder it is. */
export function emlFileName(key: string, day: string): string {
  return `${day}-${key.replace(/[^A-Za-z0-9-]+/g, '_')}.eml`;
}

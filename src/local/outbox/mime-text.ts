// A reminder's message written straight from its fields, in one synchronous pass, with nodemailer's
// own encoders: the address, subject and date headers as a MimeNode encodes them, folded by its
// foldLines, each part's body base64-encoded by its encoder (or as it is when nodemailer would send
// it 7bit), laid out as MailComposer lays out text with HTML (multipart/alternative) and
// MimeNode.stream writes it. Compiling a MailComposer for each mail and building its headers was
// about 0.3 ms of CPU a mail in isolation and 1.2-1.7 ms in a province's `remind` (2,199 mails:
// 1.3-2 s of the run's end, measured by giving every mail the first one's bytes); the layout here
// is the one thing not nodemailer's, and tests/local/mime-text.test.ts holds it to build()'s bytes.
import { randomBytes } from 'node:crypto';
import type * as Base64 from 'nodemailer/lib/base64';
import type * as MimeFuncs from 'nodemailer/lib/mime-funcs';
import type MimeNode from 'nodemailer/lib/mime-node';

/** What a reminder's message is made of; both bodies are non-empty (see `reminderMime`). */
export interface MimeFields {
  from: { name: string; address: string };
  to: string[];
  subject: string;
  messageId: string;
  date: Date;
  text: string;
  html: string;
}

interface Encoders {
  base64: typeof Base64;
  funcs: typeof MimeFuncs;
  /** A node only asked to encode header values: it keeps nothing between calls. */
  headers: MimeNode;
}

let encoders: Encoders | undefined;

/** nodemailer's encoders, loaded when the first mail is written (`report` never loads them). */
function loaded(): Encoders {
  if (!encoders) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    const Node = require('nodemailer/lib/mime-node') as typeof MimeNode;
    encoders = {
      base64: require('nodemailer/lib/base64') as typeof Base64,
      funcs: require('nodemailer/lib/mime-funcs') as typeof MimeFuncs,
      // eml.ts composes with textEncoding 'base64', which a node keeps as 'B'.
      headers: new Node(false, { textEncoding: 'B' }),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return encoders;
}

/** The sender's header value, the same for every mail of a run: encoded once. */
const fromValues = new Map<string, string | null>();

/**
 * Base64 text in lines of `length`, as nodemailer's `wrap` and its streaming Encoder cut it (every
 * line but the last ended by CRLF). `wrap` does it with a regular expression over every
 * character, half the cost of composing a reminder's parts (2,000 reminders of 9 kB: 270 ms,
 * these slices 130 ms); base64 has no line break or space for its `trim` to remove.
 */
function wrapLines(text: string, length: number): string {
  if (text.length <= length) return text;
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += length) lines.push(text.slice(at, at + length));
  return lines.join('\r\n');
}

/**
 * One text part as MailComposer makes it (its content type always names UTF-8) and MimeNode
 * writes it: 7bit when the body is plain ASCII in short lines, base64 otherwise (the composer's
 * text encoding is base64, so never quoted-printable).
 */
function part(type: string, body: string, { funcs, base64 }: Encoders): string {
  const plain = funcs.isPlainText(body) && !funcs.hasLongerLines(body, 76);
  return (
    `Content-Type: ${type}; charset=utf-8\r\n` +
    `Content-Transfer-Encoding: ${plain ? '7bit' : 'base64'}\r\n\r\n` +
    (plain ? body : wrapLines(base64.encode(Buffer.from(body, 'utf8')), 76))
  );
}

/**
 * The message's bytes as nodemailer's MailComposer builds them from the same fields with
 * `textEncoding: 'base64'` and `baseBoundary` (random, as nodemailer's, unless given); null when
 * a body is empty (the composer then leaves that part out: eml.ts builds such a mail with it).
 */
export function reminderMime(fields: MimeFields, baseBoundary?: string): Buffer | null {
  if (fields.text === '' || fields.html === '') return null;
  const enc = loaded();
  const { funcs, headers } = enc;
  // buildHeaders leaves out a header whose value is blank, and folds the others at 76.
  const line = (key: string, value: string): string | null =>
    value.trim() === '' ? null : funcs.foldLines(`${key}: ${value}`, 76);
  const fromKey = `${fields.from.name}\0${fields.from.address}`;
  let from = fromValues.get(fromKey);
  if (from === undefined) {
    from = line('From', headers.encodeHeaderValue('From', fields.from));
    fromValues.set(fromKey, from);
  }
  const boundary = `--_NmP-${baseBoundary ?? randomBytes(8).toString('hex')}-Part_1`;
  const head = [
    from,
    line('To', headers.encodeHeaderValue('To', fields.to)),
    line('Subject', headers.encodeHeaderValue('Subject', fields.subject)),
    line('Message-ID', headers.encodeHeaderValue('Message-ID', fields.messageId)),
    line('Date', headers.encodeHeaderValue('Date', fields.date)),
    'MIME-Version: 1.0',
    line(
      'Content-Type',
      funcs.buildHeaderValue({ value: 'multipart/alternative', params: { boundary } }),
    ),
  ]
    .filter((header) => header !== null)
    .join('\r\n');
  const text =
    `${head}\r\n\r\n--${boundary}\r\n${part('text/plain', fields.text, enc)}` +
    `\r\n--${boundary}\r\n${part('text/html', fields.html, enc)}\r\n--${boundary}--\r\n`;
  return Buffer.from(text, 'utf8');
}

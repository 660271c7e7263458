// A message nodemailer has compiled, written out in one synchronous pass. MimeNode.build() streams
// each part through a chain of streams, a tick at a time (about a millisecond of CPU a reminder:
// 2,199 mails were two seconds of a province's `remind`); for parts whose content is a string,
// as every reminder's is, the same bytes come from nodemailer's own headers and encoders here:
// the node's header block, the content base64-encoded and wrapped as its Encoder does, or as it
// is (7bit), and the children between the node's boundaries, exactly as MimeNode.stream writes
// them. Any other part (a stream, quoted-printable, a raw node) is left to build().
import type * as Base64 from 'nodemailer/lib/base64';
import type MimeNode from 'nodemailer/lib/mime-node';

let base64Module: typeof Base64 | undefined;

/** nodemailer's base64 encoder, loaded with its composer (eml.ts), when a mail is written. */
function base64(): typeof Base64 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  base64Module ??= require('nodemailer/lib/base64') as typeof Base64;
  return base64Module;
}

/** The parts of a compiled node read here; nodemailer keeps them on the node. */
interface Node {
  buildHeaders(): string;
  getTransferEncoding(): string | false;
  content?: unknown;
  multipart?: unknown;
  boundary?: string;
  childNodes: Node[];
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  newline?: unknown;
}

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

/** What stream() would write for this node, or null where only build() may write it. */
function serialize(node: Node, out: string[]): boolean {
  if (node._raw) return false;
  out.push(node.buildHeaders() + '\r\n\r\n');
  if (node.content !== undefined && node.content !== '' && node.content !== null) {
    if (typeof node.content !== 'string') return false;
    const encoding = node.getTransferEncoding();
    if (encoding === 'base64') {
      out.push(wrapLines(base64().encode(Buffer.from(node.content, 'utf8')), 76));
    } else if (encoding === 'quoted-printable') return false;
    else out.push(node.content);
  }
  if (node.multipart) {
    node.childNodes.forEach((child, i) => {
      out.push((i > 0 ? '\r\n' : '') + '--' + node.boundary + '\r\n');
      if (!serialize(child, out)) throw new NotPlain();
    });
    out.push('\r\n--' + node.boundary + '--\r\n');
  }
  return true;
}

class NotPlain extends Error {}

/** The message's bytes, as `node.build()` would give them; null when it must build them. */
export function mimeBytes(compiled: MimeNode): Buffer | null {
  const node = compiled as unknown as Node;
  // Transforms, DKIM and newline conversion happen in build()'s streams only.
  if (node._transforms?.length || node._processFuncs?.length || node.newline) return null;
  const out: string[] = [];
  try {
    if (!serialize(node, out)) return null;
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
  let text = out.join('');
  // build() ends every message with a line break (its last stage adds one when missing).
  if (!text.endsWith('\n')) text += '\r\n';
  return Buffer.from(text, 'utf8');
}

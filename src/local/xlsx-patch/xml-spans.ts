// Where each element of an XML part stands in its text, found by a real XML parser (saxes), so
// that a part ptdv changes is edited only where it must be: a tag inserted before a closing tag,
// a count attribute updated. Everything else in the part keeps its bytes.
import { SaxesParser } from 'saxes';

export interface ElementSpan {
  /** The name as written, prefix included (`x:sheets`), to write siblings the same way. */
  name: string;
  /** The name without its prefix. */
  local: string;
  attributes: Record<string, string>;
  /** Offset of the start tag's `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (equal to `end` when the element closes itself). */
  close: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** 0 for the root. */
  depth: number;
  /** The parent's index in the list (-1 for the root). */
  parent: number;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Every element of `xml` in document order, or only those `keep` accepts (by local name and
 * depth); a part that is not well-formed throws the parser's error, which callers turn into the
 * Vietnamese "cannot read" message.
 */
export function elementSpans(
  xml: string,
  keep: (local: string, depth: number) => boolean = () => true,
): ElementSpan[] {
  const spans: ElementSpan[] = [];
  /** Indexes in `spans` of the open elements (-1 for one not kept). */
  const open: number[] = [];
  const parser = new SaxesParser({ position: true });
  let start = 0;
  parser.on('opentagstart', () => {
    start = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const depth = open.length;
    const local = localName(tag.name);
    if (!keep(local, depth)) {
      if (!tag.isSelfClosing) open.push(-1);
      return;
    }
    const parent = [...open].reverse().find((i) => i >= 0) ?? -1;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = String(v);
    const at = parser.position;
    spans.push({
      name: tag.name,
      local,
      attributes,
      start,
      openEnd: at,
      close: at,
      end: at,
      selfClosing: tag.isSelfClosing,
      depth,
      parent,
    });
    if (!tag.isSelfClosing) open.push(spans.length - 1);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const index = open.pop();
    if (index === undefined || index < 0) return;
    const span = spans[index] as ElementSpan;
    span.end = parser.position;
    span.close = xml.lastIndexOf('</', parser.position - 1);
  });
  parser.write(xml).close();
  return spans;
}

/** An edit of a part's text: `text` put in place of [from, to). */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** The text with the edits made, from the last to the first so offsets stay true. */
export function applyEdits(xml: string, edits: readonly TextEdit[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.from - a.from || b.to - a.to))
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** The prefix (with its colon) an element's name was written with, '' for none. */
export const prefixOf = (span: ElementSpan): string =>
  span.name.includes(':') ? span.name.slice(0, span.name.indexOf(':') + 1) : '';

/** Text written as an element's content. */
export const escapeText = (value: string): string =>
  // A carriage return is written as a reference: a reader turns a raw one into a line feed.
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** A value written as an attribute: white space as references, so a reader keeps it as it is. */
export const escapeAttribute = (value: string): string =>
  escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/**
 * A user's text as XML 1.0 can hold it: the characters it cannot hold at all (a stray control
 * character pasted in) dropped.
 */
export const xmlSafe = (value: string): string =>
  // eslint-disable-next-line no-control-regex
  value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/**
 * The edit that sets an attribute in an element's start tag: the value replaced where the
 * attribute is written, else the attribute added before the tag's end.
 */
export function setAttribute(
  xml: string,
  span: ElementSpan,
  name: string,
  value: string,
): TextEdit {
  const tag = xml.slice(span.start, span.openEnd);
  const found = new RegExp(`(\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`).exec(
    tag,
  );
  if (found) {
    const from = span.start + found.index + (found[1] ?? '').length;
    return { from, to: from + found[0].length - (found[1] ?? '').length, text: `"${value}"` };
  }
  const at = span.openEnd - (span.selfClosing ? 2 : 1);
  return { from: at, to: at, text: ` ${name}="${value}"` };
}

/**
 * The text of a PDF as Chromium prints it (Skia: plain `N 0 obj` objects, Flate streams, each
 * font a Type0 font with a ToUnicode map, glyphs shown as `<hex> Tj` or in `[…] TJ` arrays), so
 * a test can read what a person would see without a PDF tool on the machine. Glyphs that map to
 * no character (a missing glyph, the .notdef box) are counted in `unmapped`.
 */
import { inflateSync } from 'node:zlib';

export interface PdfText {
  /** All shown text, in stream order, whitespace runs collapsed to one space. */
  text: string;
  /** Glyphs shown that the font's ToUnicode map does not turn into a character. */
  unmapped: number;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(text); m !== null; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    if (at < 0) {
      found.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let from = start + at + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const length = /\/Length (\d+)/.exec(dict);
    const to = length ? from + Number(length[1]) : text.indexOf('endstream', from);
    const raw = pdf.subarray(from, to);
    found.set(Number(m[1]), {
      dict,
      stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw,
    });
  }
  return found;
}

/** A ToUnicode CMap: glyph code (hex) → characters. */
function cmap(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, chars] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set((code ?? '').toUpperCase(), utf16(chars ?? ''));
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    );
    for (const [, lo, hi, dst] of ranges) {
      const width = (lo ?? '').length;
      const first = parseInt(lo ?? '0', 16);
      const last = parseInt(hi ?? '0', 16);
      const list = (dst ?? '').startsWith('[')
        ? [...(dst ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((d) => d[1] ?? '')
        : null;
      for (let code = first; code <= last; code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (list) map.set(key, utf16(list[code - first] ?? ''));
        else {
          const base = Buffer.from((dst ?? '').slice(1, -1), 'hex').swap16();
          const chars = base.toString('utf16le');
          map.set(
            key,
            chars.slice(0, -1) +
              String.fromCharCode(chars.charCodeAt(chars.length - 1) + code - first),
          );
        }
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): PdfText {
  const all = objects(pdf);
  // Font resource names → ToUnicode maps (Chromium names each font once per document).
  const fonts = new Map<string, Map<string, string>>();
  for (const { dict } of all.values())
    for (const block of dict.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const [, name, ref] of (block[1] ?? '').matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(all.get(Number(ref))?.dict ?? '');
        const stream = toUnicode ? all.get(Number(toUnicode[1]))?.stream : null;
        if (stream) fonts.set(name ?? '', cmap(stream.toString('latin1')));
      }
  let text = '';
  let unmapped = 0;
  let font: Map<string, string> | undefined;
  const show = (hex: string) => {
    for (let i = 0; i + 4 <= hex.length; i += 4) {
      const chars = font?.get(hex.slice(i, i + 4).toUpperCase());
      if (chars === undefined || chars === '') unmapped++;
      else text += chars;
    }
  };
  for (const { dict, stream } of all.values()) {
    if (stream === null || /\/Subtype|\/Type|\/Length1|\/CIDSet/.test(dict)) continue;
    const content = stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    const ops =
      /\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\b(BT|ET|Tm|T\*)\b|([-\d.]+)\s+([-\d.]+)\s+T[dD]/g;
    for (const m of content.matchAll(ops)) {
      if (m[1] !== undefined) font = fonts.get(m[1]);
      else if (m[2] !== undefined) show(m[2]);
      else if (m[3] !== undefined)
        for (const [, hex] of m[3].matchAll(/<([0-9A-Fa-f]*)>/g)) show(hex ?? '');
      else if (m[4] !== undefined) text += ' ';
      else if (Number(m[6]) !== 0) text += ' '; // a new line
    }
  }
  return { text: text.replace(/\s+/g, ' ').trim(), unmapped };
}

// What other programs write that exceljs's full reader takes only as Excel writes it, mended as
// the file is read. exceljs 4.4 finds a part by its name and path, not by the relationships that
// lead to it, and an XML element by its prefix, not by its namespace. openpyxl writes files that
// say the same things otherwise, and exceljs failed on every one that held a picture, a chart or
// a comment ("Cannot read properties of undefined (reading 'anchors')"), so ptdv could not open
// them in full (`report --write`, `remind`):
//   - drawings in a default namespace (`<wsDr xmlns="…spreadsheetDrawing">`, where exceljs
//     expects `<xdr:wsDr>`);
//   - comments at xl/comments/comment1.xml and their shapes at xl/drawings/commentsDrawing1.vml
//     (exceljs reads only xl/comments1.xml and xl/drawings/vmlDrawing1.vml);
//   - relationships to absolute part names (`/xl/tables/table1.xml`; exceljs looks tables and
//     comments up by the relative name Excel writes, `../tables/table1.xml`).
// `inExceljsLayout` hands exceljs the same workbook in the layout it reads: those parts renamed,
// the relationships relative, the drawings' elements under Excel's prefixes. A file Excel or ptdv
// wrote is passed through untouched. And a table without `<tableStyleInfo>` (LibreOffice writes
// none) is read by exceljs as a table whose style is null, which its writer then fails on
// ("Cannot read properties of null (reading 'theme')"): `styleEveryTable` gives it an explicit
// "no style", which is what the absence means.
import { posix } from 'node:path';
import type ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { MAIN_NS, prefixesMain } from './xlsx-main-prefix';
import { jszip } from './xlsx-patch/jszip-library';
import { elementSpans, escapeAttribute, escapeText } from './xlsx-patch/xml-spans';

/** The prefixes exceljs's drawing reader expects, by namespace. */
const DRAWING_PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * `xml` written again with the given prefix for each namespace of `prefixes` (declared on the
 * root element; the prefix '' makes its namespace the default one); other names, text and CDATA
 * as they were, comments and processing instructions left out. Null when the part binds one of
 * those prefixes to another namespace, when the default namespace is taken and an element would
 * fall under another, or when the part is not well-formed XML: the caller then keeps the part as
 * it was.
 */
export function withPrefixes(xml: string, prefixes: Record<string, string>): string | null {
  const parser = new SaxesParser({ xmlns: true });
  const out: string[] = [XML_DECLARATION];
  const canonical = new Map(Object.entries(prefixes).map(([uri, p]) => [p, uri]));
  let depth = 0;
  let conflict = false;
  let failed = false;
  const toDefault = Object.values(prefixes).includes('');
  const qualified = (uri: string, local: string, name: string) => {
    const prefix = prefixes[uri];
    if (prefix === '') return local;
    // Unprefixed, it would now fall under the namespace made the default one.
    if (toDefault && !name.includes(':')) conflict = true;
    return prefix === undefined ? name : `${prefix}:${local}`;
  };
  parser.on('opentag', (node: SaxesTagNS) => {
    let tag = `<${qualified(node.uri, node.local, node.name)}`;
    if (depth === 0)
      for (const [uri, prefix] of Object.entries(prefixes))
        tag += prefix === '' ? ` xmlns="${uri}"` : ` xmlns:${prefix}="${uri}"`;
    for (const { name, prefix, local, uri, value } of Object.values(node.attributes)) {
      if (name === 'xmlns') {
        // A default namespace whose elements now carry a prefix is declared no more; one made
        // the default is declared on the root; another one below the root would take over.
        if (toDefault && depth > 0 && prefixes[value] !== '') conflict = true;
        if (prefixes[value] === undefined && !toDefault)
          tag += ` xmlns="${escapeAttribute(value)}"`;
      } else if (prefix === 'xmlns') {
        const bound = canonical.get(local);
        if (bound !== undefined && bound !== value) conflict = true;
        if (bound === undefined || depth > 0) tag += ` ${name}="${escapeAttribute(value)}"`;
      } else {
        const attribute = prefix === '' ? name : qualified(uri, local, name);
        tag += ` ${attribute}="${escapeAttribute(value)}"`;
      }
    }
    out.push(node.isSelfClosing ? `${tag}/>` : `${tag}>`);
    if (!node.isSelfClosing) depth++;
  });
  parser.on('closetag', (node: SaxesTagNS) => {
    if (node.isSelfClosing) return;
    depth--;
    out.push(`</${qualified(node.uri, node.local, node.name)}>`);
  });
  parser.on('text', (text: string) => {
    if (depth > 0) out.push(escapeText(text));
  });
  parser.on('cdata', (text: string) => {
    if (depth > 0) out.push(`<![CDATA[${text}]]>`);
  });
  parser.on('error', () => {
    failed = true;
  });
  try {
    parser.write(xml).close();
  } catch {
    failed = true;
  }
  return failed || conflict ? null : out.join('');
}

/** The attributes of each `<Relationship>` of a .rels part; null if it is not well-formed. */
function relationships(xml: string): Record<string, string>[] | null {
  try {
    return elementSpans(xml, (local) => local === 'Relationship' || local === 'Relationships')
      .filter((s) => s.local === 'Relationship')
      .map((s) => s.attributes);
  } catch {
    return null;
  }
}

function relationshipsXml(rels: Record<string, string>[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship ${Object.entries(r)
        .map(([k, v]) => `${k}="${escapeAttribute(v)}"`)
        .join(' ')}/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${RELS_NAMESPACE}">${items.join('')}</Relationships>`;
}

/** The part a .rels part speaks for: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml. */
const sourceOf = (rels: string) =>
  posix.join(posix.dirname(posix.dirname(rels)), posix.basename(rels, '.rels'));
const relsOf = (part: string) =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** The name, from the zip's root, of the part `target` points to from `source`. */
function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(source), target));
}

/** Where exceljs looks for a part of each kind it finds by name (lib/xlsx/xlsx.js). */
const KINDS: { type: RegExp; named: RegExp; name: (n: number) => string }[] = [
  { type: /\/comments$/, named: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  {
    type: /\/vmlDrawing$/,
    named: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    name: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
  {
    type: /\/table$/,
    named: /^xl\/tables\/table\d+\.xml$/,
    name: (n) => `xl/tables/table${n}.xml`,
  },
  {
    type: /\/drawing$/,
    named: /^xl\/drawings\/drawing\d+\.xml$/,
    name: (n) => `xl/drawings/drawing${n}.xml`,
  },
];

/**
 * The workbook in `data` as exceljs's full reader can read it (see the top of this file), or
 * null when it already is. Throws when `data` is not a zip; a part that is not well-formed XML is
 * left as it is, for exceljs to say so.
 */
export async function inExceljsLayout(data: Buffer): Promise<Buffer | null> {
  const zip = await jszip().loadAsync(data);
  const names = new Set(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name),
  );
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve(null);
  const renamed = new Map<string, string>();
  const rewritten = new Map<string, string>();
  const taken = new Set(names);
  const counter = new Map<(typeof KINDS)[number], number>();
  const freeName = (kind: (typeof KINDS)[number]) => {
    for (let n = (counter.get(kind) ?? 0) + 1; ; n++)
      if (!taken.has(kind.name(n))) {
        counter.set(kind, n);
        taken.add(kind.name(n));
        return kind.name(n);
      }
  };

  // The relationships of the worksheets and of their drawings: each internal target relative to
  // its source, as Excel writes it, and each part of a kind exceljs finds by name where it looks.
  const relsParts = [...names].filter((n) =>
    /^xl\/(worksheets|drawings)\/_rels\/[^/]+\.rels$/.test(n),
  );
  const parsed = new Map<string, Record<string, string>[]>();
  for (const part of relsParts) {
    const rels = relationships((await text(part)) ?? '');
    if (rels) parsed.set(part, rels);
  }
  for (const [part, rels] of parsed)
    for (const rel of rels) {
      if (rel.TargetMode === 'External' || !rel.Target || !rel.Type) continue;
      const kind = KINDS.find((k) => k.type.test(rel.Type ?? ''));
      const target = resolve(sourceOf(part), rel.Target);
      if (kind && names.has(target) && !kind.named.test(target) && !renamed.has(target))
        renamed.set(target, freeName(kind));
    }
  for (const [part, rels] of parsed) {
    const source = renamed.get(sourceOf(part)) ?? sourceOf(part);
    let changed = false;
    const mended = rels.map((rel) => {
      if (rel.TargetMode === 'External' || rel.Target === undefined) return rel;
      const target = resolve(sourceOf(part), rel.Target);
      const relative = posix.relative(posix.dirname(source), renamed.get(target) ?? target);
      if (relative === rel.Target) return rel;
      changed = true;
      return { ...rel, Target: relative };
    });
    const name = relsOf(source);
    if (changed || name !== part) rewritten.set(name, relationshipsXml(mended));
    if (name !== part) renamed.set(part, name);
  }
  // The drawings' elements under Excel's prefixes.
  for (const part of names) {
    if (!/^xl\/drawings\/[^/]+\.xml$/.test(part)) continue;
    const xml = (await text(part)) ?? '';
    if (/<xdr:wsDr[\s>/]/.test(xml)) continue;
    const mended = withPrefixes(xml, DRAWING_PREFIXES);
    if (mended !== null) rewritten.set(renamed.get(part) ?? part, mended);
  }
  // SpreadsheetML's own parts under a prefix, as the Open XML SDK writes them (xlsx-main-prefix.ts),
  // in the default namespace, where exceljs looks for their elements. The SDK prefixes every part
  // alike, so the workbook's part says whether to look at the others.
  const workbook = await text('xl/workbook.xml');
  if (workbook !== null && prefixesMain(workbook))
    for (const part of names) {
      if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/[^/]+)\.xml$/.test(part)) continue;
      const xml = (await text(part)) ?? '';
      if (!prefixesMain(xml)) continue;
      const mended = withPrefixes(xml, { [MAIN_NS]: '' });
      if (mended !== null) rewritten.set(renamed.get(part) ?? part, mended);
    }
  if (renamed.size === 0 && rewritten.size === 0) return null;

  // The content types follow the renamed parts.
  const types = await text('[Content_Types].xml');
  if (types !== null && renamed.size > 0)
    rewritten.set(
      '[Content_Types].xml',
      types.replace(/PartName="\/([^"]+)"/g, (all, name: string) => {
        const to = renamed.get(name);
        return to === undefined ? all : `PartName="/${to}"`;
      }),
    );
  // Changed in place: the parts left alone (the sheets: most of a big file) keep their
  // compressed bytes, which JSZip copies as they are.
  for (const [from, to] of renamed) {
    const content = rewritten.get(to) ?? (await zip.file(from)?.async('nodebuffer'));
    zip.remove(from);
    if (content !== undefined) zip.file(to, content);
    rewritten.delete(to);
  }
  for (const [name, content] of rewritten) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A table's model as exceljs keeps it (doc/table.js, exceljs 4.4). */
interface TableModel {
  style?: {
    theme?: string | null;
    showFirstColumn: boolean;
    showLastColumn: boolean;
    showRowStripes: boolean;
    showColumnStripes: boolean;
  } | null;
}

/** Gives every table read without a style (no `<tableStyleInfo>`) an explicit "no style". */
export function styleEveryTable(book: ExcelJS.Workbook): void {
  for (const ws of book.worksheets)
    for (const table of ws.getTables() as unknown as { table?: TableModel }[]) {
      const model = table.table;
      if (model && !model.style)
        model.style = {
          theme: null,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
    }
}

// An .xlsx opened as the zip it is (JSZip): the parts ptdv owns are replaced, the index parts that
// must name a new sheet are edited where they must be, and every other part keeps its bytes —
// JSZip writes an entry it did not change from its compressed data as read, without inflating it.
import type JSZip from 'jszip';
import { posix } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { matchKey } from '../../core/text/normalize';
import { MAIN_NS } from '../xlsx-main-prefix';
import { RELATIONSHIPS_NS, type SheetLink } from './sheet-xml';
import { jszip, jszipInternals } from './jszip-library';
import { StylesPart } from './styles';
import { applyEdits, elementSpans, escapeAttribute, xmlSafe, type TextEdit } from './xml-spans';

const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const WORKSHEET_CONTENT =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** zlib's default, for the small parts JSZip deflates itself (the index parts). */
const ZIP_LEVEL = 6;
/**
 * For the sheets ptdv writes, zlib's fastest level: `remind`'s log sheet on the bench's list (22 MB
 * of XML after its first run) deflated in 78 ms at level 1 and 276 ms at the default level 6, for
 * 1.76 MB against 1.58 MB (levels 2 and 3 were no smaller than 1); the rest of the file is copied
 * as it was compressed.
 */
const WRITTEN_LEVEL = 1;
const WORKBOOK_CONTENT =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const RELS_CONTENT = 'application/vnd.openxmlformats-package.relationships+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * A part's CRC-32: Node's own from 20.15 on (native; JSZip's, in JavaScript, took 50 ms of a
 * 22 MB log sheet), JSZip's before. JSZip writes either sign the same.
 */
const crcOf = (bytes: Buffer): number =>
  typeof zlibCrc32 === 'function' ? zlibCrc32(bytes) : jszipInternals().crc32(bytes);

interface SheetRef {
  name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet3.xml`. */
  path: string;
}

/** A part's relationships file: `xl/worksheets/_rels/sheet3.xml.rels` for `xl/worksheets/sheet3.xml`. */
const relsOf = (path: string) =>
  posix.join(posix.dirname(path), '_rels', `${posix.basename(path)}.rels`);

export class XlsxPackage {
  private styles: StylesPart | null = null;
  private stylesPath: string | null = null;
  private readonly added: SheetRef[] = [];

  private constructor(
    private readonly zip: JSZip,
    private readonly workbookPath: string,
    private readonly sheets: SheetRef[],
    /** Whether the workbook counts days from 1904. */
    readonly date1904: boolean,
  ) {}

  /**
   * A workbook with no sheet yet, for a file ptdv makes (the counts file): the parts Excel needs
   * and no more; a styles part is added with the first style, sheets with `addSheet`.
   */
  static empty(): XlsxPackage {
    const pack = new XlsxPackage(new (jszip())(), 'xl/workbook.xml', [], false);
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    const rels = (items: string) =>
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
    pack.write(
      '[Content_Types].xml',
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${RELS_CONTENT}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${WORKBOOK_CONTENT}"/></Types>`,
    );
    pack.write(
      '_rels/.rels',
      rels(
        `<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/officeDocument" Target="xl/workbook.xml"/>`,
      ),
    );
    pack.write(
      'xl/workbook.xml',
      `${xml}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}"><sheets/></workbook>`,
    );
    pack.write('xl/_rels/workbook.xml.rels', rels(''));
    return pack;
  }

  static async load(data: Buffer): Promise<XlsxPackage> {
    const zip = await jszip().loadAsync(data);
    const rootRels = await text(zip, '_rels/.rels');
    const office = elementSpans(rootRels).find(
      (s) => s.local === 'Relationship' && /\/officeDocument$/.test(s.attributes.Type ?? ''),
    );
    const workbookPath = partPath('', office?.attributes.Target ?? 'xl/workbook.xml');
    const workbook = await text(zip, workbookPath);
    const rels = elementSpans(await text(zip, relsOf(workbookPath)));
    const targets = new Map(
      rels
        .filter((s) => s.local === 'Relationship')
        .map((s) => [s.attributes.Id ?? '', s.attributes.Target ?? ''] as const),
    );
    const spans = elementSpans(workbook);
    const sheets = spans
      .filter((s) => s.local === 'sheet')
      .map((s) => {
        const id = Object.entries(s.attributes).find(
          ([k]) => /(^|:)id$/.test(k) && k !== 'sheetId',
        )?.[1];
        return {
          name: s.attributes.name ?? '',
          path: partPath(workbookPath, targets.get(id ?? '') ?? ''),
        };
      });
    const pr = spans.find((s) => s.local === 'workbookPr');
    const date1904 = /^(1|true)$/.test(pr?.attributes.date1904 ?? '');
    return new XlsxPackage(zip, workbookPath, sheets, date1904);
  }

  /** The worksheet part of a sheet, by name in any spelling, or null. */
  sheetPath(name: string): string | null {
    const key = matchKey(name);
    return [...this.sheets, ...this.added].find((s) => matchKey(s.name) === key)?.path ?? null;
  }

  async read(path: string): Promise<string> {
    return text(this.zip, path);
  }

  /** A part's new content, as text or already as its UTF-8 bytes. */
  write(path: string, xml: string | Buffer): void {
    // Deflated here by Node's zlib and handed over compressed: JSZip's own deflate (pako, in
    // JavaScript) took a third of a second on a 22 MB log sheet that zlib does in a tenth, at the
    // same level and size.
    const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    const deflated = deflateRawSync(bytes, { level: WRITTEN_LEVEL });
    const { CompressedObject, DEFLATE } = jszipInternals();
    const data =
      bytes.length === 0
        ? ''
        : new CompressedObject(deflated.length, bytes.length, crcOf(bytes), DEFLATE, deflated);
    // No folder entries: a file from Excel has none, and a part's path says where it is.
    this.zip.file(path, data as unknown as string, { createFolders: false });
  }

  /** The styles part, read once and written back on `save` only when something was added. */
  async stylesPart(): Promise<StylesPart> {
    if (!this.styles) {
      const path = (await this.related('/styles')) ?? (await this.addStyles());
      this.stylesPath = path;
      this.styles = new StylesPart(await text(this.zip, path));
    }
    return this.styles;
  }

  /**
   * Forgets the workbook's calculation chain: it lists every formula cell, and a formula ptdv
   * wrote over would leave it naming a cell without one, which Excel "repairs". Excel and
   * LibreOffice rebuild the chain when it is missing.
   */
  async dropCalcChain(): Promise<void> {
    const path = await this.related('/calcChain');
    if (path === null) return;
    this.zip.remove(path);
    const relsPath = relsOf(this.workbookPath);
    const rels = await text(this.zip, relsPath);
    const rel = elementSpans(rels).find(
      (s) => s.local === 'Relationship' && /\/calcChain$/.test(s.attributes.Type ?? ''),
    );
    if (rel) this.write(relsPath, applyEdits(rels, [{ from: rel.start, to: rel.end, text: '' }]));
    const types = await text(this.zip, '[Content_Types].xml');
    const override = elementSpans(types).find(
      (s) => s.local === 'Override' && s.attributes.PartName === `/${path}`,
    );
    if (override)
      this.write(
        '[Content_Types].xml',
        applyEdits(types, [{ from: override.start, to: override.end, text: '' }]),
      );
  }

  /** The part the workbook names with a relationship of this type, or null. */
  private async related(type: string): Promise<string | null> {
    const rels = elementSpans(await text(this.zip, relsOf(this.workbookPath)));
    const rel = rels.find(
      (s) => s.local === 'Relationship' && (s.attributes.Type ?? '').endsWith(type),
    );
    const path = rel ? partPath(this.workbookPath, rel.attributes.Target ?? '') : null;
    return path !== null && this.zip.file(path) ? path : null;
  }

  /** A workbook without a styles part (a tool may write none) gets the smallest one Excel reads. */
  private async addStyles(): Promise<string> {
    const path = posix.join(posix.dirname(this.workbookPath), 'styles.xml');
    this.write(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    );
    const relsPath = relsOf(this.workbookPath);
    const rels = await text(this.zip, relsPath);
    const spans = elementSpans(rels);
    const ids = new Set(spans.map((s) => s.attributes.Id));
    let r = spans.length;
    while (ids.has(`rId${r}`)) r++;
    this.write(
      relsPath,
      appendChild(
        rels,
        spans,
        'Relationships',
        `<Relationship Id="rId${r}" Type="${RELATIONSHIPS_NS}/styles" Target="styles.xml"/>`,
      ),
    );
    const types = await text(this.zip, '[Content_Types].xml');
    this.write(
      '[Content_Types].xml',
      appendChild(
        types,
        elementSpans(types),
        'Types',
        `<Override PartName="/${path}" ContentType="${STYLES_CONTENT}"/>`,
      ),
    );
    return path;
  }

  /** A sheet's links to other files, as its relationships part (none: the part is removed). */
  setLinks(sheetPath: string, links: readonly SheetLink[]): void {
    const rels = relsOf(sheetPath);
    if (links.length === 0) {
      if (this.zip.file(rels)) this.zip.remove(rels);
      return;
    }
    const items = links
      .map(
        (l) =>
          `<Relationship Id="${l.id}" Type="${RELATIONSHIPS_NS}/hyperlink" Target="${escapeAttribute(xmlSafe(l.target))}" TargetMode="External"/>`,
      )
      .join('');
    this.write(
      rels,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`,
    );
  }

  /**
   * A new, empty sheet at the end: a worksheet part, its relationship from the workbook, its
   * entry in the workbook and in the content types. Returns the part's path.
   */
  async addSheet(name: string): Promise<string> {
    const taken = new Set(Object.keys(this.zip.files).map((p) => p.toLowerCase()));
    let n = 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    this.write(path, '');
    const relsPath = relsOf(this.workbookPath);
    const rels = await text(this.zip, relsPath);
    const relSpans = elementSpans(rels);
    const ids = new Set(relSpans.map((s) => s.attributes.Id));
    let r = relSpans.length;
    while (ids.has(`rId${r}`)) r++;
    const rid = `rId${r}`;
    const target = posix.relative(posix.dirname(this.workbookPath), path);
    this.write(
      relsPath,
      appendChild(
        rels,
        relSpans,
        'Relationships',
        `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="${target}"/>`,
      ),
    );
    const workbook = await text(this.zip, this.workbookPath);
    const spans = elementSpans(workbook);
    const sheetId = spans
      .filter((s) => s.local === 'sheet')
      .reduce((m, s) => Math.max(m, Number(s.attributes.sheetId ?? 0)), 0);
    // The relationships prefix is declared on the element itself: safe whatever the root binds.
    const entry = `<sheet xmlns:r="${RELATIONSHIPS_NS}" name="${escapeAttribute(xmlSafe(name))}" sheetId="${sheetId + 1}" r:id="${rid}"/>`;
    this.write(this.workbookPath, appendChild(workbook, spans, 'sheets', entry, true));
    const types = await text(this.zip, '[Content_Types].xml');
    const typeSpans = elementSpans(types);
    let withTypes = appendChild(
      types,
      typeSpans,
      'Types',
      `<Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT}"/>`,
    );
    // Relationship parts are usually typed by a Default; a file without one gets it.
    if (!typeSpans.some((s) => s.local === 'Default' && s.attributes.Extension === 'rels'))
      withTypes = appendChild(
        withTypes,
        elementSpans(withTypes),
        'Types',
        `<Default Extension="rels" ContentType="${RELS_CONTENT}"/>`,
      );
    this.write('[Content_Types].xml', withTypes);
    this.added.push({ name, path });
    return path;
  }

  /** The whole file, with the styles part written back if it gained a style. */
  async bytes(): Promise<Buffer> {
    if (this.styles?.changed && this.stylesPath) this.write(this.stylesPath, this.styles.text());
    return this.zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: ZIP_LEVEL },
    });
  }
}

async function text(zip: JSZip, path: string): Promise<string> {
  const entry = zip.file(path);
  if (!entry) throw new Error(`no part ${path}`);
  return entry.async('string');
}

/** A relationship's target as a part path: relative to the part that names it, or absolute. */
function partPath(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), target));
}

/** The part with `child` added as the last child of the first element named `local`. */
function appendChild(
  xml: string,
  spans: ReturnType<typeof elementSpans>,
  local: string,
  child: string,
  prefixed = false,
): string {
  const parent = spans.find((s) => s.local === local);
  if (!parent) throw new Error(`no ${local} element`);
  const prefix =
    prefixed && parent.name.includes(':') ? parent.name.slice(0, parent.name.indexOf(':') + 1) : '';
  const item = prefix ? child.replace(/^<(\w+)/, `<${prefix}$1`) : child;
  const edits: TextEdit[] = parent.selfClosing
    ? [
        {
          from: parent.start,
          to: parent.end,
          text: `${xml.slice(parent.start, parent.openEnd - 2)}>${item}</${parent.name}>`,
        },
      ]
    : [{ from: parent.close, to: parent.close, text: item }];
  return applyEdits(xml, edits);
}

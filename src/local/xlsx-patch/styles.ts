// The few cell styles ptdv's own sheets need (a bold header, dd/mm/yyyy dates, dates with a time,
// percentages), found in the workbook's styles part or appended to it. Nothing in the part is
// changed but the lists they are added to and those lists' counts: every style the office made
// keeps its number, so every cell of every other sheet looks as it did.
import {
  applyEdits,
  elementSpans,
  prefixOf,
  setAttribute,
  type ElementSpan,
  type TextEdit,
} from './xml-spans';

export type StyleNeed = 'bold' | 'date' | 'dateTime' | 'percent';

const FORMATS: Record<Exclude<StyleNeed, 'bold'>, string> = {
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
};
/** Custom number formats take ids from 164 (the lower ones are built in). */
const FIRST_CUSTOM_FORMAT = 164;

export class StylesPart {
  private readonly spans: ElementSpan[];
  private readonly ids = new Map<StyleNeed, number>();
  private readonly addedFormats: string[] = [];
  private readonly addedXfs: string[] = [];
  private boldFont: number | null = null;
  private addedFont: string | null = null;
  private nextFormat: number;

  constructor(private readonly xml: string) {
    this.spans = elementSpans(xml, (_local, depth) => depth <= 2);
    const formats = this.children('numFmts');
    this.nextFormat = Math.max(
      FIRST_CUSTOM_FORMAT,
      ...formats.map((f) => Number(f.attributes.numFmtId ?? 0) + 1),
    );
  }

  /** Whether the part gained anything (else it is left as it was, byte for byte). */
  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** The cell style (index into `cellXfs`) for a need, found or added. */
  id(need: StyleNeed): number {
    const known = this.ids.get(need);
    if (known !== undefined) return known;
    const wanted =
      need === 'bold'
        ? { numFmtId: '0', fontId: String(this.bold()), applyFont: '1' }
        : { numFmtId: String(this.format(FORMATS[need])), fontId: '0', applyNumberFormat: '1' };
    const attributes = { ...wanted, fillId: '0', borderId: '0', xfId: '0' };
    const xfs = this.children('cellXfs');
    const same = (a: Record<string, string>) =>
      Object.keys(a).length === Object.keys(attributes).length &&
      Object.entries(attributes).every(([k, v]) => a[k] === v);
    let id = xfs.findIndex((x) => x.selfClosing && same(x.attributes));
    if (id < 0) {
      const prefix = prefixOf(this.list('cellXfs'));
      const text = Object.entries(attributes)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('');
      id = xfs.length + this.addedXfs.length;
      this.addedXfs.push(`<${prefix}xf${text}/>`);
    }
    this.ids.set(need, id);
    return id;
  }

  /** The part's text with what was added. */
  text(): string {
    if (!this.changed) return this.xml;
    const edits: TextEdit[] = [];
    const append = (local: string, items: readonly string[], before: number) => {
      if (items.length === 0) return;
      const list = this.spans.find((s) => s.local === local && s.depth === 1);
      if (list) {
        const count = this.children(local).length + items.length;
        edits.push(setAttribute(this.xml, list, 'count', String(count)));
        if (list.selfClosing) {
          // `<numFmts count="0"/>`: opened up to take its first items.
          const inner = `${items.join('')}</${list.name}>`;
          edits.push({ from: list.openEnd - 2, to: list.openEnd, text: `>${inner}` });
        } else edits.push({ from: list.close, to: list.close, text: items.join('') });
        return;
      }
      // No such list yet (numFmts is optional): it goes first in the style sheet, as the schema
      // orders it.
      const prefix = prefixOf(this.root());
      edits.push({
        from: before,
        to: before,
        text: `<${prefix}${local} count="${items.length}">${items.join('')}</${prefix}${local}>`,
      });
    };
    append('numFmts', this.addedFormats, this.root().openEnd);
    append('fonts', this.addedFont ? [this.addedFont] : [], this.root().openEnd);
    append('cellXfs', this.addedXfs, this.root().openEnd);
    return applyEdits(this.xml, edits);
  }

  private root(): ElementSpan {
    const root = this.spans.find((s) => s.depth === 0);
    if (!root) throw new Error('styles part without a root element');
    return root;
  }

  private list(local: string): ElementSpan {
    const list = this.spans.find((s) => s.local === local && s.depth === 1);
    if (!list) throw new Error(`styles part without ${local}`);
    return list;
  }

  /** The children of a list under the root (`numFmts`, `fonts`, `cellXfs`). */
  private children(local: string): ElementSpan[] {
    const at = this.spans.findIndex((s) => s.local === local && s.depth === 1);
    return at < 0 ? [] : this.spans.filter((s) => s.parent === at && s.depth === 2);
  }

  /** The id of a number format with this code, found or added. */
  private format(code: string): number {
    const found = this.children('numFmts').find((f) => f.attributes.formatCode === code);
    if (found) return Number(found.attributes.numFmtId);
    const pending = this.addedFormats.findIndex((f) => f.includes(`formatCode="${code}"`));
    if (pending >= 0) return this.nextFormat - this.addedFormats.length + pending;
    const prefix = prefixOf(this.root());
    this.addedFormats.push(`<${prefix}numFmt numFmtId="${this.nextFormat}" formatCode="${code}"/>`);
    return this.nextFormat++;
  }

  /** The workbook's default font made bold: found when a font is just that, else added. */
  private bold(): number {
    if (this.boldFont !== null) return this.boldFont;
    const fonts = this.children('fonts');
    const first = fonts[0];
    if (!first) throw new Error('styles part without a font');
    const base = this.xml.slice(first.start, first.end);
    const prefix = prefixOf(first);
    const made = first.selfClosing
      ? `<${prefix}font><${prefix}b/></${prefix}font>`
      : base.slice(0, first.openEnd - first.start) +
        `<${prefix}b/>` +
        base.slice(first.openEnd - first.start);
    const found = fonts.findIndex((f) => this.xml.slice(f.start, f.end) === made);
    if (found >= 0) this.boldFont = found;
    else {
      this.addedFont = made;
      this.boldFont = fonts.length;
    }
    return this.boldFont;
  }
}

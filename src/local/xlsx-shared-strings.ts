// The shared string table (xl/sharedStrings.xml) as the texts its cells show, walked with saxes
// (the XML parser exceljs itself uses) the way exceljs's full reader reads it
// (lib/xlsx/xform/strings/shared-string-xform.js, exceljs 4.4), then flattened as `toCell`
// flattens it: a string's `<t>`, or its rich runs' `<t>`s joined; `_xHHHH_` escapes (Excel's
// carriage return `_x000D_`) decoded in each; a phonetic reading (`<rPh>`) and run formats
// skipped; text between the tags of an indented file not kept, nor CDATA (exceljs ignores both).
// An item with several `<t>`s (which no program writes) shows them joined, where exceljs kept
// the last or failed.
//
// Not through exceljs's xform: its layers of objects took 720 ms of a province's 258,734 strings
// where this walk takes 160–240 ms (measured on the bench's 200,000-row file, this machine), and
// the table is parsed on the main thread before the list's first half can be decoded.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { localNames, type LocalNames } from './xlsx-main-prefix';
import { throwingFeed } from './xlsx-sheet-scan';
import { cuttable } from './xlsx-sheet-halves';

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** A `<t>`'s text with Excel's `_xHHHH_` escapes decoded, as exceljs's TextXform does. */
function unescaped(text: string): string {
  return text.includes('_x')
    ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** A walk through the table's XML that keeps each item's text, in order, in `strings`. */
function itemWalk(): { strings: string[]; write(text: string): void; close(): void } {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let inItem = false;
  /** Inside an `<rPh>` (a phonetic reading) or `<rPr>` (a run's font): nothing there is text. */
  let skipped = 0;
  let inText = false;
  let text = '';
  /** The item's text so far: its `<t>`, or its runs' `<t>`s. */
  let item = '';
  /** How the table names SpreadsheetML's elements (xlsx-main-prefix.ts), once the root is seen. */
  let names: LocalNames | null | undefined;
  parser.on('opentag', (node: SaxesTagPlain) => {
    if (names === undefined) {
      names = localNames(node);
      // A table under another root is not read as empty: it is refused.
      if ((names === null ? node.name : names(node.name)) !== 'sst')
        throw new Error(`shared strings under <${node.name}>`);
    }
    switch (names === null || names === undefined ? node.name : names(node.name)) {
      case 'si':
        inItem = true;
        item = '';
        break;
      case 'rPh':
      case 'rPr':
        if (inItem) skipped++;
        break;
      case 't':
        if (inItem && skipped === 0) {
          inText = true;
          text = '';
        }
        break;
      default:
        break;
    }
  });
  parser.on('text', (value: string) => {
    if (inText) text += value;
  });
  parser.on('closetag', (node: SaxesTagPlain) => {
    switch (names === null || names === undefined ? node.name : names(node.name)) {
      case 't':
        if (inText) {
          inText = false;
          item += unescaped(text);
        }
        break;
      case 'rPh':
      case 'rPr':
        if (inItem && skipped > 0) skipped--;
        break;
      case 'si':
        if (inItem) strings.push(item);
        inItem = false;
        break;
      default:
        break;
    }
  });
  const feed = throwingFeed(parser);
  return { strings, write: (chunk) => feed.write(chunk), close: () => feed.close() };
}

/** Each shared string's text, in order; an empty `<si/>` is an empty text. */
export async function readSharedStrings(
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<string[]> {
  const walk = itemWalk();
  for await (const chunk of chunks) walk.write(chunk);
  walk.close();
  return walk.strings;
}

const ITEM = Buffer.from('<si', 'latin1');
const ROOT_END = Buffer.from('</sst', 'latin1');
/** What may follow `<si` in an item's start tag: `>`, `/`, or white space before an attribute. */
const AFTER_ITEM_NAME = new Set([62, 47, 32, 9, 10, 13]);

/**
 * Only the items at `needed` (a sparse array: the others are holes), or null when the table
 * cannot be cut into its items safely: then it is walked whole. A command that reads only the
 * plan's sheets of a 200,000-row workbook needs a few thousand of its 258,734 strings, and not
 * only the first ones: a sheet after the list in the file (`Cấu hình` in the bench's workbook)
 * uses strings near the end of the table, so a walk that stopped at the last one needed walked
 * nearly all of it (430 ms of `counts --into`'s target on that workbook).
 *
 * Each item begins at a `<si` tag; in a table with no comment, CDATA section or processing
 * instruction (where `<si` might be text, `cuttable`) no other `<si` can occur, since XML text and
 * attribute values never hold a raw `<`. The items wanted are walked by saxes, as the whole
 * table would be, in a document made of the table's start (its declaration and root element),
 * those items, and the root's end.
 */
export function readSomeSharedStrings(bytes: Buffer, needed: ReadonlySet<number>): string[] | null {
  if (!cuttable(bytes)) return null;
  const starts: number[] = [];
  for (let at = bytes.indexOf(ITEM); at >= 0; at = bytes.indexOf(ITEM, at + ITEM.length))
    if (AFTER_ITEM_NAME.has(bytes[at + ITEM.length] as number)) starts.push(at);
  const end = bytes.lastIndexOf(ROOT_END);
  const wanted = [...needed].sort((a, b) => a - b);
  const last = wanted[wanted.length - 1];
  if (starts.length === 0 || end < 0 || last === undefined || last >= starts.length) return null;
  const walk = itemWalk();
  walk.write(bytes.toString('utf8', 0, starts[0]));
  for (const i of wanted) walk.write(bytes.toString('utf8', starts[i], starts[i + 1] ?? end));
  walk.write('</sst>');
  walk.close();
  if (walk.strings.length !== wanted.length) return null;
  const strings: string[] = [];
  wanted.forEach((index, k) => (strings[index] = walk.strings[k] as string));
  return strings;
}

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
import { throwingFeed } from './xlsx-sheet-scan';

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** A `<t>`'s text with Excel's `_xHHHH_` escapes decoded, as exceljs's TextXform does. */
function unescaped(text: string): string {
  return text.includes('_x')
    ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * Each shared string's text, in order; an empty `<si/>` is an empty text. With `needed`, the
 * walk stops once that many are read: a command that reads only the plan's sheets of a
 * 200,000-row workbook needs the first few hundred of its 258,734 strings (the list's come after
 * them), and the rest of the table is not even inflated.
 */
export async function readSharedStrings(
  chunks: AsyncIterable<string>,
  needed = Number.POSITIVE_INFINITY,
): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let inItem = false;
  /** Inside an `<rPh>` (a phonetic reading) or `<rPr>` (a run's font): nothing there is text. */
  let skipped = 0;
  let inText = false;
  let text = '';
  /** The item's text so far: its `<t>`, or its runs' `<t>`s. */
  let item = '';
  let root: string | null = null;
  parser.on('opentag', (node: SaxesTagPlain) => {
    // A table whose elements are prefixed (`x:sst`) is not read as empty: it is refused, as
    // exceljs refuses it.
    root ??= node.name;
    if (root !== 'sst') throw new Error(`shared strings under <${root}>`);
    switch (node.name) {
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
    switch (node.name) {
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
  for await (const chunk of chunks) {
    feed.write(chunk);
    // Leaving the loop closes the part's stream.
    if (strings.length >= needed) return strings;
  }
  feed.close();
  return strings;
}

// The walk through a worksheet part's XML: which cells it holds, where, of what type and style,
// with the text of their value, and which ranges are merged. It decodes nothing (that needs the
// shared strings and the styles: xlsx-sheet-rows.ts), so it can run in a worker thread on half of
// a large sheet (xlsx-sheet-halves.ts) with saxes alone.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { localNames, type LocalNames } from './xlsx-main-prefix';

/** Where the walk hands each cell exceljs would keep, and each merged range. */
export interface CellSink {
  /** A `<row>` begins, 1-based (a row may hold no cell and still count). */
  row(row: number): void;
  /**
   * A cell at 1-based `row` and `column`: its `t` attribute, its style index, whether it holds a
   * formula, and the text of its `<v>` (or of its inline string's `<t>`s), null when it has none.
   */
  cell(
    row: number,
    column: number,
    type: string | undefined,
    styleId: number,
    formula: boolean,
    text: string | null,
  ): void;
  merge(ref: string): void;
}

/** 1-based column of an address such as "AB12". */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A parser of one worksheet's XML, fed a chunk of text at a time. */
export interface SheetScanner {
  write(text: string): void;
  /** The end of the document: any XML left open is an error. */
  close(): void;
  /** Whether the text so far ends between two rows (where a half of a sheet must end). */
  betweenRows(): boolean;
}

/** Starts a walk that hands the cells it meets to `sink`. */
export function scanSheet(sink: CellSink): SheetScanner {
  const parser = new SaxesParser();
  let rowNumber = 0;
  let inRow = false;
  let column = 0;
  let kept = 0;
  let inCell = false;
  let type: string | undefined;
  let styleId = 0;
  let formula = false;
  let text: string | null = null;
  let reading = false;

  /** How the sheet names SpreadsheetML's elements (xlsx-main-prefix.ts), once the root is seen. */
  let local: LocalNames | null | undefined;
  parser.on('opentag', (node: SaxesTagPlain) => {
    const a = node.attributes;
    // A half of a sheet begins at a row, not at the root: only a whole sheet can carry a prefix.
    if (local === undefined) local = node.name === 'row' ? null : localNames(node);
    switch (local === null ? node.name : local(node.name)) {
      case 'row':
        rowNumber = a.r ? parseInt(a.r, 10) : rowNumber + 1;
        inRow = true;
        kept = 0;
        sink.row(rowNumber);
        break;
      case 'c':
        inCell = true;
        // Without an address a cell follows the last one exceljs kept.
        column = a.r ? columnOf(a.r) : kept + 1;
        type = a.t;
        styleId = a.s ? parseInt(a.s, 10) : 0;
        formula = false;
        text = null;
        break;
      case 'f':
        if (inCell) formula = true;
        break;
      case 'v':
      case 't':
        if (inCell) {
          reading = true;
          text ??= '';
        }
        break;
      case 'mergeCell':
        if (a.ref) sink.merge(a.ref);
        break;
      default:
        break;
    }
  });
  // CDATA is not read: exceljs's full reader ignores it in cells too.
  parser.on('text', (value: string) => {
    if (reading) text += value;
  });
  parser.on('closetag', (node: SaxesTagPlain) => {
    switch (local === null || local === undefined ? node.name : local(node.name)) {
      case 'v':
      case 't':
        reading = false;
        break;
      case 'row':
        inRow = false;
        break;
      case 'c':
        inCell = false;
        // exceljs drops a cell with neither a value nor a format (its "merge" cells).
        if (text === null && !formula && styleId === 0) break;
        sink.cell(rowNumber, column, type, styleId, formula, text);
        kept = column;
        break;
      default:
        break;
    }
  });
  const feed = throwingFeed(parser);
  return {
    write: (chunk) => feed.write(chunk),
    close: () => feed.close(),
    betweenRows: () => !inRow && !inCell,
  };
}

/** A parser's input that throws the first error it met (saxes reports them as events). */
export function throwingFeed(parser: SaxesParser): { write(text: string): void; close(): void } {
  let failure: Error | null = null;
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    write(text) {
      parser.write(text);
      check();
    },
    close() {
      parser.close();
      check();
    },
  };
}

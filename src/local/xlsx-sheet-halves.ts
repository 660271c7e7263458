// Cutting a large worksheet in two, so that each half is walked on its own core (who walks which
// is xlsx-half-reader.ts): where to cut, and the cells of the second half packed in numbers (their
// values too, where they are numbers or shared strings' indexes) and one string to cross between
// threads, then handed over in order as if one walk had met them.
// Tokenizing the XML is most of a read (saxes takes about 1.5 s of the 86 MB list of the
// bench's 200,000 rows); two halves took 1.25 s where one thread took 2.0 s in the same walk.
//
// Where the two threads' halves meet is not fixed: the rows between two shares of the sheet are
// cut into pieces, and each thread takes them one at a time, the main thread from the front and
// the worker from the back, until they meet (claimed with Atomics on shared memory). The two
// threads' speeds move independently (the main thread's collector runs its helpers on the
// worker's core): with a fixed cut the main thread waited 0.07-1.34 s for the worker over four
// runs of `report` on the bench's list (03/12).
//
// A cut is only made where it cannot change what is read: at a `<row ` tag with an address (a
// row without one follows the row before it, which the second half would not know), in a part
// with no comment, CDATA section or processing instruction (where `<row ` might be text), and
// where both halves are plain `worksheet`/`sheetData` XML. Otherwise the sheet is read whole.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { inflateRawSync } from 'node:zlib';
import { scanSheet, type CellSink } from './xlsx-sheet-scan';

/** From this size on (uncompressed) a sheet is read in halves; below it, as a stream. */
export function splitBytes(): number {
  // A smaller size lets the tests and the bench cut small sheets too.
  const set = Number(process.env.PTDV_XLSX_SPLIT_BYTES);
  return Number.isFinite(set) && set > 0 ? set : 8 * 1024 * 1024;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const ROW_TAG = ascii('<row ');
/**
 * What a cut must not fall in: `<!` begins a comment or a CDATA section (or a DOCTYPE, never in a
 * sheet: no cut either), `<?` a processing instruction. Each is looked for by its second byte,
 * which is rare in a sheet, then checked for the `<` before it: `<` opens every tag, so a search
 * for the pair stops at each tag (two such passes over the bench's 86 MB list took 175 ms of the
 * worker's, the two passes for `!` and `?` 18 ms), and the main thread waits for the cut.
 */
const UNSAFE = [33 /* ! */, 63 /* ? */];
const LESS_THAN = 60;

/** Whether `<` followed by `byte` occurs in the buffer from `start` on. */
function hasPair(buffer: Buffer, byte: number, start: number): boolean {
  for (let at = buffer.indexOf(byte, start + 1); at >= 0; at = buffer.indexOf(byte, at + 1))
    if (buffer[at - 1] === LESS_THAN) return true;
  return false;
}
/** The elements both halves need; the closing ones are looked for from the end. */
const OPENED = ascii('<sheetData');
const CLOSED = ['</sheetData>', '</worksheet>'].map(ascii);
/** What the second half is wrapped in, so that it is a document of its own. */
const OPENING = '<worksheet><sheetData>';

/**
 * The share of the sheet the main thread always walks: it also parses the shared strings first and
 * decodes every cell, the worker's included, so it takes less than half. From there to
 * `SHARED_END` the rows are taken in `PIECES` pieces by whichever thread is free (a fixed share of
 * 0.38 balanced the two on average, 03/12).
 */
export const FIRST_SHARE = 0.3;
export const SHARED_END = 0.58;
const PIECES = 14;

/** Who took a piece (`Claims`). */
const FREE = 0;
const MAIN = 1;
const WORKER = 2;

/** One flag a piece, in memory both threads see. */
export type Claims = Int32Array;

export function newClaims(pieces: number): Claims {
  return new Int32Array(new SharedArrayBuffer(4 * Math.max(1, pieces)));
}

/** Marks the first `count` pieces as the main thread's (a read on one thread, and the tests). */
export function takeForMain(claims: Claims, count: number): void {
  for (let i = 0; i < count; i++) Atomics.store(claims, i, MAIN);
}

/**
 * Where a part's data lies in the zip file: `length` bytes from `start`, deflated (method 8) or
 * stored (0), `size` bytes once inflated.
 */
export interface StoredPart {
  path: string;
  start: number;
  length: number;
  method: number;
  size: number;
}

/** The most a deflated byte can become (https://zlib.net/zlib_tech.html: "1032:1"). */
const MAX_DEFLATE_RATIO = 1032;

/** Reads a part's data from the file (one read) and inflates it. */
export function inflatePart(part: StoredPart): Uint8Array {
  if (part.method !== 0 && part.method !== 8) throw new Error('unknown compression');
  // A size the data cannot inflate to is a damaged or hostile file, refused before a buffer of
  // that size is made: deflate expands at most 1,032 to 1 (zlib's own bound), stored not at all.
  if (part.size > (part.method === 8 ? part.length * MAX_DEFLATE_RATIO + 64 : part.length))
    throw new Error('part larger than its data can hold');
  // Read here rather than streamed by the main thread, which is busy parsing meanwhile.
  const data = Buffer.alloc(part.length);
  const fd = openSync(part.path, 'r');
  try {
    if (readSync(fd, data, 0, part.length, part.start) !== part.length)
      throw new Error('zip shorter than its directory says');
  } finally {
    closeSync(fd);
  }
  // Inflated into one buffer of the size the zip's directory gives (zlib's default chunk of 16 kB
  // took 5,000 steps for the bench's list; chunks of a megabyte were then joined, an 86 MB copy,
  // about 0.1 s and as much memory again). One byte more, so that a buffer filled to the last
  // byte does not make zlib allocate another chunk to look for more. A directory that gives a
  // wrong size still inflates (in more chunks) and is refused below.
  const chunkSize = Math.max(1 << 16, Math.min(part.size + 1, 1 << 30));
  // And no more than that: data that inflates past its stated size (a zip bomb) stops there.
  const bytes =
    part.method === 8 ? inflateRawSync(data, { chunkSize, maxOutputLength: part.size + 1 }) : data;
  if (bytes.length !== part.size) throw new Error('part size differs from its entry');
  return bytes;
}

/** The first `<row ` with an address from `from` on, or null (none in the next 100 rows). */
function rowWithAddress(buffer: Buffer, from: number): number | null {
  let at = buffer.indexOf(ROW_TAG, from);
  for (let tries = 0; at >= 0 && tries < 100; tries++) {
    const end = buffer.indexOf(62 /* > */, at);
    if (end < 0) return null;
    if (/\sr\s*=\s*["']\d+["']/.test(buffer.subarray(at, end).toString('latin1'))) return at;
    at = buffer.indexOf(ROW_TAG, end);
  }
  return null;
}

const bufferOf = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Whether a part holds no comment, CDATA section or processing instruction but its XML
 * declaration: then a tag's name found among its bytes (`<row `, `<si`) is a tag, since XML text
 * and attribute values never hold a raw `<`.
 */
export function cuttable(bytes: Uint8Array): boolean {
  const buffer = bufferOf(bytes);
  // The XML declaration is the one processing instruction allowed, at the very start.
  const start = buffer.subarray(0, 5).toString('latin1') === '<?xml' ? 5 : 0;
  return !UNSAFE.some((byte) => hasPair(buffer, byte, start));
}

/** Where the main thread's own rows end (the pieces begin), or null when the sheet cannot be cut safely. */
export function splitPoint(bytes: Uint8Array): number | null {
  const buffer = bufferOf(bytes);
  if (!cuttable(buffer)) return null;
  if (buffer.indexOf(OPENED) < 0 || CLOSED.some((s) => buffer.lastIndexOf(s) < 0)) return null;
  return rowWithAddress(buffer, Math.floor(buffer.length * FIRST_SHARE));
}

/**
 * Where each piece begins, from the cut (`splitPoint`) on, each at a row with an address: piece i
 * is [starts[i], starts[i + 1]), and the worker's own rows begin at the last start. A sheet with
 * no such row further on has fewer pieces (none: the cut is where the worker begins).
 */
export function pieceStarts(bytes: Uint8Array, cut: number): number[] {
  const buffer = bufferOf(bytes);
  const starts = [cut];
  for (let i = 1; i <= PIECES; i++) {
    const share = FIRST_SHARE + ((SHARED_END - FIRST_SHARE) * i) / PIECES;
    const at = rowWithAddress(buffer, Math.floor(buffer.length * share));
    if (at === null) break;
    if (at > (starts[starts.length - 1] as number)) starts.push(at);
  }
  return starts;
}

/** Bytes [from, to) of a part as UTF-8 text, 64 KiB at a time. */
export function* textChunks(
  bytes: Uint8Array,
  from = 0,
  to = bytes.length,
): Generator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  for (let at = from; at < to; at += 65536)
    yield decoder.write(bytes.subarray(at, Math.min(to, at + 65536)));
  yield decoder.end();
}

/** Walks bytes [from, to) of a part as UTF-8 text, 64 KiB at a time. */
export function walk(
  bytes: Uint8Array,
  from: number,
  to: number,
  write: (text: string) => void,
): void {
  for (const text of textChunks(bytes, from, to)) write(text);
}

/**
 * The cells of half a sheet as they cross between threads: three numbers each, the values already
 * parsed, and the other texts.
 */
export interface PackedCells {
  /** Per event: row number; column and flags; style index. A row's start is an event too. */
  numbers: Int32Array;
  count: number;
  /**
   * In order, the value of each cell whose text is a number or a shared string's index, parsed
   * here as `decodeValue` would parse it (xlsx-sheet-rows.ts), so the main thread, which decodes
   * every cell of the sheet, has no text to cut out and parse for most of them.
   */
  parsed: Float64Array;
  /** The texts of the other cells that have one, in order, each ended by a NUL (never in XML text). */
  texts: string;
  merges: string[];
}

const TYPES = [undefined, 's', 'str', 'inlineStr', 'b', 'e', 'n'] as const;
const TYPE_SHIFT = 15;
const FORMULA = 1 << 18;
const HAS_TEXT = 1 << 19;
const ROW_START = 1 << 20;
/** The cell's value is in `parsed`, not in `texts`. */
const PARSED = 1 << 21;
const COLUMN_MASK = (1 << TYPE_SHIFT) - 1;

/** A sink that packs what it is handed (in the worker). */
class Packer implements CellSink {
  private numbers = new Int32Array(3 * 65536);
  private count = 0;
  private parsed = new Float64Array(65536);
  private parsedCount = 0;
  private readonly texts: string[] = [];
  private readonly merges: string[] = [];

  private push(a: number, b: number, c: number): void {
    if (this.count * 3 + 3 > this.numbers.length) {
      const bigger = new Int32Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const at = this.count++ * 3;
    this.numbers[at] = a;
    this.numbers[at + 1] = b;
    this.numbers[at + 2] = c;
  }

  row(row: number): void {
    this.push(row, ROW_START, 0);
  }

  cell(
    row: number,
    column: number,
    type: string | undefined,
    styleId: number,
    formula: boolean,
    text: string | null,
  ): void {
    // Any other type is read as a number, as `decodeValue` reads it.
    const known = TYPES.indexOf(type as (typeof TYPES)[number]);
    const code = known >= 0 ? known : 6;
    let flags = (code << TYPE_SHIFT) | (formula ? FORMULA : 0) | (text === null ? 0 : HAS_TEXT);
    if (text !== null) {
      // A formula's result is decoded by rules of its own (`decode`): kept as text.
      const parse = formula ? null : code === 1 ? 'index' : code === 0 || code === 6 ? 'n' : null;
      if (parse) {
        if (this.parsedCount === this.parsed.length) {
          const bigger = new Float64Array(this.parsed.length * 2);
          bigger.set(this.parsed);
          this.parsed = bigger;
        }
        const value = parse === 'index' ? parseInt(text, 10) : parseFloat(text);
        this.parsed[this.parsedCount++] = value;
        flags |= PARSED;
      } else this.texts.push(text);
    }
    this.push(row, column | flags, styleId);
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  packed(): PackedCells {
    return {
      numbers: this.numbers.slice(0, this.count * 3),
      count: this.count,
      parsed: this.parsed.slice(0, this.parsedCount),
      texts: this.texts.length ? this.texts.join('\0') + '\0' : '',
      merges: this.merges,
    };
  }
}

/** Where unpacked cells go: a sink that also takes the values parsed in the worker. */
export interface ParsedCellSink extends CellSink {
  /** A cell whose `<v>` was a number or a shared string's index (no formula): `value`, parsed. */
  parsedCell(
    row: number,
    column: number,
    type: string | undefined,
    styleId: number,
    value: number,
  ): void;
}

/** The shared strings' indexes that the cells of some packed sheets give as their values. */
export function sharedIndexes(sheets: Iterable<PackedCells>): Set<number> {
  const used = new Set<number>();
  for (const packed of sheets) {
    let next = 0;
    for (let i = 0; i < packed.count; i++) {
      const flags = packed.numbers[i * 3 + 1] as number;
      if (!(flags & PARSED)) continue;
      const value = packed.parsed[next++] as number;
      const shared = TYPES[(flags >> TYPE_SHIFT) & 7] === 's';
      if (shared && Number.isInteger(value) && value >= 0) used.add(value);
    }
  }
  return used;
}

/** Hands packed cells to a sink, in the order they were met. */
export function unpack(packed: PackedCells, sink: ParsedCellSink): void {
  const { numbers, texts, parsed } = packed;
  let at = 0;
  let next = 0;
  for (let i = 0; i < packed.count; i++) {
    const row = numbers[i * 3] as number;
    const flags = numbers[i * 3 + 1] as number;
    if (flags & ROW_START) {
      sink.row(row);
      continue;
    }
    if (flags & PARSED) {
      sink.parsedCell(
        row,
        flags & COLUMN_MASK,
        TYPES[(flags >> TYPE_SHIFT) & 7],
        numbers[i * 3 + 2] as number,
        parsed[next++] as number,
      );
      continue;
    }
    let text: string | null = null;
    if (flags & HAS_TEXT) {
      const end = texts.indexOf('\0', at);
      text = texts.slice(at, end);
      at = end + 1;
    }
    sink.cell(
      row,
      flags & COLUMN_MASK,
      TYPES[(flags >> TYPE_SHIFT) & 7],
      numbers[i * 3 + 2] as number,
      (flags & FORMULA) !== 0,
      text,
    );
  }
  for (const ref of packed.merges) sink.merge(ref);
}

/**
 * A whole sheet (its text, in chunks) walked into packed cells, to be decoded once the shared
 * strings it needs are read (xlsx-reader.ts, when no sheet is cut).
 */
export async function packSheet(chunks: AsyncIterable<string>): Promise<PackedCells> {
  const packer = new Packer();
  const scanner = scanSheet(packer);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return packer.packed();
}

/** What closes a piece taken from the middle of the sheet, so that it is a document of its own. */
const CLOSING = '</sheetData></worksheet>';

/** Bytes [from, to) of a sheet, wrapped, walked into packed cells; to the end, its own end. */
function scanRange(bytes: Uint8Array, from: number, to: number): PackedCells {
  const packer = new Packer();
  const scanner = scanSheet(packer);
  scanner.write(OPENING);
  walk(bytes, from, to, (text) => scanner.write(text));
  if (to < bytes.length) scanner.write(CLOSING);
  scanner.close();
  return packer.packed();
}

/** Cells the worker walked: those of piece `index`, or of its own rows (index = pieces). */
export interface Piece {
  index: number;
  packed: PackedCells;
}

/**
 * The worker's part: its own rows (from the last start to the end), then the pieces from the last
 * back, each taken unless the main thread took it first (then the main thread has all before).
 */
export function scanWorkerPart(
  bytes: Uint8Array,
  starts: readonly number[],
  claims: Claims,
): Piece[] {
  const count = starts.length - 1;
  const pieces: Piece[] = [
    { index: count, packed: scanRange(bytes, starts[count] as number, bytes.length) },
  ];
  for (let i = count - 1; i >= 0; i--) {
    if (Atomics.compareExchange(claims, i, FREE, WORKER) === MAIN) break;
    pieces.push({
      index: i,
      packed: scanRange(bytes, starts[i] as number, starts[i + 1] as number),
    });
  }
  return pieces;
}

/**
 * The main thread's part, walked in order into `write`: the rows before the cut, then the pieces
 * from the first on, each taken unless the worker took it first; returns how many it took.
 */
export function walkMainPart(
  bytes: Uint8Array,
  starts: readonly number[],
  claims: Claims,
  write: (text: string) => void,
): number {
  walk(bytes, 0, starts[0] as number, write);
  let taken = 0;
  for (; taken < starts.length - 1; taken++) {
    if (Atomics.compareExchange(claims, taken, FREE, MAIN) === WORKER) break;
    walk(bytes, starts[taken] as number, starts[taken + 1] as number, write);
  }
  return taken;
}

/**
 * The worker's pieces in the sheet's order, checked to be exactly those after the main thread's
 * `taken` ones (anything else would lose or repeat rows).
 */
export function inOrder(pieces: readonly Piece[], taken: number, count: number): PackedCells[] {
  const sorted = [...pieces].sort((a, b) => a.index - b.index);
  if (sorted.length !== count + 1 - taken || sorted.some((p, i) => p.index !== taken + i))
    throw new Error('pieces of a sheet lost between threads');
  return sorted.map((p) => p.packed);
}

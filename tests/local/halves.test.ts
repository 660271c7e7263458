// A large sheet is read in two halves, one per core (src/local/xlsx-sheet-halves.ts): cut at a
// row, the second half walked apart and its cells handed back in order. Whatever the cut, the
// rows are those of one read of the whole sheet. PTDV_XLSX_SPLIT_BYTES=1 cuts every sheet that
// can be cut; from src/ (these tests) the second half is walked on this thread, through the
// built command line on a worker thread.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { instantOfDay } from '../../src/core/calendar/dates';
import { readXlsx } from '../../src/local/xlsx-reader';
import {
  FIRST_SHARE,
  inflatePart,
  inOrder,
  newClaims,
  pieceStarts,
  scanWorkerPart,
  SHARED_END,
  splitPoint,
  takeForMain,
  unpack,
  walkMainPart,
  type ParsedCellSink,
  type StoredPart,
} from '../../src/local/xlsx-sheet-halves';
import { scanSheet } from '../../src/local/xlsx-sheet-scan';
import { SHEET } from '../../src/workbook/contract';
import { isEngineInput } from '../../src/workbook/read';
import type { Cell } from '../../src/workbook/port';
import { saveList } from '../helpers/xlsx-list';
import { ptdv, ptdvWith, tempDir } from '../helpers/cli';

const NOW = new Date('2024-12-31T05:00:00Z');
const dir = tempDir();

/** Every sheet of `file` as the lean read gives it, with sheets cut (`cut`) or read whole. */
async function readWith(file: string, cut: boolean): Promise<Record<string, Cell[][] | null>> {
  const before = process.env.PTDV_XLSX_SPLIT_BYTES;
  process.env.PTDV_XLSX_SPLIT_BYTES = cut ? '1' : String(2 ** 40);
  try {
    const book = await readXlsx(file, () => true);
    return Object.fromEntries(book.sheetNames().map((n) => [n, book.readSheet(n)]));
  } finally {
    if (before === undefined) delete process.env.PTDV_XLSX_SPLIT_BYTES;
    else process.env.PTDV_XLSX_SPLIT_BYTES = before;
  }
}

async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const path = Object.keys(zip.files).find((p) => p.endsWith(name));
  return (await zip.file(path ?? '')?.async('string')) ?? '';
}

const bytes = (xml: string) => new Uint8Array(Buffer.from(xml, 'utf8'));
const rows = (n: number, attrs = (r: number) => ` r="${r}"`) =>
  Array.from({ length: n }, (_, i) => `<row${attrs(i + 1)}><c><v>${i}</v></c></row>`).join('');
const sheet = (body: string, head = '<?xml version="1.0"?>') =>
  `${head}<worksheet><sheetData>${body}</sheetData></worksheet>`;

describe('where a sheet is cut', () => {
  test("at a row with an address, past the main thread's share", () => {
    const xml = sheet(rows(100));
    const at = splitPoint(bytes(xml));
    expect(at).not.toBeNull();
    const rest = Buffer.from(bytes(xml))
      .subarray(at ?? 0)
      .toString('utf8');
    expect(rest).toMatch(/^<row r="\d+">/);
    expect(at).toBeGreaterThan(xml.length * FIRST_SHARE);
  });

  test('past rows without an address, which follow the row before them', () => {
    // The rows after the middle have no address but one: the cut is there.
    const body =
      rows(20) +
      rows(60, () => '') +
      '<row spans="1:1" r="81"><c><v>x</v></c></row>' +
      rows(20, () => '');
    const at = splitPoint(bytes(sheet(body)));
    expect(
      Buffer.from(bytes(sheet(body)))
        .subarray(at ?? 0)
        .toString(),
    ).toMatch(/^<row spans="1:1" r="81">/);
    expect(splitPoint(bytes(sheet(rows(20) + rows(80, () => ''))))).toBeNull();
  });

  test('never where `<row ` might be text: a comment, CDATA, a processing instruction', () => {
    for (const odd of ['<!-- <row r="1"> -->', '<![CDATA[<row r="1">]]>', '<?app x?>'])
      expect(splitPoint(bytes(sheet(rows(60) + odd + rows(60))))).toBeNull();
    // The XML declaration is no obstacle, nor a `!` or `?` in a value or a formula.
    expect(splitPoint(bytes(sheet(rows(60))))).not.toBeNull();
    const punctuated =
      rows(30) +
      '<row r="31"><c t="inlineStr"><is><t>Chú ý! Ai? &lt;!-- không --&gt;</t></is></c>' +
      '<c><f>Sheet1!A1</f><v>1</v></c></row>' +
      rows(60, (r) => ` r="${r + 31}"`);
    expect(splitPoint(bytes(sheet(punctuated)))).not.toBeNull();
    // A comment right at the start of the document, or right after the declaration, still counts.
    expect(
      splitPoint(bytes(`<!-- x --><worksheet><sheetData>${rows(60)}</sheetData></worksheet>`)),
    ).toBeNull();
    expect(splitPoint(bytes(sheet(rows(60), '<?xml version="1.0"?><!-- x -->')))).toBeNull();
  });

  test('never in a sheet whose elements carry a prefix', () => {
    const prefixed = `<x:worksheet xmlns:x="m"><x:sheetData>${rows(40)
      .replace(/<row/g, '<x:row')
      .replace(/<\/row>/g, '</x:row>')
      .replace(/<(\/?)c>/g, '<$1x:c>')}</x:sheetData></x:worksheet>`;
    expect(splitPoint(bytes(prefixed))).toBeNull();
  });
});

/** What a walk hands its sink, in order: a parsed value as the text it was parsed from. */
function recorder(events: string[]): ParsedCellSink {
  return {
    row: (row) => events.push(`row ${row}`),
    cell: (row, column, type, style, formula, text) =>
      events.push(`${row}:${column} ${type} ${style} ${formula} ${text}`),
    parsedCell: (row, column, type, style, value) =>
      events.push(`${row}:${column} ${type} ${style} false ${value}`),
    merge: (ref) => events.push(`merge ${ref}`),
  };
}

describe('the pieces the two threads share', () => {
  // Numbers, shared strings' indexes and inline Vietnamese text, so every kind of packed cell crosses.
  const body = Array.from(
    { length: 3000 },
    (_, i) =>
      `<row r="${i + 1}"><c s="1"><v>${i}</v></c><c t="s" s="2"><v>${i % 7}</v></c>` +
      `<c t="inlineStr"><is><t>Nguyễn Thị ${i}</t></is></c></row>`,
  ).join('');
  const data = bytes(sheet(body));

  test('lie between the two shares, each beginning at a row', () => {
    const starts = pieceStarts(data, splitPoint(data) ?? 0);
    expect(starts.length).toBe(15);
    expect(starts[0]).toBeGreaterThan(data.length * FIRST_SHARE);
    expect(starts[14]).toBeGreaterThan(data.length * SHARED_END);
    expect(starts[14]).toBeLessThan(data.length * (SHARED_END + 0.01));
    const text = Buffer.from(data);
    for (const at of starts) expect(text.subarray(at, at + 8).toString()).toBe('<row r="');
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  test('whichever thread takes which, the cells come in the order of one walk', () => {
    const whole: string[] = [];
    const all = scanSheet(recorder(whole));
    all.write(Buffer.from(data).toString());
    all.close();
    expect(whole.length).toBe(12000);
    const starts = pieceStarts(data, splitPoint(data) ?? 0);
    const count = starts.length - 1;
    for (let mine = 0; mine <= count; mine++) {
      const claims = newClaims(count);
      // The main thread came first to `mine` pieces; the worker takes the rest from the back.
      takeForMain(claims, mine);
      const pieces = scanWorkerPart(data, starts, claims);
      expect(pieces.map((p) => p.index)).toEqual(
        Array.from({ length: count + 1 - mine }, (_, i) => count - i),
      );
      const events: string[] = [];
      const sink = recorder(events);
      const scanner = scanSheet(sink);
      expect(walkMainPart(data, starts, claims, (t) => scanner.write(t))).toBe(mine);
      expect(scanner.betweenRows()).toBe(true);
      for (const packed of inOrder(pieces, mine, count)) unpack(packed, sink);
      expect(events).toEqual(whole);
    }
  });

  test('a piece lost or walked twice stops the read instead of losing or repeating rows', () => {
    const starts = pieceStarts(data, splitPoint(data) ?? 0);
    const claims = newClaims(14);
    takeForMain(claims, 5);
    const pieces = scanWorkerPart(data, starts, claims);
    expect(() => inOrder(pieces, 5, 14)).not.toThrow();
    expect(() => inOrder(pieces, 4, 14)).toThrow();
    expect(() => inOrder(pieces, 6, 14)).toThrow();
    expect(() => inOrder(pieces.slice(1), 5, 14)).toThrow();
    expect(() => inOrder([...pieces, pieces[2] ?? pieces[0]!], 5, 14)).toThrow();
  });
});

describe('a sheet read in halves holds what one read of it holds', () => {
  test('a long Vietnamese list, cell for cell', async () => {
    const syllables = ['Nguyễn', 'Thị', 'Hồng', 'Nhung', 'Đặng', 'Quốc', 'Việt', 'Hoà', 'Hòa'];
    const people: Cell[][] = Array.from({ length: 2000 }, (_, i) => [
      i + 1,
      `${syllables[i % 9]} ${syllables[(i * 7) % 9]} ${i}`,
      instantOfDay(13000 + i),
      i % 3 === 0 ? 'Trường THPT Hiệp Hòa số 1' : 'Công ty TNHH Quế Võ',
      'Học sinh, sinh viên',
      'BD1-HS',
    ]);
    const file = join(dir, 'long.xlsx');
    await saveList(file, people, NOW);
    expect(splitPoint(bytes(await sheetXml(file, 'sheet5.xml')))).not.toBeNull();
    const cut = await readWith(file, true);
    expect(cut[SHEET.candidates]?.slice(1).map((r) => r[1])).toEqual(people.map((p) => p[1]));
    expect(cut).toEqual(await readWith(file, false));
  });

  test('every kind of value, merged ranges and empty rows, wherever the cut falls', async () => {
    const value = fc.oneof(
      fc.constant<ExcelJS.CellValue>(null),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.boolean(),
      fc.string({ maxLength: 8 }).map((t) => `${t}<&>"ờ`),
      fc.date({ min: new Date('1905-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
      fc.record({ formula: fc.constant('A1*2'), result: fc.integer({ min: -1e6, max: 1e6 }) }),
      fc.record({ formula: fc.constant('"x"&A1'), result: fc.string({ maxLength: 5 }) }),
      fc.constant<ExcelJS.CellValue>({ richText: [{ text: 'Hiệp ' }, { text: 'Hòa' }] }),
      fc.constant<ExcelJS.CellValue>({ error: '#N/A' }),
    );
    const format = fc.constantFrom(undefined, 'dd/mm/yyyy', '0.0%', '@');
    const grid = fc.array(fc.array(fc.tuple(value, format), { maxLength: 5 }), {
      minLength: 2,
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), fc.nat(20), async (cells, merge, gap) => {
        const file = join(dir, 'kinds.xlsx');
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('Giá trị');
        cells.forEach((line, r) =>
          line.forEach(([v, numFmt], c) => {
            const cell = ws.getCell(r + 1 + (r > cells.length / 2 ? gap : 0), c + 1);
            cell.value = v;
            if (numFmt) cell.numFmt = numFmt;
          }),
        );
        if (merge) ws.mergeCells('A1:B2');
        await book.xlsx.writeFile(file);
        const plain = (all: Record<string, Cell[][] | null>) =>
          all['Giá trị']?.map((r) => r.map((c) => (c instanceof Date && isNaN(+c) ? 'NaN' : c)));
        expect(plain(await readWith(file, true))).toEqual(plain(await readWith(file, false)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('through the command line, on a worker thread', () => {
  const cutEverything = { PTDV_XLSX_SPLIT_BYTES: '1' };

  test('the report of the demo is the same, cut or whole', () => {
    const demo = join(dir, 'demo.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const args = ['report', '--workbook', demo, '--today', '2024-09-01', '--json'];
    const whole = ptdv(...args);
    const cut = ptdvWith(cutEverything, ...args);
    expect(whole.code).toBe(0);
    expect(cut.code).toBe(0);
    expect(JSON.parse(cut.stdout)).toEqual(JSON.parse(whole.stdout));
    expect(JSON.parse(cut.stdout).problems.length).toBeGreaterThan(10);
  });

  test('a second half that is broken is a broken file, said in Vietnamese', async () => {
    const demo = join(dir, 'demo-2.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(demo));
    const names = Object.keys(zip.files).filter((p) => /worksheets\/sheet\d+\.xml$/.test(p));
    for (const name of names) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      // The last row's end tag misspelt: only the second half's walk meets it.
      const last = xml.lastIndexOf('</row>');
      if (last > 0) zip.file(name, `${xml.slice(0, last)}</rov>${xml.slice(last + 6)}`);
    }
    const broken = join(dir, 'broken-end.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    for (const command of ['report', 'check']) {
      const r = ptdvWith(cutEverything, command, '--workbook', broken);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^Không đọc được tệp .*tệp đã hỏng/);
      expect(r.stderr).not.toMatch(/\bat \w|Error:/);
    }
  });

  test("a workbook in the Open XML SDK's spelling (every element under x:) reads the same, cut or whole", async () => {
    const sdk = join(__dirname, '..', 'fixtures', 'office', 'openxml-sdk.xlsx');
    const plain = join(__dirname, '..', 'fixtures', 'office', 'xlsxwriter.xlsx');
    const expected = await readWith(plain, false);
    expect(expected[SHEET.candidates]?.length).toBeGreaterThan(100);
    expect(await readWith(sdk, true)).toEqual(expected);
    expect(await readWith(sdk, false)).toEqual(expected);
  });

  test('the list the engine reads is the same, cut or whole, for every command that reads', async () => {
    const demo = join(dir, 'demo-3.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const whole = ptdv('check', '--workbook', demo);
    const cut = ptdvWith(cutEverything, 'check', '--workbook', demo);
    expect(cut.stdout).toBe(whole.stdout);
    expect(cut.code).toBe(whole.code);
    // And the lean read from src/ agrees with itself cut or whole on the engine's sheets.
    const a = await readWith(demo, true);
    const b = await readWith(demo, false);
    for (const name of Object.keys(b).filter(isEngineInput)) expect(a[name]).toEqual(b[name]);
  });
});

describe("a part's data, read and inflated in one step", () => {
  /** `data` deflated into a file of its own, and where it lies, with the size its entry states. */
  function partOf(data: Buffer, statedSize: number): StoredPart {
    const deflated = deflateRawSync(data);
    const path = join(dir, `part-${statedSize}.bin`);
    writeFileSync(path, Buffer.concat([Buffer.from('PK-header'), deflated]));
    return { path, start: 9, length: deflated.length, method: 8, size: statedSize };
  }

  test('a sound part inflates to its stated size, to the byte', () => {
    const xml = Buffer.from('<sst>' + '<si><t>Nguyễn Văn A</t></si>'.repeat(5_000) + '</sst>');
    expect(Buffer.from(inflatePart(partOf(xml, xml.length))).equals(xml)).toBe(true);
  });

  test('a size its data cannot hold is refused before a buffer of that size is made', () => {
    const xml = Buffer.from('<sst><si><t>x</t></si></sst>');
    // 2 GB stated for a few bytes: more than deflate can expand them.
    expect(() => inflatePart(partOf(xml, 2 ** 31))).toThrow('part larger than its data can hold');
    expect(() => inflatePart({ ...partOf(xml, xml.length), method: 0, size: 10_000 })).toThrow(
      'part larger than its data can hold',
    );
  });

  test('data that inflates past its stated size (a zip bomb) stops there', () => {
    // 64 MB of one byte deflate to about 64 kB; the entry says 100 kB.
    const bomb = partOf(Buffer.alloc(64 << 20, 0x20), 100_000);
    // Node's own error (ERR_BUFFER_TOO_LARGE), from zlib stopping at 100,001 bytes; inflating it
    // all would have failed later, on the size, once 64 MB were made.
    expect(() => inflatePart(bomb)).toThrow('larger than 100001 bytes');
  });
});

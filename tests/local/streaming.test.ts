// The lean streaming read (report, check, counts) gives the same report as the full read, on the
// demo (with its planted mistakes) and on random messy workbooks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildJsonReport } from '../../src/core/reports/json-report';
import { instantOfDay } from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { readXlsx } from '../../src/local/xlsx-reader';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { SHEET } from '../../src/workbook/contract';
import { isEngineInput } from '../../src/workbook/read';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import type { Cell } from '../../src/workbook/port';
import { saveList } from '../helpers/xlsx-list';
import { ptdv, tempDir } from '../helpers/cli';

const NOW = new Date('2024-12-31T05:00:00Z');

async function bothReads(file: string) {
  const full = buildJsonReport(evaluateWorkbook(await XlsxWorkbook.open(file), NOW));
  const lean = buildJsonReport(evaluateWorkbook(await readXlsx(file, isEngineInput), NOW));
  return { full, lean };
}

/** Every cell of every sheet the engine reads, as each reader gives it. */
async function bothCells(file: string) {
  const full = await XlsxWorkbook.open(file);
  const lean = await readXlsx(file, isEngineInput);
  const sheets = (book: { sheetNames(): string[]; readSheet(n: string): Cell[][] | null }) =>
    book
      .sheetNames()
      .filter(isEngineInput)
      .map((name) => ({ name, rows: book.readSheet(name) }));
  return { full: sheets(full), lean: sheets(lean) };
}

/** Writes `source`'s sheets again with exceljs's streaming writer, every string inline. */
async function rewriteInline(source: string, target: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: target,
    useSharedStrings: false,
    useStyles: true,
  });
  for (const ws of book.worksheets) {
    const out = writer.addWorksheet(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const copy = out.getRow(r);
      row.eachCell((cell, c) => {
        copy.getCell(c).value = cell.value;
        copy.getCell(c).numFmt = cell.numFmt;
      });
      copy.commit();
    });
    out.commit();
  }
  await writer.commit();
}

describe('the streaming read equals the full read', () => {
  const dir = tempDir();

  test('cell for cell on a long Vietnamese list, shared and inline strings', async () => {
    // Thousands of accented names: the file is read in 16 KB chunks, so many letters' bytes are
    // split between two chunks (exceljs's own streaming read garbles those).
    const syllables = ['Nguyễn', 'Thị', 'Hồng', 'Nhung', 'Đặng', 'Quốc', 'Việt', 'Hoà', 'Hòa'];
    const people: Cell[][] = Array.from({ length: 3000 }, (_, i) => [
      i + 1,
      `${syllables[i % 9]} ${syllables[(i * 7) % 9]} ${syllables[(i * 5) % 9]} ${i}`,
      instantOfDay(13000 + i),
      i % 3 === 0 ? 'Trường THPT Hiệp Hòa số 1' : 'Công ty TNHH Quế Võ',
      'Học sinh, sinh viên',
      'BD1-HS',
    ]);
    const shared = join(dir, 'long.xlsx');
    await saveList(shared, people, NOW);
    const inline = join(dir, 'long-inline.xlsx');
    await rewriteInline(shared, inline);
    for (const file of [shared, inline]) {
      const { full, lean } = await bothCells(file);
      const list = lean.find((s) => s.name === SHEET.candidates)?.rows;
      expect(list?.slice(1).map((r) => r[1])).toEqual(people.map((p) => p[1]));
      expect(lean).toEqual(full);
    }
  });

  test('on the demo workbook, planted mistakes included', async () => {
    const demo = join(dir, 'demo.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const { full, lean } = await bothReads(demo);
    expect(lean.problems.length).toBeGreaterThan(10);
    expect(lean).toEqual(full);
  });

  test('on a file with every string inline and no shared string table', async () => {
    // The shape of files from other programs, which the lean read must take as the full read does.
    const demo = join(dir, 'demo-inline.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const inline = join(dir, 'inline.xlsx');
    await rewriteInline(demo, inline);
    const zip = await JSZip.loadAsync(readFileSync(inline));
    expect(Object.keys(zip.files)).not.toContain('xl/sharedStrings.xml');
    const { full, lean } = await bothReads(inline);
    expect(lean.problems.length).toBeGreaterThan(10);
    expect(lean).toEqual(full);
    expect(lean).toEqual((await bothReads(demo)).full);
  });

  test('cell for cell on every kind of value a sheet can hold', async () => {
    // Values exceljs writes as other programs do: formulas with cached results (numbers, text,
    // dates, booleans, errors), rich text, links, booleans, dates under several formats, merged
    // ranges; in a 1900 and a 1904 workbook.
    const value = fc.oneof(
      fc.constant<ExcelJS.CellValue>(null),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: 1, max: 60000 }),
      fc.boolean(),
      fc.string({ maxLength: 8 }).map((t) => `${t}<&>"ờ`),
      fc.date({ min: new Date('1905-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
      fc.record({ formula: fc.constant('A1*2'), result: fc.integer({ min: -1e6, max: 1e6 }) }),
      fc.record({ formula: fc.constant('"x"&A1'), result: fc.string({ maxLength: 5 }) }),
      fc.record({ formula: fc.constant('TODAY()'), result: fc.constant(new Date('2024-05-19')) }),
      fc.record({
        formula: fc.constant('1/0'),
        result: fc.constant({ error: '#DIV/0!' as const }),
      }),
      fc.constant<ExcelJS.CellValue>({
        richText: [{ text: 'Hiệp ' }, { text: 'Hòa', font: { bold: true } }],
      }),
      fc.constant<ExcelJS.CellValue>({ text: 'trang', hyperlink: 'https://example.com/ờ' }),
      fc.constant<ExcelJS.CellValue>({ error: '#N/A' }),
    );
    const format = fc.constantFrom(undefined, 'dd/mm/yyyy', '0.0%', 'yyyy-mm-dd hh:mm', '@');
    const grid = fc.array(fc.array(fc.tuple(value, format), { maxLength: 6 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), fc.boolean(), async (cells, date1904, merge) => {
        const file = join(dir, 'kinds.xlsx');
        const book = new ExcelJS.Workbook();
        book.properties.date1904 = date1904;
        const ws = book.addWorksheet('Giá trị');
        cells.forEach((line, r) =>
          line.forEach(([v, numFmt], c) => {
            const cell = ws.getCell(r + 1, c + 1);
            cell.value = v;
            if (numFmt) cell.numFmt = numFmt;
          }),
        );
        if (merge && cells.length > 2) ws.mergeCells('A2:C3');
        await book.xlsx.writeFile(file);
        const full = await XlsxWorkbook.open(file);
        const lean = await readXlsx(file, () => true);
        // exceljs makes a date of anything under a date format, an error or a huge number
        // included: both reads then hold an invalid date, which toEqual never finds equal.
        const plain = (rows: Cell[][] | null) =>
          rows?.map((r) => r.map((c) => (c instanceof Date && isNaN(c.getTime()) ? 'NaN' : c)));
        expect(plain(lean.readSheet('Giá trị'))).toEqual(plain(full.readSheet('Giá trị')));
      }),
      { numRuns: 40 },
    );
  });

  describe('cell for cell on what Excel and other programs write that exceljs does not', () => {
    /** A small workbook made by exceljs, then one part edited by hand. */
    async function edited(name: string, edit: (zip: JSZip) => Promise<void>): Promise<string> {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('S');
      ws.getCell('A1').value = 'hello';
      ws.getCell('C1').value = 7;
      ws.getCell('D1').value = 'plain';
      ws.getCell('A2').value = 'x';
      const base = join(dir, `${name}-base.xlsx`);
      await book.xlsx.writeFile(base);
      const zip = await JSZip.loadAsync(readFileSync(base));
      await edit(zip);
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
      return file;
    }
    const change = (path: string, fn: (xml: string) => string) => async (zip: JSZip) => {
      zip.file(path, fn((await zip.file(path)?.async('string')) ?? ''));
    };
    const strings = (fn: (xml: string) => string) => change('xl/sharedStrings.xml', fn);
    const sheet = (fn: (xml: string) => string) => change('xl/worksheets/sheet1.xml', fn);
    const cases: [string, (zip: JSZip) => Promise<void>][] = [
      // Excel's carriage return inside a cell.
      ['_x000D_', strings((x) => x.replace('<t>hello</t>', '<t>Dòng 1_x000D_\nDòng 2</t>'))],
      [
        'a phonetic reading',
        strings((x) =>
          x.replace('<t>hello</t>', '<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh>'),
        ),
      ],
      [
        'rich text runs with their formats, escapes and a phonetic reading',
        strings((x) =>
          x.replace(
            '<si><t>hello</t></si>',
            '<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Trường </t></r><r><t>THPT_x000D_</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
          ),
        ),
      ],
      [
        'an indented string table',
        strings((x) => x.replace('<si><t>hello</t></si>', '<si>\n    <t>hello</t>\n  </si>')),
      ],
      [
        'a bordered empty row',
        sheet((x) => x.replace('</sheetData>', '<row r="3"><c r="H3" s="1"/></row></sheetData>')),
      ],
      [
        // A formatted cell in the last column Excel has, on a row of its own before a row of
        // values: it widens neither the sheet nor the rows after it.
        'an empty formatted cell in the last column, on a row of its own',
        sheet((x) =>
          x.replace(
            /<row r="2"[^>]*>.*?<\/row>/,
            '<row r="2"><c r="XFD2" s="1"/></row><row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>',
          ),
        ),
      ],
      [
        'an empty cell without format',
        sheet((x) => x.replace(/(<c r="D1"[^>]*>.*?<\/c>)/, '$1<c r="H1"/>')),
      ],
      [
        'an empty formatted cell in a row of values',
        sheet((x) => x.replace(/(<c r="D1"[^>]*>.*?<\/c>)/, '$1<c r="F1" s="1"/>')),
      ],
      [
        'CDATA in a value',
        sheet((x) =>
          x.replace(/<c r="C1"[^>]*>.*?<\/c>/, '<c r="C1" t="str"><v><![CDATA[cd]]></v></c>'),
        ),
      ],
      [
        'a formula without a cached result',
        sheet((x) => x.replace(/<c r="C1"[^>]*>.*?<\/c>/, '<c r="E1"><f>1+1</f></c>')),
      ],
      [
        'cells without an address',
        sheet((x) =>
          x.replace(
            /<row r="2"[^>]*>.*?<\/row>/,
            '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c/><c t="inlineStr"><is><t>c</t></is></c></row>',
          ),
        ),
      ],
      [
        'a chart sheet',
        async (zip) => {
          zip.file(
            'xl/chartsheets/sheet1.xml',
            '<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/></chartsheet>',
          );
          await change('xl/_rels/workbook.xml.rels', (x) =>
            x.replace(
              '</Relationships>',
              '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
            ),
          )(zip);
          await change('xl/workbook.xml', (x) =>
            x.replace('</sheets>', '<sheet name="Biểu đồ" sheetId="9" r:id="rId99"/></sheets>'),
          )(zip);
        },
      ],
    ];
    test.each(cases)('%s', async (name, edit) => {
      const file = await edited(name.replace(/\W+/g, '-'), edit);
      const full = await XlsxWorkbook.open(file);
      const lean = await readXlsx(file, () => true);
      expect(lean.sheetNames()).toEqual(full.sheetNames());
      for (const n of full.sheetNames()) expect(lean.readSheet(n)).toEqual(full.readSheet(n));
    });
  });

  test('an empty shared string is an empty cell (exceljs would show "[object Object]")', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').getCell('A1').value = 'hello';
    const base = join(dir, 'empty-si-base.xlsx');
    await book.xlsx.writeFile(base);
    const zip = await JSZip.loadAsync(readFileSync(base));
    const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    zip.file('xl/sharedStrings.xml', sst.replace('<si><t>hello</t></si>', '<si/>'));
    const file = join(dir, 'empty-si.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await readXlsx(file, () => true)).readSheet('S')).toEqual([['']]);
  });

  test('a broken file is named in Vietnamese, as the full read does', async () => {
    const demo = join(dir, 'demo-broken.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    // Every sheet cut in half (a copy that failed half way), and a zip cut short (a download).
    const zip = await JSZip.loadAsync(readFileSync(demo));
    for (const sheet of Object.keys(zip.files).filter((p) =>
      /worksheets\/sheet\d+\.xml$/.test(p),
    )) {
      const xml = (await zip.file(sheet)?.async('string')) ?? '';
      zip.file(sheet, xml.slice(0, xml.length / 2));
    }
    const halfSheet = join(dir, 'half-sheet.xlsx');
    writeFileSync(halfSheet, await zip.generateAsync({ type: 'nodebuffer' }));
    const cutShort = join(dir, 'cut-short.xlsx');
    writeFileSync(cutShort, readFileSync(demo).subarray(0, 20_000));
    for (const file of [halfSheet, cutShort]) {
      for (const command of ['report', 'check']) {
        const r = ptdv(command, '--workbook', file);
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toMatch(/^Không đọc được tệp .*tệp đã hỏng/);
        expect(r.stderr).not.toMatch(/\bat \w|Error:/);
      }
    }
  });

  test('on random messy workbooks', async () => {
    const units = PLAN_145.units.map((u) => u.name);
    const cell = fc.oneof(
      fc.constant<Cell>(''),
      fc.constantFrom<Cell>(...units, 'THPT-HH1', 'Truong THPT Hiep Hoa so 2', 'không có'),
      fc.constantFrom<Cell>(
        'BD1-HS',
        'BD2-CN',
        'BD9',
        '31/02/2006',
        '10/05/2024',
        '2024-05-10',
        'abc',
      ),
      fc.integer({ min: 17000, max: 20500 }).map((d) => instantOfDay(d) as Cell),
      fc.integer({ min: -5, max: 50000 }),
      fc.string({ maxLength: 12 }),
    );
    const rows = fc.array(fc.array(cell, { minLength: 14, maxLength: 14 }), { maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(rows, async (people) => {
        const file = join(dir, 'messy.xlsx');
        await saveList(file, people, NOW);
        const { full, lean } = await bothReads(file);
        expect(lean).toEqual(full);
      }),
      { numRuns: 15 },
    );
  });
});

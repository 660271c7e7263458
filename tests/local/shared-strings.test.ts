// Reading only some of a workbook's shared strings (a read of the plan's sheets alone: counts
// --into's target, new-year) gives each of them as the walk through the whole table gives it.
import { join } from 'node:path';
import fc from 'fast-check';
import { readSharedStrings, readSomeSharedStrings } from '../../src/local/xlsx-shared-strings';
import { readXlsx } from '../../src/local/xlsx-reader';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { isPlanSheet } from '../../src/workbook/read';
import { ptdv, tempDir } from '../helpers/cli';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The kinds of item the programs write, each as XML and the text a cell shows. */
const item = fc.oneof(
  fc.string({ maxLength: 6 }).map((t) => {
    const text = `${t}Trường ờ`;
    const xml = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return { xml: `<si><t>${xml}</t></si>`, text };
  }),
  fc.constant({ xml: '<si/>', text: '' }),
  fc.constant({ xml: '<si><t/></si>', text: '' }),
  fc.constant({ xml: '<si ><t xml:space="preserve"> Hiệp Hòa </t></si>', text: ' Hiệp Hòa ' }),
  fc.constant({ xml: '<si><t>dòng 1_x000D_\ndòng 2</t></si>', text: 'dòng 1\r\ndòng 2' }),
  fc.constant({
    xml: '<si><r><rPr><b/><sz val="11"/></rPr><t>Chi bộ </t></r><r><t>Thôn Đông</t></r></si>',
    text: 'Chi bộ Thôn Đông',
  }),
  fc.constant({
    xml: '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>',
    text: '漢字',
  }),
  fc.constant({ xml: '<si><t>&lt;si&gt; &amp; &#x1EDD;</t></si>', text: '<si> & ờ' }),
);

function table(items: { xml: string }[], indent: boolean, extension: boolean): Buffer {
  const gap = indent ? '\n  ' : '';
  const ext = extension ? `<extLst><ext uri="{x}"><x14:y xmlns:x14="urn:x"/></ext></extLst>` : '';
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${gap}` +
      items.map((i) => i.xml).join(gap) +
      `${gap}${ext}</sst>`,
    'utf8',
  );
}

describe('some of the shared strings', () => {
  test('each one wanted is the text the whole walk gives, the others are left out', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        async (items, picks, indent, extension) => {
          const bytes = table(items, indent, extension);
          const whole = await readSharedStrings([bytes.toString('utf8')]);
          expect(whole).toEqual(items.map((i) => i.text));
          const needed = new Set(picks.map((p) => p % items.length));
          const some = readSomeSharedStrings(bytes, needed);
          expect(some).not.toBeNull();
          for (let i = 0; i < items.length; i++)
            expect(some?.[i]).toBe(needed.has(i) ? whole[i] : undefined);
          expect(Object.keys(some ?? []).length).toBe(needed.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a table that cannot be cut into its items safely is left to the whole walk', () => {
    const items = [
      { xml: '<si><t>một</t></si>' },
      { xml: '<si><t>hai</t></si>' },
      { xml: '<si><t>ba</t></si>' },
    ];
    const plain = table(items, false, false);
    const some = readSomeSharedStrings(plain, new Set([2]));
    expect(some?.[2]).toBe('ba');
    expect(Object.keys(some ?? [])).toEqual(['2']);
    // `<si` inside a comment or a CDATA section is not an item.
    const commented = Buffer.from(plain.toString().replace('<si>', '<!-- <si> --><si>'));
    expect(readSomeSharedStrings(commented, new Set([2]))).toBeNull();
    const cdata = Buffer.from(plain.toString().replace('<t>hai</t>', '<t><![CDATA[<si>]]></t>'));
    expect(readSomeSharedStrings(cdata, new Set([2]))).toBeNull();
    // Prefixed elements have no `<si` to find: the whole walk refuses them, as exceljs does.
    const prefixed = Buffer.from(plain.toString().replace(/<(\/?)(sst|si|t)\b/g, '<$1x:$2'));
    expect(readSomeSharedStrings(prefixed, new Set([0]))).toBeNull();
    // An index past the last item.
    expect(readSomeSharedStrings(plain, new Set([3]))).toBeNull();
  });

  test("the plan's sheets read alone equal the full read's, strings after the list's included", async () => {
    // In the demo workbook, as in the bench's, `Cấu hình` comes after `Danh sách` and uses
    // strings from the end of the table.
    const dir = tempDir();
    const demo = join(dir, 'demo.xlsx');
    expect(ptdv('demo', '--out', demo).code).toBe(0);
    const full = await XlsxWorkbook.open(demo);
    const lean = await readXlsx(demo, isPlanSheet);
    const plan = full.sheetNames().filter(isPlanSheet);
    expect(plan.length).toBe(3);
    expect(lean.sheetNames()).toEqual(full.sheetNames());
    for (const name of plan) expect(lean.readSheet(name)).toEqual(full.readSheet(name));
  });
});

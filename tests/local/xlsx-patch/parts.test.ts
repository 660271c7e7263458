// The part edits of a patched write, on XML as other programs write it: a prefixed namespace (the
// .NET Open XML SDK writes `x:`), self-closing lists, styles found again rather than added twice.
import { SaxesParser } from 'saxes';
import {
  appendRowsBytes,
  appendRowsXml,
  cellXml,
  replaceValuesXml,
} from '../../../src/local/xlsx-patch/sheet-xml';
import { StylesPart } from '../../../src/local/xlsx-patch/styles';

const wellFormed = (xml: string) => {
  new SaxesParser({ xmlns: true }).write(xml).close();
  return true;
};

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills count="1"><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>`;

describe('the styles part', () => {
  test('gains a format list, a bold font and cell styles, written with its prefix', () => {
    const styles = new StylesPart(STYLES);
    expect(styles.id('date')).toBe(1);
    expect(styles.id('bold')).toBe(2);
    expect(styles.id('date')).toBe(1);
    const xml = styles.text();
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain(
      '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts>',
    );
    expect(xml).toContain('<x:fonts count="2">');
    expect(xml).toContain('<x:font><x:b/><x:sz val="11"/><x:name val="Calibri"/></x:font>');
    expect(xml).toContain('<x:cellXfs count="3">');
    // The office's own style keeps its number and its bytes.
    expect(xml).toContain('<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  });

  test('a second run finds what the first added, and leaves the part as it is', () => {
    const first = new StylesPart(STYLES);
    first.id('date');
    first.id('bold');
    first.id('percent');
    const once = first.text();
    const second = new StylesPart(once);
    expect([second.id('date'), second.id('bold'), second.id('percent')]).toEqual([
      first.id('date'),
      first.id('bold'),
      first.id('percent'),
    ]);
    expect(second.changed).toBe(false);
    expect(second.text()).toBe(once);
  });

  test('nothing needed, nothing changed', () => {
    expect(new StylesPart(STYLES).text()).toBe(STYLES);
  });
});

const writer = { style: () => 7, date1904: false };

describe('a sheet the office keeps', () => {
  const SHEET = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="1" width="30" customWidth="1"/></x:cols><x:sheetData><x:row r="1" ht="30" customHeight="1"><x:c r="A1" s="3" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="4"><x:v>5</x:v></x:c></x:row></x:sheetData><x:conditionalFormatting sqref="B1"><x:cfRule type="cellIs" priority="1"/></x:conditionalFormatting></x:worksheet>`;

  test('rows are appended after the last, in its prefix, the rest untouched', () => {
    const xml = appendRowsXml(SHEET, [['a', 1, '=SUM(A1)']], writer);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain(
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B2"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>=SUM(A1)</x:t></x:is></x:c></x:row></x:sheetData>',
    );
    expect(xml.startsWith(SHEET.slice(0, SHEET.indexOf('</x:sheetData>')))).toBe(true);
    expect(xml.endsWith(SHEET.slice(SHEET.indexOf('</x:sheetData>')))).toBe(true);
  });

  test('values are replaced, each cell and row keeping its style and height', () => {
    const xml = replaceValuesXml(SHEET, [['Mã', 6, 'mới'], ['x']], writer);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('<x:row r="1" ht="30" customHeight="1"><x:c r="A1" s="3" t="inlineStr">');
    expect(xml).toContain('<x:c r="B1" s="4"><x:v>6</x:v></x:c>');
    expect(xml).toContain('<x:cols><x:col min="1" max="1" width="30" customWidth="1"/></x:cols>');
    expect(xml).toContain('<x:conditionalFormatting sqref="B1">');
    expect(xml).toContain(
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>',
    );
  });

  test('text that XML cannot hold is escaped or dropped, never breaking the part', () => {
    const xml = appendRowsXml(SHEET, [['<b> & "c"\u0001 ', 'Nguyễn']], writer);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('<x:t xml:space="preserve">&lt;b&gt; &amp; "c" </x:t>');
  });

  test('rows and cells without `r` are numbered as a reader numbers them, and the dimension follows', () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData><row><c s="3" t="inlineStr"><is><t>Mã</t></is></c><c s="4"><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>`;
    const appended = appendRowsXml(sheet, [['a', 'b', 'c']], writer);
    expect(appended).toContain('<row r="3"><c r="A3" t="inlineStr">');
    expect(appended).toContain('<dimension ref="A1:C3"/>');
    const replaced = replaceValuesXml(sheet, [['Mã mới', 5], [7]], writer);
    expect(replaced).toContain(
      '<c r="A1" s="3" t="inlineStr"><is><t>Mã mới</t></is></c><c r="B1" s="4"><v>5</v></c>',
    );
    expect(replaced).toContain('<dimension ref="A1:B2"/>');
    expect(wellFormed(appended) && wellFormed(replaced)).toBe(true);
  });

  test('the appended sheet as bytes is the text as UTF-8, a prefix, a dimension or none alike', () => {
    const plain = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData/><pageMargins left="0.7"/></worksheet>`;
    const noDimension = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="4"><c r="A4"><v>1</v></c></row></sheetData></worksheet>`;
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, 'x'] as unknown as string[];
    const rows = [
      ['28/09/2025 08:00', 'Hồ sơ: Chờ lễ kết nạp', 'Trường Mẫu số 0006', 7, '', null, '😀 a\n'],
      sparse,
      [],
      [true, 1.5, Infinity, ' lề', 'lề\u00a0', '<&>\r'],
    ];
    for (const sheet of [SHEET, plain, noDimension]) {
      const bytes = appendRowsBytes(sheet, rows, writer);
      expect(bytes.equals(Buffer.from(appendRowsXml(sheet, rows, writer), 'utf8'))).toBe(true);
      expect(wellFormed(bytes.toString('utf8'))).toBe(true);
    }
  });

  test('`xml:space` is kept exactly where a regular expression would find white space', () => {
    const spaced = /^\s|\s$|\n/;
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}`, `${ch}a`, `a${ch}b`]) {
        const xml = cellXml('A1', text, null, writer);
        const kept = xml.indexOf('<t xml:space="preserve">') !== -1;
        const written = xml.slice(
          xml.indexOf('>', xml.indexOf('<t') + 1) + 1,
          xml.lastIndexOf('</t>'),
        );
        if (kept !== spaced.test(written)) wrong.push(code);
      }
    }
    expect(wrong).toEqual([]);
  });
});

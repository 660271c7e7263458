// SpreadsheetML under a prefix (the Open XML SDK's `x:`), read as in the default namespace, and
// the rewriting that hands such a part to exceljs (src/local/xlsx-main-prefix.ts,
// src/local/xlsx-dialects.ts `withPrefixes`).
import { withPrefixes } from '../../src/local/xlsx-dialects';
import { MAIN_NS, prefixesMain } from '../../src/local/xlsx-main-prefix';
import { readSharedStrings } from '../../src/local/xlsx-shared-strings';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

describe('how a part names SpreadsheetML', () => {
  test('under a prefix its root binds to the namespace, or as the walks expect', () => {
    expect(prefixesMain(`${DECLARATION}<x:workbook xmlns:x="${MAIN_NS}"/>`)).toBe(true);
    expect(prefixesMain(`${DECLARATION}<main:sst xmlns:main="${MAIN_NS}"></main:sst>`)).toBe(true);
    expect(prefixesMain(`<workbook xmlns="${MAIN_NS}"/>`)).toBe(false);
    // A prefix bound to another namespace is not SpreadsheetML's.
    expect(prefixesMain(`<x:workbook xmlns:x="urn:other"/>`)).toBe(false);
    expect(prefixesMain('not xml')).toBe(false);
  });

  test('both spellings in one part, when its root binds the namespace to a prefix and as the default', async () => {
    for (const root of [
      `<x:sst xmlns:x="${MAIN_NS}" xmlns="${MAIN_NS}">`,
      `<sst xmlns="${MAIN_NS}" xmlns:x="${MAIN_NS}">`,
    ]) {
      const close = root.startsWith('<x:') ? '</x:sst>' : '</sst>';
      const xml = `${root}<si><t>một</t></si><x:si><x:t>hai</x:t></x:si>${close}`;
      expect(await readSharedStrings([xml])).toEqual(['một', 'hai']);
    }
    // Under a prefix alone, an unprefixed element is of no namespace: the table is broken, and
    // refused rather than read without it (every later string would move up one).
    await expect(
      readSharedStrings([
        `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>một</x:t></x:si><si><t>hai</t></si></x:sst>`,
      ]),
    ).rejects.toThrow();
  });
});

describe('a prefixed part in the default namespace', () => {
  const toDefault = (xml: string) => withPrefixes(xml, { [MAIN_NS]: '' });

  test('names every element of SpreadsheetML unprefixed and keeps the others as they were', () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:mc="urn:mc" mc:Ignorable="x14ac" xmlns:x14ac="urn:ac">` +
      `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b </x:t></x:is></x:c></x:row></x:sheetData>` +
      `<x:extLst><x:ext uri="{1}"><x14ac:thing x14ac:v="1"/></x:ext></x:extLst></x:worksheet>`;
    expect(toDefault(xml)).toBe(
      `${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:x="${MAIN_NS}" xmlns:mc="urn:mc" mc:Ignorable="x14ac" xmlns:x14ac="urn:ac">` +
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b </t></is></c></row></sheetData>` +
        `<extLst><ext uri="{1}"><x14ac:thing x14ac:v="1"/></ext></extLst></worksheet>`,
    );
  });

  test('is refused where an element would change namespace', () => {
    // An unprefixed element of no namespace would fall under SpreadsheetML's.
    expect(toDefault(`<x:sst xmlns:x="${MAIN_NS}"><si/></x:sst>`)).toBeNull();
    // A default namespace declared below the root would take over the elements under it.
    expect(
      toDefault(`<x:sst xmlns:x="${MAIN_NS}"><x:si><t xmlns="urn:other"/></x:si></x:sst>`),
    ).toBeNull();
    expect(toDefault(`<x:sst xmlns:x="${MAIN_NS}"><x:si>`)).toBeNull();
  });
});

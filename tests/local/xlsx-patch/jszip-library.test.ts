// JSZip as ptdv loads it reads a Buffer without its pass over every byte (jszip-library.ts): the
// same entries, the same bytes, as JSZip's own reader of the same file given another way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jszip } from '../../../src/local/xlsx-patch/jszip-library';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'office');

describe("JSZip's reader of a Buffer", () => {
  test.each(['openpyxl.xlsx', 'xlsxwriter.xlsx', 'libreoffice.xlsx'])(
    '%s: every part as JSZip reads it from an ArrayBuffer',
    async (name) => {
      const bytes = readFileSync(join(FIXTURES, name));
      const copy = new Uint8Array(bytes).buffer;
      const [fromBuffer, fromArray] = await Promise.all([
        jszip().loadAsync(bytes),
        jszip().loadAsync(copy),
      ]);
      const names = Object.keys(fromArray.files);
      expect(Object.keys(fromBuffer.files)).toEqual(names);
      expect(names.length).toBeGreaterThan(10);
      for (const part of names) {
        const [a, b] = await Promise.all([
          fromBuffer.file(part)?.async('nodebuffer'),
          fromArray.file(part)?.async('nodebuffer'),
        ]);
        expect(a?.equals(b ?? Buffer.alloc(0)) ?? b === undefined).toBe(true);
      }
    },
  );

  test('a truncated file is refused as before', async () => {
    const bytes = readFileSync(join(FIXTURES, 'openpyxl.xlsx'));
    await expect(jszip().loadAsync(bytes.subarray(0, bytes.length - 30))).rejects.toThrow();
  });
});

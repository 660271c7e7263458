// remind decides from a lean read: the log rows it appends must read back within the run, reach
// the file in order, and a missing log must be named in Vietnamese before anything is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../../src/local/file-error';
import { PatchedXlsx } from '../../src/local/patched-workbook';
import { readXlsx } from '../../src/local/xlsx-reader';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { tempDir } from '../helpers/cli';

async function file(withLog: boolean): Promise<string> {
  const path = join(tempDir(), 'log.xlsx');
  const book = XlsxWorkbook.empty();
  book.writeSheet(withLog ? 'Nhật ký thư' : 'Khác', [['Thời gian', 'Mốc', 'Khóa']], {
    headerRow: 1,
    dateColumns: [],
    percentColumns: [],
    widths: {},
  });
  await book.save(path);
  return path;
}

test('appended rows read back padded, and reach the file in order once saved', async () => {
  const path = await file(true);
  const before = readFileSync(path);
  const book = await PatchedXlsx.open(path, () => true);
  expect(book.pending).toBe(false);
  book.appendRows('Nhật ký thư', [['a', 'KN-19-5']]);
  book.appendRows('Nhật ký thư', [['b', 'KN-2-9', 'k2']]);
  expect(book.pending).toBe(true);
  expect(book.readSheet('Nhật ký thư')).toEqual([
    ['Thời gian', 'Mốc', 'Khóa'],
    ['a', 'KN-19-5', ''],
    ['b', 'KN-2-9', 'k2'],
  ]);
  // The file itself is untouched until it is saved.
  expect(readFileSync(path).equals(before)).toBe(true);
  await book.save();
  expect((await readXlsx(path, () => true)).readSheet('Nhật ký thư')).toEqual([
    ['Thời gian', 'Mốc', 'Khóa'],
    ['a', 'KN-19-5', ''],
    ['b', 'KN-2-9', 'k2'],
  ]);
});

test('a missing sheet is refused in Vietnamese, and nothing is staged', async () => {
  const book = await PatchedXlsx.open(await file(false), () => true);
  expect(() => book.appendRows('Nhật ký thư', [['a']])).toThrow(FileError);
  expect(() => book.appendRows('Nhật ký thư', [['a']])).toThrow(/Nhật ký thư/);
  expect(book.pending).toBe(false);
});

// remind decides from a lean read: the log rows it appends must read back within the run, reach
// the file in order, and a missing log must be named in Vietnamese before anything is written.
import { replay, StagedAppends } from '../../src/local/staged-appends';
import { FileError } from '../../src/local/xlsx-workbook';
import { MemoryWorkbook } from '../../src/workbook/memory-workbook';

function base(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.writeSheet('Nhật ký thư', [['Thời gian', 'Mốc', 'Khóa']], {
    headerRow: 1,
    dateColumns: [],
    percentColumns: [],
    widths: {},
  });
  return book;
}

test('appended rows read back padded, and reach the file once replayed', () => {
  const source = base();
  const staged = new StagedAppends(source);
  expect(staged.pending).toBe(false);
  staged.appendRows('Nhật ký thư', [['a', 'KN-19-5']]);
  staged.appendRows('Nhật ký thư', [['b', 'KN-2-9', 'k2']]);
  expect(staged.pending).toBe(true);
  expect(staged.readSheet('Nhật ký thư')).toEqual([
    ['Thời gian', 'Mốc', 'Khóa'],
    ['a', 'KN-19-5', ''],
    ['b', 'KN-2-9', 'k2'],
  ]);
  // The lean read itself is untouched until the replay.
  expect(source.readSheet('Nhật ký thư')).toHaveLength(1);
  const target = base();
  replay(staged.appends(), target);
  expect(target.readSheet('Nhật ký thư')).toEqual([
    ['Thời gian', 'Mốc', 'Khóa'],
    ['a', 'KN-19-5'],
    ['b', 'KN-2-9', 'k2'],
  ]);
});

test('a missing sheet is refused in Vietnamese, and nothing is staged', () => {
  const staged = new StagedAppends(new MemoryWorkbook());
  expect(() => staged.appendRows('Nhật ký thư', [['a']])).toThrow(FileError);
  expect(() => staged.appendRows('Nhật ký thư', [['a']])).toThrow(/Nhật ký thư/);
  expect(staged.pending).toBe(false);
});

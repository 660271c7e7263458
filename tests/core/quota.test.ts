import { formatQuota, readQuota } from '../../src/core/plan/quota';

const OR_MORE = Number.POSITIVE_INFINITY;

describe('readQuota', () => {
  test.each<[unknown, number, number]>([
    ['20', 20, 20],
    [20, 20, 20],
    ['8-10', 8, 10],
    ['8 - 10', 8, 10],
    ['8–10', 8, 10],
    ['03-05', 3, 5],
    ['0', 0, 0],
    ['ít nhất 20', 20, 20],
    ['Ít nhất  2', 2, 2],
    ['tối thiểu 5', 5, 5],
    ['toi thieu 5', 5, 5],
    ['từ 2 đến 4', 2, 4],
    ['Từ 08 đến 10', 8, 10],
    ['ít nhất từ 03 đến 05', 3, 5],
    ['2 – 4', 2, 4],
    ['ít nhất 2'.normalize('NFD'), 2, 2],
    ['20 người', 20, 20],
    // As 2026 commune plans write them: at least n, no upper bound.
    ['từ 2 trở lên', 2, OR_MORE],
    ['từ 2 trở lên.', 2, OR_MORE],
    ['02 đ/c', 2, 2],
    ['từ 2 đ/c trở lên', 2, OR_MORE],
    ['Từ 02 trở lên', 2, OR_MORE],
    ['2 trở lên', 2, OR_MORE],
    ['từ 1–2 trở lên', 1, OR_MORE],
    ['từ 1-2 trở lên', 1, OR_MORE],
    ['từ 1 - 2 trở lên', 1, OR_MORE],
    ['từ 1—2 trở lên', 1, OR_MORE],
    ['từ 2 đồng chí trở lên', 2, OR_MORE],
    ['2 đảng viên trở lên', 2, OR_MORE],
    ['từ 1-2 đồng chí trở lên', 1, OR_MORE],
    ['từ 2 trở lên đồng chí', 2, OR_MORE],
    ['TỪ 2 TRỞ LÊN', 2, OR_MORE],
    ['từ 2 trở lên'.normalize('NFD'), 2, OR_MORE],
    ['02 đồng chí', 2, 2],
    ['3 đảng viên', 3, 3],
    ['5 quần chúng', 5, 5],
    ['2 người', 2, 2],
    ['8-10 người', 8, 10],
    ['từ 8 đến 10 đồng chí', 8, 10],
    ['ít nhất 01 đồng chí', 1, 1],
  ])('%p → %p..%p', (value, min, max) => {
    expect(readQuota(value as string)).toEqual({ kind: 'ok', quota: { min, max } });
  });

  test.each<[unknown]>([
    ['10-8'],
    ['2.5'],
    [2.5],
    [-1],
    ['abc'],
    ['từ 5 đến 2'],
    ['nhiều nhất 3'],
    ['20 hoặc 30'],
    [true],
    ['trở lên'],
    ['từ trở lên'],
    ['từ 3–2 trở lên'],
    ['từ 3 đến 2 trở lên'],
    ['2 con'],
    ['2 đồng chí trở lên đồng chí'],
    ['2 trở lên trở lên'],
    ['2 đồng chí đảng viên'],
    ['trở lên 2'],
  ])('%p is invalid', (v) => {
    expect(readQuota(v as string).kind).toBe('invalid');
  });

  test.each<[unknown]>([[''], [null], [undefined], ['  ']])('%p is no quota', (v) => {
    expect(readQuota(v as string).kind).toBe('none');
  });

  test('formats as the annex writes it', () => {
    expect(formatQuota({ min: 8, max: 10 })).toBe('8-10');
    expect(formatQuota({ min: 20, max: 20 })).toBe('20');
    expect(formatQuota({ min: 2, max: OR_MORE })).toBe('từ 2 trở lên');
  });

  test.each<[string, string]>([
    ['từ 2 trở lên', 'từ 2 trở lên'],
    ['2 đảng viên trở lên', 'từ 2 trở lên'],
    ['từ 1–2 trở lên', 'từ 1 trở lên'],
    ['02 đồng chí', '2'],
    ['từ 8 đến 10 người', '8-10'],
  ])('%p is shown as %p, which reads back the same', (typed, shown) => {
    const read = readQuota(typed);
    if (read.kind !== 'ok') throw new Error(`${typed} unread`);
    expect(formatQuota(read.quota)).toBe(shown);
    expect(readQuota(shown)).toEqual(read);
  });
});

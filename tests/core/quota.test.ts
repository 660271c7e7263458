import { formatQuota, readQuota } from '../../src/core/plan/quota';

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
  ])('%p is invalid', (v) => {
    expect(readQuota(v as string).kind).toBe('invalid');
  });

  test.each<[unknown]>([[''], [null], [undefined], ['  ']])('%p is no quota', (v) => {
    expect(readQuota(v as string).kind).toBe('none');
  });

  test('formats as the annex writes it', () => {
    expect(formatQuota({ min: 8, max: 10 })).toBe('8-10');
    expect(formatQuota({ min: 20, max: 20 })).toBe('20');
  });
});

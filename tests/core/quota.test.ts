import { formatQuota, readQuota } from '../../src/core/quota';

describe('readQuota', () => {
  test.each<[unknown, number, number]>([
    ['20', 20, 20],
    [20, 20, 20],
    ['8-10', 8, 10],
    ['8 - 10', 8, 10],
    ['8–10', 8, 10],
    ['03-05', 3, 5],
    ['0', 0, 0],
  ])('%p → %p..%p', (value, min, max) => {
    expect(readQuota(value as string)).toEqual({ kind: 'ok', quota: { min, max } });
  });

  test.each<[unknown]>([['10-8'], ['2.5'], [2.5], [-1], ['abc'], ['ít nhất 20'], [true]])(
    '%p is invalid',
    (v) => {
      expect(readQuota(v as string).kind).toBe('invalid');
    },
  );

  test.each<[unknown]>([[''], [null], [undefined], ['  ']])('%p is no quota', (v) => {
    expect(readQuota(v as string).kind).toBe('none');
  });

  test('formats as the annex writes it', () => {
    expect(formatQuota({ min: 8, max: 10 })).toBe('8-10');
    expect(formatQuota({ min: 20, max: 20 })).toBe('20');
  });
});

import fc from 'fast-check';
import { editDistance, UnitIndex } from '../../src/core/plan/unit-index';
import { widestRow } from '../../src/core/text/cells';
import type { Unit } from '../../src/core/model';

/** The textbook full table, to check the fast one against. */
function plainDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('equals the full table, capped at the limit', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'đ'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 8 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(plainDistance(a, b), limit));
        expect(editDistance(a, b)).toBe(plainDistance(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles shared prefixes and suffixes of unit names', () => {
    expect(editDistance('truong thpt so 1 (cu)', 'truong thpt so 1', 6)).toBe(5);
    expect(editDistance('truong thpt so 12', 'truong thpt so 21', 6)).toBe(2);
    expect(editDistance('cong ty', 'cong ty')).toBe(0);
  });
});

describe('UnitIndex.suggest among many similar names', () => {
  const units: Unit[] = Array.from({ length: 2000 }, (_, i) => ({
    code: `DV-${i}`,
    name: `Trường THPT Mẫu số ${String(i).padStart(4, '0')}`,
    aliases: [],
    kind: 'Trường học',
    committee: '',
    emails: [],
    rejectedEmails: [],
    quotas: {},
  }));
  const index = new UnitIndex(units);

  it('suggests the unit a slip away, and the same one again for the same slip', () => {
    expect(index.suggest('Truong THPT Mau so 0123 (cũ)')?.code).toBe('DV-123');
    expect(index.suggest('Trường THPT Mẫu số 0123 (cũ)')?.code).toBe('DV-123');
    expect(index.suggest('Truờng THPT Mẫu sô 1999x')?.code).toBe('DV-1999');
  });

  it('suggests nothing for a name far from every unit', () => {
    expect(index.suggest('Công ty TNHH Một Thành Viên Khác Hẳn')).toBeNull();
  });
});

describe('widestRow', () => {
  it('measures 300,000 rows without overflowing the call stack', () => {
    const rows = Array.from(
      { length: 300_000 },
      (_, i) => new Array<number>(i === 123_456 ? 12 : 3),
    );
    expect(widestRow(rows, 1)).toBe(12);
    expect(widestRow([], 1)).toBe(1);
  });
});

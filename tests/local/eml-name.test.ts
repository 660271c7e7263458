// The outbox's file names: one a reminder, so no mail replaces another's file.
import fc from 'fast-check';
import { emlFileName } from '../../src/local/outbox/eml';

describe("an outbox file's name", () => {
  test('says the day and the reminder, as before, for a key in plain letters', () => {
    expect(emlFileName('THPT-HH1|KN-19-5|2024-05-19|7', '2024-05-12')).toBe(
      '2024-05-12-THPT-HH1_KN-19-5_2024-05-19_7.eml',
    );
  });

  test('differs for two units whose codes differ only in a Vietnamese letter or a space', () => {
    const names = ['ĐU-01', 'ƯU-01', 'ÂU-01', 'U 01', 'U_01', 'U  01'].map((unit) =>
      emlFileName(`${unit}|KN1|2025-10-31|14`, '2025-10-17'),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^2025-10-17-_U-01_KN1_2025-10-31_14-[0-9a-f]{8}\.eml$/);
  });

  test('differs for any two keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(emlFileName(a, '2025-10-17')).not.toBe(emlFileName(b, '2025-10-17'));
      }),
      { numRuns: 2_000 },
    );
  });
});

import fc from 'fast-check';
import { foldKey } from '../../src/core/text/normalize';
import { nameFingerprint, personKey, PersonRegistry } from '../../src/core/counting/people';
import { fnv1a } from '../../src/core/text/hash';

// Ways offices type one name: Unicode form, case, spaces, tone placement, dashes, no accents.
const vietnamese = fc.string({
  unit: fc.constantFrom(
    ...'aăâeêioôơuưyđhnĐỹòàạ ọếữ-–\u00a0\u0300\u0301\u0303\u0309\u0323'.split(''),
  ),
  maxLength: 24,
});
const respell = (s: string, how: number): string => {
  switch (how) {
    case 0:
      return s.normalize('NFD');
    case 1:
      return s.toUpperCase();
    case 2:
      return `  ${s.replace(/ /g, '  ')} `;
    case 3:
      return s.replace(/-/g, ' – ');
    case 5:
      return foldKey(s);
    default:
      return s.normalize('NFC');
  }
};

describe('nameFingerprint', () => {
  it('is the same for every spelling foldKey treats as one name', () => {
    fc.assert(
      fc.property(vietnamese, fc.integer({ min: 0, max: 5 }), (s, how) => {
        const other = respell(s, how);
        if (foldKey(other) === foldKey(s)) expect(nameFingerprint(other)).toBe(nameFingerprint(s));
      }),
      { numRuns: 5000 },
    );
    expect(nameFingerprint('Nguyễn Thị Thúy')).toBe(
      nameFingerprint('NGUYỄN  THỊ THUÝ'.normalize('NFD')),
    );
  });

  it('leaves names outside the Latin letters to the full key', () => {
    expect(nameFingerprint('김민준')).toBeNull();
    expect(nameFingerprint('Nguyễn\u3000An')).toBeNull();
  });
});

describe('PersonRegistry', () => {
  it('gives one number per person however the name is typed, another to anyone else', () => {
    const people = new PersonRegistry();
    const an = people.idOf('Nguyễn Văn Hoà', 20000);
    expect(people.idOf('nguyễn văn hòa'.normalize('NFD'), 20000)).toBe(an);
    expect(people.idOf('Nguyễn  Văn Hòa', 20000)).toBe(an);
    expect(people.idOf('Nguyễn Văn Hòa', 20001)).not.toBe(an);
    // Diacritics dropped on one row and not on another: still the same person (đ read as d).
    expect(people.idOf('Nguyen Van Hoa', 20000)).toBe(an);
    expect(people.idOf('Nguyễn Văn Hóa', 20000)).toBe(an);
    expect(people.idOf('Đỗ Thị Mẫu Vân', 20000)).toBe(people.idOf('Do Thi Mau Van', 20000));
    expect(people.idOf('Nguyen Thi Mau Van', 20000)).toBe(
      people.idOf('Nguyễn Thị Mẫu Vân'.normalize('NFD'), 20000),
    );
    expect(people.idOf('Nguyễn Văn Hoan', 20000)).not.toBe(an);
    expect(people.idOf('김민준', 20000)).toBe(people.idOf('김민준', 20000));
    expect(people.idOf('An', 'không rõ')).toBe(people.idOf(' AN ', 'không rõ'));
  });

  it('agrees with comparing full keys, on random rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(vietnamese, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })),
        ),
        (rows) => {
          const people = new PersonRegistry();
          const byKey = new Map<string, number>();
          for (const [name, how, birth] of rows) {
            const typed = respell(name, how);
            const id = people.idOf(typed, birth);
            const key = `${foldKey(typed)}|${birth}`;
            if (!byKey.has(key)) byKey.set(key, id);
            expect(id).toBe(byKey.get(key));
          }
          expect(new Set(byKey.values()).size).toBe(byKey.size);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('personKey', () => {
  // The slow way, as every key in an office's mail log was made: the whole name folded.
  const slowKey = (name: string, birth: number | string) =>
    fnv1a(`${foldKey(name)}|${birth}`)
      .toString(16)
      .padStart(8, '0');
  const anyName = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        ...'aăâeêioôơuưyđhnĐỹòàạ ọếữ-–\u00a0\t\u0300\u0301\u0303\u0309\u0323ǅİßẛÅ'.split(''),
      ),
      fc.integer({ min: 0, max: 0x2100 }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 24,
  });

  it('is the key of the folded name, whatever is typed: the log keys of earlier runs hold', () => {
    fc.assert(
      fc.property(anyName, fc.oneof(fc.integer({ min: 0, max: 40000 }), fc.string()), (s, b) => {
        expect(personKey(s, b)).toBe(slowKey(s, b));
      }),
      { numRuns: 20000 },
    );
    for (const name of [
      'Nguyễn Thị Thúy',
      'NGUYỄN THỊ THUÝ'.normalize('NFD'),
      ' Lê Văn A',
      'Lê  Văn A',
      'Lê Văn A ',
      'Lò Văn \u0301',
      '',
      'Đặng-Quốc',
    ])
      expect(personKey(name, 12345)).toBe(slowKey(name, 12345));
    expect(personKey('Nguyễn Thị Thúy', 12345)).toBe(personKey('nguyen thi thuy', 12345));
  });
});

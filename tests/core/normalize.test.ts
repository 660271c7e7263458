import fc from 'fast-check';
import { cleanText, foldKey, matchKey } from '../../src/core/text/normalize';
import { escapeHtml } from '../../src/core/text/html';

describe('matchKey: one key for every spelling of a Vietnamese name', () => {
  test.each([
    ['Trường THPT Hiệp Hòa số 1', 'Trường THPT Hiệp Hoà số 1'],
    ['Trường THPT Hiệp Hòa số 1', 'Trường THPT Hiệp Hòa số 1'.normalize('NFD')],
    ['Trường THPT Hiệp Hòa số 1', '  trường   thpt HIỆP HOÀ  số 1 '],
    ['Nguyễn Thị Thúy', 'Nguyễn Thị Thuý'],
    ['Nguyễn Thị Thúy', 'NGUYỄN THỊ THUÝ'.normalize('NFD')],
    ['Khỏe', 'Khoẻ'],
    ['Trung tâm GDNN - GDTX', 'Trung tâm GDNN-GDTX'],
    ['Trung tâm GDNN - GDTX', 'Trung tâm GDNN – GDTX'],
    ['A\u00a0B', 'a b'],
  ])('%s ≡ %s', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  test.each([
    ['Hòa', 'Hóa'],
    ['Hòa', 'Hoa'],
    ['Hiệp Hòa số 1', 'Hiệp Hòa số 2'],
    ['Thanh', 'Thành'],
  ])('%s ≢ %s (the tone itself still matters)', (a, b) => {
    expect(matchKey(a)).not.toBe(matchKey(b));
  });

  test('foldKey drops every diacritic and reads đ as d', () => {
    expect(foldKey('Đảng ủy xã Hoàng Thanh')).toBe('dang uy xa hoang thanh');
    expect(foldKey('Truong THPT Hiep Hoa so 1')).toBe(foldKey('Trường THPT Hiệp Hòa số 1'));
  });

  test('cleanText gives NFC with single spaces', () => {
    expect(cleanText('  Hiệp\u00a0\u00a0Hòa '.normalize('NFD'))).toBe('Hiệp Hòa');
  });
});

describe('normalisation properties', () => {
  const vietnamese = fc.string({
    unit: fc.constantFrom(...'aăâeêioôơuưyAĂÂĐđ \u0300\u0301\u0303\u0309\u0323hòoàáạ-–'.split('')),
  });
  test('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        matchKey(s);
        foldKey(s);
        cleanText(s);
      }),
    );
  });
  test('keys are idempotent', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(cleanText(cleanText(s))).toBe(cleanText(s));
        expect(foldKey(foldKey(s))).toBe(foldKey(s));
      }),
    );
  });
  test('the Unicode form never changes the key', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(matchKey(s.normalize('NFD'))).toBe(matchKey(s.normalize('NFC')));
      }),
    );
  });
});

describe('the fast keys equal the plain regular-expression ones', () => {
  // The first implementation, kept as the definition the fast one must agree with.
  const plainTidy = (value: string) =>
    value
      .normalize('NFD')
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\s*-\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  const plainMatchKey = (value: string) =>
    plainTidy(value).replace(
      /([\u0300\u0301\u0303\u0309\u0323])([^\s\u0300\u0301\u0303\u0309\u0323-]+)/g,
      '$2$1',
    );
  const plainClean = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const messy = fc.string({
    unit: fc.constantFrom(
      ...'aăâeêioôơuưyAĂÂĐđ hòoàáạỹ-–—−\u00a0\t\n\u2003\u0300\u0301\u0303\u0309\u0323\u0302'.split(
        '',
      ),
    ),
    maxLength: 30,
  });
  test('matchKey and cleanText, on Vietnamese-ish and on any text', () => {
    fc.assert(
      fc.property(fc.oneof(messy, fc.string(), fc.string({ unit: 'binary' })), (s) => {
        expect(matchKey(s)).toBe(plainMatchKey(s));
        expect(cleanText(s)).toBe(plainClean(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('escapeHtml: a sheet value shows in HTML as typed, and never as markup', () => {
  const unescape = (html: string) =>
    html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');

  test('a unit named with markup', () => {
    expect(escapeHtml('<b>Chi bộ "A" & \'B\'</b>')).toBe(
      '&lt;b&gt;Chi bộ &quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;',
    );
    expect(escapeHtml('Trường THPT Hiệp Hòa số 1')).toBe('Trường THPT Hiệp Hòa số 1');
    expect(escapeHtml(12)).toBe('12');
  });

  test('any text: no markup character is left, and it reads back as typed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", 'a', 'ờ', ';', '#') }),
        (text) => {
          const html = escapeHtml(text);
          expect(html).not.toMatch(/[<>"']/);
          expect(html).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
          expect(unescape(html)).toBe(text);
        },
      ),
    );
  });
});

// The words of the optional structure columns (`Giới tính`, `Dân tộc`, `Tôn giáo`), as offices
// type them, read into yes / no / not known. "Không rõ" is not known, never "no"; a word the
// reader does not know for `Dân tộc` or `Tôn giáo` is taken as written (a people, a religion).
import { foldKey } from '../text/normalize';

/** A cell's text folded, with a leading label and trailing punctuation taken off. */
function clean(text: string, labels: readonly string[]): string {
  let t = foldKey(text)
    .replace(/[.,;:!]+$/, '')
    .trim();
  for (const label of labels) if (t.startsWith(`${label} `)) t = t.slice(label.length + 1).trim();
  return t.replace(/^\((.*)\)$/, '$1').trim();
}

const NOT_KNOWN = new Set(['khong ro', 'chua ro', 'chua xac dinh', 'chua biet', '?', '-', '--']);

/** `Giới tính`: true for a woman, false for a man, null blank or not known, 'invalid' otherwise. */
export function readWoman(text: string): boolean | null | 'invalid' {
  const t = clean(text, ['gioi tinh']);
  if (t === '' || NOT_KNOWN.has(t)) return null;
  if (t === 'nu' || t === 'nu gioi') return true;
  if (t === 'nam' || t === 'nam gioi') return false;
  return 'invalid';
}

const KINH = new Set(['kinh', 'viet', 'kinh (viet)', 'viet (kinh)', 'nguoi kinh']);

/** `Dân tộc`: any people but the Kinh is an ethnic minority; null blank or not known. */
export function readEthnicMinority(text: string): boolean | null {
  const t = clean(text, ['dan toc']);
  if (t === '' || NOT_KNOWN.has(t)) return null;
  return !KINH.has(t);
}

const NO_RELIGION = new Set([
  'khong',
  'khong co',
  'khong theo',
  'khong ton giao',
  'khong co ton giao',
  'khong theo ton giao',
  'khong dao',
  'khong co dao',
  'khong theo dao',
  'luong',
  'vo than',
]);

/** `Tôn giáo`: true for a religion, false for none, null not known; blank is 'blank'. */
export function readReligious(text: string): boolean | null | 'blank' {
  const t = clean(text, ['ton giao', 'dao']);
  if (t === '') return 'blank';
  if (NOT_KNOWN.has(t)) return null;
  return !NO_RELIGION.has(t);
}

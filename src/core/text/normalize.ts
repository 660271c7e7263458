// Vietnamese text arrives precomposed or decomposed, with old or new tone placement
// ("Hòa"/"Hoà"), stray spaces and mixed case. Two keys are derived here: one for matching
// (same unit, same person) and one with every diacritic folded (for "did you mean" hints).

const COMBINING = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Any white space but single inner spaces: only then is folding worth a replace. */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;
const ANY_DASH = /[-\u2010-\u2015\u2212]/;

/** Runs of white space as one plain space, ends trimmed: a no-op (and no copy) when tidy. */
export function foldSpaces(value: string): string {
  return UNTIDY_SPACE.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

/** NFC, no-break spaces made plain, runs of white space folded, ends trimmed. */
export function cleanText(value: string): string {
  return foldSpaces(value.normalize('NFC'));
}

// These run for every row of large sheets, so each step is skipped when it has nothing to do.
function tidy(value: string): string {
  let text = value.normalize('NFD').toLowerCase();
  if (ANY_DASH.test(text)) text = text.replace(DASHES, '-').replace(/\s*-\s*/g, '-');
  return foldSpaces(text);
}

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

function isTone(code: number): boolean {
  return code === 0x300 || code === 0x301 || code === 0x303 || code === 0x309 || code === 0x323;
}

/**
 * Moves each tone mark past the letters after it, up to the next space, dash or tone mark, so
 * "hoà" and "hòa" give the same key. `text` is tidy: its only white space is the plain space.
 */
function moveTones(text: string): string {
  let i = text.search(TONE);
  if (i < 0) return text;
  let out = '';
  let copied = 0;
  for (; i < text.length; i++) {
    if (!isTone(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length) {
      const next = text.charCodeAt(j);
      if (next === 32 || next === 45 || isTone(next)) break;
      j++;
    }
    if (j > i + 1) {
      out += text.slice(copied, i) + text.slice(i + 1, j) + text[i];
      copied = j;
      i = j - 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A key under which spellings of one name compare equal: case, Unicode form, spaces and the
 * placement of the tone mark inside a syllable do not matter; the tone itself still does.
 */
export function matchKey(value: string): string {
  return moveTones(tidy(value));
}

/** Every diacritic removed and đ read as d: for suggestions when a name was typed loosely. */
export function foldKey(value: string): string {
  return tidy(tidy(value).replace(COMBINING, '').replace(/đ/g, 'd'));
}

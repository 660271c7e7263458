// Vietnamese text arrives precomposed or decomposed, with old or new tone placement
// ("Hòa"/"Hoà"), stray spaces and mixed case. Two keys are derived here: one for matching
// (same unit, same person) and one with every diacritic folded (for "did you mean" hints).

const COMBINING = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** NFC, no-break spaces made plain, runs of white space folded, ends trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function tidy(value: string): string {
  return value
    .normalize('NFD')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word's first tone mark and the rest of the word after it: the tone moves to the end. */
const TONE_IN_WORD = /([\u0300\u0301\u0303\u0309\u0323])([^\s\u0300\u0301\u0303\u0309\u0323-]+)/g;

/**
 * A key under which spellings of one name compare equal: case, Unicode form, spaces and the
 * placement of the tone mark inside a syllable do not matter; the tone itself still does.
 * Regular expressions only, since it runs for every row of large sheets.
 */
export function matchKey(value: string): string {
  return tidy(value).replace(TONE_IN_WORD, '$2$1');
}

/** Every diacritic removed and đ read as d: for suggestions when a name was typed loosely. */
export function foldKey(value: string): string {
  return tidy(tidy(value).replace(COMBINING, '').replace(/đ/g, 'd'));
}

// Recognising the same person across rows without normalising every name. A name's key
// (foldKey) costs several string copies; across a province's 200,000 rows that is most of the
// work. So each name first gets a cheap fingerprint that every spelling of it shares, and full
// keys are compared only between rows whose fingerprint and date of birth already agree.
// The key drops every diacritic (đ as d): a name typed without accents on one row and with them
// on another ("Nguyen Thi Mau Van" / "Nguyễn Thị Mẫu Vân") is one person, counted once.
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../text/hash';
import { foldKey } from '../text/normalize';
import type { Day } from '../calendar/dates';

// Local names for Math's functions: a global looked up in an inner loop is slow where the global
// object is not a plain object (Node's vm, where the bundle is tested).
const { imul } = Math;

/** Latin letters (with their diacritics), Vietnamese's precomposed letters and the marks. */
function inCheapRange(code: number): boolean {
  return code < 0x250 || (code >= 0x300 && code < 0x370) || (code >= 0x1e00 && code < 0x1f00);
}

let baseLetters: Uint16Array | null = null;

/**
 * For each code unit of the cheap ranges: its base letter in lower case, or 0 for what a key
 * ignores or may change (combining marks, white space, dashes).
 */
function baseTable(): Uint16Array {
  if (baseLetters) return baseLetters;
  const table = new Uint16Array(0x1f00);
  for (let code = 0; code < table.length; code++) {
    if (!inCheapRange(code)) continue;
    const char = String.fromCharCode(code);
    if (/[\s\u0300-\u036f-]/.test(char)) continue;
    table[code] = char.normalize('NFD').toLowerCase().charCodeAt(0);
  }
  // đ has no decomposition; the key reads it as d, so the fingerprint must too.
  table[0x110] = table[0x111] = 0x64;
  return (baseLetters = table);
}

/**
 * The base letters of a name, hashed: the same for every spelling foldKey treats as one
 * (Unicode form, case, spaces, dashes, diacritics, đ/d), or null when the name has characters
 * outside the Latin ranges, where only the full key is trusted.
 */
export function nameFingerprint(name: string): number | null {
  const table = baseTable();
  let hash = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x1f00 || !inCheapRange(code)) {
      if (code === 0x2010 || code === 0x2011 || code === 0x2012) continue;
      if (code === 0x2013 || code === 0x2014 || code === 0x2015 || code === 0x2212) continue;
      return null;
    }
    const base = table[code] as number;
    if (base !== 0) hash = imul(hash ^ base, FNV_PRIME);
  }
  return hash >>> 0;
}

/** In the table of folded code units: a code unit foldKey drops (a combining mark). */
const DROP = -2;
/** In the table of folded code units: a code unit whose fold needs the whole text. */
const WHOLE = -1;
const SPACE = 0x20;

let foldedUnits: Int32Array | null = null;

/**
 * For each code unit of the cheap ranges, the one code unit foldKey makes of it: worked out by
 * foldKey itself, one character at a time. White space and dashes (folded by what surrounds
 * them) and anything foldKey makes more than one code unit of are WHOLE.
 */
function foldTable(): Int32Array {
  if (foldedUnits) return foldedUnits;
  const table = new Int32Array(0x1f00).fill(WHOLE);
  for (let code = 0; code < table.length; code++) {
    if (!inCheapRange(code)) continue;
    const char = String.fromCharCode(code);
    if (/[\s-]/.test(char)) continue;
    const folded = foldKey(char);
    if (folded === '' && code >= 0x300 && code < 0x370) table[code] = DROP;
    else if (folded.length === 1) table[code] = folded.charCodeAt(0);
  }
  return (foldedUnits = table);
}

/**
 * FNV-1a of `${foldKey(name)}|`, without making the folded name, for a name of the cheap ranges
 * typed tidily (single spaces between words, no dash); null for any other, which is folded whole.
 * A list's dossiers each need one: folding every name took most of a key's time.
 */
function foldedNameHash(name: string): number | null {
  const table = foldTable();
  let hash = FNV_OFFSET;
  // The last code unit of the folded name so far: a space at the start, so that a leading
  // space, as two spaces in a row or a trailing one, leaves the name to foldKey.
  let last = SPACE;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    let folded: number;
    if (code === SPACE) {
      if (last === SPACE) return null;
      folded = SPACE;
    } else {
      folded = code < 0x1f00 ? (table[code] as number) : WHOLE;
      if (folded === WHOLE) return null;
      if (folded === DROP) continue;
    }
    hash = imul(hash ^ folded, FNV_PRIME);
    last = folded;
  }
  if (last === SPACE) return null;
  return imul(hash ^ 0x7c /* | */, FNV_PRIME);
}

/**
 * A short, stable stand-in for a person in reminder keys: FNV-1a of the folded name and the
 * birth day, 8 hex digits. It does not give the name back, and is the same however the name is
 * typed, so a file's reminder is sent once even when rows move. (Keys are kept in the mail log:
 * the quick way gives the very same key, tests/core/people.test.ts.)
 */
export function personKey(name: string, birth: Day | string): string {
  let hash = foldedNameHash(name);
  if (hash === null)
    return fnv1a(`${foldKey(name)}|${birth}`)
      .toString(16)
      .padStart(8, '0');
  const day = String(birth);
  for (let i = 0; i < day.length; i++) hash = imul(hash ^ day.charCodeAt(i), FNV_PRIME);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

interface Person {
  id: number;
  name: string;
  birth: Day | string;
  /** foldKey(name), computed only when another row might be the same person. */
  key: string | null;
  next: Person | undefined;
}

/** One number per person: same name (as foldKey compares it) and same date of birth. */
export class PersonRegistry {
  private readonly byFingerprint = new Map<number, Person>();
  private readonly byKey = new Map<string, Person>();
  private count = 0;

  /** `birth` is the day, or the cell's text when it is not a readable date. */
  idOf(name: string, birth: Day | string): number {
    const fingerprint = nameFingerprint(name);
    if (fingerprint === null || typeof birth === 'string') {
      const key = `${foldKey(name)}\u0000${birth}`;
      return this.byKey.get(key)?.id ?? this.insert(this.byKey, key, name, birth, key);
    }
    // Spread the day over the hash, so one fingerprint's people on different days part ways.
    const slot = (fingerprint ^ imul(birth, 0x9e3779b1)) >>> 0;
    const head = this.byFingerprint.get(slot);
    let key: string | null = null;
    for (let p = head; p !== undefined; p = p.next) {
      if (p.birth !== birth) continue;
      if (p.name === name) return p.id;
      key ??= foldKey(name);
      p.key ??= foldKey(p.name);
      if (p.key === key) return p.id;
    }
    return this.insert(this.byFingerprint, slot, name, birth, key);
  }

  private insert<K>(
    map: Map<K, Person>,
    slot: K,
    name: string,
    birth: Day | string,
    key: string | null,
  ): number {
    const person: Person = { id: this.count++, name, birth, key, next: map.get(slot) };
    map.set(slot, person);
    return person.id;
  }
}

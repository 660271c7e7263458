// SpreadsheetML's elements (`<worksheet>`, `<row>`, `<c>`, `<sst>`, `<si>`…) are found by their
// namespace, not by how a part spells them. Excel, LibreOffice, WPS, Google Sheets, openpyxl and
// xlsxwriter put them in the default namespace; Microsoft's Open XML SDK, which many .NET
// programs export with, gives them a prefix (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`).
// A walk of a part learns from its root element how it names them.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** The namespace of SpreadsheetML's elements (ECMA-376 part 1, §18). */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** An element's name as the local name a walk knows when it is SpreadsheetML's, else ''. */
export type LocalNames = (name: string) => string;

/**
 * How the part whose root element this is (as a non-namespace-aware parser gives it) names
 * SpreadsheetML's elements: null when as the walks expect, unprefixed (no prefix bound to the
 * namespace on the root: nothing to translate, the common case); else a translation that takes
 * the prefixes bound to it, and unprefixed names when the default namespace is SpreadsheetML's too
 * (an unprefixed name of no namespace throws).
 */
export function localNames(root: SaxesTagPlain): LocalNames | null {
  const bound = Object.keys(root.attributes)
    .filter((k) => k.startsWith('xmlns:') && root.attributes[k] === MAIN_NS)
    .map((k) => `${k.slice('xmlns:'.length)}:`);
  if (bound.length === 0) return null;
  const declared = root.attributes.xmlns;
  const byDefault = declared === undefined ? !root.name.includes(':') : declared === MAIN_NS;
  return (name) => {
    const colon = name.indexOf(':');
    if (colon < 0) {
      if (byDefault) return name;
      // An element of no namespace, in a part whose elements all have one: a broken part, refused
      // rather than read without it (a string left out would shift every later one).
      throw new Error(`<${name}> outside any namespace`);
    }
    return bound.includes(name.slice(0, colon + 1)) ? name.slice(colon + 1) : '';
  };
}

/** Whether a part, read from its text (its start suffices), names SpreadsheetML under a prefix. */
export function prefixesMain(xml: string): boolean {
  const parser = new SaxesParser();
  let found = false;
  const seen = new Error('root seen');
  parser.on('opentag', (root: SaxesTagPlain) => {
    found = localNames(root) !== null;
    throw seen;
  });
  try {
    // The root's start tag lies in the first few hundred bytes of any part.
    parser.write(xml.slice(0, 1 << 16));
  } catch (e) {
    if (e !== seen) return false;
  }
  return found;
}

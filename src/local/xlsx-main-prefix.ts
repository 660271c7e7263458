// SpreadsheetML's elements (`<worksheet>`, `<row>`, `<c>`, `<sst>`, `<si>`…) are found by their
// namespace, not by how a part spells them. Excel, LibreOffice, WPS, Google Sheets, openpyxl and
// xlsxwriter put them in the default namespace; Microsoft's Open XML SDK, which many .NET
// programs export with, gives them a prefix (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`).
// A walk of a part learns from its root element which prefix, if any, names them.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** The namespace of SpreadsheetML's elements (ECMA-376 part 1, §18). */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * The prefix, with its colon (`x:`), under which a part's root element, as a non-namespace-aware
 * parser gives it, puts SpreadsheetML's elements; null when they are in the default namespace.
 */
export function mainPrefix(root: SaxesTagPlain): string | null {
  const colon = root.name.indexOf(':');
  if (colon < 0) return null;
  const prefix = root.name.slice(0, colon);
  return root.attributes[`xmlns:${prefix}`] === MAIN_NS ? `${prefix}:` : null;
}

/**
 * The name of an element as its local name when it is SpreadsheetML's under `prefix`, or '' for
 * one of another namespace: a walk's `switch` then sees the names it knows.
 */
export function unprefixed(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : '';
}

/** `mainPrefix` of a part's root element, read from the part's text (its start suffices). */
export function partMainPrefix(xml: string): string | null {
  const parser = new SaxesParser();
  let found: string | null = null;
  const seen = new Error('root seen');
  parser.on('opentag', (root: SaxesTagPlain) => {
    found = mainPrefix(root);
    throw seen;
  });
  try {
    // The root's start tag lies in the first few hundred bytes of any part.
    parser.write(xml.slice(0, 1 << 16));
  } catch (e) {
    if (e !== seen) return null;
  }
  return found;
}

// A higher committee's memory of each lower committee's figures: what its `SL - <Mã>` sheet
// showed the last time the import read well, so a day of #REF! or Loading... is never counted
// as zeros. In document properties (one per committee, a kilobyte or two: within the 9 KB a
// value and 500 KB a store, https://developers.google.com/apps-script/guides/services/quotas).
import { utf8Length } from '../core/text/utf8';
import type { Cell, LastGoodFigures } from '../workbook/port';

const LAST_GOOD = 'ptdv.lower.';
/** A value's limit is 9 KB; a sheet bigger than this is not an import of a figures file. */
const MAX_VALUE_BYTES = 8_000;

/** Read lazily (one call), written once at the end of a refresh (only what changed). */
/**
 * The figures last read from each `SL - <Mã>` sheet, kept in document properties (one per sheet,
 * a few hundred bytes; written once at the end of the run, only those that changed).
 */
export function propertiesLastGood(): LastGoodFigures & { save(): void } {
  // Nothing is asked of Google until a lower committee's sheet is read.
  let props: GoogleAppsScript.Properties.Properties | null = null;
  const service = () => (props ??= PropertiesService.getDocumentProperties());
  const changed: Record<string, string> = {};
  let all: Record<string, string> | null = null;
  const stored = () => (all ??= service().getProperties());
  return {
    get(sheet) {
      const text = stored()[LAST_GOOD + sheet];
      return text ? decode(text) : null;
    },
    set(sheet, values) {
      const text = encode(values);
      if (utf8Length(text) > MAX_VALUE_BYTES) return;
      if (stored()[LAST_GOOD + sheet] !== text) changed[LAST_GOOD + sheet] = text;
    },
    save() {
      if (Object.keys(changed).length > 0) service().setProperties(changed);
    },
  };
}

/** Cells as JSON, dates kept as dates. */
function encode(values: Cell[][]): string {
  return JSON.stringify(
    values.map((r) => r.map((v) => (v instanceof Date ? { d: v.getTime() } : v))),
  );
}

function decode(text: string): Cell[][] | null {
  try {
    const rows = JSON.parse(text) as unknown[][];
    return rows.map((r) =>
      r.map((v) =>
        v !== null && typeof v === 'object' && 'd' in v
          ? new Date(Number((v as { d: number }).d))
          : (v as Cell),
      ),
    );
  } catch {
    return null;
  }
}

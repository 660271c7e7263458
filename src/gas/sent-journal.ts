// The durable note of each reminder sent, in the document's properties: one small write right
// after each send (no SpreadsheetApp call per mail), read back by the next run when a run dies
// before writing `Nhật ký thư`. A property value holds up to 9 KB and a store 500 KB
// (https://developers.google.com/apps-script/guides/services/quotas): one short row per key fits.
import type { SentJournal } from '../workbook/reminders';
import type { Cell } from '../workbook/port';

const PREFIX = 'ptdv.sent.';
const PART = '~part~';
const VALUE_LIMIT = 8_000;

/** The rows as JSON texts of at most 8,000 characters each (one row always fits: it is short). */
function chunks(rows: readonly Cell[][]): string[] {
  const out: string[] = [];
  let part: Cell[][] = [];
  for (const row of rows) {
    if (part.length > 0 && JSON.stringify([...part, row]).length > VALUE_LIMIT) {
      out.push(JSON.stringify(part));
      part = [];
    }
    part.push(row);
  }
  out.push(JSON.stringify(part));
  return out;
}

export function propertiesJournal(): SentJournal {
  const store = () => PropertiesService.getDocumentProperties();
  return {
    pending() {
      const found = new Map<string, Cell[][]>();
      for (const [name, value] of Object.entries(store().getProperties())) {
        if (!name.startsWith(PREFIX)) continue;
        const key = name.slice(PREFIX.length).split(PART)[0] as string;
        let rows: Cell[][] = [];
        try {
          rows = JSON.parse(value) as Cell[][];
        } catch {
          // A note cut short is only lost log rows: its mail's key is still known to be sent.
        }
        found.set(key, [...(found.get(key) ?? []), ...rows]);
      }
      return found;
    },
    note(key, rows) {
      // A value holds 9 KB: a unit's many files are noted in parts, each one write.
      const properties = store();
      chunks(rows).forEach((part, i) =>
        properties.setProperty(`${PREFIX}${key}${i === 0 ? '' : `${PART}${i}`}`, part),
      );
    },
    forget(keys) {
      const properties = store();
      const names = Object.keys(properties.getProperties());
      for (const key of keys)
        for (const name of names)
          if (name === PREFIX + key || name.startsWith(PREFIX + key + PART))
            properties.deleteProperty(name);
    },
  };
}

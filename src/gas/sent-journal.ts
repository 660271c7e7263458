// The durable note of each reminder sent, in the document's properties: one small write right
// after each send (no SpreadsheetApp call per mail), read back by the next run when a run dies
// before writing `Nhật ký thư`. A property value holds up to 9 KB and a store 500 KB, both in
// UTF-8 bytes of names and values (https://developers.google.com/apps-script/guides/services/quotas),
// where a Vietnamese letter takes 2 or 3: parts are cut by bytes, and a run notes no more once the
// store would pass 450 KB (a province's day of thousands of mails): a mail not noted is still
// logged at the end of its run; only a run killed before that would send it again.
import type { SentJournal } from '../workbook/reminders';
import type { Cell } from '../workbook/port';
import { utf8Length } from '../core/text/utf8';

const PREFIX = 'ptdv.sent.';
const PART = '~part~';
/** Bytes of a part's name and value together, under Google's 9,216. */
const VALUE_LIMIT = 8_000;
const STORE_BUDGET = 450 * 1024;

/** The rows as JSON texts of at most 8,000 bytes each (one row always fits: it is short). */
function chunks(rows: readonly Cell[][]): string[] {
  const out: string[] = [];
  let part: Cell[][] = [];
  for (const row of rows) {
    if (part.length > 0 && utf8Length(JSON.stringify([...part, row])) > VALUE_LIMIT - 200) {
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
  /** The store's size in bytes, read once, then counted up as notes are written. */
  let used: number | null = null;
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
      used ??= Object.entries(properties.getProperties()).reduce(
        (n, [k, v]) => n + utf8Length(k) + utf8Length(v),
        0,
      );
      const parts = chunks(rows).map(
        (part, i) => [`${PREFIX}${key}${i === 0 ? '' : `${PART}${i}`}`, part] as const,
      );
      const bytes = parts.reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0);
      if (used + bytes > STORE_BUDGET) throw new Error('journal full');
      for (const [name, part] of parts) properties.setProperty(name, part);
      used += bytes;
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

// The durable note of each reminder sent, in the document's properties: one small write right
// after each send (no SpreadsheetApp call per mail), read back by the next run when a run dies
// before writing `Nhật ký thư`. A property value holds up to 9 KB and a store 500 KB
// (https://developers.google.com/apps-script/guides/services/quotas): one short row per key fits.
import type { SentJournal } from '../workbook/reminders';
import type { Cell } from '../workbook/port';

const PREFIX = 'ptdv.sent.';

export function propertiesJournal(): SentJournal {
  const store = () => PropertiesService.getDocumentProperties();
  return {
    pending() {
      const found = new Map<string, Cell[][]>();
      for (const [name, value] of Object.entries(store().getProperties())) {
        if (!name.startsWith(PREFIX)) continue;
        try {
          found.set(name.slice(PREFIX.length), JSON.parse(value) as Cell[][]);
        } catch {
          // A note cut short is only lost log rows: its mail's key is still known to be sent.
          found.set(name.slice(PREFIX.length), []);
        }
      }
      return found;
    },
    note(key, rows) {
      store().setProperty(PREFIX + key, JSON.stringify(rows));
    },
    forget(keys) {
      const properties = store();
      for (const key of keys) properties.deleteProperty(PREFIX + key);
    },
  };
}

// Marks the cells behind each problem with a note and a colour, and clears the marks that no
// longer apply, without touching notes or colours that users set themselves. Per sheet: one
// read of notes, one of backgrounds, one write of each, whatever the number of rows.
import { columnOf, type ColumnPositions } from '../workbook/read';
import type { Problem } from '../core/model';
import type { SheetsWorkbook } from './sheets-workbook';

const PREFIX = '⚑ ptdv: ';
const WHITE = '#ffffff';
const COLOURS = { error: '#f4c7c3', warning: '#fce8b2' } as const;
const OURS = new Set<string>(Object.values(COLOURS));
const MARKED_SHEETS = 'ptdv.markedSheets';

/**
 * `only`: the sheets this user may edit (a unit officer's own); others keep their marks, since a
 * write there would be refused.
 */
export function markProblems(
  book: SheetsWorkbook,
  problems: readonly Problem[],
  positions: ColumnPositions,
  only?: readonly string[],
): void {
  const bySheet = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  const props = PropertiesService.getDocumentProperties();
  const before = JSON.parse(props.getProperty(MARKED_SHEETS) ?? '[]') as string[];
  const allowed = only ? new Set(only) : null;
  const mayWrite = (name: string) => allowed === null || allowed.has(name);
  const marked: string[] = before.filter((name) => !mayWrite(name));
  for (const name of new Set([...before, ...bySheet.keys()])) {
    if (!mayWrite(name)) continue;
    const range = book.dataRange(name);
    if (range === null) continue;
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds() as (string | null)[][];
    // Our text follows a marker line after any note of the user's; only that part is ours.
    notes.forEach((line, r) =>
      line.forEach((note, c) => {
        const at = note.indexOf(PREFIX);
        if (at < 0) return;
        line[c] = note.slice(0, at).replace(/\n+$/, '');
        const row = backgrounds[r];
        if (row && OURS.has(String(row[c]).toLowerCase())) row[c] = null;
      }),
    );
    for (const p of bySheet.get(name) ?? []) {
      const column = columnOf(positions, name, p.column);
      const line = notes[p.row - 1];
      if (column === null || !line || column > line.length) continue;
      const text = `${p.message}${p.suggestion ? ` ${p.suggestion}` : ''}`;
      const current = line[column - 1] ?? '';
      line[column - 1] = current.includes(PREFIX)
        ? `${current}\n${text}`
        : `${current}${current ? '\n' : ''}${PREFIX}${text}`;
      const bg = backgrounds[p.row - 1];
      const now = bg?.[column - 1] ?? null;
      // A colour the user chose stays; the note still marks the cell.
      const free = now === null || now.toLowerCase() === WHITE || OURS.has(now.toLowerCase());
      if (bg && free && (p.severity === 'error' || now !== COLOURS.error))
        bg[column - 1] = COLOURS[p.severity];
    }
    // White is "no fill": writing it back would paint every cell and hide alternating colours.
    for (const line of backgrounds)
      line.forEach((c, i) => c !== null && c.toLowerCase() === WHITE && (line[i] = null));
    range.setNotes(notes);
    range.setBackgrounds(backgrounds);
    if (bySheet.has(name)) marked.push(name);
  }
  props.setProperty(MARKED_SHEETS, JSON.stringify(marked));
}

import type { Cell, SheetLayout, Workbook } from '../../src/workbook/port';
import { PLAN_145 } from '../../src/core/plan145';
import { seedSheets } from '../../src/workbook/seed';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { instantOfDay, readDay } from '../../src/core/dates';

/** The Workbook port over plain arrays, for tests of core and workbook without any adapter. */
export class MemoryWorkbook implements Workbook {
  readonly sheets = new Map<string, Cell[][]>();
  readonly layouts = new Map<string, SheetLayout>();
  writes = 0;

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  readSheet(name: string): Cell[][] | null {
    return this.sheets.get(name)?.map((r) => [...r]) ?? null;
  }

  writeSheet(name: string, rows: Cell[][], layout: SheetLayout): void {
    this.writes++;
    this.sheets.set(
      name,
      rows.map((r) => [...r]),
    );
    this.layouts.set(name, layout);
  }
}

/** A Plan 145 workbook as `init` makes it. */
export function plan145Workbook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  for (const s of seedSheets(PLAN_145)) book.writeSheet(s.name, s.rows, s.layout);
  return book;
}

export interface Person {
  name?: string;
  birth?: Cell;
  unit?: string;
  classCode?: string;
  nominated?: Cell;
  certified?: Cell;
  admitted?: Cell;
}

const asDate = (v: Cell | undefined): Cell => {
  if (typeof v !== 'string') return v ?? '';
  const r = readDay(v);
  return r.kind === 'ok' ? instantOfDay(r.day) : v;
};

/** Appends people to `Danh sách` (dates given as dd/mm/yyyy text become date cells). */
export function addPeople(book: MemoryWorkbook, people: Person[], asTypedText = false): void {
  const header = CANDIDATE_COLUMNS.map((c) => c.header);
  const rows = book.readSheet(SHEET.candidates) ?? [header];
  const date = (v: Cell | undefined) => (asTypedText ? (v ?? '') : asDate(v));
  for (const p of people) {
    rows.push([
      rows.length,
      p.name ?? '',
      date(p.birth),
      p.unit ?? '',
      '',
      p.classCode ?? '',
      date(p.nominated),
      date(p.certified),
      date(p.admitted),
      '',
      '',
    ]);
  }
  book.sheets.set(SHEET.candidates, rows);
}

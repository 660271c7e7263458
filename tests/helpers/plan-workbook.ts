import type { Cell } from '../../src/workbook/port';
import { MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { seedSheets } from '../../src/workbook/seed';
import { CANDIDATE_COLUMNS, SHEET } from '../../src/workbook/contract';
import { instantOfDay, readDay } from '../../src/core/calendar/dates';

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
  resolution?: Cell;
  ceremony?: Cell;
  recognized?: Cell;
  group?: string;
  gender?: Cell;
  ethnicity?: Cell;
  religion?: Cell;
  youthUnion?: Cell;
}

const asDate = (v: Cell | undefined): Cell => {
  if (typeof v !== 'string') return v ?? '';
  const r = readDay(v);
  return r.kind === 'ok' ? instantOfDay(r.day) : v;
};

/** Appends people to `Danh sách` (dates given as dd/mm/yyyy text become date cells). */
export function addPeople(book: MemoryWorkbook, people: Person[], asTypedText = false): void {
  const header = CANDIDATE_COLUMNS.map((c) => c.header);
  const rows = [...(book.readSheet(SHEET.candidates) ?? [header])];
  const date = (v: Cell | undefined) => (asTypedText ? (v ?? '') : asDate(v));
  for (const p of people) {
    rows.push([
      rows.length,
      p.name ?? '',
      date(p.birth),
      p.unit ?? '',
      p.group ?? '',
      p.classCode ?? '',
      date(p.nominated),
      date(p.certified),
      date(p.admitted),
      '',
      '',
      date(p.resolution),
      date(p.ceremony),
      date(p.recognized),
      p.gender ?? '',
      p.ethnicity ?? '',
      p.religion ?? '',
      p.youthUnion ?? '',
    ]);
  }
  book.sheets.set(SHEET.candidates, rows);
}

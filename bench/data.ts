// Benchmark workbooks: Plan 145's quotas and milestones, and N synthetic candidate rows
// (copies of the demo's people under distinct names, so none is a duplicate).
import { PLAN_145 } from '../src/core/plan145';
import { candidateCells, syntheticPeople } from '../src/local/synthetic';
import { SHEET } from '../src/workbook/contract';
import { seedSheets } from '../src/workbook/seed';
import type { Cell } from '../src/workbook/port';

export function plan145Sheets(rows: number): Record<string, Cell[][]> {
  const sheets = Object.fromEntries(seedSheets(PLAN_145).map((s) => [s.name, s.rows]));
  const base = candidateCells(syntheticPeople(PLAN_145));
  const header = sheets[SHEET.candidates]?.[0] ?? [];
  const entries: Cell[][] = [header];
  for (let i = 0; entries.length <= rows; i++) {
    const line = [...(base[i % base.length] ?? [])];
    line[0] = i + 1;
    line[1] = `${String(line[1])} ${Math.floor(i / base.length)}`;
    entries.push(line);
  }
  return { ...sheets, [SHEET.candidates]: entries };
}

import type { Day } from '../../src/core/calendar/dates';
import { PLAN_145 } from '../../src/core/plan/plan145';
import { candidateCells, syntheticPeople, type SyntheticPerson } from '../../src/local/synthetic';
import { createGasEnvironment, loadBundle, type GasEnvironment } from './fakes';

export type Bundle = Record<string, (...args: unknown[]) => unknown>;

/** A fresh spreadsheet (one empty tab) with dist/Code.js loaded, at a given moment. */
export function openSheet(now = new Date('2024-12-31T03:00:00Z')): {
  env: GasEnvironment;
  gas: Bundle;
} {
  const env = createGasEnvironment({ now, sheetNames: ['Trang tính1'] });
  return { env, gas: loadBundle(env) as Bundle };
}

/** Synthetic Plan 145 candidates as `Danh sách` rows, with Dates of the bundle's realm. */
export function syntheticRows(env: GasEnvironment, copies = 1) {
  const rows = candidateCells(syntheticPeople(PLAN_145));
  const out: unknown[][] = [];
  for (let k = 0; k < copies; k++) {
    for (const row of rows) {
      const line = row.map((v) => (v instanceof Date ? new env.Date(v.getTime()) : v));
      // Copies are other people: a distinct name keeps them from being duplicates.
      if (k > 0) line[1] = `${String(line[1])} ${k}`;
      out.push(line);
    }
  }
  return out;
}

/** Everything a user could see of a sheet, to compare two moments. */
export function snapshot(env: GasEnvironment) {
  return env.spreadsheet.sheetNames().map((name) => {
    const s = env.spreadsheet.sheet(name);
    return {
      name,
      values: s.values(),
      formats: s.numberFormats(),
      weights: s.fontWeights(),
      validations: s.validations(),
      frozen: s.getFrozenRows(),
      widths: s.columnWidths(),
      rules: s.conditionalFormats(),
      charts: s.charts(),
    };
  });
}

/** A Plan 145 sheet whose units and Board have (made-up) addresses. */
export function sheetWithAddresses(now = new Date('2024-01-01T00:00:00Z')): {
  env: GasEnvironment;
  gas: Bundle;
} {
  const { env, gas } = openSheet(now);
  gas.setupWorkbook();
  env.spreadsheet.sheet('Chỉ tiêu').load(
    PLAN_145.units.map((u) => [`${u.code.toLowerCase()}@example.com`]),
    2,
    6,
  );
  const settings = env.spreadsheet.sheet('Cấu hình');
  const row = settings.values().findIndex((r) => r[0] === 'Email Ban Tổ chức') + 1;
  settings.load([['bantochuc@example.com']], row, 2);
  return { env, gas };
}

/** What unit officers have typed by `day`: people nominated by then, with what happened by then. */
export function visiblePeople(day: Day): SyntheticPerson[] {
  return syntheticPeople(PLAN_145)
    .filter((p) => p.nominated <= day)
    .map((p) => ({
      ...p,
      certified: p.certified !== null && p.certified <= day ? p.certified : null,
      admitted: p.admitted !== null && p.admitted <= day ? p.admitted : null,
      resolution: p.resolution !== null && p.resolution <= day ? p.resolution : null,
      ceremony: p.ceremony !== null && p.ceremony <= day ? p.ceremony : null,
    }));
}

/** Fills `Danh sách` with the synthetic candidates as typed in by `day`. */
export function typeInBy(env: GasEnvironment, day: Day): void {
  const rows = candidateCells(visiblePeople(day)).map((r) =>
    r.map((v) => (v instanceof Date ? new env.Date(v.getTime()) : v)),
  );
  if (rows.length) env.spreadsheet.sheet('Danh sách').load(rows, 2);
}

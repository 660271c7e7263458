// `setupUnitRooms` on a workbook of 300 units, each with an `Email phụ trách`, and an `Email Ban
// Tổ chức` in `Cấu hình`: one `DS - <Mã>` sheet per unit, protected for that unit and the Board.
// Too much for one Apps Script run, so the entry point may stop early and be run again: the
// bench runs it (as the owner clicking the menu) until it is done, at most MAX_RUNS times,
// with the latency model on so each run's modelled Apps Script time and the 6-minute limit
// apply, and env.endExecution() between runs.
import type { Plan } from '../src/core/model';
import { unitSheetName } from '../src/workbook/read';
import { seedSheets } from '../src/workbook/seed';
import { createGasEnvironment, isCutOffError, loadBundle, type Bundle } from '../tests/gas/fakes';
import type { GasEnvironment } from '../tests/gas/fakes';
import { provincePlan } from './province';

export const ROOM_UNITS = 300;
export const MAX_RUNS = 10;

export interface RoomsRun {
  /** Node time of the run (ms). */
  nodeMs: number;
  /** Modelled Apps Script time of the run (ms). */
  modelledMs: number;
  /** The fakes cut the run off at the execution time limit. */
  cutOff: boolean;
  spreadsheetCalls: number;
  /** What the entry point returned, when it said whether it is done. */
  reportedDone: boolean | null;
  /** Unit sheets still missing or not protected for their unit after the run. */
  unitsLeft: number;
  /** An error other than the cut-off (the run's message). */
  error?: string;
}

export interface RoomsResult {
  units: number;
  runs: RoomsRun[];
  done: boolean;
  /** Set when the runs never finished, or the entry point said done but units are left. */
  error?: string;
}

/** The province plan cut to its first `units` units (their addresses and the Board's kept). */
export function roomsPlan(units = ROOM_UNITS): Plan {
  const plan = provincePlan();
  return { ...plan, units: plan.units.slice(0, units) };
}

/** `done` from what the entry point returned: a boolean, or an object with a boolean `done`. */
export function reportedDone(result: unknown): boolean | null {
  if (typeof result === 'boolean') return result;
  if (typeof result === 'object' && result !== null && 'done' in result) {
    const done = (result as { done: unknown }).done;
    if (typeof done === 'boolean') return done;
  }
  return null;
}

/** Units whose `DS - <Mã>` sheet is missing or has no sheet protection naming their address. */
export function unitsLeft(env: GasEnvironment, plan: Plan): number {
  let left = 0;
  for (const unit of plan.units) {
    const sheet = env.spreadsheet.getSheetByName(unitSheetName(unit.code));
    const editors = sheet
      ?.protections()
      .filter((p) => p.type === 'SHEET')
      .flatMap((p) => p.editors.map((e) => e.toLowerCase()));
    const ok = editors !== undefined && unit.emails.every((e) => editors.includes(e.toLowerCase()));
    if (!ok) left++;
  }
  return left;
}

/** A fresh workbook holding the seeded plan, with the bundle loaded and the latency model on. */
export function roomsWorkbook(
  bundlePath: string,
  now: Date,
  plan: Plan,
): { env: GasEnvironment; gas: Bundle } {
  const env = createGasEnvironment({ now, sheetNames: ['Trang tính1'], latency: true });
  for (const seed of seedSheets(plan)) env.spreadsheet.addSheet(seed.name, seed.rows);
  return { env, gas: loadBundle(env, bundlePath) };
}

/** Runs setupUnitRooms until it is done (or MAX_RUNS runs, or an error other than the cut-off). */
export function runRooms(bundlePath: string, now: Date, units = ROOM_UNITS): RoomsResult {
  const plan = roomsPlan(units);
  const { env, gas } = roomsWorkbook(bundlePath, now, plan);
  const runs: RoomsRun[] = [];
  let done = false;
  while (!done && runs.length < MAX_RUNS) {
    env.resetCalls();
    let result: unknown;
    let cutOff = false;
    let error: string | undefined;
    const start = process.hrtime.bigint();
    try {
      result = gas.setupUnitRooms();
    } catch (e) {
      if (isCutOffError(e)) cutOff = true;
      else error = e instanceof Error ? e.message : String(e);
    }
    const nodeMs = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
    cutOff ||= env.state.cutOff;
    const said = reportedDone(result);
    const left = unitsLeft(env, plan);
    runs.push({
      nodeMs,
      modelledMs: Math.round(env.modelledMs()),
      cutOff,
      spreadsheetCalls: env.countCalls('SpreadsheetApp'),
      reportedDone: said,
      unitsLeft: left,
      ...(error === undefined ? {} : { error }),
    });
    env.endExecution();
    if (error !== undefined) break;
    done = said ?? (left === 0 && !cutOff);
  }
  const last = runs.at(-1);
  let problem: string | undefined;
  if (last?.error !== undefined) problem = `run ${runs.length}: ${last.error}`;
  else if (!done) problem = `not done after ${runs.length} runs (${last?.unitsLeft} units left)`;
  else if ((last?.unitsLeft ?? 0) > 0)
    problem = `reported done with ${last?.unitsLeft} unit sheets not set up`;
  return { units, runs, done, ...(problem === undefined ? {} : { error: problem }) };
}

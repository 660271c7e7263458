/**
 * A latency model: what a run would cost in Apps Script, as time on the fake clock.
 *
 * Each recorded call costs a fixed time by service (a SpreadsheetApp call is a round trip to
 * Sheets, MailApp.sendEmail much more), plus a time per cell for the bulk calls that move a grid
 * (getValues/setValues, getNotes/setNotes, getBackgrounds/setBackgrounds...). Charging advances
 * the environment's clock, so `new Date()` in the script sees the time pass, and a run whose
 * clock passes the execution time limit (6 minutes) after its first call is cut off like the
 * real one: the call that crosses the limit throws "Exceeded maximum execution time" without
 * taking effect, and every later call throws until env.endExecution().
 *
 * The figures are rough orders of magnitude, meant to compare designs (one bulk write against
 * a call per row) and to find runs that cannot finish, not to predict seconds.
 */
import { gasError, CUT_OFF_MESSAGE } from './errors';
import { FakeRange } from './range';
import type { CallRecord } from './record';
import { FakeSheet } from './sheet';
import type { GasState } from './state';

export interface LatencyModel {
  /** Each SpreadsheetApp call, including calls on sheets, ranges, protections... (ms). */
  perCallMs: number;
  /** Each cell moved by a bulk call: getValues/setValues, getNotes/setNotes... (µs). */
  perCellUs: number;
  /** Each MailApp.sendEmail (ms). */
  perMailMs: number;
  /** Each PropertiesService or LockService call (ms). */
  perPropertyMs: number;
  /** Each Drive or Sheets advanced-service call: a REST round trip (ms). */
  perApiMs: number;
  /** Execution time limit from the run's first call (ms): 6 minutes. */
  limitMs: number;
}

export const DEFAULT_LATENCY: Readonly<LatencyModel> = Object.freeze({
  perCallMs: 50,
  perCellUs: 2,
  perMailMs: 400,
  perPropertyMs: 20,
  perApiMs: 150,
  limitMs: 360_000,
});

/** `true` for DEFAULT_LATENCY, an object to override some of its figures, false/undefined: off. */
export type LatencyOption = boolean | Partial<LatencyModel> | undefined;

export function resolveLatency(option: LatencyOption): LatencyModel | null {
  if (!option) return null;
  return { ...DEFAULT_LATENCY, ...(option === true ? {} : option) };
}

/** Range methods that move every cell of the range between the script and Sheets. */
const BULK_RANGE_METHODS = new Set([
  'getValues',
  'setValues',
  'getDisplayValues',
  'getFormulas',
  'setFormulas',
  'getNotes',
  'setNotes',
  'getBackgrounds',
  'setBackgrounds',
  'getNumberFormats',
  'setNumberFormats',
  'getFontWeights',
  'setFontWeights',
  'getFontColors',
  'setFontColors',
  'getFontStyles',
  'setFontStyles',
  'getHorizontalAlignments',
  'setHorizontalAlignments',
  'getWraps',
  'setWraps',
  'getDataValidations',
  'setDataValidations',
]);

/** Cells a call moves: the range's for the bulk calls, the row's for appendRow, else 0. */
export function cellsMoved(call: CallRecord, target: object): number {
  if (target instanceof FakeRange && BULK_RANGE_METHODS.has(call.method)) {
    return target.numRows * target.numCols;
  }
  if (target instanceof FakeSheet && call.method === 'appendRow' && Array.isArray(call.args[0])) {
    return call.args[0].length;
  }
  return 0;
}

/** Modelled duration of one call, in ms. Utilities.sleep(ms) costs what it asks for. */
export function costOf(model: LatencyModel, call: CallRecord, target: object): number {
  switch (call.service) {
    case 'SpreadsheetApp':
      return model.perCallMs + (cellsMoved(call, target) * model.perCellUs) / 1000;
    case 'MailApp':
      return call.method === 'sendEmail' ? model.perMailMs : 0;
    case 'PropertiesService':
    case 'LockService':
      return model.perPropertyMs;
    case 'Drive':
    case 'Sheets':
      return model.perApiMs;
    case 'Utilities':
      return call.method === 'sleep' ? Math.max(0, Number(call.args[0]) || 0) : 0;
    default:
      return 0;
  }
}

/**
 * Executions and their modelled time. An execution starts at the first recorded call after
 * the environment's creation or after end(); end() closes it (env.endExecution()).
 */
export class ExecutionClock {
  private start: number | null = null;
  private charged = 0;
  private last = 0;

  constructor(
    public model: LatencyModel | null,
    private readonly state: GasState,
    private readonly nowMs: () => number,
    private readonly advance: (ms: number) => void,
  ) {}

  /** Called by the recorder for every call, before it executes. */
  charge(call: CallRecord, target: object): void {
    if (this.start === null) {
      this.start = this.nowMs();
      this.charged = 0;
    }
    if (!this.model) return;
    const ms = costOf(this.model, call, target);
    this.charged += ms;
    this.advance(ms);
    if (this.nowMs() - this.start > this.model.limitMs) {
      this.state.cutOff = true;
      throw gasError(CUT_OFF_MESSAGE);
    }
  }

  end(): void {
    if (this.start !== null) this.last = this.charged;
    this.start = null;
    this.charged = 0;
  }

  /** Modelled time of the current execution, or of the last one when none is running (ms). */
  modelledMs(): number {
    return this.start !== null ? this.charged : this.last;
  }

  /** Whether an execution is running (a call was recorded since the last end()). */
  running(): boolean {
    return this.start !== null;
  }
}

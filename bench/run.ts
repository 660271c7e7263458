// `npm run bench`: a province (2,000 units, 8 milestones) with 1,000 and 200,000 candidate rows,
// from a fixed seed. Measures the core, the Apps Script entry points run through dist/Code.js on
// the recording fakes, and the `ptdv` command on .xlsx files of the same data. Each entry point is
// also run once with the fakes' latency model on, for its modelled Apps Script time (and whether
// the 6-minute limit would cut it off), and `setupUnitRooms` is run on 300 units until done.
// Prints a table, writes bench/results.json and rewrites the table of docs/en/limits.md from it
// (bench/results-table.ts). `--rows 1000,50000` picks other sizes; PTDV_BENCH_QUICK=1 runs only the
// 1,000-row case, writes build/bench-results-quick.json and leaves the docs alone.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { instantOfDay, readDay, type Day } from '../src/core/calendar/dates';
import { evaluate } from '../src/core/evaluate';
import { planReminders } from '../src/core/reminders/reminders';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';
import { figuresValues } from '../src/workbook/higher-figures';
import {
  CELLS,
  COMMUNES,
  PEOPLE,
  PROVINCE_BOARD,
  communeCode,
  communeFigures,
  communeSheets,
  provinceOfCommunes,
} from './levels';
import { MAIL_LOG_HEADERS, SHEET } from '../src/workbook/contract';
import { MemoryWorkbook } from '../src/workbook/memory-workbook';
import { readInput } from '../src/workbook/read';
import { seedSheets } from '../src/workbook/seed';
import {
  createGasEnvironment,
  DEFAULT_LATENCY,
  isCutOffError,
  loadBundle,
  type GasEnvironment,
} from '../tests/gas/fakes';
import { updateDocs } from '../tests/docs/generated';
import { runScriptValue } from './realm';
import { MAX_RUNS, runRooms, type RoomsResult } from './rooms';
import { BENCH_NEXT_YEAR, BENCH_TODAY, provinceCandidates, provincePlan, UNITS } from './province';
import type { Cell } from '../src/workbook/port';

const ROOT = join(__dirname, '..');
const RUNS = 5;
const MB = 1024 * 1024;
const today = (readDay(BENCH_TODAY) as { day: Day }).day;
/** 07:30 in Vietnam on the bench's day: the daily run's hour. */
const NOW = new Date(instantOfDay(today).getTime() + 7.5 * 3_600_000);

/** PTDV_BENCH_QUICK=1: the 1,000-row case only, results kept out of bench/results.json. */
const QUICK = process.env.PTDV_BENCH_QUICK === '1';
const LEVELS_ONLY = process.argv.includes('--levels-only');
const BUNDLE = join(ROOT, 'dist', 'Code.js');
/** Apps Script's execution time limit, which the latency model applies. */
const LIMIT_MS = 360_000;

const sizesArg = process.argv.indexOf('--rows');
const SIZES =
  sizesArg > 0
    ? String(process.argv[sizesArg + 1])
        .split(',')
        .map(Number)
    : QUICK
      ? [1_000]
      : [1_000, 200_000];

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Peak resident memory since the last reset (Linux: VmHWM, reset through clear_refs). */
const peak = {
  reset(): void {
    try {
      writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      // Not Linux, or not allowed: the peak is then the process's peak so far.
    }
  },
  mb(): number {
    try {
      const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      if (line) return Math.round(Number(line[1]) / 1024);
    } catch {
      // fall through
    }
    return Math.round(process.resourceUsage().maxRSS / 1024);
  },
};

interface Result {
  operation: string;
  rows: number;
  medianMs: number;
  runs: number;
  /** Peak resident memory of the process during the runs (the fakes' cells included). */
  peakMb: number;
  spreadsheetCalls: number | null;
  /** The first run after loading, when a sheet is laid out (formats, rules, charts). */
  firstRunSpreadsheetCalls: number | null;
  otherServiceCalls: number | null;
  /**
   * Modelled Apps Script time of one run with the fakes' latency model on (ms), for the
   * entry points run through the bundle; null for the core and the CLI.
   */
  modelledMs: number | null;
  /** The latency model's 6-minute limit cut that run off (modelledMs is then the time to it). */
  modelledCutOff?: boolean;
  /** A command or entry point that failed: its exit status or message, first line. */
  error?: string;
}

const results: Result[] = [];

/** Runs `fn` `runs` times after a warm-up; the warm-up's calls are reported apart. */
function measure(
  operation: string,
  rows: number,
  fn: () => void,
  env?: GasEnvironment,
  before?: () => void,
  runs = RUNS,
): void {
  progress(`${operation}, ${rows} dòng…`);
  before?.();
  env?.resetCalls();
  fn();
  const first = env ? env.countCalls('SpreadsheetApp') : null;
  env?.endExecution();
  const times: number[] = [];
  const calls: number[] = [];
  const others: number[] = [];
  gc();
  peak.reset();
  for (let i = 0; i < runs; i++) {
    before?.();
    env?.resetCalls();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (env) {
      calls.push(env.countCalls('SpreadsheetApp'));
      others.push(env.calls.length - env.countCalls('SpreadsheetApp'));
      env.endExecution();
    }
  }
  if (new Set(calls).size > 1) throw new Error(`${operation}: calls differ between runs: ${calls}`);
  const modelled = env ? modelledRun(env, fn, before) : null;
  results.push({
    operation,
    rows,
    medianMs: Math.round(median(times)),
    runs,
    peakMb: peak.mb(),
    spreadsheetCalls: env ? (calls[0] ?? null) : null,
    firstRunSpreadsheetCalls: first,
    otherServiceCalls: env ? (others[0] ?? null) : null,
    modelledMs: modelled?.ms ?? null,
    ...(modelled?.cutOff ? { modelledCutOff: true } : {}),
  });
}

/**
 * One more run with the latency model on, from the bench's clock: its modelled Apps Script
 * time, and whether the 6-minute limit cut it off (the fakes then throw from every later call).
 */
function modelledRun(
  env: GasEnvironment,
  fn: () => void,
  before?: () => void,
): { ms: number; cutOff: boolean } {
  before?.();
  env.endExecution();
  env.setNow(NOW);
  env.setLatency(true);
  env.resetCalls();
  let cutOff = false;
  try {
    fn();
  } catch (e) {
    if (!isCutOffError(e)) throw e;
    cutOff = true;
  } finally {
    env.setLatency(false);
  }
  // No recorded call (a custom function): no execution, nothing modelled.
  const ms = env.calls.length > 0 ? Math.round(env.modelledMs()) : 0;
  env.endExecution();
  env.setNow(NOW);
  return { ms, cutOff };
}

/** measure(), but an entry point that throws is recorded as failed and the bench goes on. */
function measureOrRecord(
  operation: string,
  rows: number,
  fn: () => void,
  env?: GasEnvironment,
  before?: () => void,
): void {
  try {
    measure(operation, rows, fn, env, before);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    progress(`${operation} LỖI: ${message}`);
    env?.endExecution();
    env?.setLatency(false);
    env?.setNow(NOW);
    results.push({
      error: message,
      operation,
      rows,
      medianMs: NaN,
      runs: 0,
      peakMb: peak.mb(),
      spreadsheetCalls: null,
      firstRunSpreadsheetCalls: null,
      otherServiceCalls: null,
      modelledMs: null,
    });
  }
}

function benchCore(rows: number, sheets: Record<string, Cell[][]>): void {
  const book = new MemoryWorkbook(sheets);
  const input = readInput(book);
  measure('core: evaluate + reminder plan', rows, () => {
    const ev = evaluate(input, today, today);
    planReminders({ today, plan: ev.plan, fulfillment: ev.fulfillment, log: [], dryRun: false });
  });
  measure('core: read + evaluate + plan', rows, () => {
    const ev = evaluate(readInput(book), today, today);
    planReminders({ today, plan: ev.plan, fulfillment: ev.fulfillment, log: [], dryRun: false });
  });
}

function benchBundle(rows: number, sheets: Record<string, Cell[][]>): void {
  progress(`nạp ${rows} dòng vào bảng tính giả lập…`);
  const env = createGasEnvironment({ now: NOW, mailQuota: 1_000_000, sheetNames: ['Trang tính1'] });
  for (const [name, values] of Object.entries(sheets)) env.spreadsheet.addSheet(name, values);
  const gas = loadBundle(env, BUNDLE);
  measureOrRecord('refreshDashboard', rows, () => gas.refreshDashboard(), env);
  measureOrRecord('checkEntries', rows, () => gas.checkEntries(), env);
  // Each run starts from an empty log, so each sends the same day's reminders.
  const log = env.spreadsheet.sheet(SHEET.mailLog);
  const emptyLog = () => {
    log.clear();
    log.load([MAIL_LOG_HEADERS]);
    env.mail.sent.length = 0;
  };
  measureOrRecord('runDailyReminders', rows, () => gas.runDailyReminders(), env, emptyLog);
  const sent = env.mail.sent.length;
  progress(`runDailyReminders: ${sent} thư mỗi lần chạy`);
  // Sheets hands a custom function arrays of the script's own realm: copy them in, Dates too.
  const copyIn = runScriptValue(
    env,
    `(rows) => rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' && typeof v.getTime === 'function' ? new Date(v.getTime()) : v)))`,
  ) as unknown as (rows: Cell[][] | undefined) => unknown;
  const args = [SHEET.quotas, SHEET.milestones, SHEET.candidates].map((n) => copyIn(sheets[n]));
  // A custom function: its arguments come from Sheets, so it makes no service call; it is
  // measured with the environment all the same so its modelled time (and calls) are reported.
  measureOrRecord(
    'PTDV_TONGHOP',
    rows,
    () => {
      const out: unknown = gas.PTDV_TONGHOP(...args);
      if (!Array.isArray(out)) throw new Error(`PTDV_TONGHOP returned ${String(out)}`);
    },
    env,
  );
}

let rooms: RoomsResult | null = null;

/** setupUnitRooms on 300 units, run until done; one result per run, rows = the run's number. */
function benchRooms(): void {
  progress(`setupUnitRooms, 300 đơn vị (tối đa ${MAX_RUNS} lần chạy)…`);
  rooms = runRooms(BUNDLE, NOW);
  rooms.runs.forEach((run, i) => {
    progress(
      `setupUnitRooms lần ${i + 1}: ${(run.modelledMs / 1000).toFixed(1)} s mô phỏng` +
        `${run.cutOff ? ' (bị cắt ở 6 phút)' : ''}, còn ${run.unitsLeft} đơn vị`,
    );
  });
  if (rooms.error) progress(`setupUnitRooms LỖI: ${rooms.error}`);
  const total = rooms.runs.reduce((sum, run) => sum + run.nodeMs, 0);
  results.push({
    ...(rooms.error ? { error: rooms.error } : {}),
    operation: `setupUnitRooms (${rooms.units} units)`,
    // Not a candidate-rows case; medianMs is the Node time of all runs together, modelledMs
    // their modelled time together (each run's is in `setupUnitRooms` of the results file).
    rows: 0,
    medianMs: total,
    runs: rooms.runs.length,
    peakMb: peak.mb(),
    spreadsheetCalls: rooms.runs.reduce((sum, run) => sum + run.spreadsheetCalls, 0),
    firstRunSpreadsheetCalls: rooms.runs[0]?.spreadsheetCalls ?? null,
    otherServiceCalls: null,
    modelledMs: rooms.runs.reduce((sum, run) => sum + run.modelledMs, 0),
    ...(rooms.runs.some((run) => run.cutOff) ? { modelledCutOff: true } : {}),
  });
}

/**
 * Two levels (bench/levels.ts): a commune's `Gửi số liệu lên cấp trên` through the bundle, the
 * province's `Nhận số liệu cấp dưới` and refresh over 100 imported communes, and `ptdv rollup` of
 * the 100 communes' figures files.
 */
async function benchLevels(): Promise<void> {
  progress(`hai cấp: ${COMMUNES} xã × ${CELLS} chi bộ, ${COMMUNES * PEOPLE} người…`);
  const low = createGasEnvironment({ now: NOW, mailQuota: 1_000_000, sheetNames: ['Trang tính1'] });
  for (const s of communeSheets(0)) low.spreadsheet.addSheet(s.name, s.rows);
  const lowGas = loadBundle(low, BUNDLE);
  measureOrRecord(
    `sendFiguresToHigher (a commune: ${CELLS} cells)`,
    PEOPLE,
    () => lowGas.sendFiguresToHigher(),
    low,
  );
  const figures = Array.from({ length: COMMUNES }, (_, i) => communeFigures(i, today));
  const plan = provinceOfCommunes();
  const high = createGasEnvironment({
    now: NOW,
    sheetNames: ['Trang tính1'],
    user: PROVINCE_BOARD,
  });
  for (const seed of seedSheets(plan)) high.spreadsheet.addSheet(seed.name, seed.rows);
  const idOf = (i: number) => `figures${String(i).padStart(4, '0')}abcdefghij`;
  high.spreadsheet.addSheet(SHEET.lower, [
    ['Mã', 'Tên', 'Địa chỉ tệp số liệu'],
    ...plan.units.map((u, i) => [
      u.code,
      u.name,
      `https://docs.google.com/spreadsheets/d/${idOf(i)}/edit`,
    ]),
  ]);
  figures.forEach((rows, i) => {
    const values = figuresValues(rows, rows[0]?.length ?? 0);
    high.spreadsheet.imports.publish(idOf(i), {
      readers: () => [PROVINCE_BOARD],
      values: () => values,
    });
    high.spreadsheet.imports.allow(idOf(i), PROVINCE_BOARD);
  });
  const highGas = loadBundle(high, BUNDLE);
  measureOrRecord(
    `receiveLowerFigures (${COMMUNES} communes)`,
    COMMUNES,
    () => highGas.receiveLowerFigures(),
    high,
  );
  measureOrRecord(
    `refreshDashboard (a province of ${COMMUNES} imported communes)`,
    COMMUNES,
    () => highGas.refreshDashboard(),
    high,
  );
  // The same on an office machine: 100 figures files in a folder.
  const dir = mkdtempSync(join(tmpdir(), 'ptdv-rollup-'));
  const folder = join(dir, 'cap-duoi');
  mkdirSync(folder);
  for (const [i, rows] of figures.entries()) {
    const book = XlsxWorkbook.empty();
    book.writeSheet(SHEET.higherFigures, rows, {
      headerRow: 1,
      dateColumns: [],
      percentColumns: [],
      widths: {},
    });
    await book.save(join(folder, `${communeCode(i)}.xlsx`));
  }
  const province = join(dir, 'tinh.xlsx');
  const book = XlsxWorkbook.empty();
  for (const seed of seedSheets(plan)) book.writeSheet(seed.name, seed.rows, seed.layout);
  await book.save(province);
  const copy = join(dir, 'tinh-chay.xlsx');
  const all = Array.from({ length: 3 }, () => {
    copyFileSync(province, copy);
    return runCli(['rollup', '--workbook', copy, '--from', folder, '--today', BENCH_TODAY]);
  });
  const failed = all.find((r) => r.error);
  if (failed) progress(`ptdv rollup LỖI: ${failed.error}`);
  results.push({
    ...(failed?.error ? { error: failed.error } : {}),
    operation: `ptdv rollup (${COMMUNES} figures files)`,
    rows: COMMUNES,
    medianMs: median(all.map((r) => r.ms)),
    runs: all.length,
    peakMb: Math.max(...all.map((r) => r.peakMb)),
    spreadsheetCalls: null,
    firstRunSpreadsheetCalls: null,
    otherServiceCalls: null,
    modelledMs: null,
  });
  rmSync(dir, { recursive: true, force: true });
}

interface CliRun {
  ms: number;
  peakMb: number;
  error: string | null;
}

function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'ptdv-rss-'));
  const report = join(dir, 'rss.json');
  const preload = join(dir, 'rss.cjs');
  // The child records its own peak as it exits.
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));`,
  );
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['-r', preload, join(ROOT, 'build', 'ptdv.js'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 256 * MB,
      env: { ...process.env, ...env },
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // `check` exits 1 when it finds errors (the bench data has a few); any other command failing
  // is recorded, not hidden, and the bench goes on.
  const failed = child.status !== 0 && !(args[0] === 'check' && child.status === 1);
  const error = failed ? `exit ${child.status}: ${child.stderr.trim().split('\n')[0] ?? ''}` : null;
  let peakMb = NaN;
  try {
    peakMb = Math.round(Number(readFileSync(report, 'utf8')) / 1024);
  } catch {
    // killed before its exit handler ran
  }
  rmSync(dir, { recursive: true, force: true });
  return { ms: Math.round(ms), peakMb, error };
}

async function benchCli(rows: number, sheets: Record<string, Cell[][]>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ptdv-bench-'));
  const file = join(dir, `tinh-${rows}.xlsx`);
  progress(`ghi ${file}…`);
  const book = XlsxWorkbook.empty();
  for (const seed of seedSheets(provincePlan()))
    book.writeSheet(seed.name, sheets[seed.name] ?? seed.rows, seed.layout);
  await book.save(file);
  gc();
  // Each command with the lean read (today) and with PTDV_XLSX_READ=full, the full read every
  // command used before it (the "before" of the table in docs/en/limits.md). Reads are the median of 3 runs.
  const cli = (operation: string, args: () => string[], runs: number, full: boolean) => {
    const label = full ? `${operation}, full read (before)` : operation;
    progress(`${label}, ${rows} dòng…`);
    const all = Array.from({ length: runs }, () =>
      runCli(args(), full ? { PTDV_XLSX_READ: 'full' } : {}),
    );
    const failed = all.find((r) => r.error);
    if (failed) progress(`${label} LỖI: ${failed.error}`);
    results.push({
      ...(failed?.error ? { error: failed.error } : {}),
      operation: label,
      rows,
      medianMs: median(all.map((r) => r.ms)),
      runs,
      peakMb: Math.max(...all.map((r) => r.peakMb)),
      spreadsheetCalls: null,
      firstRunSpreadsheetCalls: null,
      otherServiceCalls: null,
      modelledMs: null,
    });
  };
  for (const full of [true, false]) {
    cli(
      'ptdv report (.xlsx)',
      () => ['report', '--workbook', file, '--today', BENCH_TODAY],
      3,
      full,
    );
    cli('ptdv check (.xlsx)', () => ['check', '--workbook', file], 3, full);
    cli(
      'ptdv counts (.xlsx)',
      () => ['counts', '--workbook', file, '--out', join(dir, 'so-lieu.xlsx')],
      3,
      full,
    );
    // remind logs what it sends, so each run starts from a fresh copy of the file and an outbox
    // of its own (median of 3, as the others; once with the full read); run again the same day on
    // the last copy, it finds everything logged and sends (and writes) nothing. The outboxes are
    // removed with the bench's folder, at its end: this machine's disk (ext4 without a journal)
    // makes each new file scan past the inodes freed in the last minutes, so 2,199 files created
    // just after 2,199 were deleted took 0.9-2 s of kernel time where they take 0.1 s otherwise
    // (docs/en/limits.md). An office's outbox only grows.
    const copy = join(dir, 'nhac-viec.xlsx');
    let outboxes = 0;
    const remind = () => [
      'remind',
      '--workbook',
      copy,
      '--today',
      BENCH_TODAY,
      '--outbox',
      join(dir, `outbox-${full ? 'full' : 'lean'}-${outboxes}`),
    ];
    const remindFresh = () => {
      copyFileSync(file, copy);
      outboxes++;
      return remind();
    };
    cli('ptdv remind (.xlsx)', remindFresh, full ? 1 : 3, full);
    cli('ptdv remind again, nothing new (.xlsx)', remind, 1, full);
    // The commands that write into the office's file, each on a fresh copy.
    const fresh = (name: string) => {
      const path = join(dir, name);
      copyFileSync(file, path);
      return path;
    };
    cli(
      'ptdv report --write (.xlsx)',
      () => ['report', '--workbook', fresh('ghi.xlsx'), '--today', BENCH_TODAY, '--write'],
      // The full read and write (before) takes long on 200,000 rows: once is enough.
      full ? 1 : 3,
      full,
    );
    cli(
      'ptdv counts --into (.xlsx)',
      () => [
        'counts',
        '--workbook',
        file,
        '--out',
        join(dir, 'so-lieu-chung'),
        '--into',
        fresh('chung.xlsx'),
      ],
      // The full read and write (before) takes long on 200,000 rows: once is enough.
      full ? 1 : 3,
      full,
    );
    cli(
      'ptdv new-year (.xlsx)',
      () => ['new-year', '--workbook', fresh('nam-moi.xlsx'), '--year', String(BENCH_NEXT_YEAR)],
      // The full read and write (before) takes long on 200,000 rows: once is enough.
      full ? 1 : 3,
      full,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

function find(operation: string, rows: number): Result | undefined {
  return results.find((r) => r.operation === operation && r.rows === rows);
}

interface Target {
  target: string;
  measured: string;
  met: boolean;
}

function targets(): Target[] {
  const big = Math.max(...SIZES);
  const small = Math.min(...SIZES);
  const out: Target[] = [];
  const core = find('core: evaluate + reminder plan', big);
  if (core)
    out.push({
      target: `core (checks + fulfillment + reminder plan), ${big} rows < 1000 ms`,
      measured: `${core.medianMs} ms`,
      met: core.medianMs < 1000,
    });
  // One name, one read or write per sheet, whatever the rows: `Hồ sơ`, `Ngày nghỉ` and the role
  // check (which asks the protections who is clicking) brought the steady figure from 29 to 35.
  for (const op of ['refreshDashboard', 'checkEntries', 'runDailyReminders']) {
    const a = find(op, small);
    const b = find(op, big);
    if (a && b)
      out.push({
        target: `${op}: SpreadsheetApp calls equal for ${small} and ${big} rows, <= 36`,
        measured: `${a.spreadsheetCalls} / ${b.spreadsheetCalls} (first run ${a.firstRunSpreadsheetCalls} / ${b.firstRunSpreadsheetCalls})`,
        met: a.spreadsheetCalls === b.spreadsheetCalls && (b.spreadsheetCalls ?? 99) <= 36,
      });
  }
  for (const op of ['refreshDashboard', 'checkEntries', 'runDailyReminders']) {
    const b = find(op, big);
    if (b && b.modelledMs !== null)
      out.push({
        target: `${op}, ${big} rows: modelled Apps Script time < 6 min`,
        measured: `${(b.modelledMs / 1000).toFixed(1)} s${b.modelledCutOff ? ' (cut off)' : ''}`,
        met: !b.error && !b.modelledCutOff && b.modelledMs < LIMIT_MS,
      });
  }
  if (rooms)
    out.push({
      target: `setupUnitRooms, ${rooms.units} units: done within ${MAX_RUNS} runs, none cut off`,
      measured: `${rooms.done ? 'done' : 'NOT done'} after ${rooms.runs.length} run(s): ${rooms.runs
        .map((r) => `${(r.modelledMs / 1000).toFixed(1)} s${r.cutOff ? ' (cut off)' : ''}`)
        .join(', ')}`,
      met: rooms.done && !rooms.error && rooms.runs.every((r) => !r.cutOff),
    });
  const custom = find('PTDV_TONGHOP', big);
  if (custom)
    out.push({
      target: `PTDV_TONGHOP, ${big} rows < 2000 ms`,
      measured: `${custom.medianMs} ms`,
      met: custom.medianMs < 2000,
    });
  // The lean .xlsx read (issue: report <= 5 s and <= 600 MB on the 200,000-row file; the other
  // commands that only read, and remind on a day it has nothing to log, in proportion).
  const seconds = (r: Result) => `${(r.medianMs / 1000).toFixed(1)} s, ${r.peakMb} MB`;
  for (const operation of [
    'ptdv report (.xlsx)',
    'ptdv check (.xlsx)',
    'ptdv counts (.xlsx)',
    'ptdv remind again, nothing new (.xlsx)',
    // The writes that change only what ptdv owns (the office's file otherwise kept byte for byte).
    'ptdv remind (.xlsx)',
    'ptdv report --write (.xlsx)',
    'ptdv counts --into (.xlsx)',
    'ptdv new-year (.xlsx)',
  ]) {
    const r = find(operation, big);
    if (r)
      out.push({
        target: `${operation}, ${big} rows <= 5 s and <= 600 MB`,
        measured: seconds(r),
        met: !r.error && r.medianMs <= 5_000 && r.peakMb <= 600,
      });
  }
  // Two levels (issue: a commune's send within one run; the province's refresh on 100 imported
  // communes within the modelled 6 minutes; `ptdv rollup` of 100 files in at most 10 s).
  for (const operation of [
    `sendFiguresToHigher (a commune: ${CELLS} cells)`,
    `receiveLowerFigures (${COMMUNES} communes)`,
    `refreshDashboard (a province of ${COMMUNES} imported communes)`,
  ]) {
    const r = results.find((x) => x.operation === operation);
    if (r)
      out.push({
        target: `${operation}: modelled Apps Script time < 6 min`,
        measured:
          r.modelledMs === null
            ? 'FAILED'
            : `${(r.modelledMs / 1000).toFixed(1)} s${r.modelledCutOff ? ' (cut off)' : ''}`,
        met: !r.error && !r.modelledCutOff && r.modelledMs !== null && r.modelledMs < LIMIT_MS,
      });
  }
  const rollup = results.find((x) => x.operation === `ptdv rollup (${COMMUNES} figures files)`);
  if (rollup)
    out.push({
      target: `ptdv rollup of ${COMMUNES} figures files <= 10 s`,
      measured: seconds(rollup),
      met: !rollup.error && rollup.medianMs <= 10_000,
    });
  const kib = Math.round(statSync(join(ROOT, 'dist', 'Code.js')).size / 1024);
  out.push({ target: 'dist/Code.js < 200 KiB', measured: `${kib} KiB`, met: kib < 200 });
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}

/** `--write-xlsx FILE`: only writes the bench's workbook of `--rows` rows, to profile by hand. */
const writeXlsxArg = process.argv.indexOf('--write-xlsx');

async function main(): Promise<void> {
  const started = Date.now();
  const plan = provincePlan();
  const base = Object.fromEntries(seedSheets(plan).map((s) => [s.name, s.rows]));
  if (writeXlsxArg > 0) {
    const rows = SIZES[SIZES.length - 1] ?? 200_000;
    const book = XlsxWorkbook.empty();
    const sheets: Record<string, Cell[][]> = {
      ...base,
      [SHEET.candidates]: provinceCandidates(plan, rows),
    };
    for (const seed of seedSheets(plan))
      book.writeSheet(seed.name, sheets[seed.name] ?? seed.rows, seed.layout);
    await book.save(String(process.argv[writeXlsxArg + 1]));
    progress(`${rows} dòng: ${String(process.argv[writeXlsxArg + 1])}`);
    return;
  }
  // `--levels-only`: only the two levels' figures (results kept out of bench/results.json).
  for (const rows of LEVELS_ONLY ? [] : SIZES) {
    progress(
      `tạo ${rows} dòng (${UNITS} đơn vị, ${plan.milestones.length} mốc, hạt giống cố định)…`,
    );
    const sheets = { ...base, [SHEET.candidates]: provinceCandidates(plan, rows) };
    benchCore(rows, sheets);
    benchBundle(rows, sheets);
    gc();
    await benchCli(rows, sheets);
    gc();
  }
  if (!LEVELS_ONLY) benchRooms();
  gc();
  if (!QUICK) await benchLevels();
  gc();
  const dash = (v: number | null) => (v === null ? '–' : String(v));
  const seconds1 = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1));
  console.log(
    table([
      [
        'operation',
        'rows',
        'median ms',
        'runs',
        'peak RSS MB',
        'Sheets calls',
        '(first run)',
        'other calls',
        'modelled GAS s',
      ],
      ...results.map((r) => [
        r.operation,
        r.rows === 0 ? '–' : String(r.rows),
        r.error ? 'FAILED' : String(r.medianMs),
        String(r.runs),
        String(r.peakMb),
        dash(r.spreadsheetCalls),
        dash(r.firstRunSpreadsheetCalls),
        dash(r.otherServiceCalls),
        r.modelledCutOff ? `${seconds1(r.modelledMs)} CUT OFF` : seconds1(r.modelledMs),
      ]),
    ]),
  );
  if (rooms) {
    console.log(
      `\nsetupUnitRooms, ${rooms.units} units: ${rooms.done ? 'done' : 'NOT done'} after ${rooms.runs.length} run(s); modelled ${rooms.runs
        .map((r) => `${seconds1(r.modelledMs)} s${r.cutOff ? ' (cut off at 6 min)' : ''}`)
        .join(', ')}; Node ${rooms.runs.map((r) => `${r.nodeMs} ms`).join(', ')}`,
    );
  }
  const checks = targets();
  console.log('');
  console.log(
    table([
      ['target', 'measured', 'met'],
      ...checks.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
    ]),
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${seconds} s in all (node ${process.version}, ${cpus().length} CPUs)`);
  const out =
    QUICK || LEVELS_ONLY
      ? join(ROOT, 'build', 'bench-results-quick.json')
      : join(ROOT, 'bench', 'results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        machine: {
          node: process.version,
          cpus: cpus().length,
          memoryMb: Math.round(totalmem() / MB),
        },
        data: {
          units: UNITS,
          milestones: plan.milestones.length,
          rows: SIZES,
          today: BENCH_TODAY,
          seed: 145,
        },
        latencyModel: DEFAULT_LATENCY,
        seconds,
        results,
        setupUnitRooms: rooms,
        targets: checks,
      },
      null,
      2,
    ) + '\n',
  );
  progress(`kết quả: ${out}`);
  if (!QUICK) {
    // The table of docs/en/limits.md is rendered from the file just written.
    const pages = updateDocs(ROOT, ['bench']);
    progress(
      pages.length ? `đã ghi lại bảng trong ${pages.join(', ')}` : 'bảng trong tài liệu không đổi',
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

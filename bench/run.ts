// `npm run bench`: figures that unit tests must not time. Prints a table and writes
// bench/results.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { SHEET } from '../src/workbook/contract';
import { plan145Sheets } from './data';

const ROOT = join(__dirname, '..');
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Row {
  name: string;
  rows: number;
  medianMs: number;
  target: string;
  met: boolean;
}

function benchCustomFunction(rows: number): Row {
  const bundle = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
  const context = vm.createContext({});
  vm.runInContext(bundle, context, { filename: 'Code.js' });
  const sheets = plan145Sheets(rows);
  const call = () => {
    const out = context.PTDV_TONGHOP(
      sheets[SHEET.quotas],
      sheets[SHEET.milestones],
      sheets[SHEET.candidates],
    );
    if (!Array.isArray(out)) throw new Error(`PTDV_TONGHOP returned ${String(out)}`);
  };
  process.stderr.write(`PTDV_TONGHOP, ${rows} dòng…\n`);
  const ms = median(Array.from({ length: RUNS }, () => time(call)));
  return {
    name: 'PTDV_TONGHOP (bundle, vm)',
    rows,
    medianMs: Math.round(ms),
    target: '< 2000 ms',
    met: ms < 2000,
  };
}

const results = [benchCustomFunction(1_000), benchCustomFunction(50_000)];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(12))).join(' ');
console.log(line(['operation', 'rows', 'median ms', 'target', 'met']));
for (const r of results) {
  console.log(line([r.name, String(r.rows), String(r.medianMs), r.target, r.met ? 'yes' : 'NO']));
}
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  JSON.stringify({ machine: { node: process.version, cpus: cpus().length }, results }, null, 2) +
    '\n',
);

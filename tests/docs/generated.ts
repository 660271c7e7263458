// The documentation's generated blocks: text between `<!-- generated:NAME -->` and
// `<!-- /generated:NAME -->` that mirrors the code or its output. Each is rendered by one function
// listed here, used by tests/docs/generated.test.ts (fails when a page is stale), by
// `npm run docs` (scripts/docs.mjs rewrites every block) and by `npm run bench` (the bench table).
// Every function takes the repository's root: this module also runs bundled, from build/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchTable, type BenchResults } from '../../bench/results-table';
import { SEVERITY_LABEL } from '../../src/core/messages/labels';
import type { Severity } from '../../src/core/model';
import { PROBLEM_CODES } from '../../src/core/problems';

export interface GeneratedBlock {
  name: string;
  /** The page holding the block, from the repository's root. */
  page: string;
  render(root: string): string;
}

/** Blocks that have markers but are still written by hand (their generator is yet to come). */
export const WRITTEN_BY_HAND: string[] = [];

export const GENERATED: GeneratedBlock[] = [
  {
    name: 'bench',
    page: 'docs/en/limits.md',
    render: (root) =>
      benchTable(
        JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8')) as BenchResults,
      ),
  },
  { name: 'demo-check', page: 'docs/vi/kiem-tra.md', render: demoCheck },
  { name: 'problem-codes', page: 'docs/vi/kiem-tra.md', render: problemCodes },
];

/** Every problem code from the one table that owns it (src/core/problems.ts), in its order. */
function problemCodes(): string {
  const severity = (spec: { severity: Severity; varies?: true }) =>
    // A code whose severity depends on the cell shows its usual one first; `khi nào` says when.
    [spec.severity, ...(spec.varies ? [spec.severity === 'error' ? 'warning' : 'error'] : [])]
      .map((level) => SEVERITY_LABEL[level as Severity].toLocaleLowerCase('vi'))
      .join(' / ');
  const rows = Object.entries(PROBLEM_CODES).map(([code, spec]) => [
    `\`${code}\``,
    severity(spec),
    spec.when,
  ]);
  const header = ['mã', 'mức', 'khi nào'];
  const widths = header.map((h, i) =>
    Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** What `ptdv check` prints on a fresh demo workbook (the built command line, as users run it). */
function demoCheck(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptdv-docs-'));
  try {
    const bin = join(root, 'bin', 'ptdv.js');
    const file = join(dir, 'ke-hoach-145-demo.xlsx');
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      if (r.status === null || r.status > 1 || r.error)
        throw new Error(`ptdv ${args[0]}: ${r.stderr || String(r.error)}`);
      return r.stdout;
    };
    run('demo', '--out', file);
    return '```\n' + run('check', '--workbook', file).trimEnd() + '\n```';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const open = (name: string) => `<!-- generated:${name} -->`;
const close = (name: string) => `<!-- /generated:${name} -->`;

/** Where a marker stands on a line of its own (a marker quoted in prose or code does not count). */
function lineAt(text: string, marker: string): number {
  const m = new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[ \t]*$`, 'm').exec(text);
  return m ? m.index : -1;
}

/** Names of the marker pairs in a page. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(/^<!-- generated:([\w-]+) -->[ \t]*$/gm)].map((m) => m[1] ?? '');
}

/** The block's start and end (the opening marker's end, the closing marker's start), or null. */
function span(text: string, name: string): [number, number] | null {
  const start = lineAt(text, open(name));
  const end = lineAt(text, close(name));
  return start < 0 || end < start ? null : [start + open(name).length, end];
}

/** The block's text, blank lines around it trimmed; null when the page lacks its markers. */
export function blockOf(text: string, name: string): string | null {
  const at = span(text, name);
  return at ? text.slice(at[0], at[1]).trim() : null;
}

/** The page with the block's text replaced (a blank line each side, as prettier keeps it). */
export function withBlock(text: string, name: string, body: string): string {
  const at = span(text, name);
  if (!at) throw new Error(`no ${open(name)} … ${close(name)} block`);
  const inner = body.trim() === '' ? '\n' : `\n\n${body.trim()}\n\n`;
  return text.slice(0, at[0]) + inner + text.slice(at[1]);
}

/** Rewrites the blocks (all, or those named) from their renderings; returns the pages changed. */
export function updateDocs(root: string, names?: string[]): string[] {
  const changed = new Set<string>();
  for (const block of GENERATED) {
    if (names && !names.includes(block.name)) continue;
    const path = join(root, block.page);
    const text = readFileSync(path, 'utf8');
    const next = withBlock(text, block.name, block.render(root));
    if (next !== text) {
      writeFileSync(path, next);
      changed.add(block.page);
    }
  }
  return [...changed];
}

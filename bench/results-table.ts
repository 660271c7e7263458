// The benchmark table of docs/en/limits.md, rendered from bench/results.json. One function, used
// by bench/run.ts (which rewrites the page's block after a full run) and by tests/docs (which
// fails when the page's block is not what bench/results.json renders to). The output is already
// in prettier's table layout, so `prettier --check` and the test agree on the same text.

/** The parts of bench/results.json the page shows (bench/run.ts writes them). */
export interface BenchResults {
  machine: { node: string; cpus: number; memoryMb?: number };
  seconds: number;
  latencyModel: {
    perCallMs: number;
    perCellUs: number;
    perMailMs: number;
    perPropertyMs: number;
    perApiMs: number;
    limitMs: number;
  };
  results: {
    operation: string;
    rows: number;
    medianMs: number;
    peakMb: number;
    spreadsheetCalls: number | null;
    firstRunSpreadsheetCalls: number | null;
    modelledMs: number | null;
    modelledCutOff?: boolean;
    error?: string;
  }[];
  setupUnitRooms?: {
    units: number;
    runs: { modelledMs: number; cutOff: boolean }[];
    done: boolean;
  } | null;
}

const HEADER = [
  'operation',
  'rows',
  'median ms',
  'peak RSS MB',
  'SpreadsheetApp calls (first run)',
  'modelled Apps Script s',
];

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** A markdown table laid out as prettier lays it out: first column left, the others right. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Words wrapped at `width` columns (the docs' prose width). */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join('\n');
}

/** The block between `<!-- generated:bench -->` and `<!-- /generated:bench -->`. */
export function benchTable(file: BenchResults): string {
  const rows = file.results.map((r) => [
    r.operation,
    r.rows === 0 ? '–' : String(r.rows),
    r.error ? 'FAILED' : String(r.medianMs),
    String(r.peakMb),
    r.spreadsheetCalls === null
      ? ''
      : `${r.spreadsheetCalls} (${r.firstRunSpreadsheetCalls ?? '–'})`,
    r.modelledMs === null ? '' : `${seconds(r.modelledMs)}${r.modelledCutOff ? ' (cut off)' : ''}`,
  ]);
  const m = file.latencyModel;
  const rooms = file.setupUnitRooms;
  const summary = [
    `The whole run took ${file.seconds} s (node ${file.machine.node}, ${file.machine.cpus} CPUs).`,
    `Modelled Apps Script time: ${m.perCallMs} ms per SpreadsheetApp call, ${m.perCellUs} µs per`,
    `cell moved, ${m.perMailMs} ms per mail, ${m.perPropertyMs} ms per property call, ${m.perApiMs} ms`,
    `per Drive or Sheets API call, cut off at ${m.limitMs / 1000} s.`,
    ...(rooms
      ? [
          `\`setupUnitRooms\` on ${rooms.units} units: ${rooms.done ? 'done' : 'NOT done'} after`,
          `${rooms.runs.length} ${rooms.runs.length === 1 ? 'run' : 'runs'} (${rooms.runs
            .map((run) => `${seconds(run.modelledMs)} s${run.cutOff ? ' cut off' : ''}`)
            .join(', ')}).`,
        ]
      : []),
  ].join(' ');
  return `${markdownTable(HEADER, rows)}\n\n${wrap(summary)}`;
}

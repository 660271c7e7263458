// `npm run docs`: rewrites every generated block of the documentation (tests/docs/generated.ts)
// from the code, bench/results.json and the built command line (`npm run build` runs first).
// Bundled for Node with esbuild, as scripts/bench.mjs does for the benchmark.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'docs.js');
await build({
  stdin: {
    contents: `import { updateDocs } from './tests/docs/generated';
const changed = updateDocs(process.argv[2]);
console.log(changed.length ? 'docs: rewrote ' + changed.join(', ') : 'docs: every generated block is up to date');`,
    resolveDir: root,
    sourcefile: 'docs-entry.ts',
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
execFileSync(process.execPath, [out, root], { stdio: 'inherit' });

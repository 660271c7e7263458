// Builds the two products of the project:
//  - dist/Code.js + dist/appsscript.json, the Apps Script project clasp pushes. esbuild emits an
//    ES module; its final `export { … }` is removed so every exported function stays a plain
//    top-level declaration that Apps Script lists (menus, triggers) and Sheets autocompletes.
//    esbuild drops ordinary comments, so the JSDoc of each custom function is copied back in.
//  - build/ptdv.js, the Node command line (`ptdv`), which keeps exceljs as a dependency.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

const gas = await build({
  entryPoints: [join(root, 'src/gas/main.ts')],
  // Every use of SpreadsheetApp, MailApp, PropertiesService, ScriptApp, Drive and Sheets goes
  // through their retrying wrappers (src/gas/services.ts, src/gas/resilience.ts).
  inject: [join(root, 'src/gas/services.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});
let code = gas.outputFiles[0].text;

const exportList = /\nexport\s*\{([^}]*)\};?\s*$/.exec(code);
if (!exportList) fail('no export list found at the end of the bundle');
const names = exportList[1]
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const renamed = names.filter((n) => /\sas\s/.test(n));
if (renamed.length)
  fail(`esbuild renamed entry points (${renamed.join(', ')}); rename the clashing symbol`);
code = code.slice(0, exportList.index) + '\n';
const paramsOf = new Map();
for (const name of names) {
  const head = new RegExp(`^function ${name}\\(([^)]*)\\)`, 'm').exec(code);
  if (!head) fail(`${name} is not a top-level function declaration`);
  const params = head[1]
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (params.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p)))
    fail(`${name} has parameters a wrapper cannot forward: ${head[1]}`);
  paramsOf.set(name, params);
}

// Custom functions: Sheets reads `@customfunction` JSDoc from the pushed source to list them.
const jsdocOf = new Map();
const sources = [join(root, 'src/gas/custom-functions.ts')];
for (const file of sources) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  for (const m of text.matchAll(
    /(\/\*\*(?:(?!\*\/)[\s\S])*?\*\/)\s*export function (PTDV_\w+)\(/g,
  )) {
    jsdocOf.set(m[2], m[1]);
  }
}
for (const [name, doc] of jsdocOf) {
  if (!doc.includes('@customfunction')) fail(`${name} lacks @customfunction in its JSDoc`);
  // Sheets shows the JSDoc @param names; esbuild may rename parameters that clash.
  const params = paramsOf.get(name) ?? [];
  const documented = [...doc.matchAll(/@param\s+\{[^}]*\}\s+(\w+)/g)].map((m) => m[1]);
  if (params.join() !== documented.join())
    fail(`${name} parameters (${params}) differ from its JSDoc (${documented})`);
}

// The library lives in one closure: its own functions are then local names, not properties of
// the global object (a global lookup in every inner loop costs, in Apps Script and far more in a
// Node vm). Each entry point is a top-level function, as Apps Script needs, that calls into it.
const wrappers = names.map((name) => {
  const params = paramsOf.get(name).join(', ');
  const doc = jsdocOf.has(name) ? `${jsdocOf.get(name)}\n` : '';
  return `${doc}function ${name}(${params}) {\n  return PTDV_LIBRARY.${name}(${params});\n}\n`;
});
code =
  `var PTDV_LIBRARY = (function () {\n${code}\nreturn { ${names.join(', ')} };\n})();\n\n` +
  wrappers.join('\n');

const banner =
  '// ptdv — built from src/ by scripts/build.mjs; edit the TypeScript, not this file.\n';
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/Code.js'), banner + code);
copyFileSync(join(root, 'appsscript.json'), join(root, 'dist/appsscript.json'));

// Beside it, the script of its worker thread (src/local/worker-script.ts finds it next to
// build/ptdv.js): the second half of a large sheet, and the outbox's files.
await build({
  entryPoints: {
    ptdv: join(root, 'src/local/main.ts'),
    'xlsx-rows-worker': join(root, 'src/local/xlsx-rows-worker.ts'),
    'outbox-writer-worker': join(root, 'src/local/outbox/outbox-writer-worker.ts'),
  },
  outdir: join(root, 'build'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  charset: 'utf8',
  logLevel: 'warning',
});

const kib = Math.round(Buffer.byteLength(banner + code) / 1024);
console.log(`build: dist/Code.js ${kib} KiB, ${names.length} entry points; build/ptdv.js`);

// `npm start`: a Plan 145 workbook with synthetic candidates, then its fulfillment table as of
// a day in 2024, and the reminders due on 12/05/2024 — everything through the real `ptdv` command.
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/ptdv.js');
const workbook = join(root, 'demo/ke-hoach-145-demo.xlsx');
const shown = relative(process.cwd(), workbook) || workbook;
const run = (...args) => execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit' });

run('demo', '--out', shown, '--force');
console.log(`\n$ ptdv report --workbook ${shown} --today 2024-12-31 --write\n`);
run('report', '--workbook', shown, '--today', '2024-12-31', '--write');

const outbox = relative(process.cwd(), join(root, 'demo/outbox')) || 'demo/outbox';
console.log(`\n$ ptdv remind --workbook ${shown} --today 2024-05-12 --outbox ${outbox}\n`);
run('remind', '--workbook', shown, '--today', '2024-05-12', '--outbox', outbox);

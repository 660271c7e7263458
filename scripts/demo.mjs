// `npm start`: a Plan 145 workbook with synthetic candidates, then its fulfillment table as of
// a day in 2024, the reminders due on 12/05/2024, the same plan in counts-only mode, and the
// standing office's report as of 01/09/2024 as an HTML page — everything through the real
// `ptdv` command.
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
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

// The same plan kept as counts only: names stay in the office's file, the shared workbook gets
// figures. The shared workbook is made from the demo's own plan, so both tables are the same.
const shared =
  relative(process.cwd(), join(root, 'demo/chi-so-lieu.xlsx')) || 'demo/chi-so-lieu.xlsx';
const counts = relative(process.cwd(), join(root, 'demo/so-lieu')) || 'demo/so-lieu';
console.log(`\n$ ptdv init --out ${shared} --counts-only --plan-from ${shown} --force`);
run('init', '--out', shared, '--counts-only', '--plan-from', shown, '--force');
console.log(
  `\n$ ptdv counts --workbook ${shown} --out ${counts} --into ${shared} --today 2024-12-31\n`,
);
run('counts', '--workbook', shown, '--out', counts, '--into', shared, '--today', '2024-12-31');
console.log(`\n$ ptdv report --workbook ${shared} --today 2024-12-31\n`);
run('report', '--workbook', shared, '--today', '2024-12-31');

// The standing office's report as of 01/09/2024, while the second classes and the year's
// admissions are still open, so the pace forecast has something to say; only the page is written
// (the terminal already showed the year-end table).
const page = relative(process.cwd(), join(root, 'demo/bao-cao-01-09-2024.html'));
console.log(`\n$ ptdv report --workbook ${shown} --today 2024-09-01 --html ${page}\n`);
execFileSync(
  process.execPath,
  [cli, 'report', '--workbook', shown, '--today', '2024-09-01', '--html', page],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`\nBáo cáo gửi Thường trực (mở bằng trình duyệt, in khổ A4): ${resolve(page)}`);

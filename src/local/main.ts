// The Node entry of the `ptdv` command.
import { main } from './cli';
import { processIo } from './io';
import { collectSooner } from './heap';

collectSooner();

// `ptdv report … | head -1`: once the reader has gone, there is no one left to tell anything.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);

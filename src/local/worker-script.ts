// Worker threads run a script of their own, built beside the command line (build/); run from
// src/, as the tests run the modules, there is none and the work is done on the calling thread.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The path of a built worker script (`build/<name>.js`), or null when running from src/. */
export function builtWorker(name: string): string | null {
  const script = join(__dirname, `${name}.js`);
  return existsSync(script) ? script : null;
}

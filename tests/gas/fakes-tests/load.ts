import { runScript, type GasEnvironment } from '../fakes';

/** Runs an inline script in the fake Apps Script context (no dist/Code.js needed). */
export function load(env: GasEnvironment, code: string) {
  return runScript(env, code, 'fakes-test.js');
}

import * as vm from 'node:vm';
import type { GasEnvironment } from '../tests/gas/fakes';

/** Evaluates an expression inside the bundle's realm and returns its value. */
export function runScriptValue(env: GasEnvironment, expression: string): unknown {
  return vm.runInContext(expression, env.context);
}

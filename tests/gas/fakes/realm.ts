/**
 * The vm "realm" the bundle runs in.
 *
 * The bundle is loaded into a bare `vm` context, which has its own intrinsics (its own Date, Error,
 * Array...). Values created in this (jest) realm fail `instanceof` checks over there, so the
 * recording layer (record.ts) converts values at the boundary using the constructors returned here.
 * The context's Date is replaced by a clock-controlled wrapper: `new Date()` and `Date.now()` read
 * the environment's clock, everything else is the real Date of that realm.
 */
import * as vm from 'vm';

export interface Realm {
  readonly context: vm.Context;
  /** The clock-controlled Date installed as the context's global `Date`. */
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
}

// Built inside the context so the proxy and its instances belong to that realm. A Proxy (not a
// subclass) keeps a single Date.prototype, so every Date in the realm passes `instanceof Date`.
const SETUP = `(function (nowMs) {
  var RealDate = Date;
  function now() { return nowMs(); }
  var ClockDate = new Proxy(RealDate, {
    construct: function (target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [nowMs()] : args, newTarget);
    },
    apply: function () { return new RealDate(nowMs()).toString(); },
    get: function (target, prop) { return prop === 'now' ? now : Reflect.get(target, prop, target); },
  });
  return { Date: ClockDate, Error: Error, Array: Array, Object: Object };
})`;

/** Contextifies `globals` and installs the clock Date on it. */
export function createRealm(globals: Record<string, unknown>, nowMs: () => number): Realm {
  const context = vm.createContext(globals);
  const setup = vm.runInContext(SETUP, context) as (now: () => number) => Omit<Realm, 'context'>;
  const intrinsics = setup(nowMs);
  globals.Date = intrinsics.Date;
  return { context, ...intrinsics };
}

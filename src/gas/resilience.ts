// Google's services fail now and then and succeed a moment later: "We're sorry, a server error
// occurred. Please wait a bit and try again.", "Service Spreadsheets timed out while accessing
// document…", 500 and 503 from the Drive and Sheets APIs
// (https://developers.google.com/drive/api/guides/handle-errors: "retry using exponential
// backoff"). Every call of the services the product uses goes through `resilient`: a call that
// fails that way is tried again, after 0.5, 1.5 and 4 seconds. Only calls that do the same thing
// twice without harm are retried (`RETRIED`): a call that could do it twice is left to fail once,
// and its caller decides. A mail whose send failed so is deferred to the next run: the choice of
// "sent late, in the rare case twice" over "maybe never" (Google does not say whether a send that
// failed went out). A failure that stays becomes `TransientError`, said in Vietnamese.
//
// The bundle's code sees the services through this without a call site having to remember:
// scripts/build.mjs injects src/gas/services.ts (esbuild's `inject`), whose `SpreadsheetApp`,
// `MailApp`, `PropertiesService`, `Drive` and `Sheets` stand for the globals of those names.

import { GOOGLE_SAYS } from './google-words';

/** Google's words for a failure that passes. */
const TRANSIENT =
  /server error occurred|timed out|service (?:is )?unavailable|internal error|backend error|try again|too many times in a short time|rate ?limit|\b(?:500|502|503|504)\b/i;

/**
 * Calls tried again: reads, writes of fixed cells or properties, formats applied again to the same
 * cells — each does the same thing twice without harm. Anything else (send a mail, create a file,
 * a trigger, a permission or a protection, insert or delete rows, sheets or charts, append) could
 * act twice if Google reported its failure too late, and is left to fail once.
 */
const RETRIED =
  /^(get|set|list|has|is|can|find|clear|batchUpdate$|flush$|deleteProperty$|deleteAllProperties$|hideSheet$|showSheet$)/;

const DELAYS_MS = [500, 1_500, 4_000];

/** Whether Google's error is one that passes if tried again. */
function isTransient(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  // Drive's sharing quota says "rate limit" too, but lasts the day, as a daily quota does.
  return (
    TRANSIENT.test(message) &&
    !GOOGLE_SAYS.dailyQuota.test(message) &&
    !GOOGLE_SAYS.sharingQuota.test(message)
  );
}

/** A transient failure that stayed through every try. */
export class TransientError extends Error {
  constructor(readonly original: string) {
    super(original);
    this.name = 'TransientError';
  }
}

const raws = new WeakMap<object, object>();
/** One wrapper per object, so that comparing two (an enum with an enum) still works. */
const wrappers = new WeakMap<object, object>();

const isDate = (value: object): boolean =>
  Object.prototype.toString.call(value) === '[object Date]';

/** What Google is given: our wrappers unwrapped (a Range, an enum, a rule passed back in). */
function unwrap(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const raw = raws.get(value);
  if (raw) return raw;
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && raws.has(v)))
    return value.map(unwrap);
  return value;
}

/**
 * What the product is given: Google's objects wrapped, so their methods retry too. Arrays of
 * values (a sheet's 200,000 rows) are handed over as they are: only a list of objects (sheets,
 * triggers, protections) is wrapped item by item.
 */
function wrapResult(value: unknown, sleep: (ms: number) => void): unknown {
  if (typeof value !== 'object' || value === null || isDate(value)) return value;
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (typeof first !== 'object' || first === null || Array.isArray(first) || isDate(first))
      return value;
    return value.map((v) => wrapResult(v, sleep));
  }
  // Data (an API's JSON, a property store's map) has no method to retry: handed over as it is,
  // so that it reads, spreads and serialises as plain data.
  if (isPlain(value) && !Object.values(value).some((v) => typeof v === 'function')) return value;
  return resilient(value, sleep);
}

const isPlain = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function call(
  target: object,
  name: string,
  fn: (...args: unknown[]) => unknown,
  args: unknown[],
  sleep: (ms: number) => void,
): unknown {
  const inner = args.map(unwrap);
  for (let attempt = 0; ; attempt++) {
    try {
      return fn.apply(target, inner);
    } catch (e) {
      if (!isTransient(e)) throw e;
      if (!RETRIED.test(name) || attempt >= DELAYS_MS.length)
        throw new TransientError(e instanceof Error ? e.message : String(e));
      sleep(DELAYS_MS[attempt] as number);
    }
  }
}

/** `service` (or any object Google returns), its methods retried as said above. */
export function resilient<T extends object>(service: T, sleep: (ms: number) => void): T {
  if (raws.has(service)) return service;
  const known = wrappers.get(service);
  if (known) return known as T;
  const methods = new Map<PropertyKey, unknown>();
  const target = service;
  // Google's own objects are wrapped through an empty stand-in: a Proxy must report a host
  // object's fixed properties as they are, and a wrapper returned for one would break that
  // rule; the stand-in has none. Plain namespaces (`Drive.Files`) are wrapped directly.
  const shell: object = isPlain(service) ? service : {};
  const proxy = new Proxy(shell, {
    get(_shell, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof prop === 'symbol') return value;
      if (typeof value === 'function') {
        let method = methods.get(prop);
        if (!method) {
          const fn = value as (...args: unknown[]) => unknown;
          method = (...args: unknown[]) => wrapResult(call(target, prop, fn, args, sleep), sleep);
          methods.set(prop, method);
        }
        return method;
      }
      return wrapResult(value, sleep);
    },
  });
  raws.set(proxy, service);
  wrappers.set(service, proxy);
  return proxy as T;
}

/**
 * Call recording and the realm boundary.
 *
 * Fakes are plain classes; the bundle only ever sees them through a Proxy made by Recorder.wrap.
 * The proxy records each method call under the fake's service name, converts arguments into this
 * realm (unwrapping proxies back to the raw fakes) and converts results into the bundle's realm
 * (wrapping fakes, copying arrays and Dates, re-creating thrown Errors). Tests hold the raw fakes,
 * so anything they call directly is never recorded.
 */
import { types } from 'util';
import type { Realm } from './realm';

/** Every fake carries the service name its calls are recorded under. */
export const SERVICE = Symbol('gas.service');

export interface Recordable {
  readonly [SERVICE]: string;
}

export interface CallRecord {
  service: string;
  method: string;
  args: unknown[];
}

type Method = (...args: unknown[]) => unknown;

function isFake(value: unknown): value is Recordable {
  return typeof value === 'object' && value !== null && SERVICE in value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

export class Recorder {
  readonly calls: CallRecord[] = [];
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<string, Method>>();

  /**
   * `guard` runs before every recorded call; it throws when the simulated run is dead. `charge`
   * runs once the call is recorded and before it executes (the latency model): it may throw to
   * cut the run off, and the call then has no effect.
   */
  constructor(
    private readonly realm: Realm,
    private readonly guard: () => void,
    private readonly charge: (call: CallRecord, target: object) => void = () => {},
  ) {}

  /** The recording proxy for a raw fake (one proxy per fake, so identity checks hold). */
  wrap<T extends object>(raw: T): T {
    const known = this.proxies.get(raw);
    if (known) return known as T;
    const proxy = new Proxy(raw, { get: (target, prop) => this.read(target, prop) });
    this.proxies.set(raw, proxy);
    this.raws.set(proxy, raw);
    return proxy;
  }

  count(service: string): number {
    return this.calls.filter((call) => call.service === service).length;
  }

  private read(target: object, prop: string | symbol): unknown {
    const value: unknown = Reflect.get(target, prop, target);
    if (typeof value !== 'function' || typeof prop === 'symbol' || prop === 'constructor') {
      return isFake(value) ? this.wrap(value) : value;
    }
    let cache = this.methods.get(target);
    if (!cache) this.methods.set(target, (cache = new Map()));
    let method = cache.get(prop);
    if (!method) {
      method = this.recordingMethod(target, prop, value as Method);
      cache.set(prop, method);
    }
    return method;
  }

  private recordingMethod(target: object, name: string, fn: Method): Method {
    return (...args: unknown[]) => {
      try {
        this.guard();
        const inner = args.map((arg) => this.toInner(arg));
        const service = (target as Recordable)[SERVICE];
        const call = { service, method: name, args: inner };
        this.calls.push(call);
        this.charge(call, target);
        return this.toOuter(fn.apply(target, inner));
      } catch (error) {
        throw this.toOuterError(error);
      }
    };
  }

  /** Bundle realm -> this realm: proxies become raw fakes, containers and Dates are copied. */
  toInner(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const raw = this.raws.get(value);
    if (raw) return raw;
    if (isFake(value)) return value;
    if (types.isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((item) => this.toInner(item));
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.toInner(item);
      return copy;
    }
    return value;
  }

  /** This realm -> bundle realm: fakes become proxies, containers and Dates are re-created there. */
  toOuter(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (isFake(value)) return this.wrap(value);
    if (types.isDate(value)) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) return this.realm.Array.from(value, (item) => this.toOuter(item));
    if (isPlainObject(value)) {
      const copy = new this.realm.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = this.toOuter(item);
      return copy;
    }
    return value;
  }

  /** Errors must be the bundle's own Error so its `e instanceof Error` checks behave. */
  private toOuterError(error: unknown): unknown {
    if (!types.isNativeError(error)) return error;
    const inner: Error = error;
    if (this.isOuterError(inner)) return inner;
    const outer = new this.realm.Error(inner.message);
    outer.name = inner.name;
    outer.stack = inner.stack;
    return outer;
  }

  private isOuterError(value: unknown): boolean {
    return value instanceof this.realm.Error;
  }
}

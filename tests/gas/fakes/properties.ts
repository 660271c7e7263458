/**
 * PropertiesService: three string stores that live as long as the environment, so state written
 * by one bundle run is visible to the next. Values are coerced to strings and limited to 9 KB,
 * and a store to 500 KB, both in UTF-8 bytes of names and values, as in the real service
 * (https://developers.google.com/apps-script/guides/services/quotas: "Properties value size
 * 9 KB / val", "Properties total storage 500 KB / property store").
 */
import { gasError } from './errors';
import { SERVICE } from './record';

const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const STORE_FULL_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export class FakeProperties {
  readonly [SERVICE] = 'PropertiesService';
  private readonly store = new Map<string, string>();

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    const text = String(value);
    if (Buffer.byteLength(key) + Buffer.byteLength(text) > MAX_VALUE_BYTES) {
      throw gasError('Argument too large: value');
    }
    const old = this.store.get(key);
    const others =
      this.bytes() - (old === undefined ? 0 : Buffer.byteLength(key) + Buffer.byteLength(old));
    if (others + Buffer.byteLength(key) + Buffer.byteLength(text) > MAX_STORE_BYTES)
      throw gasError(STORE_FULL_MESSAGE);
    this.store.set(key, text);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
  }
  /** The store's size as Google counts it: names and values in UTF-8 bytes. */
  bytes(): number {
    let total = 0;
    for (const [k, v] of this.store) total += Buffer.byteLength(k) + Buffer.byteLength(v);
    return total;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly [SERVICE] = 'PropertiesService';
  readonly script = new FakeProperties();
  readonly document = new FakeProperties();
  readonly user = new FakeProperties();

  getScriptProperties(): FakeProperties {
    return this.script;
  }
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getUserProperties(): FakeProperties {
    return this.user;
  }
}

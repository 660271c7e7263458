/**
 * PropertiesService: three string stores that live as long as the environment, so state written
 * by one bundle run is visible to the next. Values are coerced to strings and limited to 9 KB,
 * as in the real service.
 */
import { gasError } from './errors';
import { SERVICE } from './record';

const MAX_VALUE_BYTES = 9 * 1024;

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
    this.store.set(key, text);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
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

/**
 * The small services: Session, Utilities, Logger and the console. Logger and console output is
 * collected in one `logs` list (console is silent unless asked), so tests can assert on it
 * without noise in the jest output.
 */
import { randomUUID } from 'crypto';
import { types } from 'util';
import { formatJavaDate } from './dates';
import { gasError } from './errors';
import { SERVICE } from './record';
import type { GasState } from './state';
import { FakeUser } from './users';

export class FakeSession {
  readonly [SERVICE] = 'Session';
  /** Locale reported by getActiveUserLocale. */
  locale = 'vi';

  constructor(private readonly state: GasState) {}

  getActiveUser(): FakeUser {
    return new FakeUser('Session', this.state.activeUser);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser('Session', this.state.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this.state.timeZone;
  }
  getActiveUserLocale(): string {
    return this.locale;
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.state.activeUser}`;
  }
}

export class FakeBlob {
  readonly [SERVICE] = 'Utilities';
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return [...this.bytes];
  }
  getDataAsString(): string {
    return this.bytes.toString('utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  setDataFromString(text: string): this {
    this.bytes = Buffer.from(text, 'utf8');
    return this;
  }
  /**
   * Apps Script converts HTML to PDF; the fake's "PDF" is a marker line and the source HTML, so
   * a test can check what was converted. Other conversions fail as they do there.
   */
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'application/pdf' || this.contentType !== 'text/html')
      throw gasError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    const name = this.name === null ? null : this.name.replace(/\.[^.]*$/, '') + '.pdf';
    return new FakeBlob(
      Buffer.concat([Buffer.from('%PDF-1.4 (converted from HTML)\n'), this.bytes]),
      'application/pdf',
      name,
    );
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
}

export class FakeUtilities {
  readonly [SERVICE] = 'Utilities';

  /** `wait` moves the environment's clock: a sleep takes its time from the run. */
  constructor(private readonly wait: (milliseconds: number) => void = () => {}) {}
  readonly Charset = Object.freeze({ UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' });

  formatDate(date: unknown, timeZone: string, format: string): string {
    if (!types.isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const kinds = [date, timeZone, format].map((a) => (types.isDate(a) ? 'Date' : typeof a));
      throw gasError(
        `The parameters (${kinds.join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (Number.isNaN(date.getTime())) throw gasError('Invalid argument: date');
    return formatJavaDate(date, timeZone, format);
  }
  /** No real waiting: tests control time with env.setNow. */
  sleep(milliseconds: number): void {
    this.wait(Number(milliseconds));
  }
  getUuid(): string {
    return randomUUID();
  }
  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    const bytes = Array.isArray(data)
      ? Buffer.from(data as number[])
      : Buffer.from(String(data ?? ''), 'utf8');
    return new FakeBlob(bytes, contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown): string {
    return (
      Array.isArray(data) ? Buffer.from(data as number[]) : Buffer.from(String(data), 'utf8')
    ).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return this.base64Encode(data).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
}

export interface LogEntry {
  source: 'Logger' | 'console';
  level: string;
  message: string;
}

function render(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (types.isNativeError(a)) return `${a.name}: ${a.message}`;
      return JSON.stringify(a) ?? String(a);
    })
    .join(' ');
}

export class FakeLogger {
  readonly [SERVICE] = 'Logger';
  constructor(private readonly logs: LogEntry[]) {}

  /** log(data) or log(format, ...values) with %s / %d placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    let message = typeof data === 'string' ? data : render([data]);
    if (values.length > 0 && typeof data === 'string') {
      message = data.replace(/%[sd]/g, () => render([values.shift()]));
    }
    this.logs.push({ source: 'Logger', level: 'log', message });
    return this;
  }
  getLog(): string {
    return this.logs
      .filter((entry) => entry.source === 'Logger')
      .map((entry) => entry.message)
      .join('\n');
  }
  clear(): void {
    for (let i = this.logs.length - 1; i >= 0; i--)
      if (this.logs[i]?.source === 'Logger') this.logs.splice(i, 1);
  }
}

/** Plain object (not recorded): console calls only land in `logs`, echoed when not silent. */
export function createConsole(
  logs: LogEntry[],
  silent: boolean,
): Record<string, (...args: unknown[]) => void> {
  const levels = ['log', 'info', 'warn', 'error', 'debug'] as const;
  return Object.fromEntries(
    levels.map((level) => [
      level,
      (...args: unknown[]) => {
        logs.push({ source: 'console', level, message: render(args) });
        if (!silent) console[level](...args);
      },
    ]),
  );
}

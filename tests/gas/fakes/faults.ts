/**
 * Google's transient failures, seeded: with `rate` > 0 each call on SpreadsheetApp, MailApp,
 * PropertiesService and the Drive and Sheets advanced services fails with the words Google uses
 * for a failure that passes ("We're sorry, a server error occurred…", "Service Spreadsheets timed
 * out…", an API's 503), before it takes effect. Seeded, so a failing test fails the same way again.
 * (https://developers.google.com/drive/api/guides/handle-errors: 500/503 "retry using exponential
 * backoff"; https://developers.google.com/apps-script/guides/support/troubleshooting lists
 * "Server error occurred, please try again".)
 */
import { gasError } from './errors';
import type { CallRecord } from './record';

export interface FaultOptions {
  /** Probability that one call fails (0 = none). */
  rate: number;
  /** Seed of the sequence (default 1). */
  seed?: number;
  /** Services whose calls may fail (default the five above). */
  services?: string[];
}

const DEFAULT_SERVICES = ['SpreadsheetApp', 'MailApp', 'PropertiesService', 'Drive', 'Sheets'];

const MESSAGES: Record<string, string> = {
  SpreadsheetApp:
    'Service Spreadsheets timed out while accessing document with id fake-spreadsheet-id.',
  MailApp: "We're sorry, a server error occurred. Please wait a bit and try again.",
  PropertiesService: "We're sorry, a server error occurred. Please wait a bit and try again.",
  Drive: 'API call to drive.files failed with error: Backend Error (503)',
  Sheets: 'API call to sheets.spreadsheets failed with error: Internal error encountered. (500)',
};

/** Calls that never reach Google's servers (building a rule, reading an enum): never failed. */
const LOCAL = /^(new\w*|with\w*|build|require\w*|set(?:Allow|Help|Show)\w*)$/;

export class FaultInjector {
  private state = 1;
  private options: Required<FaultOptions> = { rate: 0, seed: 1, services: DEFAULT_SERVICES };
  /** Every call failed so far, for assertions. */
  readonly failed: CallRecord[] = [];

  set(options: FaultOptions): void {
    this.options = { seed: 1, services: DEFAULT_SERVICES, ...options };
    this.state = this.options.seed >>> 0 || 1;
  }

  /** mulberry32: small, seeded, good enough to spread faults. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Throws Google's transient error for this call, or lets it through. */
  maybeFail(call: CallRecord): void {
    if (this.options.rate <= 0 || !this.options.services.includes(call.service)) return;
    if (LOCAL.test(call.method)) return;
    if (this.next() >= this.options.rate) return;
    this.failed.push(call);
    throw gasError(MESSAGES[call.service] ?? MESSAGES.MailApp ?? 'Server error');
  }
}

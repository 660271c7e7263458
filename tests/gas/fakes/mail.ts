/**
 * MailApp: records sent messages and models the daily quota (one unit per recipient across
 * to/cc/bcc), the per-message limits (50 recipients; a body of 200 KB, 400 KB on Workspace),
 * invalid addresses, and a run being cut off mid-way (failAfter: before a send;
 * killAfterSend: right after one). Failed sends neither consume quota nor get recorded.
 */
import {
  BODY_SIZE_MESSAGE,
  CUT_OFF_MESSAGE,
  gasError,
  granted,
  permissionError,
  TOO_MANY_RECIPIENTS_MESSAGE,
} from './errors';
import { SERVICE } from './record';
import type { GasState } from './state';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: unknown[];
  /** Every address the message went to (to + cc + bcc). */
  recipients: string[];
  sentAt: Date;
  /**
   * Whether Gmail would show it cut off ("[Message clipped] View entire message"): its HTML over
   * about 102 KB (https://www.spamresource.com/2022/01/what-is-gmail-clipping-and-what-to-do.html).
   */
  clipped: boolean;
}

export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

/** The HTML size from which Gmail clips a message. */
export const GMAIL_CLIP_BYTES = 102 * 1024;

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

/** Recipients (to + cc + bcc) one message may have. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Body size limits in UTF-8 bytes (KB read as 1024 bytes): consumer and Workspace accounts. */
export const BODY_LIMIT_BYTES = { consumer: 200 * 1024, workspace: 400 * 1024 } as const;

/** 'a@x.com, Bob <b@x.com>' -> ['a@x.com', 'b@x.com'] */
export function splitAddresses(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /<([^>]*)>\s*$/.exec(part)?.[1]?.trim() ?? part);
}

export class FakeMailApp {
  readonly [SERVICE] = 'MailApp';
  readonly sent: SentMail[] = [];
  /** Remaining daily quota (recipients); tests may set it directly. */
  quota: number;
  /** Addresses that make sendEmail throw "Invalid email: <address>". */
  readonly rejected = new Set<string>();
  /** Largest text or HTML body in UTF-8 bytes (BODY_LIMIT_BYTES); tests may set it directly. */
  bodyLimitBytes: number;
  private sendsBeforeCutOff: number | null = null;
  private sendsBeforeKill: number | null = null;

  constructor(
    private readonly state: GasState,
    quota: number,
    bodyLimitBytes: number = BODY_LIMIT_BYTES.consumer,
  ) {
    this.quota = quota;
    this.bodyLimitBytes = bodyLimitBytes;
  }

  // ---- test helpers -----------------------------------------------------------------------

  /** Makes any message addressed to `address` fail as an invalid address. */
  reject(...addresses: string[]): this {
    for (const address of addresses) this.rejected.add(address.toLowerCase());
    return this;
  }
  /**
   * After `n` more successful sends the next sendEmail kills the run: it throws
   * "Exceeded maximum execution time" and every later fake call throws too, until
   * env.endExecution(). Pass null to cancel.
   */
  failAfter(n: number | null): this {
    this.sendsBeforeCutOff = n;
    return this;
  }
  /**
   * The `k`-th successful sendEmail from now (k >= 1) delivers its message and then the run is
   * killed: that sendEmail throws "Exceeded maximum execution time", state.cutOff is set, and
   * every later fake call throws until env.endExecution(). So nothing the script does after its
   * k-th send reaches the fakes. Pass null to cancel.
   */
  killAfterSend(k: number | null): this {
    if (k !== null && (!Number.isInteger(k) || k < 1)) {
      throw new Error(`killAfterSend: k must be a positive integer, got ${k}`);
    }
    this.sendsBeforeKill = k;
    return this;
  }
  /** Recipients of every sent message, flattened. */
  recipients(): string[] {
    return this.sent.flatMap((m) => m.recipients);
  }

  // ---- MailApp API ------------------------------------------------------------------------

  getRemainingDailyQuota(): number {
    this.requireScope('MailApp.getRemainingDailyQuota');
    return this.quota;
  }

  private requireScope(method: string): void {
    if (!granted(this.state, SEND_MAIL_SCOPE)) throw permissionError(method, SEND_MAIL_SCOPE);
  }

  /**
   * sendEmail(message), sendEmail(to, subject, body), sendEmail(to, subject, body, options)
   * and sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    this.requireScope('MailApp.sendEmail');
    const [first, second, third, fourth] = args;
    let message: MailOptions;
    if (typeof first === 'object' && first !== null) message = { ...(first as MailOptions) };
    else if (typeof fourth === 'string') {
      message = {
        to: String(first),
        replyTo: String(second),
        subject: String(third),
        body: fourth,
      };
    } else {
      const options = typeof fourth === 'object' && fourth !== null ? (fourth as MailOptions) : {};
      message = {
        ...options,
        to: String(first),
        subject: String(second),
        body: String(third ?? ''),
      };
    }
    this.deliver(message);
  }

  private deliver(message: MailOptions): void {
    if (this.sendsBeforeCutOff !== null && this.sendsBeforeCutOff <= 0) {
      this.sendsBeforeCutOff = null;
      this.state.cutOff = true;
      throw gasError(CUT_OFF_MESSAGE);
    }
    const recipients = [message.to, message.cc, message.bcc].flatMap(splitAddresses);
    if (recipients.length === 0) throw gasError('Failed to send email: no recipient');
    for (const address of recipients) {
      if (!EMAIL.test(address) || this.rejected.has(address.toLowerCase())) {
        throw gasError(`Invalid email: ${address}`);
      }
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) {
      throw gasError(TOO_MANY_RECIPIENTS_MESSAGE);
    }
    for (const body of [message.body, message.htmlBody]) {
      if (Buffer.byteLength(String(body ?? ''), 'utf8') > this.bodyLimitBytes) {
        throw gasError(BODY_SIZE_MESSAGE);
      }
    }
    if (this.quota < recipients.length) {
      throw gasError('Service invoked too many times for one day: email.');
    }
    this.quota -= recipients.length;
    if (this.sendsBeforeCutOff !== null) this.sendsBeforeCutOff--;
    this.sent.push({
      to: message.to ?? '',
      cc: message.cc ?? '',
      bcc: message.bcc ?? '',
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody ?? null,
      name: message.name ?? null,
      replyTo: message.replyTo ?? null,
      noReply: message.noReply ?? false,
      attachments: [...(message.attachments ?? [])],
      recipients,
      sentAt: this.state.now(),
      clipped: Buffer.byteLength(message.htmlBody ?? '') > GMAIL_CLIP_BYTES,
    });
    if (this.sendsBeforeKill !== null && --this.sendsBeforeKill === 0) {
      this.sendsBeforeKill = null;
      this.state.cutOff = true;
      throw gasError(CUT_OFF_MESSAGE);
    }
  }
}

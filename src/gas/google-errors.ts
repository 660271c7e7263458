// Google's errors in the user's words. Apps Script and the advanced services fail in English
// ("Quota exceeded for quota metric 'Write requests'…", "You do not have permission to call…",
// "Service invoked too many times for one day: email."); no such text reaches a user: each kind
// is told in Vietnamese with what to do, and the original goes to the execution log
// (console.error, Stackdriver) for whoever maintains the script.
import { GOOGLE_ERROR } from '../core/messages/sheets';
import { TransientError } from './resilience';
import { GOOGLE_SAYS } from './google-words';

const KINDS: readonly [RegExp, string][] = [
  [GOOGLE_SAYS.sharingQuota, GOOGLE_ERROR.sharing],
  [GOOGLE_SAYS.perMinuteQuota, GOOGLE_ERROR.perMinute],
  [/rate ?limit/i, GOOGLE_ERROR.perMinute],
  [GOOGLE_SAYS.dailyQuota, GOOGLE_ERROR.daily],
  [
    /you do not have permission|required permissions|insufficient permission|\b403\b/i,
    GOOGLE_ERROR.permission,
  ],
  [/exceeded maximum execution time/i, GOOGLE_ERROR.timeLimit],
  [/invalid email/i, GOOGLE_ERROR.invalidEmail],
  [/not found|\b404\b/i, GOOGLE_ERROR.notFound],
];

/**
 * Whether the words are ptdv's own (Vietnamese) rather than Google's or JavaScript's (English):
 * Google's messages quote Vietnamese names ("Unable to parse range: 'Danh sách'"), so quoted
 * parts do not count; what is left of ptdv's messages always has a Vietnamese letter.
 */
function isOwnWords(message: string): boolean {
  const unquoted = message.replace(/'[^']*'|"[^"]*"|“[^”]*”/g, '');
  return [...unquoted].some((c) => c > '\u007f');
}

/** What to tell the user about a failure: ptdv's own words as they are, Google's explained. */
export function explainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TransientError) && isOwnWords(message)) return message;
  console.error(`ptdv: ${message}`);
  if (error instanceof TransientError) return GOOGLE_ERROR.transient;
  return KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? GOOGLE_ERROR.other;
}

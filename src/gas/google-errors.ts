// Google's errors in the user's words. Apps Script and the advanced services fail in English
// ("Quota exceeded for quota metric 'Write requests'…", "You do not have permission to call…",
// "Service invoked too many times for one day: email."); no such text reaches a user: each kind
// is told in Vietnamese with what to do, and the original goes to the execution log
// (console.error, Stackdriver) for whoever maintains the script.
import { GOOGLE_ERROR } from '../core/messages/sheets';
import { TransientError } from './resilience';

const KINDS: readonly [RegExp, string][] = [
  [/quota exceeded for quota metric|rate ?limit|user-rate limit|\b429\b/i, GOOGLE_ERROR.perMinute],
  [/sharing quota|exceeded your sharing/i, GOOGLE_ERROR.sharing],
  [/too many times for one day|per day|daily/i, GOOGLE_ERROR.daily],
  [
    /you do not have permission|required permissions|insufficient permission|\b403\b/i,
    GOOGLE_ERROR.permission,
  ],
  [/exceeded maximum execution time/i, GOOGLE_ERROR.timeLimit],
  [/invalid email/i, GOOGLE_ERROR.invalidEmail],
  [/not found|\b404\b/i, GOOGLE_ERROR.notFound],
];

/** Whether this is one of Google's errors (not ptdv's own, which are Vietnamese already). */
export function isGoogleError(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  const message = error instanceof Error ? error.message : String(error);
  // ptdv's own messages are Vietnamese; text with no letter beyond ASCII is Google's (or a
  // JavaScript error's), and is not shown as it is.
  return (
    KINDS.some(([pattern]) => pattern.test(message)) || ![...message].some((c) => c > '\u007f')
  );
}

/** What to tell the user about a failure: ptdv's own words as they are, Google's explained. */
export function explainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!isGoogleError(error)) return message;
  console.error(`ptdv: ${message}`);
  if (error instanceof TransientError) return GOOGLE_ERROR.transient;
  return KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? GOOGLE_ERROR.other;
}

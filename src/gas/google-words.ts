// How Google words the failures the product tells apart, in one place: the retrying wrappers
// (resilience.ts), the Vietnamese explanations (google-errors.ts) and the unit files' quotas
// (unit-files.ts) read them alike. Sources: https://developers.google.com/drive/api/guides/handle-errors,
// https://developers.google.com/sheets/api/limits, https://developers.google.com/apps-script/guides/services/quotas.
export const GOOGLE_SAYS = {
  /** Drive's sharing quota of the day ("These item(s) could not be shared because a rate limit was exceeded"). */
  sharingQuota: /could not be shared|sharingRateLimitExceeded|sharing quota/i,
  /** A share made whose notification mail did not go: shared all the same. */
  sharedWithoutMail: /successfully shared but emails could not be sent/i,
  /** The Sheets API's requests a minute ("Quota exceeded for quota metric 'Write requests'…", a 429). */
  perMinuteQuota: /quota exceeded for quota metric|user-rate limit|\b429\b/i,
  /** A daily quota ("Service invoked too many times for one day: email."). */
  dailyQuota: /too many times for one day|per day|daily/i,
} as const;

/**
 * Errors thrown by the fakes. Apps Script (V8 runtime) service failures are Errors whose name is
 * 'Exception', so `String(e)` reads "Exception: <message>" just like in the real logs.
 */

export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Message Apps Script uses when it kills a run at the execution time limit. */
export const CUT_OFF_MESSAGE = 'Exceeded maximum execution time';

/** True for the error thrown when a simulated run is cut off (see FakeMailApp.failAfter). */
export function isCutOffError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { message?: unknown }).message === CUT_OFF_MESSAGE
  );
}

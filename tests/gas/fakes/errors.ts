/**
 * Errors thrown by the fakes. Apps Script (V8 runtime) service failures are Errors whose name is
 * 'Exception', so `String(e)` reads "Exception: <message>" just like in the real logs.
 */

/** Google's words when a call needs a scope the user did not grant. */
export function permissionError(method: string, scope: string): Error {
  return gasError(`You do not have permission to call ${method}. Required permissions: ${scope}`);
}

/** Whether the user granted `scope` (all are, unless a test unticked some). */
export function granted(state: { grantedScopes: string[] | null }, scope: string): boolean {
  return state.grantedScopes === null || state.grantedScopes.includes(scope);
}

export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Message Apps Script uses when it kills a run at the execution time limit. */
export const CUT_OFF_MESSAGE = 'Exceeded maximum execution time';

/**
 * True for the error thrown when a simulated run is cut off (FakeMailApp.failAfter and
 * killAfterSend, or the latency model passing the execution time limit).
 */
export function isCutOffError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { message?: unknown }).message === CUT_OFF_MESSAGE
  );
}

/**
 * Sheets refuses a range reaching below getMaxRows() or right of getMaxColumns(), e.g.
 * "{ [Exception: The coordinates of the range are outside the dimensions of the sheet.] name:
 * 'Exception' }" in https://github.com/diegomanuel/binance-to-google-sheets/issues/19; the same
 * wording is in RomainVialard/ErrorHandler's NORMALIZED_ERRORS (src/ErrorHandler.gs.js).
 */
export const OUTSIDE_GRID_MESSAGE =
  'The coordinates of the range are outside the dimensions of the sheet.';

/** Cells a workbook may hold: the sum over its sheets of getMaxRows() x getMaxColumns(). */
export const WORKBOOK_CELL_LIMIT = 10_000_000;

/** Sheets' (and the Sheets API's) wording when a change would pass WORKBOOK_CELL_LIMIT. */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${WORKBOOK_CELL_LIMIT} cells.`;

/**
 * A write the effective user may not make (RomainVialard/ErrorHandler, NORMALIZED_ERRORS
 * .TRYING_TO_EDIT_PROTECTED_CELL).
 */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * MailApp over 50 recipients (to + cc + bcc) in one message, the limit "Email recipients per
 * message" of https://developers.google.com/apps-script/guides/services/quotas. Wording from
 * RomainVialard/ErrorHandler (src/ErrorHandler.gs.js, LIMIT_EXCEEDED_MAX_RECIPIENTS_PER_MESSAGE),
 * also seen as "Exception: Limit Exceeded: Email Recipients Per Message." in public scripts.
 */
export const TOO_MANY_RECIPIENTS_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';

/**
 * MailApp body (text or HTML) over the "Email body size" limit of the quotas page (200 KB on a
 * consumer account, 400 KB on Workspace). Wording from RomainVialard/ErrorHandler
 * (LIMIT_EXCEEDED_EMAIL_BODY_SIZE) and execution logs quoted on GitHub ("Limit Exceeded: Email
 * Body Size. (line 99, file "Code")").
 */
export const BODY_SIZE_MESSAGE = 'Limit Exceeded: Email Body Size.';

/**
 * An advanced service (Drive, Sheets) failing: Apps Script throws a GoogleJsonResponseException
 * whose message names the REST method, e.g. "{ [GoogleJsonResponseException: API call to
 * calendar.events.delete failed with error: Not Found] ... name: 'GoogleJsonResponseException' }"
 * as logged in public Apps Script code (note `delete`, the REST name, for Calendar.Events.remove).
 * `message` is "API call to <api>.<resource>.<method> failed with error: <Google's message>".
 */
export function apiError(method: string, message: string): Error {
  const error = new Error(`API call to ${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

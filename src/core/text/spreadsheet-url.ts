/**
 * The id in a spreadsheet's address (https://docs.google.com/spreadsheets/d/<id>/…), or ''.
 * Only that form counts: a Drive file link or a published link (`/d/e/2PACX…`) names no
 * spreadsheet the script could open.
 */
export function spreadsheetIdOf(url: string): string {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]{10,})/.exec(url.trim())?.[1] ?? '';
}

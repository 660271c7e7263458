/**
 * Where the script runs, and what Google lets it do there:
 * - a simple trigger (`onOpen`, `onEdit`) runs in AuthMode.LIMITED: "they can't access services
 *   that require authorization" (https://developers.google.com/apps-script/guides/triggers#restrictions):
 *   no MailApp, no ScriptApp, no advanced service, no other spreadsheet;
 * - a custom function runs anonymously and read-only
 *   (https://developers.google.com/apps-script/guides/sheets/functions#advanced): no change to any
 *   sheet, no service that needs authorization;
 * - a time-driven trigger has no UI (SpreadsheetApp.getUi() throws; modelled in spreadsheetApp.ts).
 * env.inContext(kind, fn) runs fn there; a refused call throws Google's words.
 */
import { gasError } from './errors';
import type { CallRecord } from './record';

export type RunContext = 'menu' | 'simpleTrigger' | 'customFunction' | 'timeTrigger';

const NEEDS_AUTHORIZATION = new Set(['MailApp', 'ScriptApp', 'Drive', 'Sheets']);
const OTHER_SPREADSHEET = /^open(ById|ByUrl)?$/;
/** Calls that change a sheet or the spreadsheet. */
const WRITES =
  /^(set|insert|delete|clear|append|add|remove|protect|hide|show|merge|sort|copy|move|activate|create|new|flush|toast|duplicate|autoResize|auto)/;

export class ContextGuard {
  context: RunContext = 'menu';

  check(call: CallRecord): void {
    const { service, method } = call;
    if (this.context === 'simpleTrigger') {
      if (
        NEEDS_AUTHORIZATION.has(service) ||
        (service === 'SpreadsheetApp' && OTHER_SPREADSHEET.test(method))
      )
        throw gasError(`You do not have permission to call ${service}.${method}`);
    }
    if (this.context === 'customFunction') {
      if (
        NEEDS_AUTHORIZATION.has(service) ||
        service === 'PropertiesService' ||
        service === 'LockService'
      )
        throw gasError(`You do not have permission to call ${service}.${method}`);
      if (service === 'SpreadsheetApp' && WRITES.test(method) && method !== 'newDataValidation')
        throw gasError(`Exception: You do not have permission to call ${method}`);
    }
  }
}

// The Apps Script services as the bundle uses them: each global wrapped by `resilient` (see
// resilience.ts). scripts/build.mjs injects this file with esbuild's `inject`, which makes every
// free use of these names in src/gas and below an import from here
// (https://esbuild.github.io/api/#inject). The globals themselves are reached through
// `globalThis`, so this file never refers to its own exports.
import { resilient } from './resilience';

const globals = globalThis as unknown as Record<string, object | undefined>;
const sleep = (ms: number): void => Utilities.sleep(ms);

/**
 * The global of that name. Apps Script's V8 puts the services on the global object; should a
 * runtime keep them as bindings of the global scope only, they are reached by name instead.
 */
function lookUp(name: string): object | undefined {
  if (globals[name] !== undefined) return globals[name];
  try {
    // A fixed service name, never user text.
    return Function(`return typeof ${name} === 'undefined' ? undefined : ${name}`)() as object;
  } catch {
    return undefined;
  }
}

function service<T>(name: string): T {
  const raw = lookUp(name);
  return (raw === undefined ? raw : resilient(raw, sleep)) as T;
}

export const SpreadsheetApp =
  service<GoogleAppsScript.Spreadsheet.SpreadsheetApp>('SpreadsheetApp');
export const MailApp = service<GoogleAppsScript.Mail.MailApp>('MailApp');
export const PropertiesService =
  service<GoogleAppsScript.Properties.PropertiesService>('PropertiesService');
export const ScriptApp = service<GoogleAppsScript.Script.ScriptApp>('ScriptApp');
export const Drive = service<unknown>('Drive');
export const Sheets = service<unknown>('Sheets');

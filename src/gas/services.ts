// The Apps Script services as the bundle uses them: each global wrapped by `resilient` (see
// resilience.ts). scripts/build.mjs injects this file with esbuild's `inject`, which makes every
// free use of these names in src/gas and below an import from here
// (https://esbuild.github.io/api/#inject). The globals themselves are reached through
// `globalThis`, so this file never refers to its own exports.
import { resilient } from './resilience';

const globals = globalThis as unknown as Record<string, object | undefined>;
const sleep = (ms: number): void => Utilities.sleep(ms);

function service<T>(name: string): T {
  const raw = globals[name];
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

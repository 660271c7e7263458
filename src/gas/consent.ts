// Granular consent: when authorizing, a user may untick a permission
// (https://developers.google.com/apps-script/concepts/scopes), and Apps Script then refuses each
// call that needs it with an English "You do not have permission to call MailApp.sendEmail".
// Before sending mail the product asks which of the scopes it needs were granted
// (https://developers.google.com/apps-script/reference/script/authorization-info) and, when one is
// missing, says in Vietnamese what it is for and how to grant it, and does nothing.
import { CONSENT } from '../core/messages/reminders';

export const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
export const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

/** getAuthorizationInfo with a list of scopes, newer than @types/google-apps-script knows. */
interface ScopedAuthorization {
  getAuthorizationInfo(
    mode: GoogleAppsScript.Script.AuthMode,
    scopes: string[],
  ): { getAuthorizedScopes(): string[] | null };
}

/** Null when the user granted `scope`, else the Vietnamese words naming it and what to do. */
export function missingPermission(scope: string): string | null {
  let authorized: string[] | null = null;
  try {
    authorized = (ScriptApp as unknown as ScopedAuthorization)
      .getAuthorizationInfo(ScriptApp.AuthMode.FULL, [scope])
      .getAuthorizedScopes();
  } catch {
    // Not answerable here (an older runtime): the call itself will say.
    return null;
  }
  if (authorized === null || authorized.includes(scope)) return null;
  return scope === SEND_MAIL
    ? CONSENT.mail
    : scope === DRIVE_FILE
      ? CONSENT.drive
      : CONSENT.other(scope);
}

/**
 * State shared by all fakes of one environment: the clock, the people involved and the flag that
 * says the current simulated run has been cut off. Passed to constructors instead of globals so
 * two environments in one test never see each other.
 */
export interface GasState {
  /** Current time (this realm's Date). */
  now(): Date;
  /** Script time zone (Session.getScriptTimeZone). */
  timeZone: string;
  /** Session.getActiveUser(); '' models a trigger or anonymous run. */
  activeUser: string;
  /** Session.getEffectiveUser(): whose authority the script runs with. */
  effectiveUser: string;
  /** Owner of the active spreadsheet. */
  owner: string;
  /** Set when a run is cut off; every recorded call then throws until endExecution(). */
  cutOff: boolean;
  /**
   * The script project's identity, to which drive.file grants belong: a copy of the spreadsheet
   * gets a new project, and with it none of the old one's files (env.makeCopy).
   */
  appId: string;
  /**
   * The scopes the user granted: with granular consent a user may untick some
   * (https://developers.google.com/apps-script/concepts/scopes). Null: all of the manifest's.
   */
  grantedScopes: string[] | null;
}

/**
 * Entry point: builds one Apps Script environment (all fakes sharing a clock, users and call log)
 * and loads the built bundle into a vm context whose globals are the recording proxies.
 *
 *   const env = createGasEnvironment({ now: new Date('2024-03-01T02:00:00Z') });
 *   env.spreadsheet.addSheet('Data', [['Name'], ['An']]);
 *   const gas = loadBundle(env);
 *   gas.onOpen();
 *   expect(env.ui.menus).toHaveLength(1);
 *   expect(env.countCalls('SpreadsheetApp')).toBeLessThan(50);
 *
 * The fakes refuse what Google refuses: ranges outside a sheet's grid (writes never grow it),
 * more than 10,000,000 cells in the workbook, changes to protected cells for a user who is not
 * an editor (env.actAs(email) plays a unit officer clicking a menu item), messages of more than
 * 50 recipients or with a body over 200 KB. With `latency: true` every call costs modelled time
 * on the clock and a run is cut off 6 minutes after its first call (env.modelledMs()).
 *
 * The Drive (v3) and Sheets (v4) advanced services share one store of files and model the
 * `drive.file` scope: the script reaches only the files it created for the user it runs as
 * (env.drive.file(id), env.sheetsApi.typeInto(...) to play an officer editing their file).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { FakeCharts } from './charts';
import { DriveStore, FakeDrive, type FakeDriveOptions } from './drive';
import { isCutOffError, CUT_OFF_MESSAGE, gasError } from './errors';
import { FakeHtmlService } from './html';
import { ExecutionClock, resolveLatency, type LatencyOption } from './latency';
import { FakeLockService } from './lock';
import { BODY_LIMIT_BYTES, FakeMailApp } from './mail';
import { FakePropertiesService } from './properties';
import { createRealm } from './realm';
import { Recorder, type CallRecord } from './record';
import { createConsole, FakeLogger, FakeSession, FakeUtilities, type LogEntry } from './services';
import { FakeSheetsService } from './sheetsApi';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheetApp';
import type { GasState } from './state';
import { FakeScriptApp, type FakeTrigger } from './triggers';
import { FakeUi } from './ui';
import { FaultInjector, type FaultOptions } from './faults';
import { ContextGuard, type RunContext } from './contexts';

export type { CallRecord } from './record';
export type { Cell, CellValue } from './cells';
export type { ChartDescription } from './charts';
export type { RuleDescription } from './conditionalFormat';
export type { ProtectionDescription } from './protection';
export type { ValidationDescription } from './validation';
export type { AlertRecord, DialogRecord, MenuRecord, PromptRecord, ToastRecord } from './ui';
export type { SentMail } from './mail';
export type { LogEntry } from './services';
export type { ClockSchedule } from './triggers';
export type { LatencyModel, LatencyOption } from './latency';
export { DEFAULT_LATENCY } from './latency';
export { isCutOffError, CUT_OFF_MESSAGE };
export {
  BODY_SIZE_MESSAGE,
  CELL_LIMIT_MESSAGE,
  OUTSIDE_GRID_MESSAGE,
  PROTECTED_MESSAGE,
  TOO_MANY_RECIPIENTS_MESSAGE,
  WORKBOOK_CELL_LIMIT,
} from './errors';
export { FakeSpreadsheet } from './spreadsheet';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export { FakeUi, Button, ButtonSet } from './ui';
export { FakeMailApp } from './mail';
export { FakeTrigger, FakeScriptApp } from './triggers';
export { FakeLockService } from './lock';
export { FakeProperties, FakePropertiesService } from './properties';
export { FakeHtmlService, FakeHtmlOutput } from './html';
export { FakeSession } from './services';
export { FakeDrive, SPREADSHEET_MIME } from './drive';
export type { DriveFileRecord, PermissionRecord } from './drive';
export { FakeSheetsService, serialNumber } from './sheetsApi';
export type { ApiCellValue, ApiSheet, ApiSpreadsheet, GridRange } from './sheetsApi';

export interface GasEnvironmentOptions {
  /** Frozen clock start (default: the real time at creation). */
  now?: Date;
  /**
   * Consumer (default) or Workspace account: the MailApp body limit (200 KB / 400 KB) and the
   * default daily quota (100 / 1500 recipients).
   */
  account?: 'consumer' | 'workspace';
  /** MailApp daily quota in recipients (default 100, or 1500 for a Workspace account). */
  mailQuota?: number;
  /**
   * Latency model (default off): `true` for DEFAULT_LATENCY (50 ms per SpreadsheetApp call, 2 µs
   * per cell of a bulk call, 400 ms per sendEmail, 20 ms per PropertiesService/LockService call,
   * 150 ms per Drive or Sheets advanced-service call, runs cut off 6 minutes after their first
   * call), or some of those figures overridden.
   */
  latency?: LatencyOption;
  /** Active and effective user (default 'owner@example.com'). */
  user?: string;
  /** Spreadsheet owner (default: `user`). */
  owner?: string;
  /** Script and spreadsheet time zone (default 'Asia/Ho_Chi_Minh'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'vi_VN'). */
  locale?: string;
  /** Sheets the spreadsheet starts with (default ['Sheet1']). */
  sheetNames?: string[];
  /** Project HTML files by name, for HtmlService.create*FromFile. */
  htmlFiles?: Record<string, string>;
  /** The Drive advanced service's view (default: the spreadsheet visible, its folder writable). */
  drive?: Partial<Pick<FakeDriveOptions, 'spreadsheetVisible' | 'folderWritable' | 'createFails'>>;
  /**
   * The scopes the user granted when authorizing (default: all of appsscript.json's). With
   * granular consent a user may untick one: MailApp then refuses in Google's English, and
   * ScriptApp.getAuthorizationInfo tells which are missing.
   */
  grantedScopes?: string[];
  /** Seeded transient failures of Google's services (default none): see faults.ts. */
  faults?: FaultOptions;
  /** Echo the bundle's console output to the real console (default false). */
  verbose?: boolean;
}

export interface GasEnvironment {
  /** The vm context's global object: the recording proxies plus the clock Date and console. */
  globals: Record<string, unknown>;
  context: vm.Context;
  /** Every call on any fake object, in order. */
  calls: CallRecord[];
  /** Calls recorded under `service` (objects obtained from a service count towards it). */
  countCalls(service: string): number;
  resetCalls(): void;
  /**
   * The Drive advanced service (v3); `drive.Files.created` holds the files made with
   * Files.create (the PDFs); drive.file(id), drive.permissionsOf(id), drive.trash(id) and
   * drive.openWithApp(id, email) reach every file the script created, spreadsheets included.
   */
  drive: FakeDrive;
  /**
   * The Sheets advanced service (v4), the global `Sheets`: the spreadsheets the script created,
   * with sheetsApi.typeInto / valuesOf / requestsOf / validationsOf / spreadsheetIds for tests.
   */
  sheetsApi: FakeSheetsService;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  mail: FakeMailApp;
  /** Live list of installed triggers. */
  triggers: FakeTrigger[];
  scriptApp: FakeScriptApp;
  properties: FakePropertiesService;
  locks: FakeLockService;
  html: FakeHtmlService;
  session: FakeSession;
  /** Logger.log and console.* output of the bundle. */
  logs: LogEntry[];
  /** Shared state: users, time zone, cut-off flag (mutable by tests). */
  state: GasState;
  /** The bundle realm's Date (clock-controlled); build Dates with it to pass into the bundle. */
  Date: DateConstructor;
  setNow(date: Date): void;
  advanceTime(milliseconds: number): void;
  now(): Date;
  /**
   * Ends the current simulated execution: releases its locks and clears a cut-off. The next
   * recorded call starts a new execution (for the latency model's time limit).
   */
  endExecution(): void;
  /**
   * The script now runs for `email`, as when that person picks a menu item: both
   * Session.getActiveUser() and the effective user, whose protections apply, become `email`.
   */
  actAs(email: string): void;
  /**
   * The script now runs as an installable trigger does: with the authority of its creator (the
   * effective user when it was created, or `creator` given as an address) and no active user.
   */
  actAsTrigger(trigger: FakeTrigger | string): void;
  /** Turns the latency model on (true or figures) or off (false) from the next call on. */
  setLatency(option: LatencyOption): void;
  /** Modelled Apps Script time of the current execution, or of the last one (ms; 0 when off). */
  modelledMs(): number;
  /**
   * File › Make a copy, by the current user, who then works in the copy: a new spreadsheet (new id
   * and address) with a new script project of its own
   * (https://developers.google.com/apps-script/guides/cloud-platform-projects: a copy's script
   * gets a new default Cloud project). Installable triggers are not copied; drive.file grants
   * belong to the old project, so the files it made are invisible here; the copier owns the copy.
   * Document properties come along (`'kept'`) or not (`'dropped'`): the product must do the same
   * either way. The sheets, their formats and protections are copied as they are.
   */
  makeCopy(options: { properties: 'kept' | 'dropped' }): void;
  /** Transient failures from the next call on (`{ rate: 0 }` turns them off); see faults.ts. */
  setFaults(options: FaultOptions): void;
  /** The calls failed by the fault injector so far. */
  faultsInjected: CallRecord[];
  /**
   * Runs `fn` as Google would in that context (see contexts.ts): a simple trigger without the
   * services that need authorization, a custom function read-only, a time trigger without UI.
   */
  inContext<T>(context: RunContext, fn: () => T): T;
}

const DEFAULT_USER = 'owner@example.com';

export function createGasEnvironment(opts: GasEnvironmentOptions = {}): GasEnvironment {
  let clock = (opts.now ?? new Date()).getTime();
  const user = opts.user ?? DEFAULT_USER;
  const timeZone = opts.timeZone ?? 'Asia/Ho_Chi_Minh';
  const state: GasState = {
    now: () => new Date(clock),
    timeZone,
    activeUser: user,
    effectiveUser: user,
    owner: opts.owner ?? user,
    cutOff: false,
    appId: 'ptdv-script-project',
    grantedScopes: opts.grantedScopes ?? null,
  };

  const globals: Record<string, unknown> = {};
  const realm = createRealm(globals, () => clock);
  const execution = new ExecutionClock(
    resolveLatency(opts.latency),
    state,
    () => clock,
    (milliseconds) => {
      clock += milliseconds;
    },
  );
  const contexts = new ContextGuard();
  const faults = new FaultInjector();
  if (opts.faults) faults.set(opts.faults);
  const recorder = new Recorder(
    realm,
    () => {
      if (state.cutOff) throw gasError(CUT_OFF_MESSAGE);
    },
    (call, target) => {
      contexts.check(call);
      execution.charge(call, target);
      faults.maybeFail(call);
    },
  );

  const ui = new FakeUi();
  const spreadsheet = new FakeSpreadsheet(state, ui, {
    id: 'fake-spreadsheet-id',
    name: 'PTDV test spreadsheet',
    timeZone,
    locale: opts.locale ?? 'vi_VN',
    sheetNames: opts.sheetNames ?? ['Sheet1'],
  });
  const account = opts.account ?? 'consumer';
  const mail = new FakeMailApp(
    state,
    opts.mailQuota ?? (account === 'workspace' ? 1500 : 100),
    BODY_LIMIT_BYTES[account],
  );
  const triggers: FakeTrigger[] = [];
  const scriptApp = new FakeScriptApp(triggers, 'fake-script-id', () => state.effectiveUser, state);
  const properties = new FakePropertiesService();
  const locks = new FakeLockService();
  const html = new FakeHtmlService({ ...opts.htmlFiles }, () => realm.context);
  const session = new FakeSession(state);
  const logs: LogEntry[] = [];
  const driveStore = new DriveStore(state);
  const drive = new FakeDrive(
    {
      spreadsheetId: 'fake-spreadsheet-id',
      spreadsheetFolder: 'folder-of-the-spreadsheet',
      spreadsheetVisible: opts.drive?.spreadsheetVisible ?? true,
      folderWritable: opts.drive?.folderWritable ?? true,
      createFails: opts.drive?.createFails ?? false,
    },
    driveStore,
  );
  const sheetsApi = new FakeSheetsService(driveStore);
  let copies = 0;

  Object.assign(globals, {
    SpreadsheetApp: recorder.wrap(new FakeSpreadsheetApp(spreadsheet, ui)),
    HtmlService: recorder.wrap(html),
    PropertiesService: recorder.wrap(properties),
    LockService: recorder.wrap(locks),
    MailApp: recorder.wrap(mail),
    ScriptApp: recorder.wrap(scriptApp),
    Session: recorder.wrap(session),
    Utilities: recorder.wrap(new FakeUtilities((ms) => (clock += ms))),
    Charts: recorder.wrap(new FakeCharts()),
    Drive: recorder.wrap(drive),
    Sheets: recorder.wrap(sheetsApi),
    Logger: recorder.wrap(new FakeLogger(logs)),
    console: createConsole(logs, !opts.verbose),
  });

  return {
    globals,
    context: realm.context,
    calls: recorder.calls,
    countCalls: (service) => recorder.count(service),
    resetCalls: () => {
      recorder.calls.length = 0;
    },
    spreadsheet,
    ui,
    mail,
    triggers,
    scriptApp,
    properties,
    locks,
    html,
    session,
    drive,
    sheetsApi,
    logs,
    state,
    Date: realm.Date,
    setNow: (date) => {
      clock = date.getTime();
    },
    advanceTime: (milliseconds) => {
      clock += milliseconds;
    },
    now: () => new Date(clock),
    endExecution: () => {
      state.cutOff = false;
      locks.releaseScriptLocks();
      execution.end();
    },
    actAs: (email) => {
      state.activeUser = email;
      state.effectiveUser = email;
    },
    actAsTrigger: (trigger) => {
      state.activeUser = '';
      state.effectiveUser = typeof trigger === 'string' ? trigger : trigger.creator;
    },
    setLatency: (option) => {
      execution.model = resolveLatency(option);
    },
    modelledMs: () => execution.modelledMs(),
    setFaults: (options) => faults.set(options),
    inContext: (context, fn) => {
      const before = contexts.context;
      const ui0 = ui.available;
      contexts.context = context;
      if (context === 'timeTrigger' || context === 'customFunction') ui.available = false;
      try {
        return fn();
      } finally {
        contexts.context = before;
        ui.available = ui0;
      }
    },
    faultsInjected: faults.failed,
    makeCopy: ({ properties: kept }) => {
      copies += 1;
      const id = `fake-copy-${copies}-id`;
      spreadsheet.becomeCopy(id);
      drive.Files.options.spreadsheetId = id;
      state.appId = `ptdv-script-project-copy-${copies}`;
      scriptApp.scriptId = `fake-script-copy-${copies}-id`;
      state.owner = state.effectiveUser;
      triggers.length = 0;
      if (kept === 'dropped') properties.document.deleteAllProperties();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bundle functions are untyped; tests call them freely
export type Bundle = Record<string, any>;

const DEFAULT_BUNDLE = path.resolve(__dirname, '../../../dist/Code.js');

/** Runs a script (e.g. an inline snippet) in the environment's context and returns the context. */
export function runScript(env: GasEnvironment, code: string, filename = 'inline.js'): Bundle {
  vm.runInContext(code, env.context, { filename });
  return env.context as Bundle;
}

/**
 * Loads the built bundle (default dist/Code.js) into the environment. Its top-level functions
 * become properties of the returned context. Load once per environment: a second load would
 * re-declare top-level bindings.
 */
export function loadBundle(env: GasEnvironment, bundlePath: string = DEFAULT_BUNDLE): Bundle {
  const file = path.resolve(bundlePath);
  return runScript(env, fs.readFileSync(file, 'utf8'), file);
}

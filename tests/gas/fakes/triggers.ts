/**
 * ScriptApp: installable triggers (time-driven and spreadsheet open/edit/change/form-submit).
 * The trigger list is shared with the environment (env.triggers) so tests can inspect what the
 * bundle installed. Like the real service, a project may hold at most 20 triggers per user.
 */
import { gasError, granted } from './errors';
import { SERVICE } from './record';

export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
});
export const TriggerSource = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
});
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});
export const WeekDay = Object.freeze({
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
});

const MAX_TRIGGERS = 20;

/** Everything a clock trigger was configured with; unset fields are absent. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  at?: Date;
  after?: number;
  timeZone?: string;
}

export class FakeTrigger {
  readonly [SERVICE] = 'ScriptApp';
  constructor(
    readonly id: string,
    readonly handler: string,
    readonly eventType: string,
    readonly source: string,
    readonly sourceId: string,
    readonly schedule: ClockSchedule,
    /** Who installed it: an installable trigger runs as its creator (env.actAsTrigger). */
    readonly creator = '',
  ) {}

  getHandlerFunction(): string {
    return this.handler;
  }
  getUniqueId(): string {
    return this.id;
  }
  getEventType(): string {
    return this.eventType;
  }
  getTriggerSource(): string {
    return this.source;
  }
  getTriggerSourceId(): string {
    return this.sourceId;
  }
}

/** Where builders register what they create. */
interface TriggerHost {
  add(
    handler: string,
    eventType: string,
    source: string,
    sourceId: string,
    schedule: ClockSchedule,
  ): FakeTrigger;
}

export class FakeClockTriggerBuilder {
  readonly [SERVICE] = 'ScriptApp';
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly scriptId: string,
  ) {}

  private with(fields: ClockSchedule): this {
    Object.assign(this.schedule, fields);
    return this;
  }

  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) {
      throw gasError(
        'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
      );
    }
    return this.with({ everyMinutes: n });
  }
  everyHours(n: number): this {
    return this.with({ everyHours: n });
  }
  everyDays(n: number): this {
    return this.with({ everyDays: n });
  }
  everyWeeks(n: number): this {
    return this.with({ everyWeeks: n });
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw gasError('Invalid argument: hour');
    return this.with({ atHour: hour });
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw gasError('Invalid argument: minute');
    return this.with({ nearMinute: minute });
  }
  onWeekDay(day: string): this {
    return this.with({ onWeekDay: String(day) });
  }
  onMonthDay(day: number): this {
    return this.with({ onMonthDay: day });
  }
  at(date: Date): this {
    return this.with({ at: new Date(date.getTime()) });
  }
  atDate(year: number, month: number, day: number): this {
    return this.with({ at: new Date(Date.UTC(year, month - 1, day)) });
  }
  after(durationMilliseconds: number): this {
    return this.with({ after: durationMilliseconds });
  }
  inTimezone(timezone: string): this {
    return this.with({ timeZone: timezone });
  }
  create(): FakeTrigger {
    return this.host.add(this.handler, EventType.CLOCK, TriggerSource.CLOCK, this.scriptId, {
      ...this.schedule,
    });
  }
}

export class FakeSpreadsheetTriggerBuilder {
  readonly [SERVICE] = 'ScriptApp';
  private eventType: string | null = null;

  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): this {
    this.eventType = EventType.ON_OPEN;
    return this;
  }
  onEdit(): this {
    this.eventType = EventType.ON_EDIT;
    return this;
  }
  onChange(): this {
    this.eventType = EventType.ON_CHANGE;
    return this;
  }
  onFormSubmit(): this {
    this.eventType = EventType.ON_FORM_SUBMIT;
    return this;
  }
  create(): FakeTrigger {
    if (this.eventType === null) throw gasError('Trigger event type is not set.');
    return this.host.add(
      this.handler,
      this.eventType,
      TriggerSource.SPREADSHEETS,
      this.spreadsheetId,
      {},
    );
  }
}

export class FakeTriggerBuilder {
  readonly [SERVICE] = 'ScriptApp';
  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly scriptId: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.host, this.handler, this.scriptId);
  }
  /** Takes the Spreadsheet or its id. */
  forSpreadsheet(spreadsheet: unknown): FakeSpreadsheetTriggerBuilder {
    const id =
      typeof spreadsheet === 'object' && spreadsheet !== null && 'getId' in spreadsheet
        ? String((spreadsheet as { getId(): unknown }).getId())
        : String(spreadsheet);
    return new FakeSpreadsheetTriggerBuilder(this.host, this.handler, id);
  }
}

export class FakeScriptApp implements TriggerHost {
  readonly [SERVICE] = 'ScriptApp';
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  private nextId = 1;

  /** `triggers` is the environment's live list (env.triggers). */
  constructor(
    readonly triggers: FakeTrigger[],
    /** A copy of the spreadsheet has a script project, and an id, of its own (env.makeCopy). */
    public scriptId: string,
    /** The effective user at creation time, recorded as the trigger's creator. */
    private readonly creator: () => string = () => '',
    /** The environment's state, for the scopes the user granted. */
    private readonly state: { grantedScopes: string[] | null } | null = null,
  ) {}

  add(
    handler: string,
    eventType: string,
    source: string,
    sourceId: string,
    schedule: ClockSchedule,
  ): FakeTrigger {
    const me = this.creator().toLowerCase();
    if (this.triggers.filter((t) => t.creator.toLowerCase() === me).length >= MAX_TRIGGERS) {
      throw gasError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const trigger = new FakeTrigger(
      String(this.nextId++),
      handler,
      eventType,
      source,
      sourceId,
      schedule,
      this.creator(),
    );
    this.triggers.push(trigger);
    return trigger;
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this, String(functionName), this.scriptId);
  }
  /**
   * The current user's triggers of this project only: "Gets all installable triggers associated
   * with the current project and current user"
   * (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()).
   * Another Board member's daily trigger is invisible here, and cannot be deleted from here.
   */
  getProjectTriggers(): FakeTrigger[] {
    const me = this.creator().toLowerCase();
    return this.triggers.filter((t) => t.creator.toLowerCase() === me);
  }
  getUserTriggers(spreadsheet: unknown): FakeTrigger[] {
    const id =
      typeof spreadsheet === 'object' && spreadsheet !== null && 'getId' in spreadsheet
        ? String((spreadsheet as { getId(): unknown }).getId())
        : String(spreadsheet);
    return this.triggers.filter((t) => t.sourceId === id);
  }
  deleteTrigger(trigger: FakeTrigger): void {
    const me = this.creator().toLowerCase();
    const index = this.triggers.findIndex(
      (t) => t.id === trigger.getUniqueId() && t.creator.toLowerCase() === me,
    );
    if (index >= 0) this.triggers.splice(index, 1);
  }
  /**
   * Which of `scopes` the user granted (granular consent: a user may untick some,
   * https://developers.google.com/apps-script/reference/script/authorization-info).
   */
  getAuthorizationInfo(_mode: string, scopes: string[] = []) {
    const state = this.state;
    const authorized = scopes.filter((s) => state === null || granted(state, s));
    return {
      getAuthorizationStatus: () =>
        authorized.length === scopes.length ? 'NOT_REQUIRED' : 'REQUIRED',
      getAuthorizedScopes: () => authorized,
      getAuthorizationUrl: () =>
        authorized.length === scopes.length
          ? null
          : 'https://script.google.com/macros/d/fake/authorize',
    };
  }

  getScriptId(): string {
    return this.scriptId;
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }

  // ---- test helpers -----------------------------------------------------------------------

  /** Handler names of the installed triggers, optionally of one event type. */
  handlers(eventType?: string): string[] {
    return this.triggers
      .filter((t) => !eventType || t.eventType === eventType)
      .map((t) => t.handler);
  }
}

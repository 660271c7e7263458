/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, dialogs and sidebars, plus the toasts shown by
 * Spreadsheet.toast. Everything shown is recorded on FakeUi for assertions; answers to alerts and
 * prompts come from queues the test fills (default: the first button, i.e. OK or YES).
 */
import { SERVICE } from './record';

export const Button = Object.freeze({
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
  CLOSE: 'CLOSE',
});
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord };
export interface MenuRecord {
  title: string;
  items: MenuEntry[];
}
export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  response: string;
}
export interface PromptRecord extends AlertRecord {
  responseText: string;
}
export interface DialogRecord {
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What the dialogs need from an HtmlOutput (see html.ts). */
interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number | null;
  getHeight(): number | null;
}

function isHtmlLike(value: unknown): value is HtmlLike {
  return typeof value === 'object' && value !== null && 'getContent' in value;
}

export class FakeMenu {
  readonly [SERVICE] = 'Ui';
  private readonly items: MenuEntry[] = [];

  constructor(
    private readonly ui: FakeUi,
    readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.items.push({ subMenu: menu.snapshot() });
    return this;
  }
  addToUi(): void {
    this.ui.installMenu(this.snapshot());
  }
  snapshot(): MenuRecord {
    return { title: this.title, items: this.items.map((item) => ({ ...item })) };
  }
}

export class FakePromptResponse {
  readonly [SERVICE] = 'Ui';
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class FakeUi {
  readonly [SERVICE] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  /** False models a run without a UI (trigger, editor run): getUi() then throws. */
  available = true;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private readonly alertAnswers: string[] = [];
  private readonly promptAnswers: { text: string; button: string }[] = [];

  // ---- test setup -------------------------------------------------------------------------

  /** Buttons the next alerts will return, in order. */
  answerAlerts(...buttons: string[]): this {
    this.alertAnswers.push(...buttons);
    return this;
  }
  /** Text and button the next prompt will return. */
  answerPrompt(text: string, button: string = Button.OK): this {
    this.promptAnswers.push({ text, button });
    return this;
  }
  /** Prompt texts of every alert shown so far. */
  alertTexts(): string[] {
    return this.alerts.map((a) => a.prompt);
  }
  menu(title: string): MenuRecord | undefined {
    return this.menus.find((m) => m.title === title);
  }

  installMenu(menu: MenuRecord): void {
    const index = this.menus.findIndex((m) => m.title === menu.title);
    if (index >= 0) this.menus[index] = menu;
    else this.menus.push(menu);
  }

  // ---- Ui API -----------------------------------------------------------------------------

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, '(add-on)');
  }
  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : [null, a, b ?? ButtonSet.OK];
    const response = this.alertAnswers.shift() ?? defaultButton(buttons);
    this.alerts.push({ title, prompt: String(prompt), buttons, response });
    return response;
  }
  /** prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons). */
  prompt(a: string, b?: string, c?: string): FakePromptResponse {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : [null, a, b ?? ButtonSet.OK];
    const answer = this.promptAnswers.shift() ?? { text: '', button: defaultButton(buttons) };
    this.prompts.push({
      title,
      prompt: String(prompt),
      buttons,
      response: answer.button,
      responseText: answer.text,
    });
    return new FakePromptResponse(answer.text, answer.button);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.dialogs.push(dialog('modal', userInterface, title));
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.dialogs.push(dialog('modeless', userInterface, title));
  }
  showSidebar(userInterface: unknown): void {
    this.dialogs.push(dialog('sidebar', userInterface, null));
  }
}

function defaultButton(buttons: string): string {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL
    ? Button.YES
    : Button.OK;
}

function dialog(kind: DialogRecord['kind'], output: unknown, title: string | null): DialogRecord {
  if (!isHtmlLike(output)) {
    return { kind, title: title ?? '', html: String(output), width: null, height: null };
  }
  return {
    kind,
    title: title ?? output.getTitle(),
    html: output.getContent(),
    width: output.getWidth(),
    height: output.getHeight(),
  };
}

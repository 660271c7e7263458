/**
 * Sheet and range protections. The spreadsheet keeps one list of them (so
 * Spreadsheet.getProtections sees all); each protection knows its sheet and range.
 * Like the real service, a new protection starts with the owner and the effective user as
 * editors, and the owner can never be removed.
 */
import { SERVICE } from './record';
import { emailOf, FakeUser } from './users';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

/** What a protection needs from its spreadsheet and range, kept minimal to avoid import cycles. */
export interface ProtectionHost {
  owner(): string;
  effectiveUser(): string;
  removeProtection(protection: FakeProtection): void;
}

interface RangeLike {
  describe(): string;
}

export interface ProtectionDescription {
  type: string;
  sheet: string;
  range: string;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  unprotectedRanges: string[];
}

export class FakeProtection {
  readonly [SERVICE] = 'SpreadsheetApp';
  private description = '';
  private editors: string[];
  private warningOnly = false;
  private domainEdit = true;
  private unprotected: RangeLike[] = [];
  private rangeName: string | null = null;

  constructor(
    private readonly host: ProtectionHost,
    readonly type: string,
    readonly sheetName: () => string,
    private range: RangeLike,
  ) {
    this.editors = [...new Set([host.owner(), host.effectiveUser()].filter(Boolean))];
  }

  private user(email: string): FakeUser {
    return new FakeUser('SpreadsheetApp', email);
  }

  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  addEditor(user: unknown): this {
    const email = emailOf(user);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    users.forEach((user) => this.addEditor(user));
    return this;
  }
  removeEditor(user: unknown): this {
    const email = emailOf(user);
    if (email !== this.host.owner()) this.editors = this.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown[]): this {
    users.forEach((user) => this.removeEditor(user));
    return this;
  }
  getEditors(): FakeUser[] {
    return this.editors.map((email) => this.user(email));
  }
  canEdit(): boolean {
    return this.editors.includes(this.host.effectiveUser());
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDomainEdit(editable: boolean): this {
    this.domainEdit = editable;
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  getProtectionType(): string {
    return this.type;
  }
  getRange(): RangeLike {
    return this.range;
  }
  setRange(range: RangeLike): this {
    this.range = range;
    return this;
  }
  getRangeName(): string | null {
    return this.rangeName;
  }
  setRangeName(name: string): this {
    this.rangeName = name;
    return this;
  }
  setUnprotectedRanges(ranges: RangeLike[]): this {
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): RangeLike[] {
    return [...this.unprotected];
  }
  remove(): void {
    this.host.removeProtection(this);
  }

  /** Test helper: plain snapshot of the protection. */
  describe(): ProtectionDescription {
    return {
      type: this.type,
      sheet: this.sheetName(),
      range: this.range.describe(),
      description: this.description,
      editors: [...this.editors],
      warningOnly: this.warningOnly,
      domainEdit: this.domainEdit,
      unprotectedRanges: this.unprotected.map((r) => r.describe()),
    };
  }
}

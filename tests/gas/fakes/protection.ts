/**
 * Sheet and range protections. The spreadsheet keeps one list of them (so
 * Spreadsheet.getProtections sees all); each protection knows its sheet and range.
 * Like the real service, a new protection starts with the owner and the effective user as
 * editors, and the owner can never be removed.
 *
 * Protections are enforced (FakeSpreadsheet.assertCanEdit) against the effective user, and
 * changing a protection (editors, description, warning-only, domain edit, unprotected ranges,
 * removal) is refused to a user who cannot edit it, with the real "protected cell or object"
 * message. Domain edit is recorded but grants nothing: the fakes model consumer accounts.
 */
import type { Box } from './a1';
import { gasError, PROTECTED_MESSAGE } from './errors';
import { SERVICE } from './record';
import { emailOf, FakeUser } from './users';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

/** What a protection needs from its spreadsheet and range, kept minimal to avoid import cycles. */
export interface ProtectionHost {
  owner(): string;
  effectiveUser(): string;
  removeProtection(protection: FakeProtection): void;
  /** False while a test helper (e.g. FakeSheet.load) writes on the test's behalf. */
  enforcing(): boolean;
}

/** A FakeRange as far as protections need it: where it is, and how to print it. */
interface RangeLike extends Readonly<Box> {
  describe(): string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

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

  /** Refuses to change the protection for a user who cannot edit it. */
  private assertChangeable(): void {
    if (this.host.enforcing() && !this.canEdit()) throw gasError(PROTECTED_MESSAGE);
  }

  /** The unprotected ranges of a sheet protection, as boxes (used by the spreadsheet). */
  unprotectedBoxes(): Box[] {
    return [...this.unprotected];
  }

  private user(email: string): FakeUser {
    return new FakeUser('SpreadsheetApp', email);
  }

  setDescription(description: string): this {
    this.assertChangeable();
    this.description = description;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  addEditor(user: unknown): this {
    this.assertChangeable();
    const email = emailOf(user);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): this {
    users.forEach((user) => this.addEditor(user));
    return this;
  }
  removeEditor(user: unknown): this {
    this.assertChangeable();
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
  /** Whether the effective user may edit the protected cells (and change this protection). */
  canEdit(): boolean {
    const user = this.host.effectiveUser();
    return same(user, this.host.owner()) || this.editors.some((e) => same(e, user));
  }
  setWarningOnly(warningOnly: boolean): this {
    this.assertChangeable();
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDomainEdit(editable: boolean): this {
    this.assertChangeable();
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
    this.assertChangeable();
    this.range = range;
    return this;
  }
  getRangeName(): string | null {
    return this.rangeName;
  }
  setRangeName(name: string): this {
    this.assertChangeable();
    this.rangeName = name;
    return this;
  }
  setUnprotectedRanges(ranges: RangeLike[]): this {
    this.assertChangeable();
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): RangeLike[] {
    return [...this.unprotected];
  }
  remove(): void {
    this.assertChangeable();
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

/**
 * SpreadsheetApp.newDataValidation(): builder and rule. Rules are immutable values (build() makes a
 * new one) and expose describe() so tests can compare them without going through getters.
 */
import { gasError } from './errors';
import { SERVICE } from './record';

/** Anything with an A1 description: ranges used as criteria (e.g. requireValueInRange). */
interface Describable {
  describe(): string;
}

export interface ValidationDescription {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export const DataValidationCriteria = Object.freeze({
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
});

interface RuleState {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class FakeDataValidation {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly state: Readonly<RuleState> & { criteria: string }) {}

  getCriteriaType(): string {
    return this.state.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string | null {
    return this.state.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.state, values: [...this.state.values] });
  }

  /** Test helper: ranges among the criteria values are shown as 'Sheet!A1:B2'. */
  describe(): ValidationDescription {
    const values = this.state.values.map((v) =>
      Array.isArray(v) ? [...v] : isDescribable(v) ? v.describe() : v,
    );
    return { ...this.state, values };
  }
}

function isDescribable(value: unknown): value is Describable {
  return typeof value === 'object' && value !== null && 'describe' in value;
}

export class FakeDataValidationBuilder {
  readonly [SERVICE] = 'SpreadsheetApp';
  private readonly state: RuleState;

  constructor(state?: RuleState) {
    // Real rules accept invalid input (with a warning) unless told otherwise.
    this.state = state ?? { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  private require(criteria: string, values: unknown[]): this {
    this.state.criteria = criteria;
    this.state.values = values;
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const values =
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.require('CHECKBOX', values);
  }
  requireDate(): this {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.require('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this.require('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.require('DATE_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this.require('DATE_EQUAL_TO', [date]);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this.require('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.require('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.require('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.require('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this.require('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.require('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.require('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.require('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.require('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireTextContains(text: string): this {
    return this.require('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this.require('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.require('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this.require('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.require('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this.require('VALUE_IN_RANGE', [range, showDropdown]);
  }
  withCriteria(criteria: string, args: unknown[]): this {
    return this.require(criteria, [...args]);
  }
  setAllowInvalid(allow: boolean): this {
    this.state.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.state.helpText = text;
    return this;
  }
  getCriteriaType(): string | null {
    return this.state.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string | null {
    return this.state.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.state, values: [...this.state.values] });
  }
  build(): FakeDataValidation {
    const { criteria } = this.state;
    if (criteria === null) throw gasError('A data validation rule must have criteria.');
    return new FakeDataValidation({ ...this.state, criteria, values: [...this.state.values] });
  }
}

/**
 * SpreadsheetApp.newConditionalFormatRule(): builder, rule and BooleanCondition. Only boolean
 * (not gradient) rules are modelled; describe() gives tests a plain snapshot of a rule.
 */
import { SERVICE } from './record';

interface RangeLike {
  describe(): string;
}

export interface ConditionFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface RuleDescription {
  ranges: string[];
  condition: { type: string; values: unknown[] } | null;
  format: Partial<ConditionFormat>;
}

export const BooleanCriteria = Object.freeze({
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
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
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
});

interface RuleState {
  condition: { type: string; values: unknown[] } | null;
  format: ConditionFormat;
  ranges: RangeLike[];
}

function emptyState(): RuleState {
  const format = {
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
  };
  return { condition: null, format, ranges: [] };
}

function cloneState(state: RuleState): RuleState {
  return {
    condition: state.condition && { ...state.condition, values: [...state.condition.values] },
    format: { ...state.format },
    ranges: [...state.ranges],
  };
}

export class FakeBooleanCondition {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly state: RuleState) {}

  getCriteriaType(): string | null {
    return this.state.condition?.type ?? null;
  }
  getCriteriaValues(): unknown[] {
    return [...(this.state.condition?.values ?? [])];
  }
  getBackground(): string | null {
    return this.state.format.background;
  }
  getFontColor(): string | null {
    return this.state.format.fontColor;
  }
  getBold(): boolean | null {
    return this.state.format.bold;
  }
  getItalic(): boolean | null {
    return this.state.format.italic;
  }
  getStrikethrough(): boolean | null {
    return this.state.format.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.state.format.underline;
  }
}

export class FakeConditionalFormatRule {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly state: RuleState) {}

  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.state.condition ? new FakeBooleanCondition(this.state) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(cloneState(this.state));
  }

  /** Test helper: the condition, the non-null format fields and the ranges as 'Sheet!A1:B2'. */
  describe(): RuleDescription {
    const format: Partial<ConditionFormat> = {};
    for (const [key, value] of Object.entries(this.state.format)) {
      if (value !== null) Object.assign(format, { [key]: value });
    }
    return {
      ranges: this.state.ranges.map((range) => range.describe()),
      condition: this.state.condition && { ...this.state.condition },
      format,
    };
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly [SERVICE] = 'SpreadsheetApp';
  constructor(private readonly state: RuleState = emptyState()) {}

  private when(type: string, ...values: unknown[]): this {
    this.state.condition = { type, values };
    return this;
  }
  private formatted<K extends keyof ConditionFormat>(key: K, value: ConditionFormat[K]): this {
    this.state.format[key] = value;
    return this;
  }

  whenCellEmpty(): this {
    return this.when('CELL_EMPTY');
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY');
  }
  whenDateAfter(date: unknown): this {
    return this.when('DATE_AFTER', date);
  }
  whenDateBefore(date: unknown): this {
    return this.when('DATE_BEFORE', date);
  }
  whenDateEqualTo(date: unknown): this {
    return this.when('DATE_EQUAL_TO', date);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', formula);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when('NUMBER_BETWEEN', start, end);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', n);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', n);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', n);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.when('NUMBER_NOT_BETWEEN', start, end);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', n);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', text);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', text);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', text);
  }
  setBackground(color: string | null): this {
    return this.formatted('background', color);
  }
  setFontColor(color: string | null): this {
    return this.formatted('fontColor', color);
  }
  setBold(bold: boolean | null): this {
    return this.formatted('bold', bold);
  }
  setItalic(italic: boolean | null): this {
    return this.formatted('italic', italic);
  }
  setStrikethrough(strikethrough: boolean | null): this {
    return this.formatted('strikethrough', strikethrough);
  }
  setUnderline(underline: boolean | null): this {
    return this.formatted('underline', underline);
  }
  setRanges(ranges: RangeLike[]): this {
    this.state.ranges = [...ranges];
    return this;
  }
  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(cloneState(this.state));
  }
  build(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(cloneState(this.state));
  }
}

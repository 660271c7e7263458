/**
 * The SpreadsheetApp global: entry point to the active spreadsheet, the Ui, the rule builders
 * and the enums. Everything reachable from here records under 'SpreadsheetApp' (the Ui records
 * under 'Ui').
 */
import { BooleanCriteria, FakeConditionalFormatRuleBuilder } from './conditionalFormat';
import { gasError } from './errors';
import { ProtectionType } from './protection';
import type { FakeRange } from './range';
import { SERVICE } from './record';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeUi } from './ui';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';

export class FakeSpreadsheetApp {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
  readonly BorderStyle = Object.freeze({
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  });
  readonly Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' });
  /** Number of flush() calls, for tests that care about batching. */
  flushes = 0;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSheet(): FakeSheet | null {
    return this.spreadsheet.getActiveSheet();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this.spreadsheet.setActiveSheet(sheet);
  }
  openById(id: string): FakeSpreadsheet {
    if (id !== this.spreadsheet.getId())
      throw gasError(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.spreadsheet;
  }
  openByUrl(url: string): FakeSpreadsheet {
    if (!url.includes(this.spreadsheet.getId())) throw gasError('Invalid argument: url');
    return this.spreadsheet;
  }
  /** Throws like a trigger run when the test set ui.available = false. */
  getUi(): FakeUi {
    if (!this.ui.available) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }
  flush(): void {
    this.flushes++;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
  /** The fakes track no selection: the active range is A1 of the active sheet. */
  getActiveRange(): FakeRange | null {
    return this.spreadsheet.getActiveSheet()?.getRange('A1') ?? null;
  }
}

import { CONTRACT_ERROR } from '../core/messages/problems';

/** A sheet or column of the contract is missing: the user must fix the workbook's shape. */
export class ContractError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }

  static sheetMissing(sheet: string): ContractError {
    return new ContractError(CONTRACT_ERROR.sheetMissing(sheet), sheet);
  }

  static columnMissing(sheet: string, column: string): ContractError {
    return new ContractError(CONTRACT_ERROR.columnMissing(sheet, column), sheet, column);
  }
}

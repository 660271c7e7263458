/**
 * Sparse cell storage for one sheet. Each touched cell holds its value and every format the fakes
 * model; untouched cells read as DEFAULT_CELL. Sparse because new sheets are 1000 x 26 and most
 * tests only use a corner of them.
 */
import type { Box } from './a1';
import type { CellValue } from './display';
import type { FakeDataValidation } from './validation';

export type { CellValue };

export interface Cell {
  value: CellValue;
  /** The formula text when the cell holds a formula, '' otherwise. */
  formula: string;
  numberFormat: string;
  note: string;
  background: string;
  fontWeight: string;
  fontColor: string;
  fontStyle: string;
  fontSize: number;
  fontFamily: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrap: boolean;
  validation: FakeDataValidation | null;
  /** Set on a cell whose value an array formula above or left of it spilled (see imports.ts). */
  spill?: boolean;
}

export const DEFAULT_CELL: Readonly<Cell> = Object.freeze({
  value: '',
  formula: '',
  numberFormat: 'General',
  note: '',
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  validation: null,
});

export const CONTENT_KEYS = ['value', 'formula'] as const;
export const FORMAT_KEYS = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
] as const;

export type CellKey = keyof Cell;

export class CellStore {
  private rows = new Map<number, Map<number, Cell>>();

  peek(row: number, col: number): Readonly<Cell> {
    return this.rows.get(row)?.get(col) ?? DEFAULT_CELL;
  }

  touch(row: number, col: number): Cell {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    let cell = cells.get(col);
    if (!cell) cells.set(col, (cell = { ...DEFAULT_CELL }));
    return cell;
  }

  /** Every stored cell, with its 1-based row and column. */
  each(visit: (row: number, col: number, cell: Cell) => void): void {
    for (const [row, cells] of this.rows) for (const [col, cell] of cells) visit(row, col, cell);
  }

  /** Resets the given attributes of every stored cell inside the box (or the whole sheet). */
  reset(keys: readonly CellKey[], box?: Box): void {
    for (const [row, cells] of this.rows) {
      if (box && (row < box.row || row >= box.row + box.numRows)) continue;
      for (const [col, cell] of cells) {
        if (box && (col < box.col || col >= box.col + box.numCols)) continue;
        for (const key of keys) Object.assign(cell, { [key]: DEFAULT_CELL[key] });
      }
    }
  }

  /** Last row / column holding a value or formula (0 when empty), like getLastRow. */
  lastRow(): number {
    let last = 0;
    for (const [row, cells] of this.rows) {
      if (row > last && [...cells.values()].some(hasContent)) last = row;
    }
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows.values()) {
      for (const [col, cell] of cells) if (col > last && hasContent(cell)) last = col;
    }
    return last;
  }

  /** Removes `count` rows from `start` (count < 0) or opens `count` empty rows at `start`. */
  shiftRows(start: number, count: number): void {
    const next = new Map<number, Map<number, Cell>>();
    for (const [row, cells] of this.rows) {
      if (row < start) next.set(row, cells);
      else if (count > 0 || row >= start - count) next.set(row + count, cells);
    }
    this.rows = next;
  }

  shiftColumns(start: number, count: number): void {
    for (const [row, cells] of this.rows) {
      const next = new Map<number, Cell>();
      for (const [col, cell] of cells) {
        if (col < start) next.set(col, cell);
        else if (count > 0 || col >= start - count) next.set(col + count, cell);
      }
      this.rows.set(row, next);
    }
  }
}

export function hasContent(cell: Readonly<Cell>): boolean {
  return cell.value !== '' || cell.formula !== '';
}

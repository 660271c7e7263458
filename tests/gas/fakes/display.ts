/**
 * Range.getDisplayValues: how a cell value reads through its number format. Only the common
 * formats are modelled (dates, fixed decimals, thousands separators, percents, plain text); any
 * other combination falls back to String(value).
 */
import { formatSheetsDate, isDateFormat } from './dates';

export type CellValue = string | number | boolean | Date;

function formatNumber(value: number, format: string): string {
  const match = /^(#,##)?0(?:\.(0+))?(%)?$/.exec(format);
  if (!match) return String(value);
  const [, grouping, decimals, percent] = match;
  const scaled = percent ? value * 100 : value;
  const fixed = scaled.toFixed(decimals ? decimals.length : 0);
  const [whole = '', fraction] = fixed.split('.');
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${grouped}${fraction === undefined ? '' : `.${fraction}`}${percent ? '%' : ''}`;
}

export function displayValue(value: CellValue, format: string, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return isDateFormat(format) ? formatSheetsDate(value, format, timeZone) : String(value);
  }
  if (typeof value === 'number') return formatNumber(value, format);
  return value;
}

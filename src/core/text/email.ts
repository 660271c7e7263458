// E-mail addresses as typed in the sheet: one or more per cell, separated by `,`, `;` or spaces.
import { splitList } from './cells';
import type { CellValue } from '../model';

/** Deliberately plain: what MailApp accepts, without the corners of RFC 5322. */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmail(text: string): boolean {
  return ADDRESS.test(text);
}

/** Splits a cell into the addresses that can be used and those that cannot. */
export function readEmails(value: CellValue | undefined): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const item of splitList(value, /[;,\s]+/)) (isEmail(item) ? valid : invalid).push(item);
  return { valid: [...new Set(valid.map((e) => e.toLowerCase()))], invalid };
}

// `Chỉ tiêu` into units: codes, names, aliases, kinds, officers' addresses and quotas, reporting
// every cell it cannot use instead of guessing.
import { UNCLASSIFIED } from '../messages/labels';
import { PROBLEM } from '../messages/problems';
import { problemAt } from '../problems';
import { readEmails } from '../text/email';
import { matchKey } from '../text/normalize';
import { cellText, splitList } from '../text/cells';
import { readQuota } from './quota';
import type { RawUnitRow, RawUnitTable, UnitField } from './raw-plan';
import type { Problem, Quota, Unit } from '../model';

/** What one reading of `Chỉ tiêu` remembers across rows. */
interface Seen {
  sheet: string;
  columns: RawUnitTable['columns'];
  problems: Problem[];
  /** The row of each code. */
  codeRow: Map<string, number>;
  /** Every name, alias and code, to the unit that claimed it first. */
  labelOwner: Map<string, { code: string; name: string }>;
  /** Each kind as first typed: `trường học` and `Trường Học` are shown as the first spelling. */
  kinds: Map<string, string>;
}

export function interpretUnits(
  table: RawUnitTable,
  milestoneCodes: readonly string[],
): { units: Unit[]; problems: Problem[] } {
  const seen: Seen = {
    sheet: table.sheet,
    columns: table.columns,
    problems: [],
    codeRow: new Map(),
    labelOwner: new Map(),
    kinds: new Map(),
  };
  const units: Unit[] = [];
  for (const raw of table.rows) {
    const unit = readUnit(raw, milestoneCodes, seen);
    if (unit) units.push(unit);
  }
  return { units, problems: seen.problems };
}

/** One row, or null when it holds nothing or cannot be a unit (no code, a repeated code). */
function readUnit(raw: RawUnitRow, milestoneCodes: readonly string[], seen: Seen): Unit | null {
  const { sheet, columns, problems } = seen;
  const at = (column: string) => ({ sheet, row: raw.row, column });
  const code = cellText(raw.cells.code);
  const name = cellText(raw.cells.name);
  if (code === '' && name === '' && Object.values(raw.quotas).every((v) => cellText(v) === '')) {
    return null;
  }
  if (code === '') {
    problems.push(
      problemAt({
        ...at(columns.code),
        code: 'unit_code_missing',
        message: PROBLEM.unitCodeMissing,
      }),
    );
    return null;
  }
  const firstRow = seen.codeRow.get(matchKey(code));
  if (firstRow !== undefined) {
    problems.push(
      problemAt({
        ...at(columns.code),
        code: 'unit_code_duplicate',
        message: PROBLEM.unitCodeDuplicate(code, firstRow),
      }),
    );
    return null;
  }
  seen.codeRow.set(matchKey(code), raw.row);
  if (name === '') {
    problems.push(
      problemAt({
        ...at(columns.name),
        code: 'unit_name_missing',
        message: PROBLEM.unitNameMissing,
      }),
    );
  }
  // Checked in the order of the columns, so a row's problems read left to right.
  const kind = kindOf(raw, seen);
  const quotas = quotasOf(raw, milestoneCodes, seen);
  const emails = readEmails(raw.cells.emails);
  for (const bad of emails.invalid) {
    problems.push(
      problemAt({
        ...at(columns.emails),
        code: 'email_invalid',
        message: PROBLEM.emailInvalid(bad),
      }),
    );
  }
  const aliases = splitList(raw.cells.aliases, /;/);
  claimLabels(raw, code, name, aliases, seen);
  return {
    code,
    name: name || code,
    aliases,
    kind: kind,
    committee: cellText(raw.cells.committee),
    emails: emails.valid,
    rejectedEmails: emails.invalid,
    quotas,
  };
}

/** The unit's kind as first spelled in the sheet; a blank kind is a warning and `Chưa phân loại`. */
function kindOf(raw: RawUnitRow, seen: Seen): string {
  let kind = cellText(raw.cells.kind);
  if (kind === '') {
    seen.problems.push(
      problemAt({
        sheet: seen.sheet,
        row: raw.row,
        column: seen.columns.kind,
        code: 'unit_type_missing',
        message: PROBLEM.unitTypeMissing,
      }),
    );
    kind = UNCLASSIFIED;
  }
  const key = matchKey(kind);
  kind = seen.kinds.get(key) ?? kind;
  seen.kinds.set(key, kind);
  return kind;
}

function quotasOf(
  raw: RawUnitRow,
  milestoneCodes: readonly string[],
  seen: Seen,
): Record<string, Quota> {
  const quotas: Record<string, Quota> = {};
  for (const code of milestoneCodes) {
    const reading = readQuota(raw.quotas[code]);
    if (reading.kind === 'ok') quotas[code] = reading.quota;
    else if (reading.kind === 'invalid') {
      seen.problems.push(
        problemAt({
          sheet: seen.sheet,
          row: raw.row,
          column: code,
          code: 'quota_invalid',
          message: PROBLEM.quotaInvalid(cellText(raw.quotas[code])),
        }),
      );
    }
  }
  return quotas;
}

/** A code, name or alias names one unit only: a second claim is an error on the later row. */
function claimLabels(
  raw: RawUnitRow,
  code: string,
  name: string,
  aliases: readonly string[],
  seen: Seen,
): void {
  for (const [label, field] of [
    [code, 'code'],
    [name, 'name'],
    ...aliases.map((a) => [a, 'aliases']),
  ] as [string, UnitField][]) {
    const key = matchKey(label);
    if (key === '') continue;
    const owner = seen.labelOwner.get(key);
    if (owner === undefined) seen.labelOwner.set(key, { code, name: name || code });
    else if (owner.code !== code) {
      seen.problems.push(
        problemAt({
          sheet: seen.sheet,
          row: raw.row,
          column: seen.columns[field],
          code: 'alias_ambiguous',
          message: PROBLEM.aliasAmbiguous(label, owner.name),
        }),
      );
    }
  }
}

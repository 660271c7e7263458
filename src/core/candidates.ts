// Interprets candidate rows and applies the rules that decide what each row may count toward.
// An error keeps the row out of the counts it would affect; a warning lets it count.
import { monthsBetween, readDay, type Day } from './dates';
import { PROBLEM } from './messages';
import { cellText, isBlankRow } from './table';
import { matchKey } from './normalize';
import type { UnitIndex } from './units';
import type { CandidateField, CandidateRow, Milestone, Problem } from './model';

export interface Candidate {
  sheet: string;
  row: number;
  unitCode: string;
  /** Same person = same normalised name, date of birth and unit (DESIGN.md). */
  identity: string;
  /** The class milestone the row counts toward, or null (none, or excluded by an error). */
  classCode: string | null;
  nominated: Day | null;
  /** The admission day the row counts with, or null (none, or excluded by an error). */
  admitted: Day | null;
}

export interface CandidateInput {
  rows: readonly CandidateRow[];
  /** Header text of each field, to name the column in problems. */
  columns: Record<CandidateField, string>;
  units: UnitIndex;
  milestones: readonly Milestone[];
}

const ADULT_MONTHS = 18 * 12;
const SENIOR_MONTHS = 60 * 12;

export function interpretCandidates(input: CandidateInput): {
  candidates: Candidate[];
  problems: Problem[];
} {
  const classCodes = new Map<string, string>();
  for (const m of input.milestones) {
    if (m.kind === 'class') classCodes.set(matchKey(m.code), m.code);
  }
  const candidates: Candidate[] = [];
  const problems: Problem[] = [];
  const firstRowOf = new Map<string, number>();

  for (const raw of input.rows) {
    const c = raw.cells;
    if (isBlankRow(c)) continue;
    const report = (
      field: CandidateField,
      code: string,
      severity: Problem['severity'],
      message: string,
      suggestion?: string,
    ) =>
      problems.push({
        sheet: raw.sheet,
        row: raw.row,
        column: input.columns[field],
        code,
        severity,
        message,
        ...(suggestion ? { suggestion } : {}),
      });
    const dateOf = (field: 'birth' | 'nominated' | 'certified' | 'admitted') => {
      const reading = readDay(c[field]);
      if (reading.kind === 'invalid') {
        report(
          field,
          'date_invalid',
          'error',
          PROBLEM.dateInvalid(reading.text),
          PROBLEM.dateSuggestion,
        );
      }
      return reading;
    };

    const name = cellText(c.name);
    if (name === '') report('name', 'name_missing', 'warning', PROBLEM.nameMissing);

    const birth = dateOf('birth');
    const unitText = cellText(c.unit);
    const unit = unitText === '' ? null : input.units.find(unitText);
    if (unitText === '')
      report('unit', 'unit_missing', 'error', PROBLEM.unitMissing, PROBLEM.unitSuggestionAdd);
    else if (unit === null) {
      const near = input.units.suggest(unitText);
      report(
        'unit',
        'unit_unknown',
        'error',
        PROBLEM.unitUnknown(unitText),
        near ? PROBLEM.unitSuggestion(near.name) : PROBLEM.unitSuggestionAdd,
      );
    }

    const nominated = dateOf('nominated');
    const certified = dateOf('certified');
    const admitted = dateOf('admitted');

    const classText = cellText(c.classCode);
    let classCode: string | null = null;
    if (classText !== '') {
      classCode = classCodes.get(matchKey(classText)) ?? null;
      if (classCode === null) {
        report(
          'classCode',
          'class_unknown',
          'error',
          PROBLEM.classUnknown(classText),
          PROBLEM.classSuggestion,
        );
      }
    }
    if (nominated.kind === 'invalid') classCode = null;

    const admittedOn = admitted.kind === 'ok' ? admitted.day : null;
    let admissionCounts = admittedOn !== null;
    if (admittedOn !== null) {
      // A date that cannot be read leaves the admission unverifiable, so it does not count.
      if (birth.kind === 'invalid' || certified.kind === 'invalid') admissionCounts = false;
      if (birth.kind === 'ok') {
        const months = monthsBetween(birth.day, admittedOn);
        if (months < ADULT_MONTHS) {
          report(
            'admitted',
            'underage',
            'error',
            PROBLEM.underage(months),
            PROBLEM.underageSuggestion,
          );
          admissionCounts = false;
        } else if (months > SENIOR_MONTHS) {
          report('admitted', 'over_age', 'warning', PROBLEM.overAge);
        }
      }
      if (certified.kind === 'ok' && certified.day > admittedOn) {
        report(
          'certified',
          'certificate_after_admission',
          'error',
          PROBLEM.certificateAfterAdmission,
        );
        admissionCounts = false;
      } else if (certified.kind === 'empty') {
        report(
          'certified',
          'certificate_missing',
          'warning',
          PROBLEM.certificateMissing,
          PROBLEM.certificateSuggestion,
        );
      }
    }

    if (unit === null) continue;
    const identity = `${unit.code}\u0000${matchKey(name)}\u0000${birth.kind === 'ok' ? birth.day : cellText(c.birth)}`;
    const first = firstRowOf.get(identity);
    if (first === undefined) firstRowOf.set(identity, raw.row);
    else if (name !== '') report('name', 'duplicate', 'warning', PROBLEM.duplicate(first));

    candidates.push({
      sheet: raw.sheet,
      row: raw.row,
      unitCode: unit.code,
      identity,
      classCode,
      nominated: nominated.kind === 'ok' ? nominated.day : null,
      admitted: admissionCounts ? admittedOn : null,
    });
  }
  return { candidates, problems };
}

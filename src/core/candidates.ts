// Interprets candidate rows and applies the rules that decide what each row may count toward.
// An error keeps the row out of the counts it would affect; a warning lets it count.
import { dayFromYmd, monthsBetween, readDay, type Day } from './dates';
import { PROBLEM } from './messages';
import { cellText, isBlankRow } from './table';
import { matchKey } from './normalize';
import type { UnitIndex } from './units';
import { reporterFor } from './problems';
import type { CandidateField, CandidateRow, Milestone, Problem, Severity } from './model';

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
  /**
   * What the row claims before any error is applied: a unit with such rows for a milestone
   * reports through its list, even when errors leave none of them counted.
   */
  listedClass: string | null;
  listedAdmitted: Day | null;
}

export interface CandidateInput {
  rows: readonly CandidateRow[];
  /** Header text of each field, to name the column in problems. */
  columns: Record<CandidateField, string>;
  units: UnitIndex;
  milestones: readonly Milestone[];
  /** The real today: a date after it is a typing mistake, whatever day a report is as of. */
  today: Day;
}

/** How many rows were read, and how many of them had an error or only warnings. */
export interface RowSummary {
  rows: number;
  withErrors: number;
  withWarningsOnly: number;
}

const ADULT_MONTHS = 18 * 12;
const SENIOR_MONTHS = 60 * 12;
const EARLIEST = dayFromYmd(1950, 1, 1) as Day;

type DateField = 'birth' | 'nominated' | 'certified' | 'admitted';
/** A planned nomination may lie ahead; a birth, a certificate or an admission may not. */
const FUTURE_SEVERITY: Record<DateField, Severity> = {
  birth: 'error',
  nominated: 'warning',
  certified: 'error',
  admitted: 'error',
};

interface DateValue {
  day: Day | null;
  /** False when an error makes the date unusable (unreadable, too old, in the future). */
  usable: boolean;
}

interface FirstSeen {
  sheet: string;
  row: number;
  unitCode: string;
  unitName: string;
}

export function interpretCandidates(input: CandidateInput): {
  candidates: Candidate[];
  problems: Problem[];
  summary: RowSummary;
} {
  const classes = new Map<string, Milestone>();
  for (const m of input.milestones) if (m.kind === 'class') classes.set(matchKey(m.code), m);
  const candidates: Candidate[] = [];
  const problems: Problem[] = [];
  const summary: RowSummary = { rows: 0, withErrors: 0, withWarningsOnly: 0 };
  const samePerson = new Map<string, FirstSeen>();

  for (const raw of input.rows) {
    const c = raw.cells;
    if (isBlankRow(c)) continue;
    summary.rows++;
    const before = problems.length;
    const at = reporterFor(problems, raw.sheet, raw.row);
    const report = (
      field: CandidateField,
      code: string,
      severity: Severity,
      message: string,
      suggestion?: string,
    ) => at(input.columns[field], code, severity, message, suggestion);
    const dateOf = (field: DateField): DateValue => {
      const reading = readDay(c[field]);
      if (reading.kind === 'empty') return { day: null, usable: true };
      if (reading.kind === 'invalid') {
        report(
          field,
          'date_invalid',
          'error',
          PROBLEM.dateInvalid(reading.text),
          PROBLEM.dateSuggestion,
        );
        return { day: null, usable: false };
      }
      if (reading.day < EARLIEST) {
        report(
          field,
          'date_too_old',
          'error',
          PROBLEM.dateTooOld(reading.day),
          PROBLEM.dateSuggestion,
        );
        return { day: reading.day, usable: false };
      }
      if (reading.day > input.today) {
        const severity = FUTURE_SEVERITY[field];
        report(
          field,
          'date_future',
          severity,
          PROBLEM.dateFuture(reading.day),
          PROBLEM.dateSuggestion,
        );
        return { day: reading.day, usable: severity === 'warning' };
      }
      return { day: reading.day, usable: true };
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

    const classText = cellText(c.classCode);
    const milestone = classText === '' ? null : (classes.get(matchKey(classText)) ?? null);
    if (classText !== '' && milestone === null) {
      report(
        'classCode',
        'class_unknown',
        'error',
        PROBLEM.classUnknown(classText),
        PROBLEM.classSuggestion,
      );
    }
    if (milestone && unit && milestone.appliesTo !== 'all' && milestone.appliesTo !== unit.type) {
      report(
        'classCode',
        'class_not_for_unit',
        'warning',
        PROBLEM.classNotForUnit(milestone.code, unit.name),
      );
    }
    const nominated = dateOf('nominated');
    const certified = dateOf('certified');
    const admitted = dateOf('admitted');

    let classCounts = milestone !== null && nominated.usable;
    let admissionCounts = admitted.day !== null && admitted.usable;
    if (admitted.day !== null && admitted.usable) {
      // An admission whose other dates cannot be trusted cannot be verified, so it does not count.
      if (!birth.usable || !certified.usable) admissionCounts = false;
      if (birth.day !== null && birth.usable) {
        const months = monthsBetween(birth.day, admitted.day);
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
      if (certified.day !== null && certified.usable && certified.day > admitted.day) {
        report(
          'certified',
          'certificate_after_admission',
          'error',
          PROBLEM.certificateAfterAdmission,
        );
        admissionCounts = false;
      } else if (certified.day === null && certified.usable) {
        report(
          'certified',
          'certificate_missing',
          'warning',
          PROBLEM.certificateMissing,
          PROBLEM.certificateSuggestion,
        );
      }
    }

    // A unit's own sheet holds only that unit: a row naming another is left out, not moved.
    const foreign =
      unit !== null &&
      raw.sheetUnit !== undefined &&
      input.units.find(raw.sheetUnit)?.code !== unit.code;
    if (foreign && unit)
      report(
        'unit',
        'unit_not_this_sheet',
        'error',
        PROBLEM.unitNotThisSheet(unit.name, raw.sheet),
      );
    if (birth.day === null && birth.usable && admitted.day !== null) {
      report('birth', 'birth_missing', 'warning', PROBLEM.birthMissing);
    }
    if (unit !== null && !foreign) {
      const nameKey = matchKey(name);
      // With a date of birth a person is recognised across units; without one, only within one.
      const personKey =
        name === ''
          ? null
          : birth.day !== null
            ? `${nameKey}\u0000${birth.day}`
            : `${unit.code}\u0000${nameKey}\u0000`;
      const first = personKey === null ? undefined : samePerson.get(personKey);
      if (personKey !== null && first === undefined) {
        samePerson.set(personKey, {
          sheet: raw.sheet,
          row: raw.row,
          unitCode: unit.code,
          unitName: unit.name,
        });
      } else if (first && first.unitCode === unit.code) {
        report('name', 'duplicate', 'warning', PROBLEM.duplicate(first.sheet, first.row));
      } else if (first) {
        report(
          'name',
          'duplicate_other_unit',
          'warning',
          PROBLEM.duplicateOtherUnit(first.unitName, first.sheet, first.row),
        );
        classCounts = false;
        admissionCounts = false;
      }
      candidates.push({
        sheet: raw.sheet,
        row: raw.row,
        unitCode: unit.code,
        identity: `${unit.code}\u0000${nameKey}\u0000${birth.day ?? cellText(c.birth)}`,
        classCode: classCounts && milestone ? milestone.code : null,
        nominated: nominated.day,
        admitted: admissionCounts ? admitted.day : null,
        listedClass: milestone ? milestone.code : null,
        listedAdmitted: admitted.day,
      });
    }

    const mine = problems.slice(before);
    if (mine.some((p) => p.severity === 'error')) summary.withErrors++;
    else if (mine.length > 0) summary.withWarningsOnly++;
  }
  return { candidates, problems, summary };
}

// Interprets candidate rows and applies the rules that decide what each row may count toward.
// An error keeps the row out of the counts it would affect; a warning lets it count.
import {
  dayFromYmd,
  dayOfInstant,
  instantOfDay,
  monthsBetween,
  readDay,
  type Day,
} from '../calendar/dates';
import { PROBLEM } from '../messages/problems';
import { cellText, isBlank, isBlankRow } from '../text/cells';
import { PersonRegistry, personKey } from './people';
import { addMonths } from '../calendar/working-days';
import { foldKey, matchKey } from '../text/normalize';
import type { UnitIndex } from '../plan/unit-index';
import { problemAt, type ProblemCode } from '../problems';
import { appliesToUnit } from '../plan/kinds';
import type {
  CandidateField,
  CandidateRow,
  CellValue,
  Milestone,
  Problem,
  Severity,
  Unit,
} from '../model';

export interface Candidate {
  sheet: string;
  row: number;
  unitCode: string;
  /**
   * Same person = same normalised name and date of birth (DESIGN.md): one number per person, so
   * counting distinct people per unit compares numbers, not strings.
   */
  identity: number;
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
  /**
   * The steps of the membership pipeline this row has reached (dates as typed and usable), or
   * null when a date on it is unusable or out of order (an error: left out of the pipeline) or
   * the row repeats one of the same person in the same unit.
   */
  file: FileDates | null;
}

export interface FileDates {
  /** Sent to a class (a class code or a nomination day). */
  classed: boolean;
  certified: Day | null;
  resolution: Day | null;
  decision: Day | null;
  ceremony: Day | null;
  recognized: Day | null;
  /**
   * Stands for the person in reminder keys without naming them: a hash of the name (folded)
   * and the birth date, the same however the name is typed; null before any pipeline date.
   */
  key: string | null;
}

export interface CandidateInput {
  rows: readonly CandidateRow[];
  /** Header text of each field, to name the column in problems. */
  columns: Record<CandidateField, string>;
  units: UnitIndex;
  milestones: readonly Milestone[];
  /** The real today: a date after it is a typing mistake, whatever day a report is as of. */
  today: Day;
  /** Probation, for the check that recognition comes after it (default 12 months). */
  probationMonths?: number;
}

/** How many rows were read, and how many of them had an error or only warnings. */
export interface RowSummary {
  rows: number;
  withErrors: number;
  withWarningsOnly: number;
}

const ADULT_MONTHS = 18 * 12;
/** The class certificate is reported valid for 5 years (local sources only: a warning). */
const CERTIFICATE_MONTHS = 60;
const SENIOR_MONTHS = 60 * 12;
const EARLIEST = dayFromYmd(1950, 1, 1) as Day;

type DateField =
  'birth' | 'nominated' | 'certified' | 'admitted' | 'resolution' | 'ceremony' | 'recognized';
/** A planned nomination may lie ahead; a birth, a certificate or a pipeline step may not. */
const FUTURE_SEVERITY: Record<DateField, Severity> = {
  birth: 'error',
  nominated: 'warning',
  resolution: 'error',
  ceremony: 'error',
  recognized: 'error',
  certified: 'error',
  admitted: 'error',
};

interface DateValue {
  day: Day | null;
  /** False when an error makes the date unusable (unreadable, too old, in the future). */
  usable: boolean;
}

/** From 1950 on a date cell is a plain day; older or odd ones go through every check. */
const FAST_SINCE = instantOfDay(EARLIEST).getTime();
const EMPTY_DATE: DateValue = { day: null, usable: true };
const UNUSABLE_DATE: DateValue = { day: null, usable: false };

interface FirstSeen {
  sheet: string;
  row: number;
  unitCode: string;
  unitName: string;
}

function here(raw: CandidateRow, unit: Unit): FirstSeen {
  return { sheet: raw.sheet, row: raw.row, unitCode: unit.code, unitName: unit.name };
}

/**
 * The first row of each person (name and date of birth) in each unit. A repeat within a unit is
 * reported on the later row; a person in two units on both rows, each naming the other, and each
 * unit still counts its own row: a unit's figure never depends on what another unit typed.
 */
class Sightings {
  private readonly first: (FirstSeen | undefined)[] = [];
  /** The first row in each further unit, kept only for the few people seen in several units. */
  private readonly elsewhere = new Map<number, FirstSeen[]>();

  constructor(private readonly report: (at: FirstSeen, of: FirstSeen, sameUnit: boolean) => void) {}

  /** True when the row repeats an earlier one of the same person in the same unit. */
  see(identity: number, seen: FirstSeen): boolean {
    const first = this.first[identity];
    if (first === undefined) {
      this.first[identity] = seen;
      return false;
    }
    if (first.unitCode === seen.unitCode) {
      this.report(seen, first, true);
      return true;
    }
    const others = this.elsewhere.get(identity);
    const inUnit = others?.find((o) => o.unitCode === seen.unitCode);
    if (inUnit) {
      this.report(seen, inUnit, true);
      return true;
    }
    this.report(seen, first, false);
    if (others) others.push(seen);
    else {
      this.report(first, seen, false);
      this.elsewhere.set(identity, [seen]);
    }
    return false;
  }
}

/** Problems by sheet (in the order the rows were read) and row; stable, so a row keeps its order. */
function inRowOrder(rows: readonly CandidateRow[]): (a: Problem, b: Problem) => number {
  const sheetAt = new Map<string, number>();
  for (const r of rows) if (!sheetAt.has(r.sheet)) sheetAt.set(r.sheet, sheetAt.size);
  return (a, b) => (sheetAt.get(a.sheet) ?? 0) - (sheetAt.get(b.sheet) ?? 0) || a.row - b.row;
}

/** Rows with an error, and rows with warnings only, counted once each from the problems. */
function summarise(rows: number, problems: readonly Problem[]): RowSummary {
  const hasError = new Map<string, boolean>();
  for (const p of problems) {
    const key = `${p.sheet}\u0000${p.row}`;
    hasError.set(key, (hasError.get(key) ?? false) || p.severity === 'error');
  }
  let withErrors = 0;
  for (const error of hasError.values()) if (error) withErrors++;
  return { rows, withErrors, withWarningsOnly: hasError.size - withErrors };
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
  const probationMonths = input.probationMonths ?? 12;
  let rowsRead = 0;
  const people = new PersonRegistry();
  const firstWithoutBirth = new Map<string, FirstSeen>();
  let reportedEarlier = false;
  const sameBirth = new Sightings((at, of, sameUnit) => {
    reportedEarlier ||= at.row !== rowNumber || at.sheet !== sheet;
    problems.push(
      sameUnit
        ? problemAt({
            sheet: at.sheet,
            row: at.row,
            column: input.columns.name,
            code: 'duplicate',
            message: PROBLEM.duplicate(of.sheet, of.row),
          })
        : problemAt({
            sheet: at.sheet,
            row: at.row,
            column: input.columns.name,
            code: 'duplicate_other_unit',
            message: PROBLEM.duplicateOtherUnit(of.unitName, of.sheet, of.row),
          }),
    );
  });

  // One reporter and one date reader for all rows (no closures per row: this loop runs for
  // every row of a province's list).
  let sheet = '';
  let rowNumber = 0;
  const report = (
    field: CandidateField,
    code: ProblemCode,
    message: string,
    suggestion?: string,
    severity?: Severity,
  ) =>
    problems.push(
      problemAt({
        sheet,
        row: rowNumber,
        column: input.columns[field],
        code,
        message,
        suggestion,
        severity,
      }),
    );
  const dateOf = (value: CellValue | undefined, field: DateField): DateValue => {
    if (value === '' || value === null || value === undefined) return EMPTY_DATE;
    // The common case, a date cell of this realm, without building a reading first.
    if (value instanceof Date) {
      const day = value.getTime() >= FAST_SINCE ? dayOfInstant(value) : null;
      if (day !== null && day <= input.today) return { day, usable: true };
    }
    const reading = readDay(value);
    if (reading.kind === 'empty') return EMPTY_DATE;
    if (reading.kind === 'invalid') {
      report(field, 'date_invalid', PROBLEM.dateInvalid(reading.text));
      return UNUSABLE_DATE;
    }
    if (reading.day < EARLIEST) {
      report(field, 'date_too_old', PROBLEM.dateTooOld(reading.day));
      return { day: reading.day, usable: false };
    }
    if (reading.day > input.today) {
      const severity = FUTURE_SEVERITY[field];
      report(field, 'date_future', PROBLEM.dateFuture(reading.day), undefined, severity);
      return { day: reading.day, usable: severity === 'warning' };
    }
    return { day: reading.day, usable: true };
  };
  // Units and classes are typed the same way on many rows: each spelling is read once.
  const unitsByCell = new Map<CellValue | undefined, { text: string; unit: Unit | null }>();
  const classesByCell = new Map<
    CellValue | undefined,
    { text: string; milestone: Milestone | null }
  >();

  for (const raw of input.rows) {
    const c = raw.cells;
    if (isBlankRow(c)) continue;
    rowsRead++;
    sheet = raw.sheet;
    rowNumber = raw.row;

    // The name is only ever compared (see PersonRegistry): no key is computed for it here.
    const name = typeof c.name === 'string' ? c.name : cellText(c.name);
    const unnamed = isBlank(name);
    if (unnamed) report('name', 'name_missing', PROBLEM.nameMissing);
    const birth = dateOf(c.birth, 'birth');

    let unitCell = unitsByCell.get(c.unit);
    if (unitCell === undefined) {
      const text = cellText(c.unit);
      unitCell = { text, unit: text === '' ? null : input.units.find(text) };
      unitsByCell.set(c.unit, unitCell);
    }
    const { text: unitText, unit } = unitCell;
    if (unitText === '') report('unit', 'unit_missing', PROBLEM.unitMissing);
    else if (unit === null) {
      const near = input.units.suggest(unitText);
      report(
        'unit',
        'unit_unknown',
        PROBLEM.unitUnknown(unitText),
        near ? PROBLEM.unitSuggestion(near.name) : PROBLEM.unitSuggestionAdd,
      );
    }

    let classCell = classesByCell.get(c.classCode);
    if (classCell === undefined) {
      const text = cellText(c.classCode);
      classCell = { text, milestone: text === '' ? null : (classes.get(matchKey(text)) ?? null) };
      classesByCell.set(c.classCode, classCell);
    }
    const { text: classText, milestone } = classCell;
    if (classText !== '' && milestone === null) {
      report('classCode', 'class_unknown', PROBLEM.classUnknown(classText));
    }
    if (milestone && unit && !appliesToUnit(milestone, unit)) {
      report('classCode', 'class_not_for_unit', PROBLEM.classNotForUnit(milestone.code, unit.name));
    }
    const nominated = dateOf(c.nominated, 'nominated');
    const certified = dateOf(c.certified, 'certified');
    const admitted = dateOf(c.admitted, 'admitted');

    const classCounts = milestone !== null && nominated.usable;
    let admissionCounts = admitted.day !== null && admitted.usable;
    if (admitted.day !== null && admitted.usable) {
      // An admission whose other dates cannot be trusted cannot be verified, so it does not count.
      if (!birth.usable || !certified.usable) admissionCounts = false;
      if (birth.day !== null && birth.usable) {
        const months = monthsBetween(birth.day, admitted.day);
        if (months < ADULT_MONTHS) {
          report('admitted', 'underage', PROBLEM.underage(months));
          admissionCounts = false;
        } else if (months > SENIOR_MONTHS) {
          report('admitted', 'over_age', PROBLEM.overAge);
        }
      }
      if (certified.day !== null && certified.usable && certified.day > admitted.day) {
        report('certified', 'certificate_after_admission', PROBLEM.certificateAfterAdmission);
        admissionCounts = false;
      } else if (certified.day === null && certified.usable) {
        report('certified', 'certificate_missing', PROBLEM.certificateMissing);
      }
    }

    // A unit's own sheet holds only that unit: a row naming another is left out, not moved.
    const foreign =
      unit !== null &&
      raw.sheetUnit !== undefined &&
      input.units.find(raw.sheetUnit)?.code !== unit.code;
    if (foreign && unit)
      report('unit', 'unit_not_this_sheet', PROBLEM.unitNotThisSheet(unit.name, raw.sheet));
    if (birth.day === null && birth.usable && admitted.day !== null) {
      report('birth', 'birth_missing', PROBLEM.birthMissing);
    }
    // The pipeline: each step after the one before, recognition after the probation.
    const resolution = dateOf(c.resolution, 'resolution');
    const ceremony = dateOf(c.ceremony, 'ceremony');
    const recognized = dateOf(c.recognized, 'recognized');
    let fileOk = resolution.usable && ceremony.usable && recognized.usable && admitted.usable;
    if (resolution.day !== null && admitted.day !== null && admitted.day < resolution.day) {
      report('admitted', 'decision_before_resolution', PROBLEM.decisionBeforeResolution);
      fileOk = false;
    }
    if (ceremony.day !== null && admitted.day !== null && ceremony.day < admitted.day) {
      report('ceremony', 'ceremony_before_decision', PROBLEM.ceremonyBeforeDecision);
      fileOk = false;
    }
    if (recognized.day !== null && ceremony.day !== null) {
      const end = addMonths(ceremony.day, probationMonths);
      if (recognized.day < end) {
        report(
          'recognized',
          'recognized_before_probation_end',
          PROBLEM.recognizedBeforeProbationEnd(end, probationMonths),
        );
        fileOk = false;
      }
    }
    if (
      certified.day !== null &&
      resolution.day !== null &&
      resolution.day > addMonths(certified.day, CERTIFICATE_MONTHS)
    ) {
      report('certified', 'certificate_old', PROBLEM.certificateOld);
    }
    if (unit !== null && !foreign) {
      // One number per person (name without diacritics and date of birth): counting compares numbers.
      const identity = people.idOf(name, birth.day ?? cellText(c.birth));
      let repeat = false;
      if (!unnamed) {
        if (birth.day !== null) repeat = sameBirth.see(identity, here(raw, unit));
        else {
          // Without a date of birth a person is recognised only within one unit.
          const key = `${unit.code}\u0000${foldKey(name)}`;
          const first = firstWithoutBirth.get(key);
          if (first === undefined) firstWithoutBirth.set(key, here(raw, unit));
          else {
            repeat = true;
            report('name', 'duplicate', PROBLEM.duplicate(first.sheet, first.row));
          }
        }
      }
      const inPipeline =
        resolution.day !== null ||
        admitted.day !== null ||
        ceremony.day !== null ||
        recognized.day !== null;
      candidates.push({
        sheet: raw.sheet,
        row: raw.row,
        unitCode: unit.code,
        identity,
        classCode: classCounts && milestone ? milestone.code : null,
        nominated: nominated.day,
        admitted: admissionCounts ? admitted.day : null,
        listedClass: milestone ? milestone.code : null,
        listedAdmitted: admitted.day,
        file:
          !fileOk || repeat
            ? null
            : {
                classed: classText !== '' || nominated.day !== null,
                certified: certified.usable ? certified.day : null,
                resolution: resolution.day,
                decision: admitted.day,
                ceremony: ceremony.day,
                recognized: recognized.day,
                key: inPipeline ? personKey(name, birth.day ?? cellText(c.birth)) : null,
              },
      });
    }
  }
  // A row of another unit reported late goes back to its place, so problems read in row order.
  if (reportedEarlier) problems.sort(inRowOrder(input.rows));
  return { candidates, problems, summary: summarise(rowsRead, problems) };
}

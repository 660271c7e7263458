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
import { readYesNo } from '../text/yes-no';
import { readEthnicMinority, readReligious, readWoman } from './profile';
import type { UnitIndex } from '../plan/unit-index';
import { problemAt, type ProblemCode } from '../problems';
import { appliesToUnit } from '../plan/kinds';
import { here, Sightings, type FirstSeen } from './sightings';
import type {
  Candidate,
  RowSummary,
  CandidateField,
  CandidateRow,
  CellValue,
  Milestone,
  Problem,
  Profile,
  Severity,
  Unit,
} from '../model';

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
  /** How long the class certificate stays valid (`Cấu hình`; default CERTIFICATE_MONTHS). */
  certificateMonths?: number;
}

const ADULT_MONTHS = 18 * 12;
/**
 * The class certificate's validity unless `Cấu hình` says otherwise: 5 years (Hướng dẫn 06-HD/TW
 * §5.4, as quoted by secondary sources; hence a setting).
 */
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
/** The profile of a row nobody admitted: never counted, so never read. */
const NO_PROFILE: Profile = Object.freeze({
  woman: null,
  ethnicMinority: null,
  religious: null,
  youthUnion: null,
  birth: null,
  target: '',
});
const EMPTY_DATE: DateValue = { day: null, usable: true };
const UNUSABLE_DATE: DateValue = { day: null, usable: false };

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
  const reader = new RowReader(input);
  for (const raw of input.rows) reader.read(raw);
  return reader.result();
}

/** A row's dates, each read once with its checks. */
interface RowDates {
  birth: DateValue;
  nominated: DateValue;
  certified: DateValue;
  admitted: DateValue;
  resolution: DateValue;
  ceremony: DateValue;
  recognized: DateValue;
}

/**
 * Reads the rows one by one. One object, not closures made per row: this runs for every row of a
 * province's list. The steps of a row run in the order of its columns, so its problems read left
 * to right.
 */
class RowReader {
  private readonly candidates: Candidate[] = [];
  private readonly problems: Problem[] = [];
  private readonly classes = new Map<string, Milestone>();
  private readonly probationMonths: number;
  private readonly certificateMonths: number;
  private readonly people = new PersonRegistry();
  private readonly firstWithoutBirth = new Map<string, FirstSeen>();
  private readonly sameBirth: Sightings;
  // Units and classes are typed the same way on many rows: each spelling is read once.
  private readonly unitsByCell = new Map<
    CellValue | undefined,
    { text: string; unit: Unit | null }
  >();
  private readonly classesByCell = new Map<
    CellValue | undefined,
    { text: string; milestone: Milestone | null }
  >();
  private readonly genders = new Map<CellValue | undefined, boolean | null | 'invalid'>();
  private readonly peoples = new Map<CellValue | undefined, boolean | null>();
  private readonly religions = new Map<CellValue | undefined, boolean | null | 'blank'>();
  /** Whether any row writes a `Tôn giáo` (then a blank one means none). */
  private religionWritten = false;
  private rowsRead = 0;
  private reportedEarlier = false;
  private sheet = '';
  private rowNumber = 0;

  constructor(private readonly input: CandidateInput) {
    for (const m of input.milestones) if (m.kind === 'class') this.classes.set(matchKey(m.code), m);
    this.probationMonths = input.probationMonths ?? 12;
    this.certificateMonths = input.certificateMonths ?? CERTIFICATE_MONTHS;
    this.sameBirth = new Sightings((at, of, sameUnit) => {
      this.reportedEarlier ||= at.row !== this.rowNumber || at.sheet !== this.sheet;
      this.problems.push(
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
  }

  result(): { candidates: Candidate[]; problems: Problem[]; summary: RowSummary } {
    // A blank `Tôn giáo` is none in a list that records religion, and not known in one that
    // has the column but writes nothing in it (an office that chose not to keep it).
    if (this.religionWritten)
      for (const c of this.candidates)
        if (c.profile.blankReligion) c.profile = { ...c.profile, religious: false };
    // A row of another unit reported late goes back to its place, so problems read in row order.
    if (this.reportedEarlier) this.problems.sort(inRowOrder(this.input.rows));
    return {
      candidates: this.candidates,
      problems: this.problems,
      summary: summarise(this.rowsRead, this.problems),
    };
  }

  read(raw: CandidateRow): void {
    const c = raw.cells;
    if (isBlankRow(c)) return;
    this.rowsRead++;
    this.sheet = raw.sheet;
    this.rowNumber = raw.row;
    // The name is only ever compared (see PersonRegistry): no key is computed for it here.
    const name = typeof c.name === 'string' ? c.name : cellText(c.name);
    const unnamed = isBlank(name);
    if (unnamed) this.report('name', 'name_missing', PROBLEM.nameMissing);
    const birth = this.dateOf(c.birth, 'birth');
    const unit = this.unitOf(c.unit);
    const { text: classText, milestone } = this.classOf(c.classCode, unit);
    const dates: RowDates = {
      birth,
      nominated: this.dateOf(c.nominated, 'nominated'),
      certified: this.dateOf(c.certified, 'certified'),
      admitted: this.dateOf(c.admitted, 'admitted'),
      // Read below, after the admission's checks, to keep the problems in column order.
      resolution: EMPTY_DATE,
      ceremony: EMPTY_DATE,
      recognized: EMPTY_DATE,
    };
    const admissionCounts = this.checkAdmission(dates, c.resolution);
    // A unit's own sheet holds only that unit: a row naming another is left out, not moved.
    const foreign =
      unit !== null &&
      raw.sheetUnit !== undefined &&
      this.input.units.find(raw.sheetUnit)?.code !== unit.code;
    if (foreign && unit)
      this.report('unit', 'unit_not_this_sheet', PROBLEM.unitNotThisSheet(unit.name, raw.sheet));
    if (birth.day === null && birth.usable && dates.admitted.day !== null) {
      this.report('birth', 'birth_missing', PROBLEM.birthMissing);
    }
    dates.resolution = this.dateOf(c.resolution, 'resolution');
    dates.ceremony = this.dateOf(c.ceremony, 'ceremony');
    dates.recognized = this.dateOf(c.recognized, 'recognized');
    const dossierOk = this.checkPipeline(dates);
    const certificateValid = this.checkCertificateValidity(dates);
    const profile = this.profileOf(c, birth, c.group, dates.admitted.day !== null);
    if (unit === null || foreign) return;
    // One number per person (name without diacritics and date of birth): counting compares numbers.
    const identity = this.people.idOf(name, birth.day ?? cellText(c.birth));
    const repeat = !unnamed && this.repeats(raw, unit, name, identity, birth.day !== null);
    const { nominated, certified, admitted, resolution, ceremony, recognized } = dates;
    const inPipeline =
      resolution.day !== null ||
      admitted.day !== null ||
      ceremony.day !== null ||
      recognized.day !== null;
    this.candidates.push({
      sheet: raw.sheet,
      row: raw.row,
      unitCode: unit.code,
      identity,
      classCode: milestone !== null && nominated.usable ? milestone.code : null,
      nominated: nominated.day,
      admitted: admissionCounts && certificateValid ? admitted.day : null,
      listedClass: milestone ? milestone.code : null,
      listedAdmitted: admitted.day,
      dossier:
        !dossierOk || repeat
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
      profile,
    });
  }

  /** A structure cell read once per value: the same few words fill these columns. */
  private word<T>(
    words: Map<CellValue | undefined, T>,
    value: CellValue | undefined,
    read: (text: string) => T,
  ): T {
    if (!words.has(value)) words.set(value, read(cellText(value)));
    return words.get(value) as T;
  }

  /**
   * What the report on those admitted counts of the row. A missing column, a blank cell or a
   * "không rõ" is not known, never "no"; an unreadable `Giới tính` or `Đoàn viên` is reported
   * without its value (the warning names the cell, not what the person is). A blank `Tôn giáo`
   * is none when the list writes a religion for anyone, else not known (see result()).
   */
  private profileOf(
    c: CandidateRow['cells'],
    birth: DateValue,
    group: CellValue | undefined,
    admitted: boolean,
  ): Profile {
    const woman = this.word(this.genders, c.gender, readWoman);
    if (woman === 'invalid') this.report('gender', 'gender_unknown', PROBLEM.genderUnknown);
    let youthUnion: boolean | null = null;
    if (!isBlank(c.youthUnion)) {
      youthUnion = readYesNo(c.youthUnion);
      if (youthUnion === null)
        this.report('youthUnion', 'youth_union_unknown', PROBLEM.youthUnionUnknown);
    }
    const religion =
      c.religion === undefined ? null : this.word(this.religions, c.religion, readReligious);
    if (religion !== null && religion !== 'blank') this.religionWritten = true;
    // Only those admitted are ever counted: the others share one empty profile (a province's
    // list is mostly people not yet admitted, and each object costs memory).
    if (!admitted) return NO_PROFILE;
    return {
      woman: woman === 'invalid' ? null : woman,
      ethnicMinority: this.word(this.peoples, c.ethnicity, readEthnicMinority),
      religious: religion === 'blank' ? null : religion,
      youthUnion,
      birth: birth.usable ? birth.day : null,
      target: cellText(group),
      ...(religion === 'blank' ? { blankReligion: true } : {}),
    };
  }

  private report(
    field: CandidateField,
    code: ProblemCode,
    message: string,
    suggestion?: string,
    severity?: Severity,
  ): void {
    this.problems.push(
      problemAt({
        sheet: this.sheet,
        row: this.rowNumber,
        column: this.input.columns[field],
        code,
        message,
        suggestion,
        severity,
      }),
    );
  }

  /** `quiet`: read for a check that needs the day early, the cell's problems reported later. */
  private dateOf(value: CellValue | undefined, field: DateField, quiet = false): DateValue {
    if (value === '' || value === null || value === undefined) return EMPTY_DATE;
    // The common case, a date cell of this realm, without building a reading first.
    if (value instanceof Date) {
      const day = value.getTime() >= FAST_SINCE ? dayOfInstant(value) : null;
      if (day !== null && day <= this.input.today) return { day, usable: true };
    }
    const reading = readDay(value);
    if (reading.kind === 'empty') return EMPTY_DATE;
    if (reading.kind === 'invalid') {
      if (!quiet) this.report(field, 'date_invalid', PROBLEM.dateInvalid(reading.text));
      return UNUSABLE_DATE;
    }
    if (reading.day < EARLIEST) {
      if (!quiet) this.report(field, 'date_too_old', PROBLEM.dateTooOld(reading.day));
      return { day: reading.day, usable: false };
    }
    if (reading.day > this.input.today) {
      const severity = FUTURE_SEVERITY[field];
      if (!quiet)
        this.report(field, 'date_future', PROBLEM.dateFuture(reading.day), undefined, severity);
      return { day: reading.day, usable: severity === 'warning' };
    }
    return { day: reading.day, usable: true };
  }

  /** The row's unit (name, alias or code in any spelling), or null with the problem reported. */
  private unitOf(value: CellValue | undefined): Unit | null {
    let cell = this.unitsByCell.get(value);
    if (cell === undefined) {
      const text = cellText(value);
      cell = { text, unit: text === '' ? null : this.input.units.find(text) };
      this.unitsByCell.set(value, cell);
    }
    const { text, unit } = cell;
    if (text === '') this.report('unit', 'unit_missing', PROBLEM.unitMissing);
    else if (unit === null) {
      const near = this.input.units.suggest(text);
      this.report(
        'unit',
        'unit_unknown',
        PROBLEM.unitUnknown(text),
        near ? PROBLEM.unitSuggestion(near.name) : PROBLEM.unitSuggestionAdd,
      );
    }
    return unit;
  }

  /** The row's class milestone, or null: unknown codes are errors, another kind's a warning. */
  private classOf(
    value: CellValue | undefined,
    unit: Unit | null,
  ): { text: string; milestone: Milestone | null } {
    let cell = this.classesByCell.get(value);
    if (cell === undefined) {
      const text = cellText(value);
      cell = { text, milestone: text === '' ? null : (this.classes.get(matchKey(text)) ?? null) };
      this.classesByCell.set(value, cell);
    }
    const { text, milestone } = cell;
    if (text !== '' && milestone === null) {
      this.report('classCode', 'class_unknown', PROBLEM.classUnknown(text));
    }
    if (milestone && unit && !appliesToUnit(milestone, unit)) {
      this.report(
        'classCode',
        'class_not_for_unit',
        PROBLEM.classNotForUnit(milestone.code, unit.name),
      );
    }
    return cell;
  }

  /**
   * Whether the admission counts: of age (counted in months) when the cell considered the
   * candidate, after the class certificate. The age is counted at the cell's resolution when it
   * is there and usable, else at the decision (Party Charter art. 1; Quy định 294-QĐ/TW 1.1.1).
   */
  private checkAdmission(
    { birth, certified, admitted }: RowDates,
    resolutionCell: CellValue | undefined,
  ): boolean {
    if (admitted.day === null || !admitted.usable) return false;
    // An admission whose other dates cannot be trusted cannot be verified, so it does not count.
    let counts = birth.usable && certified.usable;
    if (birth.day !== null && birth.usable) {
      // Read here only for its day: its own problems come later, with the pipeline's columns.
      const resolution = this.dateOf(resolutionCell, 'resolution', true);
      const atResolution = resolution.day !== null && resolution.usable;
      const day = atResolution && resolution.day !== null ? resolution.day : admitted.day;
      const months = monthsBetween(birth.day, day);
      if (months < ADULT_MONTHS) {
        const at = atResolution ? 'resolution' : 'decision';
        this.report('admitted', 'underage', PROBLEM.underage(months, at, day));
        counts = false;
      } else if (months > SENIOR_MONTHS) {
        this.report('admitted', 'over_age', PROBLEM.overAge);
      }
    }
    if (certified.day !== null && certified.usable && certified.day > admitted.day) {
      this.report('certified', 'certificate_after_admission', PROBLEM.certificateAfterAdmission);
      counts = false;
    } else if (certified.day === null && certified.usable) {
      this.report('certified', 'certificate_missing', PROBLEM.certificateMissing);
    }
    return counts;
  }

  /** Whether the dossier can be followed: each step after the one before, recognition after probation. */
  private checkPipeline({ admitted, resolution, ceremony, recognized }: RowDates): boolean {
    let ok = resolution.usable && ceremony.usable && recognized.usable && admitted.usable;
    if (resolution.day !== null && admitted.day !== null && admitted.day < resolution.day) {
      this.report('admitted', 'decision_before_resolution', PROBLEM.decisionBeforeResolution);
      ok = false;
    }
    if (ceremony.day !== null && admitted.day !== null && ceremony.day < admitted.day) {
      this.report('ceremony', 'ceremony_before_decision', PROBLEM.ceremonyBeforeDecision);
      ok = false;
    }
    if (recognized.day !== null && ceremony.day !== null) {
      const end = addMonths(ceremony.day, this.probationMonths);
      if (recognized.day < end) {
        this.report(
          'recognized',
          'recognized_before_probation_end',
          PROBLEM.recognizedBeforeProbationEnd(end, this.probationMonths),
        );
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Whether the class certificate was still valid when the cell proposed the candidate (at the
   * decision when no resolution is given): an expired one keeps the admission out of the counts.
   */
  private checkCertificateValidity({ certified, admitted, resolution }: RowDates): boolean {
    if (certified.day === null || !certified.usable) return true;
    const atResolution = resolution.day !== null && resolution.usable;
    const day = atResolution ? resolution.day : admitted.usable ? admitted.day : null;
    if (day === null || day <= addMonths(certified.day, this.certificateMonths)) return true;
    const at = atResolution ? 'resolution' : 'decision';
    this.report(
      'certified',
      'certificate_old',
      PROBLEM.certificateOld(this.certificateMonths, at, day, admitted.day !== null),
    );
    return false;
  }

  /** True when the row repeats an earlier row of the same person in the same unit (reported). */
  private repeats(
    raw: CandidateRow,
    unit: Unit,
    name: string,
    identity: number,
    born: boolean,
  ): boolean {
    if (born) return this.sameBirth.see(identity, here(raw, unit));
    // Without a date of birth a person is recognised only within one unit.
    const key = `${unit.code}\u0000${foldKey(name)}`;
    const first = this.firstWithoutBirth.get(key);
    if (first === undefined) {
      this.firstWithoutBirth.set(key, here(raw, unit));
      return false;
    }
    this.report('name', 'duplicate', PROBLEM.duplicate(first.sheet, first.row));
    return true;
  }
}

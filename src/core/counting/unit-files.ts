// One spreadsheet per unit: each unit's officer keeps the unit's list in a file only they and the
// Board can open. The Board's workbook keeps what was read from each file as figures only —
// counts per milestone, files per stage, problems by row — never a name or a birth date.
import type { RowSummary } from '../model';
import type { Problem } from '../model';
import { problemAt, type ProblemInput } from '../problems';
import type { ReportedPipeline } from '../pipeline/pipeline';

export interface UnitFileFigures {
  /** The unit's code. */
  code: string;
  /** How problems name the file, e.g. `Tệp THPT-HH1`. */
  label: string;
  /** The file's address, for links from `Kiểm tra` to a problem's cell. */
  url: string;
  /** Distinct people counted per milestone code, for milestones the file lists anyone for. */
  counts: Record<string, number>;
  pipeline: ReportedPipeline;
  problems: Problem[];
  rows: RowSummary;
}

/** Where a unit file is, for the problems about it: its code, how problems name it, its address. */
export interface UnitFilePlace {
  code: string;
  label: string;
  url: string;
}

/** A problem about a whole unit file: named by its label, at no row (or the header's) and no column. */
export function unitFileProblem(
  label: string,
  problem: Pick<ProblemInput, 'code' | 'message' | 'severity'> & { row?: number },
): Problem {
  return problemAt({ ...problem, sheet: label, row: problem.row ?? 0, column: '' });
}

/** A file that could not be read (gone, of no unit, without a list): one problem, no figures. */
export function unreadFile(place: UnitFilePlace, problem: Problem): UnitFileFigures {
  return {
    ...place,
    counts: {},
    pipeline: { stages: {}, overdue: {} },
    problems: [problem],
    rows: { rows: 0, withErrors: 0, withWarningsOnly: 0 },
  };
}

/** Columns whose cells hold a person's name or birth date: never quoted outside the file. */
const PERSONAL = /họ và tên|ngày sinh/i;

/**
 * A problem as the Board's workbook may keep it: a message about a name or birth-date cell
 * loses the text it quotes ("Không đọc được ngày "…"").
 */
export function withoutPersonalData(problem: Problem): Problem {
  if (!PERSONAL.test(problem.column)) return problem;
  // Quoted text and any date written out (e.g. "Ngày 15/08/2026 ở tương lai") are both hidden.
  return {
    ...problem,
    message: problem.message.replace(/"[^"]*"/g, '"…"').replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, '…'),
  };
}

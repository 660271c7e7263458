// `Hồ sơ`: where each unit's files stand (people per stage, overdue per stage, the next due day)
// and the funnel from the class to official membership. Counts only: no name, no row of a person.
import { formatDateTimeVietnam, formatDmy, instantOfDay } from '../core/calendar/dates';
import { ALL_UNITS, FUNNEL_LABEL, SOURCE_LABEL, STAGE_LABEL } from '../core/messages/labels';
import { DOSSIERS } from '../core/messages/sheets';
import { FUNNEL_STEPS, OPEN_STAGES, type Pipeline } from '../core/pipeline/pipeline';
import type { Evaluation } from '../core/evaluate';
import type { Cell, SheetLayout } from './port';

const HEADER_ROW = 3;

/** Column headers: a unit, then each stage with its overdue count, official, next due, source. */
export function filesHeader(): string[] {
  return [
    DOSSIERS.code,
    DOSSIERS.unit,
    ...OPEN_STAGES.flatMap((s) => [STAGE_LABEL[s], DOSSIERS.overdue(STAGE_LABEL[s])]),
    STAGE_LABEL.official,
    DOSSIERS.nextDue,
    DOSSIERS.source,
  ];
}

function totalsRow(pipeline: Pipeline): Cell[] {
  const t = pipeline.total;
  return [
    '',
    ALL_UNITS,
    ...OPEN_STAGES.flatMap((s) => [t.stages[s], t.overdue[s]]),
    t.stages.official,
    '',
    '',
  ];
}

export function filesTable(
  evaluation: Evaluation,
  now: Date,
): { rows: Cell[][]; layout: SheetLayout } {
  const { pipeline } = evaluation;
  const header = filesHeader();
  const width = header.length;
  const pad = (row: Cell[]) => [
    ...row,
    ...new Array<Cell>(Math.max(0, width - row.length)).fill(''),
  ];
  const rows: Cell[][] = [
    pad([DOSSIERS.title(formatDmy(pipeline.asOf))]),
    pad([DOSSIERS.updated(formatDateTimeVietnam(now))]),
    header,
  ];
  for (const u of pipeline.units) {
    rows.push([
      u.unit.code,
      u.unit.name,
      ...OPEN_STAGES.flatMap((s) => [u.stages[s], u.overdue[s]]),
      u.stages.official,
      u.nextDue === null ? '' : instantOfDay(u.nextDue),
      u.source === null ? '' : SOURCE_LABEL[u.source],
    ]);
  }
  rows.push(totalsRow(pipeline));
  rows.push(pad([]));
  rows.push(pad([DOSSIERS.funnelTitle, DOSSIERS.people]));
  for (const step of FUNNEL_STEPS)
    rows.push(pad([FUNNEL_LABEL[step], pipeline.total.funnel[step]]));
  const nextDueColumn = header.indexOf(DOSSIERS.nextDue) + 1;
  return {
    rows,
    layout: {
      headerRow: HEADER_ROW,
      dateColumns: [nextDueColumn],
      percentColumns: [],
      widths: { 1: 230, 2: 300, [nextDueColumn]: 110 },
    },
  };
}

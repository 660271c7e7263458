// The sheets of a new workbook, seeded from a plan (Plan 145 by default).
import { formatDmy, instantOfDay, readDay, type Day } from '../core/calendar/dates';
import {
  APPLIES_TO_ALL,
  DATA_MODE_LABEL,
  GENDER_CHOICES,
  GROUP_SUGGESTIONS,
  MILESTONE_KIND_LABEL,
  YES_NO_LABEL,
} from '../core/messages/labels';
import { formatQuota } from '../core/plan/quota';
import { kindsOf } from '../core/plan/kinds';
import { VIETNAM_HOLIDAYS_2024_2026 } from '../core/calendar/holidays-vn';
import type { Plan, Settings } from '../core/model';
import type { SettingField } from '../core/plan/raw-plan';
import {
  CANDIDATE_COLUMNS,
  HOLIDAY_COLUMNS,
  MAIL_LOG_COLUMNS,
  MAIL_LOG_HEADERS,
  MILESTONE_COLUMNS,
  PROBLEM_HEADERS,
  SETTINGS_COLUMNS,
  SETTING_KEYS,
  SHEET,
  UNIT_COLUMNS,
  type ColumnSpec,
} from './contract';
import type { Cell, SheetLayout, ValidationSpec } from './port';
import { countSheetLayout } from './count-sheet';
import { SPARE_ROWS } from './spare-rows';

export interface SheetSeed {
  name: string;
  rows: Cell[][];
  layout: SheetLayout;
}

const dateCell = (day: Day | null): Cell => (day === null ? '' : instantOfDay(day));
const readIso = (iso: string): Day | null => {
  const reading = readDay(iso);
  return reading.kind === 'ok' ? reading.day : null;
};

function layoutOf<F extends string>(
  specs: readonly ColumnSpec<F>[],
  extra: number[] = [],
): SheetLayout {
  const widths: Record<number, number> = {};
  const dateColumns: number[] = [];
  specs.forEach((s, i) => {
    if (s.width) widths[i + 1] = s.width;
    if (s.date) dateColumns.push(i + 1);
  });
  extra.forEach((c) => (widths[c] = 90));
  return { headerRow: 1, dateColumns, percentColumns: [], widths };
}

function settingValue(settings: Settings, field: SettingField): Cell {
  switch (field) {
    case 'planDate':
      return settings.planDate === null ? '' : formatDmy(settings.planDate);
    case 'boardEmails':
    case 'higherBoardEmails':
      return settings[field].join(', ');
    case 'recipients':
      return settings.recipients.join('; ');
    case 'dataMode':
      return DATA_MODE_LABEL[settings.dataMode];
    case 'dryRun':
      return settings.dryRun ? YES_NO_LABEL.yes : YES_NO_LABEL.no;
    case 'decisionDays':
    case 'ceremonyDays':
    case 'probationMonths':
    case 'certificateMonths':
    case 'considerDays':
      return settings.pipeline[field];
    case 'fileLeadDays':
      return settings.pipeline.leadDays.join(', ');
    default:
      return settings[field];
  }
}

const col = <F extends string>(specs: readonly ColumnSpec<F>[], field: F) =>
  specs.findIndex((s) => s.field === field) + 1;

const dates = <F extends string>(specs: readonly ColumnSpec<F>[]): ValidationSpec[] =>
  specs.flatMap((s, i) => (s.date ? [{ column: i + 1, kind: 'date' as const }] : []));

/** A candidate sheet (`Danh sách` or a unit's `DS - <Mã>`): formats and input helps. */
export function candidateLayout(
  classCodes: readonly string[],
  spareRows: number = SPARE_ROWS.list,
): SheetLayout {
  return {
    ...layoutOf(CANDIDATE_COLUMNS),
    spareRows,
    validations: [
      {
        column: col(CANDIDATE_COLUMNS, 'unit'),
        kind: 'column-of',
        sheet: SHEET.quotas,
        sourceHeader: UNIT_COLUMNS[col(UNIT_COLUMNS, 'name') - 1]?.header ?? '',
      },
      {
        column: col(CANDIDATE_COLUMNS, 'group'),
        kind: 'choices',
        // `Đối tượng` is free text: these are suggestions, anything else is kept.
        values: [...GROUP_SUGGESTIONS],
        strict: false,
      },
      {
        column: col(CANDIDATE_COLUMNS, 'classCode'),
        kind: 'choices',
        values: [...classCodes],
        strict: false,
      },
      // The structure columns: a dropdown of the words the report reads; another value is kept
      // and reported (a warning), as the check says.
      {
        column: col(CANDIDATE_COLUMNS, 'gender'),
        kind: 'choices',
        values: [...GENDER_CHOICES],
        strict: false,
      },
      {
        column: col(CANDIDATE_COLUMNS, 'youthUnion'),
        kind: 'choices',
        values: [YES_NO_LABEL.yes, YES_NO_LABEL.no],
        strict: false,
      },
      ...dates(CANDIDATE_COLUMNS),
    ],
  };
}

/** `Chỉ tiêu`: a row per unit, a column per milestone; the plan's own kinds offered as choices. */
function quotasSeed(plan: Plan, codes: readonly string[]): SheetSeed {
  const rows: Cell[][] = [
    [...UNIT_COLUMNS.map((c) => c.header), ...codes],
    ...plan.units.map((u) => [
      u.code,
      u.name,
      u.aliases.join('; '),
      u.kind,
      u.committee,
      u.emails.join(', '),
      ...codes.map((code) => {
        const quota = u.quotas[code];
        return quota ? formatQuota(quota) : '';
      }),
    ]),
  ];
  const codeColumns = codes.map((_, i) => UNIT_COLUMNS.length + i + 1);
  // Kinds of cell are free text: the plan's own kinds are offered, anything else is kept.
  const kinds = kindsOf(plan.units);
  const validations: ValidationSpec[] =
    kinds.length > 0
      ? [{ column: col(UNIT_COLUMNS, 'kind'), kind: 'choices', values: kinds, strict: false }]
      : [];
  return {
    name: SHEET.quotas,
    rows,
    layout: { ...layoutOf(UNIT_COLUMNS, codeColumns), validations, spareRows: SPARE_ROWS.plan },
  };
}

/** `Mốc`: a row per milestone, with dropdowns for its kind, the kinds it applies to, the archive. */
function milestonesSeed(plan: Plan): SheetSeed {
  const rows: Cell[][] = [
    MILESTONE_COLUMNS.map((c) => c.header),
    ...plan.milestones.map((m) => [
      m.code,
      m.name,
      MILESTONE_KIND_LABEL[m.kind],
      m.appliesTo === 'all' ? APPLIES_TO_ALL : m.appliesTo.join('; '),
      dateCell(m.from),
      dateCell(m.deadline),
      dateCell(m.opening),
      m.leadDays.join(', '),
      m.archived ? YES_NO_LABEL.yes : '',
      m.higher ?? '',
    ]),
  ];
  const validations: ValidationSpec[] = [
    {
      column: col(MILESTONE_COLUMNS, 'kind'),
      kind: 'choices',
      values: Object.values(MILESTONE_KIND_LABEL),
      strict: true,
    },
    {
      column: col(MILESTONE_COLUMNS, 'appliesTo'),
      kind: 'choices',
      values: [APPLIES_TO_ALL, ...kindsOf(plan.units)],
      strict: false,
    },
    {
      column: col(MILESTONE_COLUMNS, 'archived'),
      kind: 'choices',
      values: [YES_NO_LABEL.yes, YES_NO_LABEL.no],
      strict: false,
    },
    ...dates(MILESTONE_COLUMNS),
  ];
  return {
    name: SHEET.milestones,
    rows,
    layout: { ...layoutOf(MILESTONE_COLUMNS), validations, spareRows: SPARE_ROWS.plan },
  };
}

/** `blank`: the settings' values are left empty (a new plan of one's own), not the plan's. */
export function seedSheets(plan: Plan, blank = false): SheetSeed[] {
  const codes = plan.milestones.map((m) => m.code);
  const countSheet = countSheetLayout(plan.milestones);
  const counts: Cell[][] = [
    countSheet.header,
    ...plan.units.map((u) => [u.code, u.name, ...countSheet.header.slice(2).map(() => '')]),
  ];
  const settings: Cell[][] = [
    SETTINGS_COLUMNS.map((c) => c.header),
    ...SETTING_KEYS.map(({ field, key }) => [key, blank ? '' : settingValue(plan.settings, field)]),
  ];
  const plain = (widths: number[]): SheetLayout => ({
    headerRow: 1,
    dateColumns: [],
    percentColumns: [],
    widths: Object.fromEntries(widths.map((w, i) => [i + 1, w])),
  });
  const classCodes = plan.milestones.filter((m) => m.kind === 'class').map((m) => m.code);
  return [
    // Placeholders so the dashboard and the files are the first tabs; refresh fills them.
    { name: SHEET.dashboard, rows: [[]], layout: plain([]) },
    { name: SHEET.files, rows: [[]], layout: plain([]) },
    { name: SHEET.structure, rows: [[]], layout: plain([]) },
    quotasSeed(plan, codes),
    milestonesSeed(plan),
    // Counts-only mode keeps no sheet for names.
    ...(plan.settings.dataMode === 'counts'
      ? []
      : [
          {
            name: SHEET.candidates,
            rows: [CANDIDATE_COLUMNS.map((c) => c.header)],
            layout: candidateLayout(classCodes),
          },
        ]),
    {
      name: SHEET.counts,
      rows: counts,
      layout: countSheet.layout,
    },
    {
      name: SHEET.problems,
      rows: [PROBLEM_HEADERS],
      layout: plain([110, 60, 170, 80, 190, 420, 360]),
    },
    { name: SHEET.mailLog, rows: [MAIL_LOG_HEADERS], layout: layoutOf(MAIL_LOG_COLUMNS) },
    {
      name: SHEET.settings,
      rows: settings,
      layout: { ...layoutOf(SETTINGS_COLUMNS), spareRows: SPARE_ROWS.settings },
    },
    {
      name: SHEET.holidays,
      rows: [
        HOLIDAY_COLUMNS.map((c) => c.header),
        ...VIETNAM_HOLIDAYS_2024_2026.map((h) => [dateCell(readIso(h.date)), h.name]),
      ],
      layout: {
        ...layoutOf(HOLIDAY_COLUMNS),
        validations: dates(HOLIDAY_COLUMNS),
        spareRows: SPARE_ROWS.plan,
      },
    },
  ];
}

// From candidate to official member: working days, each stage and its due day, the checks.
import { withoutPersonalData } from '../../src/core/counting/unit-files';
import { dayFromYmd, formatDmy, type Day } from '../../src/core/calendar/dates';
import { builtInHolidays } from '../../src/core/plan/holidays';
import { DEFAULT_SETTINGS } from '../../src/core/plan/settings-input';
import { stageOf } from '../../src/core/pipeline/pipeline';
import { addMonths, WorkingCalendar } from '../../src/core/calendar/working-days';
import { evaluateWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const dmy = (text: string): Day => {
  const [dd, mm, yy] = text.split('/').map(Number) as [number, number, number];
  return dayFromYmd(yy, mm, dd) as Day;
};
const calendar = new WorkingCalendar(builtInHolidays());
const RULES = DEFAULT_SETTINGS.pipeline;

describe('working days: Monday to Friday, less the announced days off', () => {
  test.each<[string, string, number, string]>([
    ['a weekend', '05/01/2024', 1, '08/01/2024'],
    ['a start on a Saturday', '06/01/2024', 1, '08/01/2024'],
    ['a start on a holiday (Tết Dương lịch) does not count', '01/01/2024', 1, '02/01/2024'],
    ['Tết 2024 (8–14/02)', '07/02/2024', 1, '15/02/2024'],
    ['a month end', '31/01/2024', 2, '02/02/2024'],
    ['30/4, 1/5 and the day swapped in 2025', '29/04/2025', 1, '05/05/2025'],
    ['Tết 2026 (16–20/02)', '13/02/2026', 1, '23/02/2026'],
    ['Quốc khánh 2026 (31/08–02/09)', '28/08/2026', 1, '03/09/2026'],
    ['60 after a resolution, past Giỗ Tổ and 30/4–1/5', '01/03/2024', 60, '30/05/2024'],
    ['30 after a decision', '10/05/2024', 30, '21/06/2024'],
    ['a year-end: 1/1/2025 is off', '31/12/2024', 1, '02/01/2025'],
  ])('%s: %s + %i working days = %s', (_, from, n, expected) => {
    expect(formatDmy(calendar.addWorkingDays(dmy(from), n))).toBe(expected);
  });

  test.each<[string, number, string]>([
    ['19/05/2024', 12, '19/05/2025'],
    ['31/08/2024', 6, '28/02/2025'],
    ['29/02/2024', 12, '28/02/2025'],
    ['31/12/2024', 2, '28/02/2025'],
  ])('%s + %i months = %s (whole months keep the day)', (from, months, expected) => {
    expect(formatDmy(addMonths(dmy(from), months))).toBe(expected);
  });
});

describe('each stage and the day it falls due', () => {
  type Dates = Record<'resolution' | 'decision' | 'ceremony' | 'recognized', Day | null>;
  const none: Dates = { resolution: null, decision: null, ceremony: null, recognized: null };
  test.each<[string, Partial<Dates>, string, string, string | null]>([
    ['nothing yet', {}, '01/06/2024', 'none', null],
    [
      'awaiting the decision: 60 working days from the resolution',
      { resolution: dmy('01/03/2024') },
      '01/04/2024',
      'awaiting_decision',
      '30/05/2024',
    ],
    [
      'awaiting the ceremony: 30 working days from the decision',
      { resolution: dmy('01/03/2024'), decision: dmy('10/05/2024') },
      '01/06/2024',
      'awaiting_ceremony',
      '21/06/2024',
    ],
    [
      'probation: 12 months from the ceremony, then 30 working days to consider',
      { resolution: dmy('01/03/2024'), decision: dmy('10/05/2024'), ceremony: dmy('20/05/2024') },
      '01/06/2024',
      'probation',
      '01/07/2025',
    ],
    [
      'official once recognised',
      {
        decision: dmy('10/05/2024'),
        ceremony: dmy('20/05/2024'),
        recognized: dmy('25/06/2025'),
      },
      '30/06/2025',
      'official',
      null,
    ],
    [
      'a ceremony after the as-of day has not happened yet',
      { decision: dmy('10/05/2024'), ceremony: dmy('20/05/2024') },
      '15/05/2024',
      'awaiting_ceremony',
      '21/06/2024',
    ],
  ])('%s', (_, dates, asOf, stage, due) => {
    const at = stageOf({ ...none, ...dates }, dmy(asOf), RULES, calendar);
    expect(at === null ? 'none' : at.stage).toBe(stage);
    expect(at?.due === undefined || at.due === null ? null : formatDmy(at.due)).toBe(due);
  });
});

describe('the pipeline of a workbook', () => {
  const NOW = new Date('2025-12-31T05:00:00Z');
  const ok: Person = {
    name: 'Nguyễn Văn Mẫu',
    birth: '01/01/2000',
    unit: 'Trường THPT Hiệp Hòa số 1',
    classCode: 'BD1-HS',
    certified: '14/04/2024',
    resolution: '01/03/2024',
    admitted: '10/05/2024',
  };
  const run = (people: Person[], asOf: string) => {
    const book = plan145Workbook();
    addPeople(book, people);
    return evaluateWorkbook(book, NOW, dmy(asOf));
  };

  test('stages and overdue per unit, the funnel, and a file overdue when its day has passed', () => {
    const e = run(
      [
        ok,
        { ...ok, name: 'Trần Văn Mẫu', ceremony: '20/05/2024' },
        { ...ok, name: 'Lê Văn Mẫu', admitted: '', resolution: '02/01/2024' },
      ],
      '01/07/2024',
    );
    const hh1 = e.pipeline.units.find((u) => u.unit.code === 'THPT-HH1');
    expect(hh1?.stages).toEqual({
      awaiting_decision: 1,
      awaiting_ceremony: 1,
      probation: 1,
      official: 0,
    });
    // 02/01/2024 + 60 working days is in April: overdue by July; 21/06/2024 too.
    expect(hh1?.overdue).toEqual({ awaiting_decision: 1, awaiting_ceremony: 1, probation: 0 });
    expect(hh1?.funnel).toMatchObject({
      classed: 3,
      certified: 3,
      proposed: 3,
      admitted: 2,
      ceremony: 1,
    });
    expect(e.pipeline.dossiers.every((f) => !('name' in f))).toBe(true);
    expect(e.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test.each<[string, Partial<Person>, string]>([
    [
      'a decision before the resolution',
      { resolution: '20/05/2024' },
      'decision_before_resolution',
    ],
    ['a ceremony before the decision', { ceremony: '01/05/2024' }, 'ceremony_before_decision'],
    [
      'recognition before the end of probation',
      { ceremony: '20/05/2024', recognized: '01/05/2025' },
      'recognized_before_probation_end',
    ],
  ])('%s is an error on the row, and the file is not followed', (_, change, code) => {
    const e = run([{ ...ok, ...change }], '01/06/2025');
    expect(e.problems.map((p) => `${p.severity}:${p.code}`)).toEqual([`error:${code}`]);
    expect(e.pipeline.dossiers).toEqual([]);
  });

  test('a certificate older than 60 months at the resolution is an error: not counted, still followed', () => {
    const e = run([{ ...ok, certified: '01/02/2019' }], '01/06/2024');
    expect(e.problems.map((p) => `${p.severity}:${p.code}`)).toEqual(['error:certificate_old']);
    const hh1 = e.fulfillment.units.find((u) => u.unit.code === 'THPT-HH1');
    expect(hh1?.results['KN-2024']?.actual).toBe(0);
    expect(e.pipeline.dossiers).toHaveLength(1);
  });
});

test('a unit file problem on a name or birth cell keeps no value, quoted or written out', () => {
  const masked = withoutPersonalData({
    sheet: 'Tệp THPT-HH1',
    row: 4,
    column: 'Ngày sinh',
    code: 'date_future',
    severity: 'error',
    message: 'Ngày 15/08/2026 ở tương lai.',
  });
  expect(masked.message).toBe('Ngày … ở tương lai.');
  expect(
    withoutPersonalData({ ...masked, column: 'Họ và tên', message: 'Không đọc được "Mẫu".' })
      .message,
  ).toBe('Không đọc được "…".');
});

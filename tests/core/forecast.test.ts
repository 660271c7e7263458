import { PACE_LABEL } from '../../src/core/messages/labels';
import fc from 'fast-check';
import { dayFromYmd, formatDmy, type Day } from '../../src/core/calendar/dates';
import { forecast, paceRisks } from '../../src/core/forecast/forecast';
import { resultFor } from '../../src/core/counting/fulfillment';
import { PLAN_145_MILESTONES } from '../../src/core/plan/plan145';
import type { Milestone } from '../../src/core/model';
import { digestMail } from '../../src/core/reminders/reminder-mail';
import { planReminders } from '../../src/core/reminders/reminders';
import { buildJsonReport } from '../../src/core/reports/json-report';
import { buildReportDocument } from '../../src/core/reports/report-document';
import { evaluateWorkbook, refreshWorkbook } from '../../src/workbook/usecases';
import { addPeople, plan145Workbook, type Person } from '../helpers/plan-workbook';

const day = (iso: string): Day => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayFromYmd(y, m, d) as Day;
};
const milestone = (code: string): Milestone => {
  const m = PLAN_145_MILESTONES.find((x) => x.code === code);
  if (!m) throw new Error(code);
  return m;
};
const BD2_HS = milestone('BD2-HS'); // 15/08/2024 – 06/10/2024, quota 20 at THPT Hiệp Hòa số 1
const quota20 = (actual: number) => resultFor(actual, { min: 20, max: 20 });

describe('the worked example of docs/vi/cach-tinh.md: BD2-HS, quota 20, as of 01/09/2024', () => {
  test.each([
    // actual, per week, projected, reach day, status
    [6, 2.3, 17, '13/10/2024', 'behind'],
    [7, 2.7, 20, '05/10/2024', 'at_risk'],
    [8, 3.1, 23, '28/09/2024', 'on_track'],
    [0, 0, 0, null, 'behind'],
    [20, 7.8, 58, null, 'on_track'],
  ])(
    '%p counted → %p a week, %p projected, reached %p: %s',
    (actual, perWeek, projected, reach, status) => {
      const f = forecast(quota20(actual), BD2_HS, day('2024-09-01'), null);
      expect(f).not.toBeNull();
      expect(f?.elapsedDays).toBe(18);
      expect(f?.windowDays).toBe(53);
      expect(f?.perWeek).toBe(perWeek);
      expect(f?.projected).toBe(projected);
      expect(f?.reachDay === null ? null : formatDmy(f?.reachDay ?? 0)).toBe(reach);
      expect(f?.status).toBe(status);
    },
  );
});

describe('only open milestones with a minimum get a forecast', () => {
  test('before Từ ngày, after Hạn, without a quota or with a zero minimum: none', () => {
    expect(forecast(quota20(3), BD2_HS, day('2024-08-14'), null)).toBeNull();
    expect(forecast(quota20(3), BD2_HS, day('2024-10-07'), null)).toBeNull();
    expect(forecast(resultFor(3, null), BD2_HS, day('2024-09-01'), null)).toBeNull();
    expect(forecast(resultFor(3, { min: 0, max: 2 }), BD2_HS, day('2024-09-01'), null)).toBeNull();
    expect(forecast(quota20(3), BD2_HS, null, null)).toBeNull();
  });

  test('on the first and the last day of the window there is one', () => {
    expect(forecast(quota20(1), BD2_HS, day('2024-08-15'), null)?.elapsedDays).toBe(1);
    const last = forecast(quota20(19), BD2_HS, day('2024-10-06'), null);
    expect(last?.status).toBe('behind');
    expect(last?.shortfall).toBe(1);
  });

  test('a milestone without Từ ngày starts on the plan date', () => {
    const open = { ...BD2_HS, from: null };
    expect(forecast(quota20(3), open, day('2024-09-01'), null)).toBeNull();
    expect(forecast(quota20(3), open, day('2024-09-01'), day('2024-03-20'))?.start).toBe(
      day('2024-03-20'),
    );
  });

  test('in the last week, short of the minimum but on pace, a unit is at risk', () => {
    // 19 of 20 with the pace reaching 20 on the deadline itself.
    const f = forecast(quota20(19), BD2_HS, day('2024-10-03'), null);
    expect(f?.status).toBe('at_risk');
  });
});

describe('a forecast waits for a week of data', () => {
  test('BD2-HS on 16/08/2024, its second day: no projection, "chưa đủ số liệu"', () => {
    const f = forecast(quota20(3), BD2_HS, day('2024-08-16'), null);
    expect(f).toMatchObject({ status: 'too_early', projected: null, reachDay: null });
    expect(PACE_LABEL[f?.status ?? 'behind']).toBe('chưa đủ số liệu');
  });
  test.each<[string, number, string]>([
    ['2024-08-21', 3, 'too_early'],
    ['2024-08-21', 20, 'on_track'],
    ['2024-08-22', 3, 'behind'],
  ])('on %s with %i counted: %s', (asOf, actual, status) => {
    expect(forecast(quota20(actual), BD2_HS, day(asOf), null)?.status).toBe(status);
  });
});

describe('invariants', () => {
  const windows = fc
    .record({
      start: fc.integer({ min: 19000, max: 21000 }),
      length: fc.integer({ min: 0, max: 400 }),
      offset: fc.integer({ min: 0, max: 400 }),
      min: fc.integer({ min: 1, max: 60 }),
      actual: fc.integer({ min: 0, max: 80 }),
    })
    .filter((r) => r.offset <= r.length);
  const run = (r: { start: number; length: number; offset: number; min: number; actual: number }) =>
    forecast(
      resultFor(r.actual, { min: r.min, max: r.min }),
      { ...BD2_HS, from: r.start, deadline: r.start + r.length },
      r.start + r.offset,
      null,
    );

  test('behind exactly when the projection falls short of the minimum', () => {
    fc.assert(
      fc.property(windows, (r) => {
        const f = run(r);
        if (f?.projected === null) return; // the first week: no projection
        expect(f?.status === 'behind').toBe(f !== null && f.projected < r.min);
      }),
    );
  });

  test('one more person counted never makes the forecast worse', () => {
    const rank = { behind: 0, too_early: 0, at_risk: 1, on_track: 2 } as const;
    fc.assert(
      fc.property(windows, (r) => {
        const a = run(r);
        const b = run({ ...r, actual: r.actual + 1 });
        expect(rank[b?.status ?? 'behind']).toBeGreaterThanOrEqual(rank[a?.status ?? 'behind']);
      }),
    );
  });

  test('the reach day is within the window exactly when the unit is not behind', () => {
    fc.assert(
      fc.property(windows, (r) => {
        const f = run(r);
        if (f === null || f.reachDay === null) return;
        expect(f.reachDay <= r.start + r.length).toBe(f.status !== 'behind');
        expect(f.reachDay).toBeGreaterThanOrEqual(r.start + r.offset);
      }),
    );
  });
});

describe('units at risk in a workbook', () => {
  const HH1 = 'Trường THPT Hiệp Hòa số 1';
  const HH2 = 'Trường THPT Hiệp Hòa số 2';
  const nominee = (unit: string, i: number, nominated: string): Person => ({
    name: `Học sinh Mẫu ${unit.slice(-1)}${i}`,
    birth: '01/01/2007',
    unit,
    classCode: 'BD2-HS',
    nominated,
  });

  test('lists behind before at risk and leaves units on track out', () => {
    const book = plan145Workbook();
    const people: Person[] = [];
    for (let i = 0; i < 8; i++) people.push(nominee(HH1, i, '20/08/2024')); // on track
    for (let i = 0; i < 7; i++) people.push(nominee(HH2, i, '20/08/2024')); // at risk
    addPeople(book, people);
    const evaluation = evaluateWorkbook(book, new Date('2024-09-01T05:00:00Z'), day('2024-09-01'));
    const risks = paceRisks(evaluation.fulfillment, evaluation.plan.settings.planDate).filter(
      (r) => r.milestone.code === 'BD2-HS',
    );
    const byUnit = new Map(risks.map((r) => [r.unit.name, r.forecast.status]));
    expect(byUnit.has(HH1)).toBe(false);
    expect(byUnit.get(HH2)).toBe('at_risk');
    expect(byUnit.get('Trường THPT Hiệp Hòa số 3')).toBe('behind');
    expect(risks[0]?.forecast.status).toBe('behind');
    expect(risks.at(-1)?.forecast.status).toBe('at_risk');
  });
});

describe('where the forecast shows', () => {
  const HH2 = 'Trường THPT Hiệp Hòa số 2';
  const people: Person[] = Array.from({ length: 7 }, (_, i) => ({
    name: `Học sinh Mẫu ${i}`,
    birth: '01/01/2007',
    unit: HH2,
    classCode: 'BD2-HS',
    nominated: '20/08/2024',
  }));
  const SEPT_1 = new Date('2024-09-01T05:00:00Z');

  test('Tổng hợp: a projection and a pace per open milestone, blank for closed ones', () => {
    const book = plan145Workbook();
    addPeople(book, people);
    refreshWorkbook(book, SEPT_1);
    const rows = book.readSheet('Tổng hợp') ?? [];
    const header = rows[3] ?? [];
    const at = (label: string) => header.indexOf(label);
    expect(at('BD2-HS dự báo')).toBe(at('BD2-HS nguồn') + 1);
    expect(at('BD2-HS tiến độ')).toBe(at('BD2-HS dự báo') + 1);
    const hh2 = rows.find((r) => r[1] === HH2) ?? [];
    expect(hh2[at('BD2-HS dự báo')]).toBe(20);
    expect(hh2[at('BD2-HS tiến độ')]).toBe('nguy cơ');
    // BD1-HS closed on 31/03: its result stands, there is nothing to forecast.
    expect(hh2[at('BD1-HS tiến độ')]).toBe('');
    const total = rows.find((r) => r[1] === 'Tổng cộng') ?? [];
    expect(total[at('BD2-HS tiến độ')]).toBe('không kịp');
  });

  test('the JSON report: forecasts per unit, null when closed, and the at-risk list', () => {
    const book = plan145Workbook();
    addPeople(book, people);
    const report = buildJsonReport(evaluateWorkbook(book, SEPT_1, day('2024-09-01')));
    const hh2 = report.units.find((u) => u.code === 'THPT-HH2');
    expect(hh2?.forecasts['BD2-HS']).toMatchObject({
      start: '2024-08-15',
      elapsedDays: 18,
      projected: 20,
      reachDate: '2024-10-05',
      status: 'at_risk',
    });
    expect(hh2?.forecasts['BD1-HS']).toBeNull();
    expect(
      report.atRisk.find((r) => r.unit === 'THPT-HH2' && r.milestone === 'BD2-HS'),
    ).toMatchObject({
      actual: 7,
      min: 20,
    });
    expect(report.atRisk[0]?.forecast.status).toBe('behind');
  });

  test('the Board digest lists units behind or at risk, with projection and pace', () => {
    const book = plan145Workbook();
    addPeople(book, people);
    const today = day('2024-09-22'); // BD2-HS 14 days before its deadline: reminders go out
    const e = evaluateWorkbook(book, SEPT_1, today);
    const plan = planReminders({
      today,
      plan: e.plan,
      fulfillment: e.fulfillment,
      log: [],
      dryRun: false,
    });
    const ctx = {
      today,
      settings: e.plan.settings,
      sheetUrl: 'https://docs.google.com/spreadsheets/d/x',
    };
    const mail = digestMail(plan.digest!, ctx);
    expect(mail.text).toContain('Dự báo theo tốc độ hiện nay');
    expect(mail.text).toMatch(
      /- Trường THPT Hiệp Hòa số 2 \| BD2-HS \| 06\/10\/2024 \| 20 \| 7 \| 13 \| \d+ \| không kịp/,
    );
    expect(mail.html).toContain(
      '<th style="border: 1px solid #dadce0; padding: 4px 8px">Tiến độ</th>',
    );
    expect(mail.text + mail.html).not.toContain('Học sinh Mẫu');
  });
});

describe('the report document', () => {
  const evaluationOn = (iso: string) =>
    evaluateWorkbook(plan145Workbook(), new Date('2024-09-01T05:00:00Z'), day(iso));

  test('each milestone says where it stands: open (with its pace), closed, or not started', () => {
    const doc = buildReportDocument(evaluationOn('2024-09-01'), day('2024-09-02'));
    const line = (code: string) => doc.summary.find((l) => l.includes(`(${code})`)) ?? '';
    expect(line('BD1-HS')).toContain('đã hết hạn');
    expect(line('BD2-HS')).toContain('theo tốc độ hiện nay, 7 đơn vị không kịp');
    expect(doc.placeDate).toBe('Hiệp Hòa, ngày 02 tháng 9 năm 2024');
    expect(doc.openMilestones).toBe(3); // BD2-HS, BD2-CN, KN-2024
    const early = buildReportDocument(evaluationOn('2024-08-01'), day('2024-08-01'));
    expect(early.summary.find((l) => l.includes('(BD2-HS)'))).toContain('chưa đến thời gian');
  });

  test('without Từ ngày or a plan date there is no forecast, and the summary says why', () => {
    const e = evaluationOn('2024-09-01');
    const undated = {
      ...e,
      plan: { ...e.plan, settings: { ...e.plan.settings, planDate: null } },
      fulfillment: {
        ...e.fulfillment,
        milestones: e.fulfillment.milestones.map((m) => ({ ...m, from: null })),
      },
    };
    const doc = buildReportDocument(undated, day('2024-09-01'));
    expect(doc.openMilestones).toBe(0);
    expect(doc.risks).toEqual([]);
    expect(doc.summary.find((l) => l.includes('(BD2-HS)'))).toContain('chưa ghi "Từ ngày"');
  });
});

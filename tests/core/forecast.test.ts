import fc from 'fast-check';
import { dayFromYmd, formatDmy, type Day } from '../../src/core/dates';
import { forecast, paceRisks } from '../../src/core/forecast';
import { resultFor } from '../../src/core/fulfillment';
import { PLAN_145_MILESTONES } from '../../src/core/plan145';
import type { Milestone } from '../../src/core/model';
import { evaluateWorkbook } from '../../src/workbook/usecases';
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

describe('the README worked example: BD2-HS, quota 20, as of 01/09/2024', () => {
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
        expect(f?.status === 'behind').toBe(f !== null && f.projected < r.min);
      }),
    );
  });

  test('one more person counted never makes the forecast worse', () => {
    const rank = { behind: 0, at_risk: 1, on_track: 2 } as const;
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

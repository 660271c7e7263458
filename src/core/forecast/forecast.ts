// The pace forecast: will a unit reach its minimum by the deadline if it keeps going as it has?
// One straight line through the window, in whole days, so the same sheet always gives the same
// answer and a person can redo it on paper (docs/vi/cach-tinh.md, "Dự báo tiến độ"):
//
//   elapsed   E = asOf - start + 1      days of the window so far, the report day included
//   window    W = deadline - start + 1  days of the whole window
//   pace      = actual / E * 7          counted entries per week
//   projected = actual * W / E          the count at the deadline at that pace
//   reach day = start + ceil(min * E / actual) - 1, the day the pace reaches the minimum
//
//   kịp (on_track)     the minimum is reached already, or the reach day is at least a week
//                      before the deadline;
//   nguy cơ (at_risk)  the pace reaches the minimum only in the deadline's last week: one slow
//                      week and it is missed;
//   không kịp (behind) the pace does not reach the minimum by the deadline (nothing counted yet
//                      included);
//   chưa đủ số liệu (too_early) the window's first week: a day or two of data says nothing
//                      about a pace (a second day with 3 people would "project" 79).
// In the first week there is no projection at all; a minimum already reached is still kịp.
//
// Only open milestones get a forecast: started (start <= asOf) and not past (asOf <= deadline),
// for a unit or group with a minimum above zero. `start` is the milestone's `Từ ngày`, or the
// plan's date when the milestone has none.
import type { Day } from '../calendar/dates';
import type { Fulfillment, Result } from '../counting/fulfillment';
import type { Milestone, Pace, Unit } from '../model';

const { ceil, floor, round } = Math;

const DAYS_PER_WEEK = 7;

export interface Forecast {
  start: Day;
  elapsedDays: number;
  windowDays: number;
  /** Counted entries per week so far, one decimal. */
  perWeek: number;
  /**
   * The count at the deadline at that pace, rounded down (a person cannot be 0.6 admitted); null
   * in the window's first week.
   */
  projected: number | null;
  /** The day the pace reaches the minimum; null when reached already or nothing is counted. */
  reachDay: Day | null;
  /** Still to find to reach the minimum. */
  shortfall: number;
  status: Pace;
}

/** Where a milestone's window starts: its `Từ ngày`, else the plan's date; null without either. */
export function windowStart(milestone: Milestone, planStart: Day | null): Day | null {
  return milestone.from ?? planStart;
}

/** Started and not past on `asOf`: the milestones that get a forecast. */
export function isOpen(milestone: Milestone, asOf: Day | null, planStart: Day | null): boolean {
  const start = windowStart(milestone, planStart);
  return asOf !== null && start !== null && start <= asOf && asOf <= milestone.deadline;
}

/** The forecast for one figure, or null when there is nothing to forecast. */
export function forecast(
  result: Result,
  milestone: Milestone,
  asOf: Day | null,
  planStart: Day | null,
): Forecast | null {
  const start = windowStart(milestone, planStart);
  const min = result.min;
  if (asOf === null || start === null || min === null || min <= 0) return null;
  if (asOf < start || asOf > milestone.deadline) return null;
  const actual = result.actual;
  const elapsed = asOf - start + 1;
  const window = milestone.deadline - start + 1;
  const met = actual >= min;
  const early = elapsed <= DAYS_PER_WEEK;
  const reachDay = met || actual === 0 || early ? null : start + ceil((min * elapsed) / actual) - 1;
  let status: Pace = 'on_track';
  if (!met && early) status = 'too_early';
  else if (!met) {
    if (reachDay === null || reachDay > milestone.deadline) status = 'behind';
    else if (reachDay > milestone.deadline - DAYS_PER_WEEK) status = 'at_risk';
  }
  return {
    start,
    elapsedDays: elapsed,
    windowDays: window,
    perWeek: round(((actual * DAYS_PER_WEEK) / elapsed) * 10) / 10,
    projected: early ? null : floor((actual * window) / elapsed),
    reachDay,
    shortfall: met ? 0 : min - actual,
    status,
  };
}

/** Forecasts by milestone code, for one row of results (a unit, a group or the total). */
export type ForecastRow = Record<string, Forecast | null>;

export function forecastRow(
  results: Record<string, Result>,
  milestones: readonly Milestone[],
  asOf: Day | null,
  planStart: Day | null,
): ForecastRow {
  const row: ForecastRow = {};
  for (const m of milestones) {
    const r = results[m.code];
    row[m.code] = r ? forecast(r, m, asOf, planStart) : null;
  }
  return row;
}

/** A unit that will not, or only just, make a milestone at its pace. */
export interface PaceRisk {
  unit: Unit;
  milestone: Milestone;
  result: Result;
  forecast: Forecast;
}

const SEVERITY: Record<Pace, number> = { behind: 0, at_risk: 1, on_track: 2, too_early: 3 };

/**
 * Every unit at risk or behind on an open milestone: the worst first (behind before at risk),
 * then by deadline, then by how many are still missing.
 */
export function paceRisks(fulfillment: Fulfillment, planStart: Day | null): PaceRisk[] {
  const risks: PaceRisk[] = [];
  for (const { unit, results } of fulfillment.units) {
    for (const milestone of fulfillment.milestones) {
      const result = results[milestone.code];
      if (!result) continue;
      const f = forecast(result, milestone, fulfillment.asOf, planStart);
      if (f && (f.status === 'behind' || f.status === 'at_risk'))
        risks.push({ unit, milestone, result, forecast: f });
    }
  }
  return risks.sort(
    (a, b) =>
      SEVERITY[a.forecast.status] - SEVERITY[b.forecast.status] ||
      a.milestone.deadline - b.milestone.deadline ||
      b.forecast.shortfall - a.forecast.shortfall ||
      a.unit.code.localeCompare(b.unit.code),
  );
}

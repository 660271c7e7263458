import { QUOTA_OR_MORE } from '../messages/labels';
import { foldKey } from '../text/normalize';
import type { CellValue, Quota } from '../model';

export type QuotaReading = { kind: 'none' } | { kind: 'ok'; quota: Quota } | { kind: 'invalid' };

/**
 * A quota as plans write it, after folding diacritics: `20`, `ít nhất 20`, `tối thiểu 20` (a
 * single target: minimum = maximum), `8-10`, `8 – 10`, `từ 8 đến 10`, `ít nhất từ 03 đến 05`, and
 * as 2026 commune plans write it, `từ 2 trở lên`, `2 trở lên`, `từ 1–2 trở lên` (at least the
 * first figure, no upper bound). The people counted may be named once, after the figures, before
 * or after `trở lên`: `02 đồng chí` (or `02 đ/c`), `từ 2 đồng chí trở lên`, `2 đảng viên trở lên`.
 */
const PEOPLE = '(dong chi|d/c|dc|dang vien|quan chung|nguoi)';
const QUOTA = new RegExp(
  '^(?:it nhat|toi thieu)?\\s*(?:tu\\s*)?(\\d+)(?:\\s*(?:-|den)\\s*(\\d+))?' +
    `(?:\\s*${PEOPLE})?(?:\\s*(tro len)(?:\\s*${PEOPLE})?)?$`,
);

/** Reads a quota cell (text as above, or a number). Never throws. */
export function readQuota(value: CellValue | undefined): QuotaReading {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0
      ? { kind: 'ok', quota: { min: value, max: value } }
      : { kind: 'invalid' };
  }
  if (typeof value !== 'string') return { kind: 'invalid' };
  // foldKey also turns every dash into `-` and drops the spaces around it.
  // A full stop or a comma after the figure, as a plan's sentence leaves it (`từ 2 trở lên.`).
  const text = foldKey(value)
    .replace(/[.,;]+$/, '')
    .trim();
  if (text === '') return { kind: 'none' };
  const m = QUOTA.exec(text);
  if (!m) return { kind: 'invalid' };
  const [, low, high, word, orMore, wordAfter] = m;
  if (word !== undefined && wordAfter !== undefined) return { kind: 'invalid' };
  const min = Number(low);
  const max = high === undefined ? min : Number(high);
  if (min > max) return { kind: 'invalid' };
  // `từ 1–2 trở lên`: the plan asks for 1 or 2 and welcomes more, so the floor is what counts.
  return { kind: 'ok', quota: { min, max: orMore ? Number.POSITIVE_INFINITY : max } };
}

/** True when the quota sets no upper bound (`từ 2 trở lên`): it can be met, never exceeded. */
export function isOpenEnded(quota: Quota): boolean {
  return quota.max === Number.POSITIVE_INFINITY;
}

/**
 * `20`, `8-10` or `từ 2 trở lên`: the plan's wording in short, which readQuota reads back the same
 * (a new workbook's `Chỉ tiêu` is written with it).
 */
export function formatQuota(quota: Quota): string {
  if (isOpenEnded(quota)) return QUOTA_OR_MORE(quota.min);
  return quota.min === quota.max ? String(quota.min) : `${quota.min}-${quota.max}`;
}

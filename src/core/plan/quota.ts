import { foldKey } from '../text/normalize';
import type { CellValue, Quota } from '../model';

export type QuotaReading = { kind: 'none' } | { kind: 'ok'; quota: Quota } | { kind: 'invalid' };

/**
 * A quota as plans write it, after folding diacritics: `20`, `ít nhất 20`, `tối thiểu 20` (a
 * single target: minimum = maximum), `8-10`, `8 – 10`, `từ 8 đến 10`, `ít nhất từ 03 đến 05`.
 */
const QUOTA = /^(?:it nhat|toi thieu)?\s*(?:tu\s*)?(\d+)(?:\s*(?:-|den)\s*(\d+))?(?:\s*nguoi)?$/;

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
  const text = foldKey(value);
  if (text === '') return { kind: 'none' };
  const m = QUOTA.exec(text);
  if (!m) return { kind: 'invalid' };
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min <= max ? { kind: 'ok', quota: { min, max } } : { kind: 'invalid' };
}

/** `20` or `8-10`, as the annex writes it. */
export function formatQuota(quota: Quota): string {
  return quota.min === quota.max ? String(quota.min) : `${quota.min}-${quota.max}`;
}

import type { CellValue, Quota } from './model';

export type QuotaReading = { kind: 'none' } | { kind: 'ok'; quota: Quota } | { kind: 'invalid' };

const SINGLE = /^\d+$/;
const RANGE = /^(\d+)\s*[-\u2010-\u2015]\s*(\d+)$/;

/** Reads `20`, `8-10` (also with an en dash) or a number cell. Never throws. */
export function readQuota(value: CellValue | undefined): QuotaReading {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0
      ? { kind: 'ok', quota: { min: value, max: value } }
      : { kind: 'invalid' };
  }
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'none' };
  if (SINGLE.test(text)) {
    const n = Number(text);
    return { kind: 'ok', quota: { min: n, max: n } };
  }
  const m = RANGE.exec(text);
  if (m) {
    const min = Number(m[1]);
    const max = Number(m[2]);
    return min <= max ? { kind: 'ok', quota: { min, max } } : { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

/** `20` or `8-10`, as the annex writes it. */
export function formatQuota(quota: Quota): string {
  return quota.min === quota.max ? String(quota.min) : `${quota.min}-${quota.max}`;
}

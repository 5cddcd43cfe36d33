// Delinquency buckets by days past due.
import type { DelinquencyRange } from './types.js';

export const DEFAULT_DELINQUENCY_RANGES: DelinquencyRange[] = [
  { name: 'current', minDays: 0, maxDays: 0 },
  { name: '1-30', minDays: 1, maxDays: 30 },
  { name: '31-60', minDays: 31, maxDays: 60 },
  { name: '61-90', minDays: 61, maxDays: 90 },
  { name: '90+', minDays: 91 },
];

export function bucketFor(dpd: number, ranges: readonly DelinquencyRange[]): string {
  for (const r of ranges) if (dpd >= r.minDays && (r.maxDays === undefined || dpd <= r.maxDays)) return r.name;
  return 'unclassified';
}

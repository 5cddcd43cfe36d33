// Test-only helpers (imported by *.test.ts): build a schedule from JSON input, compare decimals.
import { scheduleFromJson } from '../../lending/commands.js';
import { Dec } from '../../lending/decimal.js';
import { formatMoney } from '../../lending/money.js';
import type { ScheduleJson } from '../../lending/schedule-json.js';

export const base = { currency: 'USD', contractDate: '2024-01-01', method: 'annuity' } as const;

export function sched(input: Record<string, unknown>): ScheduleJson {
  return scheduleFromJson({ ...base, ...input });
}

/** |actual − expected| ≤ tolerance, all as decimal strings. */
export function near(actual: string, expected: string, tolerance: string): boolean {
  return new Dec(actual).minus(expected).abs().lte(tolerance);
}

export function round(value: string, places: number): string {
  return formatMoney(new Dec(value), places);
}

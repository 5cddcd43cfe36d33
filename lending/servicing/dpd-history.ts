// Days past due over time and the buckets the loan went through. Days past due on day d: the
// non-paused days in (due date + grace, d] of the oldest installment whose principal, interest, fees
// or VAT is still unpaid at the end of d (Fineract: delinquentDays = overdue days − graceOnArrearsAgeing
// − paused days). Between events (a due date, a grace end, an installment cleared, a pause starting or
// ending) it grows one a day or stands still, so bucket changes follow by arithmetic, not day by day.
import { fromDayIndex } from '../dates.js';
import { bucketFor } from './delinquency.js';
import { activeDays, isPaused, type DayPause } from './pauses.js';
import type { BucketSpan, DelinquencyRange } from './types.js';

export interface DpdInstallment {
  dueDay: number;
  /** The day its principal, interest, fees and VAT were all paid; undefined while not. */
  clearedDay: number | undefined;
}

export interface DpdTimeline {
  installments: readonly DpdInstallment[];
  graceDays: number;
  pauses: readonly DayPause[];
  ranges: readonly DelinquencyRange[];
  startDay: number;
  asOfDay: number;
}

export function dpdOn(t: DpdTimeline, d: number): number {
  let oldest: number | undefined;
  for (const i of t.installments) {
    if (i.dueDay >= d) break;
    if (i.clearedDay !== undefined && i.clearedDay <= d) continue;
    oldest = i.dueDay;
    break;
  }
  return oldest === undefined ? 0 : activeDays(t.pauses, oldest + t.graceDays, d);
}

export function dpdHistory(t: DpdTimeline): BucketSpan[] {
  const events = new Set<number>([t.startDay]);
  for (const i of t.installments) {
    events.add(i.dueDay + 1);
    events.add(i.dueDay + t.graceDays + 1);
    if (i.clearedDay !== undefined) events.add(i.clearedDay);
  }
  for (const p of t.pauses) {
    events.add(p.from);
    if (Number.isFinite(p.to)) events.add(p.to);
  }
  const days = [...events].filter((d) => d >= t.startDay && d <= t.asOfDay).sort((a, b) => a - b);
  const spans: BucketSpan[] = [];
  const enter = (bucket: string, day: number): void => {
    const last = spans[spans.length - 1];
    if (last?.bucket === bucket) return;
    if (last) last.to = fromDayIndex(day);
    spans.push({ bucket, from: fromDayIndex(day) });
  };
  const thresholds = [...new Set(t.ranges.flatMap((r) => [r.minDays, ...(r.maxDays === undefined ? [] : [r.maxDays + 1])]))].sort(
    (a, b) => a - b,
  );
  days.forEach((e, k) => {
    const v = dpdOn(t, e);
    enter(bucketFor(v, t.ranges), e);
    if (v === 0 || isPaused(t.pauses, e)) return;
    const last = (days[k + 1] ?? t.asOfDay + 1) - 1;
    for (const th of thresholds) if (th > v && th <= v + (last - e)) enter(bucketFor(th, t.ranges), e + (th - v));
  });
  return spans;
}

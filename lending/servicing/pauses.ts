// Delinquency pauses as day indexes: a pause covers the days [from, to). Days past due, penalties
// and late-fee dates skip paused days (Fineract delinquency actions PAUSE/RESUME: the pause's end
// date is the day counting resumes — DelinquencyEffectivePauseHelper counts end − start paused days).
import { dayIndex } from '../dates.js';
import type { PausePeriod } from './types.js';

export interface DayPause {
  from: number;
  to: number;
}

export function pauseDays(pauses: readonly PausePeriod[]): DayPause[] {
  return pauses
    .map((p) => ({ from: dayIndex(p.from), to: p.to === undefined ? Number.POSITIVE_INFINITY : dayIndex(p.to) }))
    .sort((a, b) => a.from - b.from);
}

/** Days d with a < d ≤ b that no pause covers. */
export function activeDays(pauses: readonly DayPause[], a: number, b: number): number {
  if (b <= a) return 0;
  let n = b - a;
  for (const p of pauses) n -= Math.max(0, Math.min(b + 1, p.to) - Math.max(a + 1, p.from));
  return n;
}

export function isPaused(pauses: readonly DayPause[], d: number): boolean {
  return pauses.some((p) => p.from <= d && d < p.to);
}

/** The first day on or after d that no pause covers (Infinity inside an open pause). */
export function firstActiveDay(pauses: readonly DayPause[], d: number): number {
  let day = d;
  for (const p of pauses) if (p.from <= day && day < p.to) day = p.to;
  return day;
}

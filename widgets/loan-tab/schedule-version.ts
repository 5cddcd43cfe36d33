// The loan's schedule versions as the tab sees them: the one the server holds after a rebuild, which
// version the figures are and why it was written, and the line that names it.
import type { Translate } from './i18n.js';
import type { ScheduleRow } from './lending-types.js';

/**
 * The line above the schedule naming the version its figures are, with why it was written: "Schedule
 * version 3 · rebuilt after a reversal". A loan on its first version needs none; once it has more than
 * one, the line stays whatever rows the version holds — reversing the only rebuilding prepayment leaves
 * the contract's rows, which the form computes, on a new version all the same.
 */
export function versionLine(t: Translate, seen: ScheduleVersionSeen | null): string | null {
  if (!seen || seen.version <= 1) return null;
  return `${t('scheduleVersion')} ${seen.version} · ${t(`versionCause.${seen.cause}`)}`;
}

/** Why the loan's current schedule version was written: new terms, a rebuilding prepayment, a reversal. */
export type VersionCause = 'terms' | 'prepayment' | 'reversal';

/** The version the figures are, named once the loan has more than one (schedule-version.ts). */
export interface ScheduleVersionSeen {
  version: number;
  cause: VersionCause;
}

/**
 * The schedule the server holds after a prepayment rebuilt it: its version, rows, and the installment
 * and totals the server read off those rows (server/loans/operations/rebuilt-schedule.ts).
 */
export interface HeldSchedule {
  version: number;
  rows: ScheduleRow[];
  installmentAmount: string;
  totals: Record<string, string>;
}

/** The stored version's reason ('save', a save's reason, 'prepayment:<id>', 'reversal:<id>') as a cause. */
export function causeOf(reason: string | null | undefined): VersionCause {
  if (reason?.startsWith('reversal:')) return 'reversal';
  if (reason?.startsWith('prepayment:')) return 'prepayment';
  return 'terms';
}

export function heldOf(version: number, s: Pick<HeldSchedule, 'rows' | 'installmentAmount' | 'totals'>): HeldSchedule {
  return { version, rows: s.rows, installmentAmount: s.installmentAmount, totals: s.totals };
}

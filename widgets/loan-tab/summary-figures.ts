import type { HeldSchedule } from './schedule-version.js';
import type { Schedule } from './lending-types.js';

// The figures the loan tab's summary reads out. After a prepayment rebuilt the schedule, the tab's
// table shows the version the server holds; the summary then reads the same version (its installment
// as the server set it from those rows, their count and their totals), so the installment beside the
// table is the one in it and in the deal fields. The contract's figures stay beside them, labelled.

/** The few numbers of one schedule: amounts as decimal strings, as the schedule carries them. */
export interface Figures {
  installment: string;
  payments: number;
  interest: string;
  total: string;
}

export interface SummaryFigures {
  /** The schedule now in force: the held version's when there is one, else the contract's. */
  current: Figures;
  /** The contract's figures, only when a held version replaced them; null otherwise. */
  contract: Figures | null;
}

const TOTAL_KEYS = ['principal', 'interest', 'fees', 'vat', 'total'] as const;

/**
 * The schedule the table shows: the held version as the server stores it (rows, installment and
 * totals, one computation), or the contract's when no prepayment rebuilt it. A total the server did
 * not send keeps the contract's, so the table always has one to show.
 */
export function shownSchedule(contract: Schedule, held: HeldSchedule | null): Schedule {
  if (!held) return contract;
  const totals = { ...contract.totals };
  for (const k of TOTAL_KEYS) totals[k] = held.totals[k] ?? contract.totals[k];
  return { installmentAmount: held.installmentAmount, rows: held.rows, totals };
}

function figuresOf(s: Schedule): Figures {
  return { installment: s.installmentAmount, payments: s.rows.length, interest: s.totals.interest, total: s.totals.total };
}

/** What the summary shows: the schedule in force and, after a rebuilding prepayment, the contract's beside it. */
export function summaryFigures(contract: Schedule, held: HeldSchedule | null): SummaryFigures {
  const current = figuresOf(shownSchedule(contract, held));
  return { current, contract: held ? figuresOf(contract) : null };
}

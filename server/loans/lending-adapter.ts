// The ONE place server/loans touches the lending core. Everything else uses the shapes in
// lending-types.ts. Until lending/index.ts lands this delegates to lending-fallback.ts; switching
// means re-pointing these three functions at lending/ and mapping its output here.
import { FallbackLendingError, buildScheduleFallback, servicingFallback } from './lending-fallback.js';
import type { LendingFailure, LoanInput, PaymentInput, Schedule, Servicing } from './lending-types.js';

export const LENDING_SOURCE: 'lending' | 'fallback' = 'fallback';

/** Builds the schedule; throws a LendingFailure-shaped error on an invalid loan. */
export function buildSchedule(input: LoanInput): Schedule {
  return buildScheduleFallback(input);
}

/** Servicing as of a date: per-installment due/paid/outstanding, allocation of each payment. */
export function serviceLoan(args: { terms: LoanInput; schedule: Schedule; payments: PaymentInput[]; asOf: string }): Servicing {
  return servicingFallback(args.schedule, args.terms.currency, args.payments, args.asOf);
}

/** The core's refusal as {code, path, message}, or null when `e` is not a lending error. */
export function asLendingFailure(e: unknown): LendingFailure | null {
  if (e instanceof FallbackLendingError) return { code: e.code, path: e.path, message: e.message };
  return null;
}

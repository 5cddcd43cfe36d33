// The one seam between the tab and the money core. Today it points at the stand-in
// (lending-fallback.ts); when lending/index.ts exports buildSchedule/service with the issue-4 JSON
// shapes, only the three functions below change.
import { buildScheduleFallback, serviceFallback, validateLoan } from './lending-fallback.js';
import type { LendingIssue, LoanInput, Outcome, Schedule, Servicing, ServicingInput } from './lending-types.js';

export function computeSchedule(input: LoanInput): Outcome<Schedule> {
  return buildScheduleFallback(input);
}

export function computeServicing(input: ServicingInput, currency: string): Outcome<Servicing> {
  return serviceFallback(input, currency);
}

export function checkLoan(input: LoanInput): LendingIssue[] {
  return validateLoan(input);
}

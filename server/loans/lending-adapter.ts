// The ONE place server/loans touches the lending core (lending/index.ts); everything else uses the
// shapes in lending-types.ts.
import { isLendingError, scheduleFromJson, serviceLoanJson } from '../../lending/index.js';
import { AppError } from '../errors.js';
import type { LendingFailure, LoanInput, PaymentInput, PrepaymentInput, Schedule, Servicing } from './lending-types.js';

/** Builds the schedule; throws the core's LendingError on an invalid loan (see asLendingFailure). */
export function buildSchedule(input: LoanInput): Schedule {
  const s = scheduleFromJson(input);
  return { installmentAmount: s.installmentAmount, rows: s.rows, totals: { ...s.totals }, effectiveRates: { ...s.effectiveRates } };
}

/**
 * Servicing as of a date: per-installment due/paid/outstanding/status, days past due, allocation of
 * each payment, to-be-current, payoff and the next payment. Given the stored rows (not the terms) so
 * the core does not rebuild the schedule and its effective rates on every call (10× faster for 360
 * rows). The same function the loan tab runs (lending/servicing/loan-servicing.ts), so the tab, the
 * loan API and the CRM sync show one truth. The penalty rate is the loan's own, saved with its terms
 * and checked against its profile's caps on save (the profile's default for loans saved before).
 * Payments after asOf are left out. Prepayments run in the same pass, in date order among the
 * payments; one that rebuilds the schedule makes the core build it from the saved terms.
 */
export function serviceLoan(args: {
  terms: LoanInput;
  schedule: Schedule;
  payments: PaymentInput[];
  prepayments?: PrepaymentInput[];
  asOf: string;
}): Servicing {
  const { terms, schedule } = args;
  return serviceLoanJson({
    loan: {
      currency: terms.currency,
      disbursementDate: terms.disbursementDate,
      contractDate: terms.contractDate,
      profile: terms.profile,
      payoffInterest: terms.payoffInterest,
    },
    rows: schedule.rows,
    payments: args.payments,
    asOf: args.asOf,
    penaltyDailyPercent: terms.penaltyDailyPercent,
    lateFees: terms.lateFees,
    delinquency: terms.delinquency,
    ...(args.prepayments?.length ? { prepayments: args.prepayments, terms } : {}),
  });
}

/** The core's refusal as {code, path, message, kind}, or null when `e` is not a lending error. */
export function asLendingFailure(e: unknown): LendingFailure | null {
  if (isLendingError(e)) return { code: e.code, path: e.path, message: e.message, kind: e.kind };
  return null;
}

/**
 * The core's refusal as the one AppError code LOAN_TERMS_REFUSED (422): the core's own codes are an
 * open set (lending/ imports nothing of ours), so the stable core code travels in `details.lendingCode`
 * (the loan tab's texts key on it) and the field in `details.field`.
 */
export function lendingRefusal(f: LendingFailure, internal: string, field: string = f.path): AppError {
  return new AppError('LOAN_TERMS_REFUSED', internal, f.message, { field, lendingCode: f.code });
}

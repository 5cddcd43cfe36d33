// The shapes the loan server code relies on: the lending core's JSON forms (issue 4 §9; amounts are
// decimal strings, dates ISO YYYY-MM-DD), declared in lending/ and only named (or loosened) here.
// Only lending-adapter.ts calls the core.
import type {
  AllocationJson,
  DelinquencyJson,
  LateFeeJson,
  FeeJson,
  LendingError,
  LoanInputJson,
  PaymentJson,
  PrepaymentJson,
  ScheduleJson,
  ScheduleRowJson,
  LoanServicingJson,
  LoanInstallmentJson,
} from '../../lending/index.js';

export type LoanFee = FeeJson;

/**
 * The loan input as the widget sends it and as it is stored in loans.terms: lending's LoanInputJson,
 * deliberately looser. The API checks types only (wire/loans.ts) and the core
 * checks meaning (parseLoanInput), so the enumerations the server merely compares or passes on are
 * plain strings here, and every field the server does not read (grace, vat, effectiveRates, …)
 * passes through untouched as `unknown`.
 */
export interface LoanInput extends Pick<
  LoanInputJson,
  'principal' | 'currency' | 'contractDate' | 'frequency' | 'firstDueDate' | 'dueDates' | 'fees' | 'profile'
> {
  /** Defaults to contractDate; saveLoan stores it explicitly. */
  disbursementDate: string;
  method: string;
  rate: { annualPercent?: string; dailyPercent?: string };
  installments: number;
  dayCount: string;
  interest?: string;
  annuity?: string;
  rounding?: Record<string, unknown>;
  /** The penalty on overdue principal, % a day (a decimal string); saved with the loan. */
  penaltyDailyPercent?: string;
  /** The current period's interest in a payoff (the product's setting); saved with the loan. */
  payoffInterest?: 'pro-rata' | 'whole-period';
  catBasis?: string;
  downPayment?: unknown;
  /** Late fees and delinquency grace and pauses (lending README "Servicing input"); saved with the loan. */
  lateFees?: LateFeeJson[];
  delinquency?: DelinquencyJson;
  [more: string]: unknown;
}

export type ScheduleRow = ScheduleRowJson;

/**
 * A schedule as stored in schedule_versions and answered by the loan API: lending's ScheduleJson
 * less currency and profile (the loan holds them), with totals and rates as open records, which is
 * how the reply schema (ScheduleBody) declares them.
 */
export interface Schedule extends Pick<ScheduleJson, 'installmentAmount' | 'rows'> {
  totals: Record<string, string>;
  effectiveRates: Record<string, string>;
}

export type PaymentInput = PaymentJson;
/** A prepayment as the core takes it: a payment with its mode. */
export type PrepaymentInput = PrepaymentJson;

export type Servicing = LoanServicingJson;
export type InstallmentState = LoanInstallmentJson;
/** How one payment was spread by component; components + excess always sum to the payment. */
export type PaymentAllocation = AllocationJson;

/** A refusal from the core, as plain data: its stable code, the offending field's path, its kind. */
export type LendingFailure = Pick<LendingError, 'code' | 'path' | 'message' | 'kind'>;

// The JSON shapes of lending/ (issue 4 §9) as the tab uses them: amounts are decimal strings, dates
// ISO YYYY-MM-DD. lending/ declares them; this file only names them for the tab and narrows a few
// to what the tab builds or shows. Type-only: nothing of lending/ enters the bundle through here.
// The tab only ever talks to lending through lending-adapter.ts.
import type {
  DelinquencyJson,
  EffectiveRatesJson,
  LateFeeJson,
  FeeJson,
  FrequencyJson,
  LoanInputJson,
  Method as LendingMethod,
  PaymentJson,
  PrepaymentJson,
  RateJson,
  ScheduleJson,
  ScheduleRowJson,
  LoanServicingJson,
  LoanInstallmentJson,
  AllocationJson,
} from '../../lending/index.js';

export type { FrequencyUnit } from '../../lending/index.js';

/** The methods the tab's form offers: all five of the core (a product may fix any of them). */
export type Method = LendingMethod;

export type FeeInput = FeeJson;

/** A late fee of the loan (its product's, or the saved loan's own). */
export type LateFeeInput = LateFeeJson;

/**
 * The loan input as the tab builds it (model.ts toLoanInput): lending's LoanInputJson with the
 * fields the form always fills made required, and the day count a plain string because it comes
 * from the product settings as stored (the core checks it).
 */
export interface LoanInput extends Omit<LoanInputJson, 'disbursementDate' | 'method' | 'rate' | 'installments' | 'frequency' | 'dayCount'> {
  disbursementDate: string;
  method: Method;
  rate: RateJson;
  /** Absent with a fixed payment (the term follows from it). */
  installments?: number;
  /** `monthEnd` only as a saved loan has it (kept-conventions.ts): the form has no field for it. */
  frequency: Required<Pick<FrequencyJson, 'unit' | 'every'>> & Pick<FrequencyJson, 'monthEnd'>;
  dayCount?: string;
  /** The loan's penalty on overdue principal, % a day: saved with the loan, applied by the server. */
  penaltyDailyPercent?: string;
  /** The current period's interest in a payoff: the product's setting, saved with the loan. */
  payoffInterest?: 'pro-rata' | 'whole-period';
  /** The loan's late fees and delinquency grace and pauses (set through the loan API): kept on save, serviced here. */
  lateFees?: LateFeeJson[];
  delinquency?: DelinquencyJson;
}

export type ScheduleRow = ScheduleRowJson;

export type EffectiveRates = EffectiveRatesJson;

/** The schedule as the tab shows it: the adapter leaves out the effective rates (computed apart) and the other totals. */
export interface Schedule extends Pick<ScheduleJson, 'installmentAmount' | 'rows'> {
  totals: Pick<ScheduleJson['totals'], 'principal' | 'interest' | 'fees' | 'vat' | 'total'>;
}

export type PaymentInput = PaymentJson;
/** A prepayment as servicing takes it: a payment with its mode. */
export type PrepaymentInput = PrepaymentJson;

/** What the tab asks the adapter for; the adapter turns it into lending's ServicingInputJson. */
export interface ServicingInput {
  loan: LoanInput;
  /** The schedule already built for `loan`, so servicing does not build it again. */
  rows: ScheduleRow[];
  payments: PaymentInput[];
  /** Prepayments booked on the loan, each with its mode, serviced in date order with the payments. */
  prepayments?: PrepaymentInput[] | undefined;
  asOf: string;
  /** A what-if penalty per day in percent of overdue principal, as typed; the loan's own when absent. */
  penaltyDailyPercent?: string | undefined;
}

/** The servicing settings a saved loan carries beside its terms (the tab does not edit them yet). */
export type ServicingSettings = Pick<LoanInput, 'lateFees' | 'delinquency'>;

/** An installment as the tab shows it (the statuses the schedule items carry too); components are left out. */
export type InstallmentState = Omit<LoanInstallmentJson, 'components'>;

export type Allocation = Pick<
  AllocationJson,
  'paymentId' | 'date' | 'amount' | 'penalty' | 'interest' | 'principal' | 'fees' | 'vat' | 'inAdvance'
>;

/** Servicing as the tab shows it: the payoff is its amount only. */
export interface Servicing extends Pick<
  LoanServicingJson,
  'daysPastDue' | 'penaltyOutstanding' | 'toBeCurrent' | 'pastDue' | 'nextPayment' | 'loanStatus' | 'penaltyDailyPercent' | 'creditBalance'
> {
  installments: InstallmentState[];
  allocations: Allocation[];
  payoff: string;
  /** All that is still owed (every component of every installment): 0 once the loan is paid off. */
  outstanding: string;
}

// The two below are the tab's own, not lending's: the adapter turns a LendingError's path into the
// form field it belongs to.

/** A validation failure with a stable code (translated by i18n) and the input field it belongs to. */
export interface LendingIssue {
  code: string;
  field: string;
  /** Extra detail shown after the message, e.g. the allowed range. */
  hint?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: LendingIssue[] };

// The loan input as JSON, field for field what parseLoanInput reads (README "Loan input"): amounts
// and percents are decimal strings, dates ISO YYYY-MM-DD. The parser still takes `unknown` and
// checks everything; these types are for callers that build an input (the server, the widgets).
import type { RoundingMode } from './money.js';
import type { DayCount } from './day-count.js';
import type { AnnuityAdjustment, CatBasis, EffectiveRateKind, FrequencyUnit, Method, PskMonthDays } from './types.js';

export interface FeeJson {
  name: string;
  /** Exactly one of amount and percent (of the principal). */
  amount?: string;
  percent?: string;
  at: 'disbursement' | 'installment';
  withheld?: boolean;
}

/** Exactly one of the two; an interest-free loan may omit the rate. */
export type RateJson = { annualPercent: string } | { dailyPercent: string };

export interface FrequencyJson {
  unit: FrequencyUnit;
  every?: number;
  monthEnd?: boolean;
}

export interface RoundingJson {
  mode?: RoundingMode;
  installmentStep?: string;
  installmentMode?: RoundingMode;
  last?: 'adjust';
  remainderTo?: 'first' | 'last';
}

export interface LoanInputJson {
  principal: string;
  currency: string;
  contractDate: string;
  /** Defaults to contractDate. */
  disbursementDate?: string;
  method: Method;
  rate?: RateJson;
  /** Or dueDates; a single-payment loan may omit both. */
  installments?: number;
  frequency?: FrequencyJson;
  firstDueDate?: string;
  /** Explicit, increasing due dates; their count is the number of installments. */
  dueDates?: string[];
  dayCount?: DayCount;
  interest?: 'daily' | 'periodic';
  annuity?: 'fixed-payment' | 'resolved';
  rounding?: RoundingJson;
  grace?: { principal?: number; interest?: number };
  fees?: FeeJson[];
  vat?: { percent: string; onFees?: boolean };
  profile?: string;
  /** Which effective rates to compute; [] skips the root finding. Default: by currency or profile. */
  effectiveRates?: EffectiveRateKind[];
  pskMonthDays?: PskMonthDays;
  /** CAT time base: "periods" (Banxico: t = k / periods a year) or "dates" (days / 365). Default: the profile's, else dates. */
  catBasis?: CatBasis;
  /** annuity "resolved" only: "fineract" moves the level payment when the last installment strays (README). */
  annuityAdjustment?: AnnuityAdjustment;
  /** Principal paid on the disbursement date, as an amount or a percent of the principal. */
  downPayment?: { amount: string } | { percent: string };
  /** Level installment given; the number of installments follows from it (omit installments and dueDates). */
  fixedPayment?: string;
}

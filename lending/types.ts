// Parsed, validated loan terms (Decimal and ISO dates) and the schedule the core produces.
// The JSON shapes that cross process boundaries (all amounts as strings) live in json-types.ts.
import type { Dec } from './decimal.js';
import type { IsoDate } from './dates.js';
import type { RoundingMode } from './money.js';

export const METHODS = ['annuity', 'equal-principal', 'flat', 'single-payment', 'interest-free'] as const;
export type Method = (typeof METHODS)[number];

export const DAY_COUNTS = [
  '30/360',
  '30E/360',
  'actual/360',
  'actual/364',
  'actual/365',
  'actual/actual-isda',
  'actual/actual-ru',
] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

export type FrequencyUnit = 'day' | 'week' | 'month';
export interface Frequency {
  unit: FrequencyUnit;
  every: number;
  /** Keep due dates on the last day of the month when the anchor date is one. */
  monthEnd: boolean;
}

/** Rates as fractions (18 % → 0.18), never percents, once parsed. */
export type Rate = { kind: 'annual'; annual: Dec } | { kind: 'daily'; daily: Dec };

export interface Fee {
  name: string;
  /** Fixed amount, or a fraction of the principal. */
  amount?: Dec;
  fraction?: Dec;
  at: 'disbursement' | 'installment';
  /** Disbursement fees only: kept out of the money paid out instead of paid by the borrower. */
  withheld: boolean;
}

export interface Rounding {
  mode: RoundingMode;
  /**
   * Installments are rounded to a multiple of this step: the annuity's level payment, and the
   * principal + interest of each flat / equal-principal installment (the last absorbs the rest).
   */
  installmentStep: Dec;
  installmentMode: RoundingMode;
  /** Where the rounding remainder of equal splits goes. The last installment always closes the balance. */
  remainderTo: 'first' | 'last';
}

export type EffectiveRateKind = 'psk' | 'cat' | 'xirr';
/** CAT time base: Banxico's equal periods (t = k / periods a year) or calendar days (days / 365). */
export type CatBasis = 'periods' | 'dates';
/** Fineract's progressive-loan rule: move the level payment by diff / n when the last installment strays. */
export type AnnuityAdjustment = 'none' | 'fineract';
export type PskMonthDays = 'actual' | '30' | '365/12';

export interface LoanTerms {
  principal: Dec;
  currency: string;
  scale: number;
  contractDate: IsoDate;
  disbursementDate: IsoDate;
  method: Method;
  rate: Rate;
  installments: number;
  frequency: Frequency;
  firstDueDate?: IsoDate;
  dueDates?: IsoDate[];
  dayCount: DayCount;
  interest: 'daily' | 'periodic';
  annuity: 'fixed-payment' | 'resolved';
  annuityAdjustment: AnnuityAdjustment;
  rounding: Rounding;
  /** Principal paid on the disbursement date as installment 1 (the rest amortises from installment 2). */
  downPayment?: Dec;
  /** "Pay this much a period until done": the level installment given, `installments` derived from it. */
  fixedPayment?: Dec;
  grace: { principal: number; interest: number };
  fees: Fee[];
  vat?: { rate: Dec; onFees: boolean };
  profile?: string;
  effectiveRates: EffectiveRateKind[];
  pskMonthDays: PskMonthDays;
  catBasis: CatBasis;
}

export interface ScheduleRow {
  n: number;
  dueDate: IsoDate;
  /** Actual calendar days since the previous due date (or the disbursement). */
  days: number;
  opening: Dec;
  principal: Dec;
  interest: Dec;
  fees: Dec;
  vat: Dec;
  total: Dec;
  closing: Dec;
}

export interface ScheduleTotals {
  principal: Dec;
  interest: Dec;
  fees: Dec;
  vat: Dec;
  /** Sum of the installments. */
  installments: Dec;
  disbursementFees: Dec;
  /** Money the borrower actually receives (principal less withheld fees). */
  netDisbursed: Dec;
  /** Everything paid above the principal: interest, fees (both kinds) and VAT. */
  costOfCredit: Dec;
}

export interface CashFlow {
  date: IsoDate;
  /** Lender's view: money out negative, money in positive. */
  amount: Dec;
}

export interface Schedule {
  terms: LoanTerms;
  installmentAmount: Dec;
  rows: ScheduleRow[];
  totals: ScheduleTotals;
  effectiveRates: Partial<Record<EffectiveRateKind, Dec>>;
}

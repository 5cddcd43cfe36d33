import type { Dec } from '../decimal.js';
import type { IsoDate } from '../dates.js';
import type { RoundingMode } from '../money.js';
import type { LoanTerms } from '../types.js';
import type { AllocationStep, Component } from './allocation-orders.js';

export interface InstallmentDue {
  n: number;
  dueDate: IsoDate;
  principal: Dec;
  interest: Dec;
  fees: Dec;
  vat: Dec;
}

export interface Payment {
  id: string;
  date: IsoDate;
  amount: Dec;
}

export interface PenaltyTerms {
  rate: { kind: 'daily'; daily: Dec } | { kind: 'annual'; annual: Dec };
  /** What the penalty runs on: overdue principal, or overdue principal and interest. */
  base: 'principal' | 'principal+interest';
  /** Days after the due date before a penalty starts (it does not reach back into the grace). */
  graceDays: number;
  /** Ceiling on the total penalty of the loan. */
  capAmount?: Dec;
  /** False once the contract stops accruing interest (then RU-MFO allows up to 0.1 % a day). */
  interestAccrues: boolean;
}

/**
 * A late fee charged once per installment still unpaid (principal, interest, fees or VAT) on the
 * first day after its due date + graceDays that is not paused (Fineract's overdue installment charge
 * with its penalty wait period). Booked as a dated penalty charge of that installment.
 */
export interface LateFeeTerms {
  name: string;
  /** A fixed amount (MX "comisión por pago tardío"), or a fraction of the installment's overdue base. */
  amount?: Dec;
  fraction?: Dec;
  /** What a percentage fee is taken of: the installment's unpaid principal, or principal + interest. */
  base: 'principal' | 'principal+interest';
  graceDays: number;
  /** VAT on the fee as a fraction (MX IVA 16 % → 0.16). */
  vatRate?: Dec;
}

/** A late fee as charged: on which date, how much, its VAT. */
export interface ChargeApplied {
  name: string;
  date: IsoDate;
  amount: Dec;
  vat: Dec;
}

/** Delinquency pause: days in [from, to) count neither for days past due nor for penalties. */
export interface PausePeriod {
  from: IsoDate;
  /** The day counting resumes (Fineract's pause end date); open when absent. */
  to?: IsoDate;
}

export interface DelinquencyTerms {
  /** Days after the due date before days past due start counting (Fineract graceOnArrearsAgeing). */
  graceDays: number;
  pauses: PausePeriod[];
}

export type PrepaymentMode = 'reduce-term' | 'reduce-installment' | 'reschedule-next';

export interface Prepayment extends Payment {
  mode: PrepaymentMode;
}

export interface DelinquencyRange {
  name: string;
  minDays: number;
  maxDays?: number;
}

/**
 * Interest of the current period when a loan is paid off early: pro rata to the days elapsed (RU 353-FZ
 * art. 11, the default), or the whole period's once it has begun (Fineract's pre-closure "till rest
 * frequency date"; some MX products).
 */
export type PayoffInterest = 'pro-rata' | 'whole-period';

export interface ServicingTerms {
  currency: string;
  scale: number;
  mode: RoundingMode;
  principal: Dec;
  disbursementDate: IsoDate;
  installments: InstallmentDue[];
  payments: Payment[];
  asOf: IsoDate;
  penalty?: PenaltyTerms;
  order: readonly AllocationStep[];
  orderName?: string;
  overpayment: 'in-advance' | 'reduce-principal';
  payoffInterest: PayoffInterest;
  ranges: DelinquencyRange[];
  /** Most penalty (late fees included) the loan may carry in total (profile overpayment cap less scheduled charges). */
  penaltyCeiling?: Dec;
  lateFees: LateFeeTerms[];
  delinquency: DelinquencyTerms;
  prepayments: Prepayment[];
  /** The loan's terms when servicing was given them: prepayments that rebuild the tail need them. */
  loan?: LoanTerms;
  /** The level the loan's reduce-term prepayments keep (annuity installment, or principal part). */
  level?: Dec;
}

export type Amounts = Record<Component, Dec>;

export interface InstallmentState {
  n: number;
  dueDate: IsoDate;
  due: Amounts;
  paid: Amounts;
  outstanding: Amounts;
  daysPastDue: number;
  status: 'paid' | 'partial' | 'overdue' | 'due' | 'upcoming';
  charges: ChargeApplied[];
}

export interface AllocationResult {
  paymentId: string;
  date: IsoDate;
  amount: Dec;
  parts: Amounts;
  /** Paid towards installments not yet due. */
  inAdvance: Dec;
  /** Left over once the loan is fully paid (to refund or hold). */
  excess: Dec;
  /** A prepayment: its mode and, when it rebuilt the schedule, the principal it took off. */
  prepayment?: { mode: PrepaymentMode; principal: Dec };
}

/** The loan's delinquency bucket over time: entered on `from`, left on `to` (absent: still in it). */
export interface BucketSpan {
  bucket: string;
  from: IsoDate;
  to?: IsoDate;
}

export interface ServicingResult {
  asOf: IsoDate;
  installments: InstallmentState[];
  allocations: AllocationResult[];
  daysPastDue: number;
  /** Calendar days since the oldest unpaid due date: no grace, no pauses. */
  pastDueDays: number;
  bucket: string;
  dpdHistory: BucketSpan[];
  delinquencyPaused: boolean;
  outstanding: Amounts;
  toBeCurrent: Dec;
  payoff: { amount: Dec; principal: Dec; interest: Dec; fees: Dec; vat: Dec; penalty: Dec };
}

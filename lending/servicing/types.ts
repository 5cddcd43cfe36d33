import type { Dec } from '../decimal.js';
import type { IsoDate } from '../dates.js';
import type { RoundingMode } from '../money.js';
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
  /** Most penalty the loan may carry in total (profile overpayment cap less scheduled charges). */
  penaltyCeiling?: Dec;
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
}

export interface ServicingResult {
  asOf: IsoDate;
  installments: InstallmentState[];
  allocations: AllocationResult[];
  daysPastDue: number;
  bucket: string;
  outstanding: Amounts;
  toBeCurrent: Dec;
  payoff: { amount: Dec; principal: Dec; interest: Dec; fees: Dec; vat: Dec; penalty: Dec };
}

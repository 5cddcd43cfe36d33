// The shapes the loan server code relies on: the lending core's JSON forms (issue 4 §9; amounts are
// decimal strings, dates ISO YYYY-MM-DD). Only lending-adapter.ts calls the core.
import type { ScheduleRowJson, ServicingJson } from '../../lending/index.js';

export interface LoanFee {
  name: string;
  amount?: string;
  percent?: string;
  at: 'disbursement' | 'installment';
  withheld?: boolean;
}

/**
 * The loan input as the widget sends it and as it is stored in loans.terms. The core validates it
 * (parseLoanInput); the fields named here are the ones the server reads itself, the rest (grace,
 * vat, dueDates, …) pass through untouched.
 */
export interface LoanInput {
  principal: string;
  currency: string;
  contractDate: string;
  /** Defaults to contractDate; saveLoan stores it explicitly. */
  disbursementDate: string;
  method: string;
  rate: { annualPercent?: string; dailyPercent?: string };
  installments: number;
  frequency?: { unit: 'day' | 'week' | 'month'; every: number; monthEnd?: string };
  firstDueDate?: string;
  dayCount: string;
  interest?: string;
  annuity?: string;
  rounding?: Record<string, unknown>;
  fees?: LoanFee[];
  profile?: string;
  [more: string]: unknown;
}

export type ScheduleRow = ScheduleRowJson;

export interface Schedule {
  installmentAmount: string;
  rows: ScheduleRow[];
  totals: Record<string, string>;
  effectiveRates: Record<string, string>;
}

export interface PaymentInput {
  id: string;
  date: string;
  amount: string;
}

export type Servicing = ServicingJson;
export type InstallmentState = ServicingJson['installments'][number];
/** How one payment was spread by component; components + excess always sum to the payment. */
export type PaymentAllocation = ServicingJson['allocations'][number];

/** A refusal from the core: a stable code and the path of the offending field. */
export interface LendingFailure {
  code: string;
  path: string;
  message: string;
  /** 'invalid' → malformed input, 'refused' → well-formed but breaks a rule. */
  kind: 'invalid' | 'refused';
}

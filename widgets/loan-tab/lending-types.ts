// The JSON shapes of lending/ (issue 4 §9) as the tab uses them: amounts are decimal strings,
// dates ISO YYYY-MM-DD. The tab only ever talks to lending through lending-adapter.ts.

export type Method = 'annuity' | 'equal-principal' | 'flat';
export type FrequencyUnit = 'day' | 'week' | 'month';

export interface FeeInput {
  name: string;
  amount?: string;
  percent?: string;
  at: 'disbursement' | 'installment';
  withheld?: boolean;
}

export interface LoanInput {
  principal: string;
  currency: string;
  contractDate: string;
  disbursementDate: string;
  method: Method;
  rate: { annualPercent: string } | { dailyPercent: string };
  installments: number;
  frequency: { unit: FrequencyUnit; every: number };
  firstDueDate?: string;
  /** Explicit due dates (what-if date edits); length = installments. */
  dueDates?: string[];
  dayCount?: string;
  interest?: 'daily' | 'periodic';
  annuity?: 'fixed-payment' | 'resolved';
  rounding?: { mode: 'half-up' | 'half-even' | 'down' | 'up'; installmentStep?: string; last?: 'adjust' };
  fees?: FeeInput[];
  profile?: string;
  /** Which effective rates to compute; [] skips the (slow) root finding. Default: by currency. */
  effectiveRates?: ('psk' | 'cat' | 'xirr')[];
}

export interface ScheduleRow {
  n: number;
  dueDate: string;
  days: number;
  opening: string;
  principal: string;
  interest: string;
  fees: string;
  total: string;
  closing: string;
}

export interface EffectiveRates {
  psk?: string;
  cat?: string;
  /** Percent a year. */
  xirr?: string;
}

export interface Schedule {
  installmentAmount: string;
  rows: ScheduleRow[];
  totals: { principal: string; interest: string; fees: string; total: string };
}

export interface PaymentInput {
  id: string;
  date: string;
  amount: string;
}

export interface ServicingInput {
  loan: LoanInput;
  /** The schedule already built for `loan`, so servicing does not build it again. */
  rows: ScheduleRow[];
  payments: PaymentInput[];
  asOf: string;
  /** Penalty per day in percent of overdue principal. */
  penaltyDailyPercent: string;
}

export interface InstallmentState {
  n: number;
  dueDate: string;
  due: string;
  paid: string;
  outstanding: string;
  penalty: string;
  daysPastDue: number;
  status: 'paid' | 'partial' | 'overdue' | 'upcoming';
}

export interface Allocation {
  paymentId: string;
  date: string;
  amount: string;
  penalty: string;
  interest: string;
  principal: string;
  fees: string;
  inAdvance: string;
}

export interface Servicing {
  installments: InstallmentState[];
  allocations: Allocation[];
  daysPastDue: number;
  penaltyOutstanding: string;
  toBeCurrent: string;
  payoff: string;
}

/** A validation failure with a stable code (translated by i18n) and the input field it belongs to. */
export interface LendingIssue {
  code: string;
  field: string;
  /** Extra detail shown after the message, e.g. the allowed range. */
  hint?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: LendingIssue[] };

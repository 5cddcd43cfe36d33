// The shapes the loan server code relies on, following issue 4 §9 (amounts are decimal strings,
// dates ISO YYYY-MM-DD). lending-adapter.ts maps the lending core onto these, so the rest of
// server/loans never depends on the core's internal types.

export interface LoanFee {
  name: string;
  amount?: string;
  percent?: string;
  at: 'disbursement' | 'installment';
  withheld?: boolean;
}

/** The loan input as the widget sends it and as it is stored in loans.terms. */
export interface LoanInput {
  principal: string;
  currency: string;
  contractDate: string;
  disbursementDate: string;
  method: string;
  rate: { annualPercent?: string; dailyPercent?: string };
  installments: number;
  frequency: { unit: 'day' | 'week' | 'month'; every: number };
  firstDueDate?: string;
  dayCount: string;
  interest?: 'daily' | 'periodic';
  annuity?: 'fixed-payment' | 'resolved';
  rounding?: { mode?: string; installmentStep?: string; last?: string };
  fees?: LoanFee[];
  profile?: string;
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

export interface Components {
  principal: string;
  interest: string;
  fees: string;
  penalty: string;
  total: string;
}

export interface InstallmentState {
  n: number;
  dueDate: string;
  due: Components;
  paid: Components;
  outstanding: Components;
  daysPastDue: number;
}

export interface AllocationPart {
  n: number;
  component: 'principal' | 'interest' | 'fees' | 'penalty';
  amount: string;
}

/** How one payment was spread; parts + unapplied always sum to the payment. */
export interface PaymentAllocation {
  paymentId: string;
  parts: AllocationPart[];
  unapplied: string;
}

export interface Servicing {
  asOf: string;
  installments: InstallmentState[];
  daysPastDue: number;
  principalOutstanding: string;
  toBeCurrent: string;
  payoff: string;
  allocations: PaymentAllocation[];
}

/** A refusal from the core: a stable code and the path of the offending field. */
export interface LendingFailure {
  code: string;
  path: string;
  message: string;
}

// What the tab asks before it books money the user may not mean: a payment beyond the payoff (it
// closes the loan and leaves a credit balance) and new terms on a loan that has payments (they are
// re-allocated to the new schedule). Pure: the model decides when, the components show it.
import Decimal from 'decimal.js';
import type { LoanInput } from './lending-types.js';

export interface Overpayment {
  /** The payoff as of the payment's date. */
  payoff: string;
  /** What would be left over once the loan is paid off. */
  credit: string;
}

/** The payoff and the credit it leaves when `amount` is beyond the payoff; null when it is not. */
export function overpaymentOf(amount: string, payoff: string, scale: number): Overpayment | null {
  const credit = new Decimal(amount).minus(payoff);
  return credit.gt(0) ? { payoff: new Decimal(payoff).toFixed(scale), credit: credit.toFixed(scale) } : null;
}

/** One term that changes, as the confirmation lists it (the field names the label, values are decimals/dates). */
export interface TermChange {
  field: 'principal' | 'rate' | 'installments' | 'frequency' | 'method' | 'disbursementDate' | 'firstDueDate' | 'fee' | 'penalty';
  before: string;
  after: string;
}

const rateOf = (l: LoanInput): string => ('annualPercent' in l.rate ? l.rate.annualPercent : l.rate.dailyPercent) ?? '';
const feeOf = (l: LoanInput): string => l.fees?.[0]?.amount ?? '0';

const READ: Record<TermChange['field'], (l: LoanInput) => string> = {
  principal: (l) => l.principal,
  rate: rateOf,
  installments: (l) => String(l.installments),
  frequency: (l) => `${l.frequency.every} ${l.frequency.unit}`,
  method: (l) => l.method,
  disbursementDate: (l) => l.disbursementDate,
  firstDueDate: (l) => l.firstDueDate ?? '',
  fee: feeOf,
  penalty: (l) => l.penaltyDailyPercent ?? '',
};

/** Numbers compare by value ("15000" = "15000.00"), the rest as text. */
function same(a: string, b: string): boolean {
  try {
    return new Decimal(a).eq(b);
  } catch {
    return a === b;
  }
}

export function describeTermChanges(before: LoanInput, after: LoanInput): TermChange[] {
  return (Object.keys(READ) as TermChange['field'][]).flatMap((field) => {
    const b = READ[field](before);
    const a = READ[field](after);
    return same(a, b) ? [] : [{ field, before: b, after: a }];
  });
}

// The one amortisation loop behind annuity, equal-principal, flat and single-payment schedules (and
// the re-built tail after a prepayment). It works in Decimal and rounds each row's interest once.
import { type Dec, ZERO } from '../decimal.js';
import { roundMoney, type RoundingMode } from '../money.js';
import type { Period } from './periods.js';

export interface AmortizeInput {
  balance: Dec;
  periods: readonly Period[];
  scale: number;
  mode: RoundingMode;
  /** 'payment': `level` is the whole installment; 'principal': `level` is the principal part. */
  level: { kind: 'payment' | 'principal'; amount: Dec; first?: Dec };
  /** Flat loans charge interest on the original principal, the rest on the running balance. */
  interestOn: 'balance' | 'original';
  grace: { principal: number; interest: number };
  /** Stop as soon as the balance reaches zero (reduce-term) instead of running all periods. */
  stopWhenPaid: boolean;
  firstN: number;
}

export interface AmortizedRow {
  n: number;
  dueDate: string;
  days: number;
  opening: Dec;
  principal: Dec;
  interest: Dec;
  closing: Dec;
}

export function amortize(a: AmortizeInput): AmortizedRow[] {
  const rows: AmortizedRow[] = [];
  const original = a.balance;
  const last = a.periods.length - 1;
  let balance = a.balance;
  let deferred = ZERO;
  for (let i = 0; i <= last; i++) {
    const p = a.periods[i]!;
    const accrued = roundMoney((a.interestOn === 'original' ? original : balance).times(p.factor), a.scale, a.mode);
    let interest: Dec;
    if (i < a.grace.interest) {
      // Grace on interest defers it (not capitalised) to the first installment after the grace.
      deferred = deferred.plus(accrued);
      interest = ZERO;
    } else {
      interest = accrued.plus(deferred);
      deferred = ZERO;
    }
    let principal: Dec;
    if (i === last) principal = balance;
    else if (i < a.grace.principal) principal = ZERO;
    else if (a.level.kind === 'payment') principal = a.level.amount.minus(accrued);
    else principal = i === a.grace.principal && a.level.first ? a.level.first : a.level.amount;
    if (principal.isNegative()) principal = ZERO;
    if (principal.gt(balance)) principal = balance;
    const closing = balance.minus(principal);
    rows.push({ n: a.firstN + i, dueDate: p.end, days: p.days, opening: balance, principal, interest, closing });
    balance = closing;
    if (a.stopWhenPaid && balance.isZero()) break;
  }
  return rows;
}

// The one amortisation loop behind annuity, equal-principal, flat and single-payment schedules (and
// the re-built tail after a prepayment). It works in Decimal, rounds each row's interest once, adds
// the per-installment fee and VAT, and keeps running sums so totals need no second pass (this loop is
// the hot path of every calculator keystroke: no allocations beyond the row itself).
import { type Dec, ZERO } from '../decimal.js';
import { roundMoney, roundToStep, type RoundingMode } from '../money.js';
import type { ScheduleRow } from '../types.js';
import type { Period } from './periods.js';

export interface AmortizeInput {
  balance: Dec;
  periods: readonly Period[];
  scale: number;
  mode: RoundingMode;
  /** 'payment': `level` is the whole installment; 'principal': `level` is the principal part. */
  level: { kind: 'payment' | 'principal'; amount: Dec; first?: Dec };
  /**
   * 'principal' levels only: round each installment's principal + interest to this step (Fineract's
   * "installment amount in multiples of" for flat and equal-principal loans); the last row closes.
   */
  step?: { amount: Dec; mode: RoundingMode };
  /** Flat loans charge interest on the original principal, the rest on the running balance. */
  interestOn: 'balance' | 'original';
  grace: { principal: number; interest: number };
  /** Stop as soon as the balance reaches zero (reduce-term) instead of running all periods. */
  stopWhenPaid: boolean;
  firstN: number;
  /** Fee added to every installment, and VAT on interest (and on that fee when `vatOnFees`). */
  fee: Dec;
  vatRate?: Dec;
  vatOnFees: boolean;
}

export interface Amortized {
  rows: ScheduleRow[];
  principal: Dec;
  interest: Dec;
  vat: Dec;
  /** Per-installment fees of all rows. */
  fees: Dec;
  total: Dec;
}

export function amortize(a: AmortizeInput): Amortized {
  const rows: ScheduleRow[] = [];
  const original = a.balance;
  const last = a.periods.length - 1;
  const feeVat = a.vatRate && a.vatOnFees ? a.fee : ZERO;
  const hasFee = !a.fee.isZero();
  let balance = a.balance;
  let deferred = ZERO;
  // Totals without a per-row addition: a regular annuity row totals exactly the level payment, so
  // the sum of totals is level × (regular rows) + the other rows' totals; interest follows from it.
  let regularRows = 0;
  let otherTotals = ZERO;
  let sumVat = ZERO;
  const level = a.level.amount;
  for (let i = 0; i <= last; i++) {
    const p = a.periods[i]!;
    const accrued = p.factor.isZero()
      ? ZERO
      : roundMoney((a.interestOn === 'original' ? original : balance).times(p.factor), a.scale, a.mode);
    let interest = accrued;
    if (i < a.grace.interest) {
      // Grace on interest defers it (not capitalised) to the first installment after the grace.
      deferred = deferred.plus(accrued);
      interest = ZERO;
    } else if (!deferred.isZero()) {
      interest = accrued.plus(deferred);
      deferred = ZERO;
    }
    let principal: Dec;
    let regular = false;
    if (i === last) principal = balance;
    else if (i < a.grace.principal) principal = ZERO;
    else if (a.level.kind === 'payment') {
      principal = level.minus(accrued);
      regular = interest === accrued;
    } else {
      principal = i === a.grace.principal && a.level.first ? a.level.first : level;
      if (a.step) principal = roundToStep(principal.plus(interest), a.step.amount, a.step.mode).minus(interest);
    }
    if (principal.isNegative()) {
      principal = ZERO;
      regular = false;
    } else if (principal.gt(balance)) {
      principal = balance;
      regular = false;
    }
    const closing = balance.minus(principal);
    const vat = a.vatRate ? roundMoney(interest.plus(feeVat).times(a.vatRate), a.scale, a.mode) : ZERO;
    let total = regular ? level : principal.plus(interest);
    if (hasFee) total = total.plus(a.fee);
    if (regular) regularRows++;
    else otherTotals = otherTotals.plus(total);
    if (a.vatRate) {
      total = total.plus(vat);
      sumVat = sumVat.plus(vat);
    }
    rows.push({ n: a.firstN + i, dueDate: p.end, days: p.days, opening: balance, principal, interest, fees: a.fee, vat, total, closing });
    balance = closing;
    if (a.stopWhenPaid && balance.isZero()) break;
  }
  // Each closing is the opening less the principal, exactly, so the principal parts sum to what left
  // the balance; the caller asserts that the balance closed at zero.
  const principalSum = a.balance.minus(balance);
  const fees = hasFee ? a.fee.times(rows.length) : ZERO;
  const regularTotals = regularRows === 0 ? ZERO : level.plus(hasFee ? a.fee : ZERO).times(regularRows);
  const total = regularTotals.plus(otherTotals).plus(sumVat);
  const sumInterest = total.minus(principalSum).minus(fees).minus(sumVat);
  return { rows, principal: principalSum, interest: sumInterest, vat: sumVat, fees, total };
}

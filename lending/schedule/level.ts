// The level amount of each method: the installment of an annuity, the principal part of an
// equal-principal or flat loan.
import { Dec, ONE } from '../decimal.js';
import { roundMoney, roundToStep } from '../money.js';
import type { LoanTerms } from '../types.js';
import { annuityDivisor, nominalPeriodicRate, type Period } from './periods.js';

/** Level installment repaying `balance` over `periods` (already limited to the amortising ones). */
export function annuityPayment(t: LoanTerms, balance: Dec, periods: readonly Period[]): Dec {
  const m = periods.length;
  let exact: Dec;
  if (t.annuity === 'resolved') {
    exact = balance.div(annuityDivisor(periods.map((p) => p.factor)));
  } else {
    const r = nominalPeriodicRate(t.rate, t.frequency);
    exact = r.isZero() ? balance.div(m) : balance.times(r).div(ONE.minus(ONE.plus(r).pow(-m)));
  }
  return roundToStep(exact, t.rounding.installmentStep, t.rounding.installmentMode);
}

/** Equal principal part and, with remainderTo "first", the first part that carries the rounding remainder. */
export function equalPrincipal(t: LoanTerms, balance: Dec, m: number): { amount: Dec; first?: Dec } {
  const amount = roundMoney(balance.div(m), t.scale, t.rounding.mode);
  if (t.rounding.remainderTo !== 'first' || m === 1) return { amount };
  return { amount, first: balance.minus(amount.times(m - 1)) };
}

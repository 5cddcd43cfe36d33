// Apache Fineract's EMI adjustment for progressive loans (opt-in: `annuityAdjustment: "fineract"`
// with `annuity: "resolved"`). Fineract, ProgressiveEMICalculator.checkAndAdjustEmiIfNeededOnRelatedRepaymentPeriods
// (fineract-progressive-loan, commit 4198b0bcf9a94e1c7aa0f386317ba71f40ceb1d9):
//   diff = last EMI − penultimate EMI; if |diff| × 100 > floor(n / 2) (n = periods of the level payment),
//   try EMI' = roundToMultiples(EMI + diff / n) (diff / n rounded to the currency's scale), rebuild, and keep
//   EMI' only if the new |diff| is smaller than the old one. One try, never a loop.
// We compare in the currency's minor units (Fineract's "× 100" is the minor unit of a 2-decimal currency)
// and round diff / n with the loan's rounding mode (Fineract: the MathContext's, HALF_EVEN by default).
import { Dec } from '../decimal.js';
import { roundMoney, roundToStep } from '../money.js';
import type { LoanTerms } from '../types.js';
import type { Amortized } from './amortize.js';

export function fineractAdjusted(
  t: LoanTerms,
  level: Dec,
  n: number,
  run: (level: Dec) => Amortized,
): Amortized & { installmentAmount: Dec } {
  const first = run(level);
  const diff = lastDifference(first, level);
  const minor = new Dec(10).pow(-t.scale);
  if (
    diff.isZero() ||
    n < 2 ||
    !diff
      .abs()
      .div(minor)
      .gt(Math.floor(n / 2))
  )
    return { ...first, installmentAmount: level };
  const adjusted = roundToStep(
    level.plus(roundMoney(diff.div(n), t.scale, t.rounding.mode)),
    t.rounding.installmentStep,
    t.rounding.installmentMode,
  );
  if (adjusted.eq(level)) return { ...first, installmentAmount: level };
  const second = run(adjusted);
  return lastDifference(second, adjusted).abs().lt(diff.abs())
    ? { ...second, installmentAmount: adjusted }
    : { ...first, installmentAmount: level };
}

/** The last installment's principal + interest less the level payment (Fineract compares EMIs, not fees or VAT). */
function lastDifference(a: Amortized, level: Dec): Dec {
  const last = a.rows[a.rows.length - 1]!;
  return last.principal.plus(last.interest).minus(level);
}

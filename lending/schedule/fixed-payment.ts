// "Pay 2,500 a month until done" (Frappe Lending's "Repay Fixed Amount per Period"): the installment is
// given and the number of installments follows — as many as it takes, the last one smaller.
import { refused } from '../errors.js';
import { amortizeTerms } from './build.js';
import { buildPeriods } from './periods.js';
import type { LoanTerms } from '../types.js';

/** `maxTerm` is the input's installment limit: a payment that needs more is refused. */
export function installmentsForFixedPayment(t: LoanTerms, maxTerm: number, path: string): number {
  const payment = t.fixedPayment!;
  const financed = t.downPayment ? t.principal.minus(t.downPayment) : t.principal;
  const periods = buildPeriods({ ...t, installments: maxTerm });
  const a = amortizeTerms(t, periods, financed, 1, { stopWhenPaid: true });
  const last = a.rows[a.rows.length - 1]!;
  if (a.rows.length === maxTerm && last.principal.plus(last.interest).gt(payment))
    throw refused(
      'FIXED_PAYMENT_TOO_LOW',
      path,
      `The payment does not repay the loan within ${maxTerm} installments (it must exceed the interest of a period)`,
    );
  return a.rows.length;
}

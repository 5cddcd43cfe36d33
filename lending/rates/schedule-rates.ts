// Effective rates of a schedule: the borrower's cash flows seen from the lender.
import { type Dec, HUNDRED } from '../decimal.js';
import type { CashFlow, EffectiveRateKind, PskMonthDays, Schedule } from '../types.js';
import { catFromDatedFlows } from './cat.js';
import { psk } from './psk.js';
import { xirr } from './xirr.js';

/**
 * Issue date: −principal + every disbursement fee (withheld or paid, the borrower bears it);
 * each installment: its total. `withoutVat` drops VAT from installments (CAT is stated without IVA).
 */
export function scheduleCashFlows(s: Schedule, withoutVat = false): CashFlow[] {
  const flows: CashFlow[] = [{ date: s.terms.disbursementDate, amount: s.terms.principal.neg().plus(s.totals.disbursementFees) }];
  for (const r of s.rows) flows.push({ date: r.dueDate, amount: withoutVat ? r.total.minus(r.vat) : r.total });
  return flows;
}

export function effectiveRatesOf(
  kinds: readonly EffectiveRateKind[],
  flows: CashFlow[],
  monthDays: PskMonthDays,
  withoutVat?: CashFlow[],
): Partial<Record<EffectiveRateKind, Dec>> {
  const out: Partial<Record<EffectiveRateKind, Dec>> = {};
  for (const k of kinds) {
    if (k === 'psk') out.psk = psk(flows, monthDays, 'effectiveRates').psk;
    else if (k === 'cat') out.cat = catFromDatedFlows(withoutVat ?? flows, 'effectiveRates');
    else out.xirr = xirr(flows, 'effectiveRates').times(HUNDRED).toDecimalPlaces(6);
  }
  return out;
}

// Effective rates of a schedule: the borrower's cash flows seen from the lender.
import { type Dec, HUNDRED } from '../decimal.js';
import type { CashFlow, EffectiveRateKind, PskMonthDays, Schedule } from '../types.js';
import { catFromDatedFlows, catFromPeriodFlows } from './cat.js';
import { psk } from './psk.js';
import { xirr } from './xirr.js';

/**
 * Issue date: −principal + every disbursement fee (withheld or paid, the borrower bears it);
 * each installment: its total. `withoutVat` drops VAT from installments (CAT is stated without IVA).
 */
export function scheduleCashFlows(s: Schedule, withoutVat = false): CashFlow[] {
  const day0 = s.terms.disbursementDate;
  const flows: CashFlow[] = [{ date: day0, amount: s.terms.principal.neg().plus(s.totals.disbursementFees) }];
  for (const r of s.rows) {
    const amount = withoutVat ? r.total.minus(r.vat) : r.total;
    // A down payment due on the disbursement day nets with it: one flow per date.
    if (r.dueDate === day0) flows[0] = { date: day0, amount: flows[0]!.amount.plus(amount) };
    else flows.push({ date: r.dueDate, amount });
  }
  return flows;
}

/**
 * The same flows numbered by period for CAT by periods (Banxico: t = k / periods a year): period 0 is
 * the disbursement, netted with what falls due that day (a down payment); installment k after it is
 * period k whatever its calendar length (an irregular first period counts as one). VAT excluded.
 */
export function schedulePeriodFlows(s: Schedule): { period: number; amount: Dec }[] {
  let day0 = s.terms.principal.neg().plus(s.totals.disbursementFees);
  const out: { period: number; amount: Dec }[] = [];
  for (const r of s.rows) {
    const amount = r.total.minus(r.vat);
    if (r.dueDate === s.terms.disbursementDate) day0 = day0.plus(amount);
    else out.push({ period: out.length + 1, amount });
  }
  return [{ period: 0, amount: day0 }, ...out];
}

export function effectiveRatesOf(
  kinds: readonly EffectiveRateKind[],
  flows: CashFlow[],
  monthDays: PskMonthDays,
  withoutVat?: CashFlow[],
  catByPeriods?: { flows: { period: number; amount: Dec }[]; perYear: Dec },
): Partial<Record<EffectiveRateKind, Dec>> {
  const out: Partial<Record<EffectiveRateKind, Dec>> = {};
  for (const k of kinds) {
    if (k === 'psk') out.psk = psk(flows, monthDays, 'effectiveRates').psk;
    else if (k === 'cat' && catByPeriods) out.cat = catFromPeriodFlows(catByPeriods.flows, catByPeriods.perYear, 'effectiveRates');
    else if (k === 'cat') out.cat = catFromDatedFlows(withoutVat ?? flows, 'effectiveRates');
    else out.xirr = xirr(flows, 'effectiveRates').times(HUNDRED).toDecimalPlaces(6);
  }
  return out;
}

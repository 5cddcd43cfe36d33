// buildSchedule: loan terms → dated rows, totals and effective rates, checked against the profile.
import { Dec, ZERO, sum } from '../decimal.js';
import { roundMoney } from '../money.js';
import { checkRatesAgainstProfile, checkScheduleAgainstProfile } from '../profile-checks.js';
import { effectiveRatesOf, scheduleCashFlows } from '../rates/schedule-rates.js';
import type { LoanTerms, Schedule, ScheduleRow, ScheduleTotals } from '../types.js';
import { amortize, type AmortizedRow } from './amortize.js';
import { annuityPayment, equalPrincipal } from './level.js';
import { buildPeriods, type Period } from './periods.js';
import { assertScheduleInvariants } from './invariants.js';

export function buildSchedule(terms: LoanTerms): Schedule {
  checkRatesAgainstProfile(terms);
  const periods = buildPeriods(terms);
  const { rows: base, installmentAmount } = amortizeTerms(terms, periods, terms.principal, 1);
  const rows = withFeesAndVat(terms, base);
  assertScheduleInvariants(terms.principal, rows);
  const totals = totalsOf(terms, rows);
  checkScheduleAgainstProfile(terms, totals);
  const schedule: Schedule = { terms, installmentAmount: installmentAmount ?? rows[terms.grace.principal]!.total, rows, totals, effectiveRates: {} };
  schedule.effectiveRates = effectiveRatesOf(terms.effectiveRates, scheduleCashFlows(schedule), terms.pskMonthDays, scheduleCashFlows(schedule, true));
  return schedule;
}

/** Principal and interest rows of a method over `periods`, starting from `balance`. */
export function amortizeTerms(
  t: LoanTerms,
  periods: readonly Period[],
  balance: Dec,
  firstN: number,
  opts: { level?: Dec; stopWhenPaid?: boolean; grace?: { principal: number; interest: number } } = {},
): { rows: AmortizedRow[]; installmentAmount?: Dec } {
  const grace = opts.grace ?? t.grace;
  const m = periods.length - grace.principal;
  const common = { balance, periods, scale: t.scale, mode: t.rounding.mode, grace, stopWhenPaid: opts.stopWhenPaid ?? false, firstN };
  switch (t.method) {
    case 'annuity': {
      const level = opts.level ?? annuityPayment(t, balance, periods.slice(grace.principal));
      return { rows: amortize({ ...common, level: { kind: 'payment', amount: level }, interestOn: 'balance' }), installmentAmount: level };
    }
    case 'equal-principal':
    case 'flat':
    case 'interest-free': {
      const level = opts.level ? { amount: opts.level } : equalPrincipal(t, balance, m);
      const zeroed = t.method === 'interest-free' ? periods.map((p) => ({ ...p, factor: ZERO })) : periods;
      return {
        rows: amortize({ ...common, periods: zeroed, level: { kind: 'principal', ...level }, interestOn: t.method === 'flat' ? 'original' : 'balance' }),
      };
    }
    case 'single-payment':
      return { rows: amortize({ ...common, level: { kind: 'principal', amount: balance }, interestOn: 'balance' }) };
  }
}

export function installmentFee(t: LoanTerms): Dec {
  let fee = ZERO;
  for (const f of t.fees) {
    if (f.at !== 'installment') continue;
    fee = fee.plus(f.amount ?? roundMoney(t.principal.times(f.fraction!), t.scale, t.rounding.mode));
  }
  return fee;
}

export function withFeesAndVat(t: LoanTerms, base: readonly AmortizedRow[]): ScheduleRow[] {
  const fee = installmentFee(t);
  return base.map((r) => {
    const vatBase = t.vat ? (t.vat.onFees ? r.interest.plus(fee) : r.interest) : ZERO;
    const vat = t.vat ? roundMoney(vatBase.times(t.vat.rate), t.scale, t.rounding.mode) : ZERO;
    return { ...r, fees: fee, vat, total: r.principal.plus(r.interest).plus(fee).plus(vat) };
  });
}

export function disbursementFees(t: LoanTerms): { total: Dec; withheld: Dec } {
  let total = ZERO;
  let withheld = ZERO;
  for (const f of t.fees) {
    if (f.at !== 'disbursement') continue;
    const amount = f.amount ?? roundMoney(t.principal.times(f.fraction!), t.scale, t.rounding.mode);
    total = total.plus(amount);
    if (f.withheld) withheld = withheld.plus(amount);
  }
  return { total, withheld };
}

export function totalsOf(t: LoanTerms, rows: readonly ScheduleRow[]): ScheduleTotals {
  const interest = sum(rows.map((r) => r.interest));
  const fees = sum(rows.map((r) => r.fees));
  const vat = sum(rows.map((r) => r.vat));
  const d = disbursementFees(t);
  return {
    principal: sum(rows.map((r) => r.principal)),
    interest,
    fees,
    vat,
    installments: sum(rows.map((r) => r.total)),
    disbursementFees: d.total,
    netDisbursed: t.principal.minus(d.withheld),
    costOfCredit: interest.plus(fees).plus(vat).plus(d.total),
  };
}

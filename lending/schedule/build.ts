// buildSchedule: loan terms → dated rows, totals and effective rates, checked against the profile.
import { Dec, ZERO, sum } from '../decimal.js';
import { roundMoney } from '../money.js';
import { checkRatesAgainstProfile, checkScheduleAgainstProfile } from '../profile-checks.js';
import { effectiveRatesOf, scheduleCashFlows, schedulePeriodFlows } from '../rates/schedule-rates.js';
import type { LoanTerms, Schedule, ScheduleRow, ScheduleTotals } from '../types.js';
import { amortize, type Amortized } from './amortize.js';
import { withDownPayment } from './down-payment.js';
import { fineractAdjusted } from './fineract-adjust.js';
import { annuityPayment, equalPrincipal } from './level.js';
import { buildPeriods, periodsPerYear, type Period } from './periods.js';
import { assertScheduleSums } from './invariants.js';

export function buildSchedule(terms: LoanTerms): Schedule {
  checkRatesAgainstProfile(terms);
  const periods = buildPeriods(terms);
  const down = terms.downPayment;
  const amortized = amortizeTerms(terms, periods, down ? terms.principal.minus(down) : terms.principal, down ? 2 : 1);
  const built = down ? withDownPayment(terms, amortized, down) : amortized;
  const rows = built.rows;
  assertScheduleSums(terms.principal, built.principal, rows);
  const totals = totalsFromSums(terms, built);
  const installmentAmount = built.installmentAmount;
  checkScheduleAgainstProfile(terms, totals);
  const schedule: Schedule = {
    terms,
    installmentAmount: installmentAmount ?? rows[terms.grace.principal + (down ? 1 : 0)]!.total,
    rows,
    totals,
    effectiveRates: {},
  };
  if (terms.effectiveRates.length > 0) {
    const needsNoVat = terms.effectiveRates.includes('cat') && terms.vat !== undefined;
    const byPeriods = terms.effectiveRates.includes('cat') && terms.catBasis === 'periods';
    schedule.effectiveRates = effectiveRatesOf(
      terms.effectiveRates,
      scheduleCashFlows(schedule),
      terms.pskMonthDays,
      needsNoVat ? scheduleCashFlows(schedule, true) : undefined,
      byPeriods ? { flows: schedulePeriodFlows(schedule), perYear: periodsPerYear(terms.frequency) } : undefined,
    );
  }
  return schedule;
}

/** Principal and interest rows of a method over `periods`, starting from `balance`. */
export function amortizeTerms(
  t: LoanTerms,
  periods: readonly Period[],
  balance: Dec,
  firstN: number,
  opts: { level?: Dec; stopWhenPaid?: boolean; grace?: { principal: number; interest: number } } = {},
): Amortized & { installmentAmount?: Dec } {
  const grace = opts.grace ?? t.grace;
  const m = periods.length - grace.principal;
  const common = {
    balance,
    periods,
    scale: t.scale,
    mode: t.rounding.mode,
    grace,
    stopWhenPaid: opts.stopWhenPaid ?? false,
    firstN,
    fee: installmentFee(t),
    ...(t.vat ? { vatRate: t.vat.rate } : {}),
    vatOnFees: t.vat?.onFees ?? false,
  };
  switch (t.method) {
    case 'annuity': {
      const level = opts.level ?? t.fixedPayment ?? annuityPayment(t, balance, periods.slice(grace.principal));
      const run = (l: Dec) => amortize({ ...common, level: { kind: 'payment', amount: l }, interestOn: 'balance' });
      // The adjustment belongs to the original schedule; a rebuilt tail keeps the level it is given.
      if (t.annuityAdjustment === 'fineract' && !opts.level && !t.fixedPayment) return fineractAdjusted(t, level, m, run);
      return { ...run(level), installmentAmount: level };
    }
    case 'equal-principal':
    case 'flat':
    case 'interest-free': {
      const fixed = opts.level ?? (t.method === 'interest-free' ? t.fixedPayment : undefined);
      const level = fixed ? { amount: fixed } : equalPrincipal(t, balance, m);
      const zeroed = t.method === 'interest-free' ? periods.map((p) => ({ ...p, factor: ZERO })) : periods;
      return amortize({
        ...common,
        periods: zeroed,
        level: { kind: 'principal', ...level },
        ...(stepRounds(t) && !opts.level ? { step: { amount: t.rounding.installmentStep, mode: t.rounding.installmentMode } } : {}),
        interestOn: t.method === 'flat' ? 'original' : 'balance',
      });
    }
    case 'single-payment':
      return amortize({ ...common, level: { kind: 'principal', amount: balance }, interestOn: 'balance' });
  }
}

/** A step above the currency's minor unit rounds installment totals (a minor-unit step changes nothing). */
function stepRounds(t: LoanTerms): boolean {
  return !t.rounding.installmentStep.eq(new Dec(10).pow(-t.scale));
}

export function installmentFee(t: LoanTerms): Dec {
  let fee = ZERO;
  for (const f of t.fees) {
    if (f.at !== 'installment') continue;
    fee = fee.plus(f.amount ?? roundMoney(t.principal.times(f.fraction!), t.scale, t.rounding.mode));
  }
  return fee;
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

/** Totals from the loop's running sums (no second pass over the rows). */
export function totalsFromSums(t: LoanTerms, a: Amortized): ScheduleTotals {
  const d = disbursementFees(t);
  const fees = a.fees;
  return {
    principal: a.principal,
    interest: a.interest,
    fees,
    vat: a.vat,
    installments: a.total,
    disbursementFees: d.total,
    netDisbursed: t.principal.minus(d.withheld),
    costOfCredit: a.interest.plus(fees).plus(a.vat).plus(d.total),
  };
}

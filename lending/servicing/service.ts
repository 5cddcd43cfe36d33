// service(): the state of a loan as of a date from its schedule and its payments — what is due, paid
// and outstanding per installment and component, days past due, penalties, how each payment was
// allocated, the amount to become current and the payoff.
import { Dec, ZERO, minDec } from '../decimal.js';
import { daysBetween, type IsoDate } from '../dates.js';
import { roundMoney } from '../money.js';
import { COMPONENTS, type Bucket, type Component } from './allocation-orders.js';
import { bucketFor } from './delinquency.js';
import { accrueDays, clipToCeiling, penaltyFor } from './penalty.js';
import type { AllocationResult, Amounts, InstallmentState, ServicingResult, ServicingTerms } from './types.js';

interface Live {
  n: number;
  dueDate: IsoDate;
  due: Amounts; // penalty here is the rounded accrual
  paid: Amounts;
  penaltyExact: Dec;
}

const zeroAmounts = (): Amounts => ({ principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO });

function owed(l: Live, c: Component): Dec {
  return l.due[c].minus(l.paid[c]);
}

export function service(t: ServicingTerms): ServicingResult {
  const live: Live[] = t.installments.map((i) => ({
    n: i.n,
    dueDate: i.dueDate,
    due: { principal: i.principal, interest: i.interest, fees: i.fees, vat: i.vat, penalty: ZERO },
    paid: zeroAmounts(),
    penaltyExact: ZERO,
  }));
  const payments = [...t.payments].map((p, idx) => ({ p, idx })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.idx - b.idx));
  let cursor = t.disbursementDate;
  let penaltyTotal = ZERO;
  const accrue = (to: IsoDate): void => {
    if (!t.penalty || to <= cursor) return;
    for (const l of live) {
      if (l.dueDate >= to) break;
      const days = accrueDays(t.penalty, l.dueDate, cursor, to);
      if (days === 0) continue;
      const base = t.penalty.base === 'principal' ? owed(l, 'principal') : owed(l, 'principal').plus(owed(l, 'interest'));
      const inc = clipToCeiling(penaltyFor(t.penalty, base, days), penaltyTotal, t.penaltyCeiling);
      l.penaltyExact = l.penaltyExact.plus(inc);
      penaltyTotal = penaltyTotal.plus(inc);
      l.due.penalty = roundMoney(l.penaltyExact, t.scale, t.mode);
    }
    cursor = to;
  };
  const allocations: AllocationResult[] = [];
  for (const { p } of payments) {
    accrue(p.date);
    allocations.push(allocate(t, live, p.id, p.date, p.amount));
  }
  accrue(t.asOf);
  return summarise(t, live, allocations);
}

function bucketOf(l: Live, date: IsoDate, current: number | undefined): Bucket {
  if (l.dueDate < date) return 'past-due';
  return l.n === current ? 'due' : 'in-advance';
}

function allocate(t: ServicingTerms, live: Live[], paymentId: string, date: IsoDate, amount: Dec): AllocationResult {
  const parts = zeroAmounts();
  let left = amount;
  let inAdvance = ZERO;
  const current = live.find((l) => l.dueDate >= date)?.n;
  const pay = (l: Live, c: Component): void => {
    const o = owed(l, c);
    if (left.isZero() || o.lte(ZERO)) return;
    const x = minDec(o, left);
    l.paid[c] = l.paid[c].plus(x);
    parts[c] = parts[c].plus(x);
    left = left.minus(x);
    if (bucketOf(l, date, current) === 'in-advance') inAdvance = inAdvance.plus(x);
  };
  for (const step of t.order) {
    for (const l of live) if (bucketOf(l, date, current) === step.bucket) pay(l, step.component);
  }
  // Whatever the order did not place: the current installment in full, then the overpayment rule.
  for (const l of live) if (bucketOf(l, date, current) !== 'in-advance') for (const c of COMPONENTS) pay(l, c);
  const future = live.filter((l) => bucketOf(l, date, current) === 'in-advance');
  if (t.overpayment === 'reduce-principal') {
    for (let i = future.length - 1; i >= 0; i--) pay(future[i]!, 'principal');
  } else {
    for (const l of future) for (const c of ['fees', 'vat', 'interest', 'principal'] as const) pay(l, c);
  }
  const result = { paymentId, date, amount, parts, inAdvance, excess: left };
  assertAllocationSums(result);
  return result;
}

function assertAllocationSums(a: AllocationResult): void {
  let s = a.excess;
  for (const c of COMPONENTS) s = s.plus(a.parts[c]);
  if (!s.eq(a.amount)) throw new Error(`lending invariant: allocation of ${a.paymentId} sums to ${s.toString()}, not ${a.amount.toString()}`);
}

function summarise(t: ServicingTerms, live: Live[], allocations: AllocationResult[]): ServicingResult {
  const outstandingTotal = zeroAmounts();
  let toBeCurrent = ZERO;
  let loanDpd = 0;
  const installments: InstallmentState[] = live.map((l) => {
    const outstanding = zeroAmounts();
    for (const c of COMPONENTS) {
      outstanding[c] = owed(l, c);
      outstandingTotal[c] = outstandingTotal[c].plus(outstanding[c]);
    }
    const unpaidCore = outstanding.principal.plus(outstanding.interest).plus(outstanding.fees).plus(outstanding.vat);
    const unpaidAll = unpaidCore.plus(outstanding.penalty);
    const dpd = l.dueDate < t.asOf && unpaidCore.gt(ZERO) ? daysBetween(l.dueDate, t.asOf) : 0;
    loanDpd = Math.max(loanDpd, dpd);
    if (l.dueDate <= t.asOf) toBeCurrent = toBeCurrent.plus(unpaidAll);
    const anyPaid = COMPONENTS.some((c) => l.paid[c].gt(ZERO));
    const status: InstallmentState['status'] = unpaidAll.isZero()
      ? 'paid'
      : l.dueDate < t.asOf
        ? 'overdue'
        : l.dueDate === t.asOf
          ? 'due'
          : anyPaid
            ? 'partial'
            : 'upcoming';
    return { n: l.n, dueDate: l.dueDate, due: { ...l.due }, paid: { ...l.paid }, outstanding, daysPastDue: dpd, status };
  });
  return {
    asOf: t.asOf,
    installments,
    allocations,
    daysPastDue: loanDpd,
    bucket: bucketFor(loanDpd, t.ranges),
    outstanding: outstandingTotal,
    toBeCurrent,
    payoff: payoffOn(t, live),
  };
}

/**
 * Payoff as of `asOf`: everything due up to that day, the principal of later installments, and the
 * current period's interest (and its VAT) pro rata to the days elapsed, less what was paid on them.
 */
function payoffOn(t: ServicingTerms, live: Live[]): ServicingResult['payoff'] {
  const out = { amount: ZERO, principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO };
  let prevDue = t.disbursementDate;
  let currentSeen = false;
  for (const l of live) {
    if (l.dueDate <= t.asOf) {
      out.principal = out.principal.plus(owed(l, 'principal'));
      out.interest = out.interest.plus(owed(l, 'interest'));
      out.fees = out.fees.plus(owed(l, 'fees'));
      out.vat = out.vat.plus(owed(l, 'vat'));
      out.penalty = out.penalty.plus(owed(l, 'penalty'));
      prevDue = l.dueDate;
      continue;
    }
    out.principal = out.principal.plus(owed(l, 'principal'));
    if (!currentSeen) {
      currentSeen = true;
      const span = daysBetween(prevDue, l.dueDate);
      const ratio = new Dec(Math.max(0, daysBetween(prevDue, t.asOf))).div(span);
      const interest = roundMoney(l.due.interest.times(ratio), t.scale, t.mode).minus(l.paid.interest);
      const vat = roundMoney(l.due.vat.times(ratio), t.scale, t.mode).minus(l.paid.vat);
      if (interest.gt(ZERO)) out.interest = out.interest.plus(interest);
      if (vat.gt(ZERO)) out.vat = out.vat.plus(vat);
    }
  }
  out.amount = out.principal.plus(out.interest).plus(out.fees).plus(out.vat).plus(out.penalty);
  return out;
}

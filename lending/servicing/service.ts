// service(): the state of a loan as of a date from its schedule and its payments — what is due, paid
// and outstanding per installment and component, days past due, penalties, how each payment was
// allocated, the amount to become current and the payoff.
import { Dec, ZERO } from '../decimal.js';
import { daysBetween, dayIndex, type IsoDate } from '../dates.js';
import { roundMoney } from '../money.js';
import { COMPONENTS, type Bucket, type Component } from './allocation-orders.js';
import { bucketFor } from './delinquency.js';
import { clipToCeiling, penaltyFor } from './penalty.js';
import type { AllocationResult, Amounts, InstallmentState, ServicingResult, ServicingTerms } from './types.js';

interface Live {
  n: number;
  dueDate: IsoDate;
  dueDay: number;
  due: Amounts; // penalty here is the rounded accrual
  paid: Amounts;
  /** What is still owed per component (due − paid), kept in step so no subtraction is repeated. */
  out: Amounts;
  penaltyExact: Dec;
}

const zeroAmounts = (): Amounts => ({ principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO });

function owed(l: Live, c: Component): Dec {
  return l.out[c];
}

export function service(t: ServicingTerms): ServicingResult {
  const live: Live[] = t.installments.map((i) => {
    const due = { principal: i.principal, interest: i.interest, fees: i.fees, vat: i.vat, penalty: ZERO };
    return { n: i.n, dueDate: i.dueDate, dueDay: dayIndex(i.dueDate), due, paid: zeroAmounts(), out: { ...due }, penaltyExact: ZERO };
  });
  const payments = [...t.payments].map((p, idx) => ({ p, idx, day: dayIndex(p.date) })).sort((a, b) => a.day - b.day || a.idx - b.idx);
  let cursor = dayIndex(t.disbursementDate);
  let penaltyTotal = ZERO;
  const pen = t.penalty;
  const accrue = (to: number): void => {
    if (!pen || to <= cursor) return;
    for (const l of live) {
      if (l.dueDay >= to) break;
      const days = to - Math.max(cursor, l.dueDay + pen.graceDays);
      if (days <= 0) continue;
      const base = pen.base === 'principal' ? l.out.principal : l.out.principal.plus(l.out.interest);
      if (base.isZero()) continue;
      const inc = clipToCeiling(penaltyFor(pen, base, days), penaltyTotal, t.penaltyCeiling);
      if (inc.isZero()) continue;
      l.penaltyExact = l.penaltyExact.plus(inc);
      penaltyTotal = penaltyTotal.plus(inc);
      const rounded = roundMoney(l.penaltyExact, t.scale, t.mode);
      l.out.penalty = l.out.penalty.plus(rounded.minus(l.due.penalty));
      l.due.penalty = rounded;
    }
    cursor = to;
  };
  const allocations: AllocationResult[] = [];
  for (const { p, day } of payments) {
    accrue(day);
    allocations.push(allocate(t, live, p.id, p.date, p.amount));
  }
  accrue(dayIndex(t.asOf));
  return summarise(t, live, allocations);
}

function allocate(t: ServicingTerms, live: Live[], paymentId: string, date: IsoDate, amount: Dec): AllocationResult {
  const parts = zeroAmounts();
  let left = amount;
  let inAdvance = ZERO;
  // Installments are in due-date order: [0, cur) past due, cur the current one, (cur, end) in advance.
  let cur = live.findIndex((l) => l.dueDate >= date);
  if (cur < 0) cur = live.length;
  const pay = (i: number, c: Component, upTo?: Dec): void => {
    const l = live[i]!;
    const o = upTo && upTo.lt(l.out[c]) ? upTo : l.out[c];
    if (o.lte(ZERO) || left.isZero()) return;
    const x = o.lte(left) ? o : left;
    l.paid[c] = l.paid[c].plus(x);
    l.out[c] = o.minus(x);
    parts[c] = parts[c].plus(x);
    left = left.minus(x);
    if (i > cur) inAdvance = inAdvance.plus(x);
  };
  // A payment that covers the payoff as of its date settles the loan: the interest of the days used,
  // nothing of later periods (RU 353-FZ art. 11, MX practice), the rest is a credit balance. Paying
  // the quote through the order instead spent it on later periods' interest and left principal open.
  const plan = payoffPlan(t, live, date);
  if (plan.amount.gt(ZERO) && amount.gte(plan.amount)) {
    plan.parts.forEach((p, i) => {
      for (const c of COMPONENTS) pay(i, c, p[c]);
      if (live[i]!.dueDate > date) waiveUnearned(live[i]!);
    });
    const result = { paymentId, date, amount, parts, inAdvance, excess: left };
    assertAllocationSums(result);
    return result;
  }
  const range = (b: Bucket): [number, number] =>
    b === 'past-due' ? [0, cur] : b === 'due' ? [cur, Math.min(cur + 1, live.length)] : [cur + 1, live.length];
  for (const step of t.order) {
    const [from, to] = range(step.bucket);
    for (let i = from; i < to && !left.isZero(); i++) pay(i, step.component);
  }
  // Whatever the order did not place: past-due and current amounts in full, then the overpayment rule.
  for (let i = 0; i < Math.min(cur + 1, live.length) && !left.isZero(); i++) for (const c of COMPONENTS) pay(i, c);
  if (t.overpayment === 'reduce-principal') {
    for (let i = live.length - 1; i > cur && !left.isZero(); i--) pay(i, 'principal');
  } else {
    for (let i = cur + 1; i < live.length && !left.isZero(); i++)
      for (const c of ['fees', 'vat', 'interest', 'principal'] as const) pay(i, c);
  }
  const result = { paymentId, date, amount, parts, inAdvance, excess: left };
  assertAllocationSums(result);
  return result;
}

function assertAllocationSums(a: AllocationResult): void {
  let s = a.excess;
  for (const c of COMPONENTS) s = s.plus(a.parts[c]);
  if (!s.eq(a.amount))
    throw new Error(`lending invariant: allocation of ${a.paymentId} sums to ${s.toString()}, not ${a.amount.toString()}`);
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

/** A later installment once the loan is settled early: what was not paid of it is not owed. */
function waiveUnearned(l: Live): void {
  for (const c of COMPONENTS) {
    l.due[c] = l.paid[c];
    l.out[c] = ZERO;
  }
}

interface PayoffPlan {
  amount: Dec;
  /** What settles each installment, by component (later periods: principal, and the current one's accrued interest). */
  parts: Amounts[];
}

/**
 * Payoff as of `date`: everything due up to that day, the principal of later installments, and the
 * current period's interest (and its VAT) pro rata to the days elapsed — or whole, with
 * `payoffInterest: "whole-period"` — less what was paid on them.
 */
function payoffPlan(t: ServicingTerms, live: Live[], date: IsoDate): PayoffPlan {
  let amount = ZERO;
  let prevDue = t.disbursementDate;
  let currentSeen = false;
  const parts = live.map((l): Amounts => {
    const p = zeroAmounts();
    if (l.dueDate <= date) {
      for (const c of COMPONENTS) p[c] = owed(l, c);
      prevDue = l.dueDate;
    } else {
      p.principal = owed(l, 'principal');
      if (!currentSeen) {
        currentSeen = true;
        const span = daysBetween(prevDue, l.dueDate);
        const elapsed = Math.max(0, daysBetween(prevDue, date));
        // Whole-period mode charges the period's interest in full once a day of it has run.
        const ratio = t.payoffInterest === 'whole-period' ? new Dec(elapsed > 0 ? 1 : 0) : new Dec(elapsed).div(span);
        const interest = roundMoney(l.due.interest.times(ratio), t.scale, t.mode).minus(l.paid.interest);
        const vat = roundMoney(l.due.vat.times(ratio), t.scale, t.mode).minus(l.paid.vat);
        if (interest.gt(ZERO)) p.interest = interest;
        if (vat.gt(ZERO)) p.vat = vat;
      }
    }
    for (const c of COMPONENTS) amount = amount.plus(p[c]);
    return p;
  });
  return { amount, parts };
}

function payoffOn(t: ServicingTerms, live: Live[]): ServicingResult['payoff'] {
  const plan = payoffPlan(t, live, t.asOf);
  const out = { amount: plan.amount, principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO };
  for (const p of plan.parts) for (const c of COMPONENTS) out[c] = out[c].plus(p[c]);
  return out;
}

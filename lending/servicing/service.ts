// service(): the state of a loan as of a date from its schedule, its payments and prepayments — what
// is due, paid and outstanding per installment and component, late fees, penalties, days past due
// (grace and pauses applied) and the buckets the loan went through, how each payment was allocated,
// the amount to become current and the payoff.
import { Dec, ZERO } from '../decimal.js';
import { dayIndex } from '../dates.js';
import { roundMoney } from '../money.js';
import { COMPONENTS, type Bucket } from './allocation-orders.js';
import { bucketFor } from './delinquency.js';
import { dpdHistory } from './dpd-history.js';
import { chargeDay, clipCharge, lateFeeFor } from './late-fees.js';
import { activeDays, isPaused, pauseDays, type DayPause } from './pauses.js';
import { clipToCeiling, penaltyFor } from './penalty.js';
import {
  allocationOf,
  coreCleared,
  coreOut,
  firstOpen,
  payer,
  payoffPlan,
  waiveUnearned,
  zeroAmounts,
  type Live,
  type Pot,
} from './live.js';
import { prepayRebuilding } from './prepayments.js';
import type { AllocationResult, InstallmentState, Payment, Prepayment, ServicingResult, ServicingTerms } from './types.js';

type Event = { p: Payment; idx: number; day: number; prepayment?: Prepayment };

export function service(t: ServicingTerms): ServicingResult {
  const pauses = pauseDays(t.delinquency.pauses);
  const startDay = dayIndex(t.disbursementDate);
  const live: Live[] = t.installments.map((i) => {
    const due = { principal: i.principal, interest: i.interest, fees: i.fees, vat: i.vat, penalty: ZERO };
    const dueDay = dayIndex(i.dueDate);
    const l: Live = {
      n: i.n,
      dueDate: i.dueDate,
      dueDay,
      due,
      paid: zeroAmounts(),
      out: { ...due },
      penaltyExact: ZERO,
      charged: ZERO,
      charges: [],
      feeDays: t.lateFees.map((f) => chargeDay(f, dueDay, pauses)),
      feeDone: t.lateFees.map(() => false),
      clearedDay: undefined,
    };
    if (coreCleared(l)) l.clearedDay = startDay;
    return l;
  });
  const events: Event[] = [
    ...t.payments.map((p, idx) => ({ p, idx, day: dayIndex(p.date) })),
    ...t.prepayments.map((p, idx) => ({ p, idx: t.payments.length + idx, day: dayIndex(p.date), prepayment: p })),
  ].sort((a, b) => a.day - b.day || a.idx - b.idx);
  const state = { cursor: startDay, penaltyTotal: ZERO, penaltyDue: ZERO, level: t.level };
  const allocations: AllocationResult[] = [];
  for (const e of events) {
    accrue(t, live, pauses, state, e.day);
    const r = e.prepayment
      ? e.prepayment.mode === 'reschedule-next'
        ? { ...allocate(t, live, e.p, 'in-advance'), prepayment: { mode: e.prepayment.mode, principal: ZERO } }
        : prepayRebuilding(t, live, e.prepayment, state, allocate)
      : allocate(t, live, e.p, t.overpayment);
    allocations.push(r);
    for (const l of live) if (l.clearedDay === undefined && coreCleared(l)) l.clearedDay = e.day;
  }
  accrue(t, live, pauses, state, dayIndex(t.asOf));
  return summarise(t, live, pauses, allocations);
}

/** Late fees and penalties for the days (cursor, to]; paused days count for neither. */
function accrue(
  t: ServicingTerms,
  live: Live[],
  pauses: DayPause[],
  st: { cursor: number; penaltyTotal: Dec; penaltyDue: Dec },
  to: number,
): void {
  const pen = t.penalty;
  if (to <= st.cursor) return;
  for (const l of live) {
    if (l.dueDay >= to) break;
    t.lateFees.forEach((fee, k) => {
      if (l.feeDone[k] || l.feeDays[k]! > to) return;
      l.feeDone[k] = true;
      if (coreCleared(l)) return;
      const room = t.penaltyCeiling?.minus(st.penaltyTotal);
      const c = clipCharge(lateFeeFor(fee, l.out, l.feeDays[k]!, t.scale, t.mode), room, fee.vatRate, t.scale, t.mode);
      const gross = c.amount.plus(c.vat);
      if (gross.isZero()) return;
      l.charges.push(c);
      l.charged = l.charged.plus(gross);
      st.penaltyTotal = st.penaltyTotal.plus(gross);
      setPenalty(l, t, st);
    });
    if (!pen) continue;
    const days = activeDays(pauses, Math.max(st.cursor, l.dueDay + pen.graceDays), to);
    if (days <= 0) continue;
    const base = pen.base === 'principal' ? l.out.principal : l.out.principal.plus(l.out.interest);
    if (base.isZero()) continue;
    const inc = clipToCeiling(penaltyFor(pen, base, days), st.penaltyTotal, t.penaltyCeiling);
    if (inc.isZero()) continue;
    l.penaltyExact = l.penaltyExact.plus(inc);
    st.penaltyTotal = st.penaltyTotal.plus(inc);
    setPenalty(l, t, st);
  }
  st.cursor = to;
}

/**
 * The installment's penalty owed: its accrual rounded, plus its late fees. Rounding each installment
 * half-up could carry the loan a cent past its ceiling (the RU-MFO cap), so the rounded sum is held
 * under it.
 */
function setPenalty(l: Live, t: ServicingTerms, st: { penaltyDue: Dec }): void {
  let due = roundMoney(l.penaltyExact, t.scale, t.mode).plus(l.charged);
  if (t.penaltyCeiling) {
    const room = roundMoney(t.penaltyCeiling.minus(st.penaltyDue.minus(l.due.penalty)), t.scale, 'down');
    if (due.gt(room)) due = Dec.max(room, l.paid.penalty);
  }
  st.penaltyDue = st.penaltyDue.plus(due.minus(l.due.penalty));
  l.out.penalty = l.out.penalty.plus(due.minus(l.due.penalty));
  l.due.penalty = due;
}

function allocate(t: ServicingTerms, live: Live[], p: Payment, overpayment: ServicingTerms['overpayment']): AllocationResult {
  const { id: paymentId, date, amount } = p;
  const pot: Pot = { parts: zeroAmounts(), left: amount, inAdvance: ZERO };
  // Installments are in due-date order: [0, cur) past due, cur the current one, (cur, end) in advance.
  let cur = live.findIndex((l) => l.dueDate >= date);
  if (cur < 0) cur = live.length;
  const pay = payer(live, pot, cur);
  const open = firstOpen(live);
  // A payment that covers the payoff as of its date settles the loan: the interest of the days used,
  // nothing of later periods (RU 353-FZ art. 11, MX practice), the rest is a credit balance. Paying
  // the quote through the order instead spent it on later periods' interest and left principal open.
  const plan = mayPayOff(live, open, amount) ? payoffPlan(t, live, date) : undefined;
  if (plan && plan.amount.gt(ZERO) && amount.gte(plan.amount)) {
    plan.parts.forEach((part, i) => {
      for (const c of COMPONENTS) pay(i, c, part[c]);
      if (live[i]!.dueDate > date) waiveUnearned(live[i]!);
    });
    return allocationOf(paymentId, date, amount, pot);
  }
  const range = (b: Bucket): [number, number] =>
    b === 'past-due' ? [open, cur] : b === 'due' ? [cur, Math.min(cur + 1, live.length)] : [cur + 1, live.length];
  for (const step of t.order) {
    const [from, to] = range(step.bucket);
    for (let i = from; i < to && !pot.left.isZero(); i++) pay(i, step.component);
  }
  // Whatever the order did not place: past-due and current amounts in full, then the overpayment rule.
  for (let i = open; i < Math.min(cur + 1, live.length) && !pot.left.isZero(); i++) for (const c of COMPONENTS) pay(i, c);
  if (overpayment === 'reduce-principal') {
    for (let i = live.length - 1; i > cur && !pot.left.isZero(); i--) pay(i, 'principal');
  } else {
    for (let i = cur + 1; i < live.length && !pot.left.isZero(); i++)
      for (const c of ['fees', 'vat', 'interest', 'principal'] as const) pay(i, c);
  }
  return allocationOf(paymentId, date, amount, pot);
}

/**
 * Whether `amount` can reach the payoff: the payoff holds at least all principal still owed, so a
 * payment below that cannot — which spares building the payoff quote for every ordinary payment.
 */
function mayPayOff(live: Live[], open: number, amount: Dec): boolean {
  let principal = ZERO;
  for (let i = open; i < live.length; i++) {
    principal = principal.plus(live[i]!.out.principal);
    if (principal.gt(amount)) return false;
  }
  return true;
}

function summarise(t: ServicingTerms, live: Live[], pauses: DayPause[], allocations: AllocationResult[]): ServicingResult {
  const outstandingTotal = zeroAmounts();
  const asOfDay = dayIndex(t.asOf);
  const grace = t.delinquency.graceDays;
  let toBeCurrent = ZERO;
  let loanDpd = 0;
  let pastDueDays = 0;
  const installments: InstallmentState[] = live.map((l) => {
    const outstanding = { ...l.out };
    for (const c of COMPONENTS) outstandingTotal[c] = outstandingTotal[c].plus(outstanding[c]);
    const unpaidCore = coreOut(l);
    const unpaidAll = unpaidCore.plus(outstanding.penalty);
    const late = l.dueDate < t.asOf && unpaidCore.gt(ZERO);
    const dpd = late ? activeDays(pauses, l.dueDay + grace, asOfDay) : 0;
    loanDpd = Math.max(loanDpd, dpd);
    if (late) pastDueDays = Math.max(pastDueDays, asOfDay - l.dueDay);
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
    return {
      n: l.n,
      dueDate: l.dueDate,
      due: { ...l.due },
      paid: { ...l.paid },
      outstanding,
      daysPastDue: dpd,
      status,
      charges: l.charges,
    };
  });
  return {
    asOf: t.asOf,
    installments,
    allocations,
    daysPastDue: loanDpd,
    pastDueDays,
    bucket: bucketFor(loanDpd, t.ranges),
    dpdHistory: dpdHistory({
      installments: live,
      graceDays: grace,
      pauses,
      ranges: t.ranges,
      startDay: dayIndex(t.disbursementDate),
      asOfDay,
    }),
    delinquencyPaused: isPaused(pauses, asOfDay),
    outstanding: outstandingTotal,
    toBeCurrent,
    payoff: payoffOn(t, live),
  };
}

function payoffOn(t: ServicingTerms, live: Live[]): ServicingResult['payoff'] {
  const plan = payoffPlan(t, live, t.asOf);
  const out = { amount: plan.amount, principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO };
  for (const p of plan.parts) for (const c of COMPONENTS) out[c] = out[c].plus(p[c]);
  return out;
}

// A prepayment that rebuilds the schedule (reduce-term or reduce-installment), inside a servicing
// run among ordinary payments — so any number of them apply in date order on what was really paid.
// The amount settles, in the loan's order, everything due on or before its date; then the current
// period's interest (and VAT) pro rata to the days elapsed, as the payoff counts it; the rest takes
// principal off, and the installments after the date are rebuilt on the new balance (Fineract's
// REDUCE_NUMBER_OF_INSTALLMENTS / REDUCE_EMI_AMOUNT reschedule strategies). Amounts already paid on
// a rebuilt installment stay paid and count toward its new amounts.
import { Dec, ZERO, sum } from '../decimal.js';
import { roundMoney } from '../money.js';
import { rebuildTail } from '../prepay.js';
import { COMPONENTS } from './allocation-orders.js';
import { allocationOf, elapsedRatio, payer, payoffPlan, waiveUnearned, zeroAmounts, type Live, type Pot } from './live.js';
import type { AllocationResult, Payment, Prepayment, ServicingTerms } from './types.js';

export type Allocate = (t: ServicingTerms, live: Live[], p: Payment, overpayment: ServicingTerms['overpayment']) => AllocationResult;

export function prepayRebuilding(
  t: ServicingTerms,
  live: Live[],
  p: Prepayment,
  state: { level?: Dec | undefined },
  allocate: Allocate,
): AllocationResult {
  const j = live.findIndex((l) => l.dueDate > p.date);
  const plan = payoffPlan(t, live, p.date);
  // Matured, or enough to pay off: an ordinary payment settles it.
  if (j < 0 || !t.loan || !state.level || p.amount.gte(plan.amount))
    return { ...allocate(t, live, p, t.overpayment), prepayment: { mode: p.mode, principal: ZERO } };
  const loan = t.loan;
  const pot: Pot = { parts: zeroAmounts(), left: p.amount, inAdvance: ZERO };
  const cur = live.findIndex((l) => l.dueDate >= p.date);
  const pay = payer(live, pot, cur);
  // 1. What is due on or before the date: the order's past-due steps (and due steps on the due date), then in full.
  for (const step of t.order) {
    const [from, to] = step.bucket === 'past-due' ? [0, cur] : step.bucket === 'due' && cur < j ? [cur, j] : [0, 0];
    for (let i = from; i < to && !pot.left.isZero(); i++) pay(i, step.component);
  }
  for (let i = 0; i < j && !pot.left.isZero(); i++) for (const c of COMPONENTS) pay(i, c);
  // 2. The current period's interest and VAT accrued to the date.
  const lj = live[j]!;
  const ratio = elapsedRatio(t, live, j, p.date);
  const accrued = roundMoney(lj.due.interest.times(ratio), t.scale, t.mode);
  const accruedVat = roundMoney(lj.due.vat.times(ratio), t.scale, t.mode);
  pay(j, 'interest', accrued.minus(lj.paid.interest));
  pay(j, 'vat', accruedVat.minus(lj.paid.vat));
  const balance = sum(live.slice(j).map((l) => l.out.principal));
  const principal = pot.left;
  if (principal.isZero()) return { ...allocationOf(p.id, p.date, p.amount, pot), prepayment: { mode: p.mode, principal } };
  if (principal.gte(balance)) throw new Error('lending invariant: a prepayment below the payoff covers the balance');
  // 3. The rest takes principal off, booked on the current installment.
  lj.due.principal = lj.due.principal.plus(principal);
  lj.paid.principal = lj.paid.principal.plus(principal);
  pot.parts.principal = pot.parts.principal.plus(principal);
  if (j > cur) pot.inAdvance = pot.inAdvance.plus(principal);
  pot.left = ZERO;
  // 4. The tail rebuilt on the new balance.
  const tail = live.slice(j);
  const built = rebuildTail(loan, {
    prevDate: j === 0 ? t.disbursementDate : live[j - 1]!.dueDate,
    dates: tail.map((l) => l.dueDate),
    before: j,
    date: p.date,
    balance: balance.minus(principal),
    mode: p.mode === 'reduce-term' ? 'reduce-term' : 'reduce-installment',
    level: state.level,
  });
  // A later reduce-term keeps the installment this one lowered: the annuity's level, else the
  // principal part of the first rebuilt row past any principal grace.
  if (p.mode === 'reduce-installment') {
    const lowered =
      built.installmentAmount ?? built.rows[Math.min(Math.max(0, loan.grace.principal - j), built.rows.length - 1)]?.principal;
    if (lowered?.gt(ZERO)) state.level = lowered;
  }
  tail.forEach((l, k) => {
    const row = built.rows[k];
    if (!row) return waiveUnearned(l);
    const first = k === 0;
    l.due.principal = l.paid.principal.plus(row.principal);
    l.due.interest = Dec.max(l.paid.interest, row.interest.plus(first ? accrued : ZERO));
    l.due.fees = Dec.max(l.paid.fees, row.fees);
    l.due.vat = Dec.max(l.paid.vat, row.vat.plus(first ? accruedVat : ZERO));
    for (const c of ['principal', 'interest', 'fees', 'vat'] as const) l.out[c] = l.due[c].minus(l.paid[c]);
    l.clearedDay = undefined;
  });
  // Installments the shorter term no longer needs and nothing was paid on disappear.
  for (let i = live.length - 1; i > j; i--) if (!built.rows[i - j] && COMPONENTS.every((c) => live[i]!.paid[c].isZero())) live.splice(i, 1);
  const total = sum(live.map((l) => l.due.principal));
  if (!total.eq(t.principal))
    throw new Error(`lending invariant: after prepayment ${p.id} the schedule repays ${total.toString()}, not ${t.principal.toString()}`);
  return { ...allocationOf(p.id, p.date, p.amount, pot), prepayment: { mode: p.mode, principal } };
}

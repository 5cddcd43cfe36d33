// The state a servicing run keeps per installment, and the helpers that pay it and quote its payoff
// (used by service.ts and prepayments.ts).
import { Dec, ZERO } from '../decimal.js';
import { daysBetween, type IsoDate } from '../dates.js';
import { roundMoney } from '../money.js';
import { COMPONENTS, type Component } from './allocation-orders.js';
import type { AllocationResult, Amounts, ChargeApplied, ServicingTerms } from './types.js';

export interface Live {
  n: number;
  dueDate: IsoDate;
  dueDay: number;
  due: Amounts; // penalty here is the rounded accrual plus the late fees charged
  paid: Amounts;
  /** What is still owed per component (due − paid), kept in step so no subtraction is repeated. */
  out: Amounts;
  penaltyExact: Dec;
  /** Late fees charged (with their VAT), part of the penalty component. */
  charged: Dec;
  charges: ChargeApplied[];
  /** Per late fee of the terms: the day it is charged, and whether that day has been passed. */
  feeDays: number[];
  feeDone: boolean[];
  /** The day principal, interest, fees and VAT were all paid (undefined while not). */
  clearedDay: number | undefined;
}

/** What one payment has placed so far. */
export interface Pot {
  parts: Amounts;
  left: Dec;
  inAdvance: Dec;
}

export const zeroAmounts = (): Amounts => ({ principal: ZERO, interest: ZERO, fees: ZERO, vat: ZERO, penalty: ZERO });

/** Nothing of principal, interest, fees or VAT left (no Decimal made: this runs per installment per event). */
export function coreCleared(l: Live): boolean {
  return l.out.principal.isZero() && l.out.interest.isZero() && l.out.fees.isZero() && l.out.vat.isZero();
}

/** The first installment with anything owed: those before it are settled and stay so. */
export function firstOpen(live: readonly Live[]): number {
  let i = 0;
  while (i < live.length && coreCleared(live[i]!) && live[i]!.out.penalty.isZero()) i++;
  return i;
}

export function coreOut(l: Live): Dec {
  return l.out.principal.plus(l.out.interest).plus(l.out.fees).plus(l.out.vat);
}

/** Pays component c of installment i from the pot, up to what is owed (or upTo); later than cur is in advance. */
export function payer(live: Live[], pot: Pot, cur: number) {
  return (i: number, c: Component, upTo?: Dec): void => {
    const l = live[i]!;
    const o = upTo && upTo.lt(l.out[c]) ? upTo : l.out[c];
    if (o.lte(ZERO) || pot.left.isZero()) return;
    const x = o.lte(pot.left) ? o : pot.left;
    l.paid[c] = l.paid[c].plus(x);
    l.out[c] = l.out[c].minus(x);
    pot.parts[c] = pot.parts[c].plus(x);
    pot.left = pot.left.minus(x);
    if (i > cur) pot.inAdvance = pot.inAdvance.plus(x);
  };
}

export function allocationOf(paymentId: string, date: IsoDate, amount: Dec, pot: Pot): AllocationResult {
  const result = { paymentId, date, amount, parts: pot.parts, inAdvance: pot.inAdvance, excess: pot.left };
  assertAllocationSums(result);
  return result;
}

function assertAllocationSums(a: AllocationResult): void {
  let s = a.excess;
  for (const c of COMPONENTS) s = s.plus(a.parts[c]);
  if (!s.eq(a.amount))
    throw new Error(`lending invariant: allocation of ${a.paymentId} sums to ${s.toString()}, not ${a.amount.toString()}`);
}

/** A later installment once the loan is settled early: what was not paid of it is not owed. */
export function waiveUnearned(l: Live): void {
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
 * The share of installment j's interest that a payoff (or a prepayment) on `date` owes: the part of
 * its period (previous due date or disbursement, its due date] elapsed — or, with
 * `payoffInterest: "whole-period"`, all of it once a day of the period has run.
 */
export function elapsedRatio(t: ServicingTerms, live: Live[], j: number, date: IsoDate): Dec {
  const prevDue = j === 0 ? t.disbursementDate : live[j - 1]!.dueDate;
  const span = daysBetween(prevDue, live[j]!.dueDate);
  const elapsed = Math.max(0, daysBetween(prevDue, date));
  return t.payoffInterest === 'whole-period' ? new Dec(elapsed > 0 ? 1 : 0) : new Dec(elapsed).div(span);
}

/**
 * Payoff as of `date`: everything due up to that day, the principal of later installments, and the
 * current period's interest (and its VAT) pro rata to the days elapsed — or whole, with
 * `payoffInterest: "whole-period"` — less what was paid on them.
 */
export function payoffPlan(t: ServicingTerms, live: Live[], date: IsoDate): PayoffPlan {
  let amount = ZERO;
  let currentSeen = false;
  const parts = live.map((l, j): Amounts => {
    const p = zeroAmounts();
    if (l.dueDate <= date) {
      for (const c of COMPONENTS) p[c] = l.out[c];
    } else {
      p.principal = l.out.principal;
      if (!currentSeen) {
        currentSeen = true;
        const ratio = elapsedRatio(t, live, j, date);
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

// Partial early repayment: on `date` the borrower pays `amount`; it first settles the interest accrued
// since the last due date, the rest reduces the principal, and the tail of the schedule is rebuilt —
// keeping the installment and shortening the term (reduce-term) or keeping the term and lowering the
// installment (reduce-installment). Installments due on or before `date` are taken as paid.
import { Dec, ZERO, sum } from './decimal.js';
import { daysBetween, type IsoDate } from './dates.js';
import { invalid } from './errors.js';
import { roundMoney } from './money.js';
import { amortizeTerms, totalsOf } from './schedule/build.js';
import { assertScheduleInvariants } from './schedule/invariants.js';
import { nominalPeriodicRate, periodFactor, type Period } from './schedule/periods.js';
import type { LoanTerms, Schedule, ScheduleRow, ScheduleTotals } from './types.js';

export type PrepayMode = 'reduce-term' | 'reduce-installment';

export interface PrepayResult {
  date: IsoDate;
  amount: Dec;
  interest: Dec;
  principal: Dec;
  mode: PrepayMode;
  /** Rows before the prepayment (unchanged) and the rebuilt tail, numbered on. */
  rows: ScheduleRow[];
  installmentAmount: Dec;
  totals: ScheduleTotals;
  /** Interest of the original schedule after the prepayment date less that of the new one. */
  interestSaved: Dec;
}

export function prepay(original: Schedule, date: IsoDate, amount: Dec, mode: PrepayMode): PrepayResult {
  const t = original.terms;
  if (t.method === 'flat')
    throw invalid(
      'PREPAY_METHOD_UNSUPPORTED',
      'loan.method',
      'Flat-rate loans charge interest on the original principal; prepayment is not defined',
    );
  if (date < t.disbursementDate)
    throw invalid('PREPAY_BEFORE_DISBURSEMENT', 'prepayment.date', 'A prepayment cannot precede the disbursement');
  const j = original.rows.findIndex((r) => r.dueDate > date);
  if (j < 0) throw invalid('PREPAY_AFTER_MATURITY', 'prepayment.date', 'The loan has matured by this date');
  const kept = original.rows.slice(0, j);
  const row = original.rows[j]!;
  const balance = row.opening;
  const prevDate = j === 0 ? t.disbursementDate : original.rows[j - 1]!.dueDate;
  const part = accruedPart(t, prevDate, row.dueDate, j === 0);
  const interest = roundMoney(balance.times(part(prevDate, date)), t.scale, t.rounding.mode);
  const principal = amount.minus(interest);
  if (principal.lte(ZERO))
    throw invalid('PREPAY_BELOW_INTEREST', 'prepayment.amount', `The amount must exceed the interest accrued (${interest.toString()})`);
  if (principal.gt(balance))
    throw invalid('PREPAY_EXCEEDS_BALANCE', 'prepayment.amount', 'The amount exceeds the payoff; use the payoff amount instead');
  const newBalance = balance.minus(principal);
  const dates = original.rows.slice(j).map((r) => r.dueDate);
  let tail: ScheduleRow[] = [];
  let installmentAmount = original.installmentAmount;
  if (newBalance.gt(ZERO)) {
    const built = rebuildTail(t, { prevDate, dates, before: j, date, balance: newBalance, mode, level: levelOf(original) });
    tail = built.rows;
    if (mode === 'reduce-installment') installmentAmount = built.installmentAmount ?? tail[0]!.total;
  }
  const rows = [...kept, ...tail];
  const prepRow: ScheduleRow = {
    n: j + 1,
    dueDate: date,
    days: daysBetween(prevDate, date),
    opening: balance,
    principal,
    interest,
    fees: ZERO,
    vat: ZERO,
    total: amount,
    closing: newBalance,
  };
  assertScheduleInvariants(t.principal, [...kept, prepRow, ...tail]);
  const totals = totalsOf(t, [...kept, prepRow, ...tail]);
  const interestSaved = sum(original.rows.slice(j).map((r) => r.interest))
    .minus(interest)
    .minus(sum(tail.map((r) => r.interest)));
  return { date, amount, interest, principal, mode, rows, installmentAmount, totals, interestSaved };
}

/**
 * The interest factor of part of the period (prevDate, end]: daily-accruing loans on the day count,
 * periodic ones the period's factor pro rata to the days.
 */
function accruedPart(t: LoanTerms, prevDate: IsoDate, end: IsoDate, first: boolean): (from: IsoDate, to: IsoDate) => Dec {
  const nominal = nominalPeriodicRate(t.rate, t.frequency);
  return (from, to) =>
    t.method === 'interest-free'
      ? ZERO
      : t.rate.kind === 'daily' || t.interest === 'daily'
        ? periodFactor(t, from, to, false, nominal)
        : periodFactor(t, prevDate, end, first, nominal).times(daysBetween(from, to)).div(daysBetween(prevDate, end));
}

export interface TailRebuild {
  /** Due date before the tail (or the disbursement), the tail's due dates, how many rows precede it. */
  prevDate: IsoDate;
  dates: IsoDate[];
  before: number;
  /** The prepayment date: the first tail period's interest runs from it. */
  date: IsoDate;
  balance: Dec;
  mode: PrepayMode;
  /** The level reduce-term keeps (see levelOf). */
  level: Dec;
}

/**
 * The tail of a schedule after a prepayment: `balance` amortised over the remaining due dates,
 * keeping the level and stopping once paid (reduce-term), or keeping the dates and lowering the
 * installment (reduce-installment). Shared by prepay() and servicing's repeated prepayments.
 */
export function rebuildTail(t: LoanTerms, r: TailRebuild): { rows: ScheduleRow[]; installmentAmount?: Dec } {
  const part = accruedPart(t, r.prevDate, r.dates[0]!, r.before === 0);
  const grace = { principal: Math.max(0, t.grace.principal - r.before), interest: 0 };
  const periods = tailPeriods(t, r.date, r.dates, part);
  return r.mode === 'reduce-term'
    ? amortizeTerms(t, periods, r.balance, r.before + 1, { level: r.level, stopWhenPaid: true, grace })
    : amortizeTerms(t, periods, r.balance, r.before + 1, { grace });
}

/** The level that reduce-term keeps: the installment of an annuity, the principal part otherwise. */
export function levelOf(s: Schedule): Dec {
  if (s.terms.method === 'annuity') return s.installmentAmount;
  const g = s.terms.grace.principal;
  return s.rows[Math.min(g + 1, s.rows.length - 1)]!.principal;
}

function tailPeriods(t: LoanTerms, from: IsoDate, dates: IsoDate[], part: (a: IsoDate, b: IsoDate) => Dec): Period[] {
  const nominal = nominalPeriodicRate(t.rate, t.frequency);
  return dates.map((end, i) => {
    const start = i === 0 ? from : dates[i - 1]!;
    const factor = i === 0 ? part(from, end) : t.method === 'interest-free' ? ZERO : periodFactor(t, start, end, false, nominal);
    return { start, end, days: daysBetween(i === 0 ? from : start, end), factor };
  });
}

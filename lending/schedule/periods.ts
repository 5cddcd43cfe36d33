// The dated periods of a loan and each period's interest factor (interest = balance × factor).
import { Dec, ONE } from '../decimal.js';
import { addDays, addMonths, daysBetween, isLastDayOfMonth, type IsoDate } from '../dates.js';
import { yearFraction } from '../day-count.js';
import type { Frequency, LoanTerms, Rate } from '../types.js';

export interface Period {
  start: IsoDate;
  end: IsoDate;
  days: number;
  /** Interest for the period per unit of balance. */
  factor: Dec;
}

/** Due date number k (0-based) counted from the anchor, never chained, so month ends do not drift. */
export function dueDateAt(anchor: IsoDate, k: number, f: Frequency): IsoDate {
  if (f.unit === 'day') return addDays(anchor, k * f.every);
  if (f.unit === 'week') return addDays(anchor, k * 7 * f.every);
  return addMonths(anchor, k * f.every, f.monthEnd && isLastDayOfMonth(anchor));
}

export function stepBack(date: IsoDate, f: Frequency): IsoDate {
  return dueDateAt(date, -1, f);
}

export function dueDates(t: Pick<LoanTerms, 'dueDates' | 'firstDueDate' | 'disbursementDate' | 'frequency' | 'installments'>, count = t.installments): IsoDate[] {
  if (t.dueDates) return t.dueDates.slice(0, count);
  // Count from the first due date when given, else from the disbursement (so 31 Jan keeps the 31st).
  const anchor = t.firstDueDate ?? t.disbursementDate;
  const shift = t.firstDueDate ? 0 : 1;
  const out: IsoDate[] = [];
  for (let k = 0; k < count; k++) out.push(dueDateAt(anchor, k + shift, t.frequency));
  return out;
}

export function periodsPerYear(f: Frequency): Dec {
  if (f.unit === 'month') return new Dec(12).div(f.every);
  if (f.unit === 'week') return new Dec(52).div(f.every);
  return new Dec(365).div(f.every);
}

/** The nominal periodic rate used for a level payment: annual ÷ periods per year; a daily rate × nominal days. */
export function nominalPeriodicRate(rate: Rate, f: Frequency): Dec {
  if (rate.kind === 'annual') return rate.annual.div(periodsPerYear(f));
  const nominalDays = f.unit === 'day' ? new Dec(f.every) : f.unit === 'week' ? new Dec(7 * f.every) : new Dec(365).div(12).times(f.every);
  return rate.daily.times(nominalDays);
}

type FactorTerms = Pick<LoanTerms, 'rate' | 'interest' | 'dayCount' | 'frequency'>;

/**
 * Interest factor of one period. A daily rate always runs on actual days. An annual rate runs on
 * the day count ("daily") or as annual ÷ periods per year ("periodic"); a periodic first period that
 * is not one regular period long gets broken-period interest on the day count for the odd part.
 */
export function periodFactor(t: FactorTerms, start: IsoDate, end: IsoDate, first: boolean, nominal: Dec): Dec {
  if (t.rate.kind === 'daily') return t.rate.daily.times(daysBetween(start, end));
  if (t.interest === 'daily') return t.rate.annual.times(yearFraction(start, end, t.dayCount));
  if (!first) return nominal;
  const regularStart = stepBack(end, t.frequency);
  if (regularStart === start) return nominal;
  if (regularStart > start) return nominal.plus(t.rate.annual.times(yearFraction(start, regularStart, t.dayCount)));
  return nominal.times(daysBetween(start, end)).div(daysBetween(regularStart, end));
}

export function buildPeriods(t: FactorTerms & Parameters<typeof dueDates>[0], from: IsoDate = t.disbursementDate, dates: IsoDate[] = dueDates(t)): Period[] {
  const nominal = nominalPeriodicRate(t.rate, t.frequency);
  const out: Period[] = [];
  let start = from;
  dates.forEach((end, i) => {
    out.push({ start, end, days: daysBetween(start, end), factor: periodFactor(t, start, end, i === 0, nominal) });
    start = end;
  });
  return out;
}

/** Present-value weights Σ Π 1/(1+f_j): the level payment that repays `balance` is balance ÷ this. */
export function annuityDivisor(factors: readonly Dec[]): Dec {
  let discount = ONE;
  let total = new Dec(0);
  for (const f of factors) {
    discount = discount.div(ONE.plus(f));
    total = total.plus(discount);
  }
  return total;
}

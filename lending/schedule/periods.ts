// The dated periods of a loan and each period's interest factor (interest = balance × factor).
import { Dec, ONE } from '../decimal.js';
import {
  addDays,
  addMonths,
  dayIndexOf,
  daysBetween,
  daysInMonth,
  fromDayIndex,
  fromYmd,
  isLastDayOfMonth,
  dayIndex,
  ymd,
  type IsoDate,
} from '../dates.js';
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

export function dueDates(
  t: Pick<LoanTerms, 'dueDates' | 'firstDueDate' | 'disbursementDate' | 'frequency' | 'installments'>,
  count = t.installments,
): IsoDate[] {
  return datedSchedule(t, count).dates;
}

/**
 * Due dates with their day numbers, computed from the anchor's integer y/m/d (no string parsing per
 * row: this runs on every keystroke of the calculator). Counts from the first due date when given,
 * else from the disbursement (so a loan issued on 31 Jan keeps the 31st where the month has one).
 */
function datedSchedule(
  t: Pick<LoanTerms, 'dueDates' | 'firstDueDate' | 'disbursementDate' | 'frequency' | 'installments'>,
  count: number,
): { dates: IsoDate[]; days: number[] } {
  if (t.dueDates) {
    const dates = t.dueDates.slice(0, count);
    return { dates, days: dates.map(dayIndex) };
  }
  const f = t.frequency;
  const anchor = t.firstDueDate ?? t.disbursementDate;
  const shift = t.firstDueDate ? 0 : 1;
  const dates: IsoDate[] = [];
  const days: number[] = [];
  if (f.unit !== 'month') {
    const step = f.unit === 'week' ? 7 * f.every : f.every;
    const a = dayIndex(anchor);
    for (let k = 0; k < count; k++) {
      const n = a + (k + shift) * step;
      days.push(n);
      dates.push(fromDayIndex(n));
    }
    return { dates, days };
  }
  const { y, m, d } = ymd(anchor);
  const snapToEnd = f.monthEnd && d === daysInMonth(y, m);
  for (let k = 0; k < count; k++) {
    const total = y * 12 + (m - 1) + (k + shift) * f.every;
    const ny = Math.floor(total / 12);
    const nm = total - ny * 12 + 1;
    const last = daysInMonth(ny, nm);
    const nd = snapToEnd ? last : Math.min(d, last);
    dates.push(fromYmd(ny, nm, nd));
    days.push(dayIndexOf(ny, nm, nd));
  }
  return { dates, days };
}

export function periodsPerYear(f: Frequency): Dec {
  if (f.unit === 'month') return new Dec(12).div(f.every);
  if (f.unit === 'week') return new Dec(52).div(f.every);
  return new Dec(365).div(f.every);
}

/** The nominal periodic rate used for a level payment: annual ÷ periods per year; a daily rate × nominal days. */
export function nominalPeriodicRate(rate: Rate, f: Frequency): Dec {
  return nominalExact(rate, f).toSignificantDigits(FACTOR_DIGITS);
}

function nominalExact(rate: Rate, f: Frequency): Dec {
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
  return exactFactor(t, start, end, first, nominal).toSignificantDigits(FACTOR_DIGITS);
}

/**
 * Factors are held to 28 significant digits: a balance below 10^15 then carries an error below
 * 10^-13 of a minor unit (Fineract works at 12 digits), and each row's multiplication costs half.
 */
const FACTOR_DIGITS = 28;

function exactFactor(t: FactorTerms, start: IsoDate, end: IsoDate, first: boolean, nominal: Dec): Dec {
  if (t.rate.kind === 'daily') return t.rate.daily.times(daysBetween(start, end));
  if (t.interest === 'daily') return t.rate.annual.times(yearFraction(start, end, t.dayCount));
  if (!first) return nominal;
  const regularStart = stepBack(end, t.frequency);
  if (regularStart === start) return nominal;
  if (regularStart > start) return nominal.plus(t.rate.annual.times(yearFraction(start, regularStart, t.dayCount)));
  return nominal.times(daysBetween(start, end)).div(daysBetween(regularStart, end));
}

export function buildPeriods(t: FactorTerms & Parameters<typeof dueDates>[0]): Period[] {
  const { dates, days } = datedSchedule(t, t.installments);
  const nominal = nominalPeriodicRate(t.rate, t.frequency);
  const out: Period[] = [];
  let start = t.disbursementDate;
  let startDay = dayIndex(start);
  // A regular periodic period's factor is the nominal rate: no date maths needed for it.
  const regularPeriodic = t.rate.kind === 'annual' && t.interest === 'periodic';
  for (let i = 0; i < dates.length; i++) {
    const end = dates[i]!;
    const endDay = days[i]!;
    const factor = regularPeriodic && i > 0 ? nominal : periodFactor(t, start, end, i === 0, nominal);
    out.push({ start, end, days: endDay - startDay, factor });
    start = end;
    startDay = endDay;
  }
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

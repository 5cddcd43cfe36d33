// Day-count conventions: the fraction of a year between two dates. Interest on actual days is
// balance × annual rate × yearFraction(start, end).
import { Dec, ZERO } from './decimal.js';
import { daysBetween, daysInMonth, daysInYear, isLeapYear, ymd, type IsoDate } from './dates.js';
import { invalid } from './errors.js';
import { DAY_COUNTS, type DayCount } from './types.js';

// The list lives in types.ts (no decimal maths there) so the widgets' forms can offer it without the engine.
export { DAY_COUNTS, type DayCount };

export function parseDayCount(raw: unknown, path: string): DayCount {
  if (typeof raw === 'string' && (DAY_COUNTS as readonly string[]).includes(raw)) return raw as DayCount;
  throw invalid('UNKNOWN_DAY_COUNT', path, `Unknown day count ${JSON.stringify(raw)}; one of ${DAY_COUNTS.join(', ')}`);
}

const D360 = new Dec(360);
const D364 = new Dec(364);
const D365 = new Dec(365);
const D366 = new Dec(366);

/**
 * 30/360 US as spreadsheets compute it (YEARFRAC basis 0, the NASD variant lenders check against in
 * Excel/Calc): the rules apply in this order and only the first that matches.
 */
export function days360Us(a: IsoDate, b: IsoDate): number {
  const s = ymd(a);
  const e = ymd(b);
  let d1 = s.d;
  let d2 = e.d;
  const febEnd1 = s.m === 2 && s.d === daysInMonth(s.y, 2);
  const febEnd2 = e.m === 2 && e.d === daysInMonth(e.y, 2);
  if (d1 === 31 && d2 === 31) {
    d1 = 30;
    d2 = 30;
  } else if (d1 === 31) d1 = 30;
  else if (d1 === 30 && d2 === 31) d2 = 30;
  else if (febEnd1 && febEnd2) {
    d1 = 30;
    d2 = 30;
  } else if (febEnd1) d1 = 30;
  return (e.y - s.y) * 360 + (e.m - s.m) * 30 + (d2 - d1);
}

/** 30E/360 (Eurobond basis): every 31st counts as the 30th. */
export function days360E(a: IsoDate, b: IsoDate): number {
  const s = ymd(a);
  const e = ymd(b);
  return (e.y - s.y) * 360 + (e.m - s.m) * 30 + (Math.min(e.d, 30) - Math.min(s.d, 30));
}

/**
 * Actual days split by calendar year, each part over that year's length. ISDA counts the days in
 * [start, end); Russian banking practice (Bank of Russia 39-P: interest from the day after issue up
 * to and including the repayment day) counts (start, end] — the two differ only across 31 Dec.
 */
function actualActual(a: IsoDate, b: IsoDate, ru: boolean): Dec {
  const total = daysBetween(a, b);
  if (total <= 0) return ZERO;
  const ya = ymd(a).y;
  const yb = ymd(b).y;
  if (ya === yb) return new Dec(total).div(daysInYear(ya));
  let frac = ZERO;
  for (let y = ya; y <= yb; y++) {
    // ISDA: days of [a, b) that fall in year y. RU: days of (a, b] that fall in year y.
    const lo = ru ? maxIso(a, `${y - 1}-12-31`) : maxIso(a, `${y}-01-01`);
    const hi = ru ? minIso(b, `${y}-12-31`) : minIso(b, `${y + 1}-01-01`);
    const days = daysBetween(lo, hi);
    if (days > 0) frac = frac.plus(new Dec(days).div(isLeapYear(y) ? D366 : D365));
  }
  return frac;
}

function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function yearFraction(a: IsoDate, b: IsoDate, dc: DayCount): Dec {
  switch (dc) {
    case '30/360':
      return new Dec(days360Us(a, b)).div(D360);
    case '30E/360':
      return new Dec(days360E(a, b)).div(D360);
    case 'actual/360':
      return new Dec(daysBetween(a, b)).div(D360);
    case 'actual/364':
      return new Dec(daysBetween(a, b)).div(D364);
    case 'actual/365':
      return new Dec(daysBetween(a, b)).div(D365);
    case 'actual/actual-isda':
      return actualActual(a, b, false);
    case 'actual/actual-ru':
      return actualActual(a, b, true);
  }
}

/** Days in the period as the convention counts them (30/360 counts nominal days). */
export function dayCountDays(a: IsoDate, b: IsoDate, dc: DayCount): number {
  if (dc === '30/360') return days360Us(a, b);
  if (dc === '30E/360') return days360E(a, b);
  return daysBetween(a, b);
}

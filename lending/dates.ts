// Calendar dates as ISO "YYYY-MM-DD" strings; arithmetic on whole days since 1970-01-01 (UTC, so no
// time zone or DST can shift a due date). The core never reads the clock: "today" is always an argument.
import { invalid } from './errors.js';

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function daysInYear(y: number): number {
  return isLeapYear(y) ? 366 : 365;
}

export function ymd(date: IsoDate): Ymd {
  const m = ISO_RE.exec(date);
  if (!m) throw invalid('INVALID_DATE', 'date', `Not an ISO date: ${date}`);
  return { y: parseInt(m[1]!, 10), m: parseInt(m[2]!, 10), d: parseInt(m[3]!, 10) };
}

export function fromYmd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Validates an input date (format and calendar) and returns it unchanged. */
export function parseIsoDate(raw: unknown, path: string): IsoDate {
  if (typeof raw !== 'string' || !ISO_RE.test(raw)) throw invalid('INVALID_DATE', path, `Expected an ISO date YYYY-MM-DD at ${path}`);
  const { y, m, d } = ymd(raw);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw invalid('INVALID_DATE', path, `No such calendar date ${raw} at ${path}`);
  }
  return raw;
}

/** Days since 1970-01-01 by integer arithmetic (Howard Hinnant's days_from_civil): no Date object. */
export function dayIndexOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayIndex(date: IsoDate): number {
  const { y, m, d } = ymd(date);
  return dayIndexOf(y, m, d);
}

export function fromDayIndex(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return fromYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayIndex(dayIndex(date) + days);
}

/** Days from a to b (b − a); negative when b is earlier. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayIndex(b) - dayIndex(a);
}

export function isLastDayOfMonth(date: IsoDate): boolean {
  const { y, m, d } = ymd(date);
  return d === daysInMonth(y, m);
}

/**
 * Adds months counting from the anchor (not chained), clamping to the month's length, so 31 Jan + 1 =
 * 29 Feb and 31 Jan + 2 = 31 Mar. With `monthEnd` the result is always the last day of its month.
 */
export function addMonths(date: IsoDate, months: number, monthEnd = false): IsoDate {
  const { y, m, d } = ymd(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(ny, nm);
  return fromYmd(ny, nm, monthEnd ? last : Math.min(d, last));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

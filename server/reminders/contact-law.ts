import { addDays, instantAt, localTime } from './local-time.js';
import { movedDays, RU_FIXED_HOLIDAYS } from './ru-calendar.js';

// When a lender may contact a debtor, as a pure function of the rules, the debtor's zone, the clock
// and the contacts already made. A reminder the rules forbid now is postponed to `notBefore`, never
// dropped (the caller stores that instant and sends then).
//
// Russia, 230-FZ art. 7 (Федеральный закон от 03.07.2016 № 230-ФЗ): contacts about an overdue debt
// on the creditor's initiative are forbidden 22:00–08:00 on working days and 20:00–09:00 on weekends
// and non-working holidays, in the debtor's local time; messages (SMS, text, voice) at most 2 a day
// ("в сутки"), 4 a week, 16 a month (part 5); calls at most 1 a day, 2 a week, 8 a month (part 3).
// The law does not say whether "a week" is a calendar week or any 7 days, nor "a day" a calendar
// day or any 24 hours, and practice differs: a contact is allowed only when it keeps to the limit
// under BOTH readings (the calendar period in the debtor's time, and the rolling window ending at
// the contact — 24 h, 7 days, 31 days for a month, the longest one). Stricter than either reading,
// so never in breach of the other.
//
// Mexico: the CONDUSEF rules for collection ("Disposiciones de carácter general aplicables a las
// entidades financieras en materia de despachos de cobranza", art. 7) allow collection contacts
// from 07:00 to 22:00 in the debtor's time; a portal sets its own quiet hours within that.

export interface HoursWindow {
  /** Minutes since local midnight at which contacts may start, and the minute they must stop. */
  fromMinute: number;
  toMinute: number;
}

export type LimitPeriod = 'day' | 'week' | 'month';

export interface ContactRules {
  /** Which law or portal policy these are (shown in the timeline entry of a postponed reminder). */
  name: string;
  workingDay: HoursWindow;
  nonWorkingDay: HoursWindow;
  limits: readonly { period: LimitPeriod; max: number }[];
}

const h = (hours: number): number => hours * 60;

export const RU_230FZ_MESSAGES: ContactRules = {
  name: '230-FZ art. 7 p. 5 (messages)',
  workingDay: { fromMinute: h(8), toMinute: h(22) },
  nonWorkingDay: { fromMinute: h(9), toMinute: h(20) },
  limits: [
    { period: 'day', max: 2 },
    { period: 'week', max: 4 },
    { period: 'month', max: 16 },
  ],
};

export const RU_230FZ_CALLS: ContactRules = {
  name: '230-FZ art. 7 p. 3 (calls)',
  workingDay: RU_230FZ_MESSAGES.workingDay,
  nonWorkingDay: RU_230FZ_MESSAGES.nonWorkingDay,
  limits: [
    { period: 'day', max: 1 },
    { period: 'week', max: 2 },
    { period: 'month', max: 8 },
  ],
};

/** Quiet hours only (Mexico, or reminders that are not about an overdue debt): no count limits. */
export function quietHours(fromMinute: number, toMinute: number, name = 'quiet hours'): ContactRules {
  const w = { fromMinute, toMinute };
  return { name, workingDay: w, nonWorkingDay: w, limits: [] };
}

/** CONDUSEF's collection hours, 07:00–22:00, the default for Mexican portals. */
export const MX_CONDUSEF_HOURS = quietHours(h(7), h(22), 'CONDUSEF despachos de cobranza art. 7');

/** Is this local day a weekend or a non-working holiday? */
export type NonWorkingDays = (isoDay: string, weekday: number) => boolean;

// Weekends, the fixed holidays of Labour Code art. 112 part 1 and the moved days of the year
// (ru-calendar.ts: art. 112 part 2 and the government's decree, editable per portal). A Saturday the
// decree makes a working day is still treated as a weekend, which only narrows the hours
// (20:00–09:00 is wider than 22:00–08:00), never breaks the law.
export function russianCalendar(moved: Iterable<string> | ((day: string) => boolean) = movedDays(null)): NonWorkingDays {
  const isMoved = typeof moved === 'function' ? moved : movedDays([...moved]);
  return (day, weekday) => weekday >= 5 || RU_FIXED_HOLIDAYS.has(day.slice(5)) || isMoved(day);
}

/** Weekends only (quiet hours that are the same every day do not need more). */
export const weekendsOnly: NonWorkingDays = (_day, weekday) => weekday >= 5;

export interface ContactContext {
  rules: ContactRules;
  calendar: NonWorkingDays;
  /** The debtor's IANA time zone. */
  timeZone: string;
  /** Contacts of this kind already made (or reserved) with this debtor, any order. */
  past: readonly Date[];
}

const DAY_MS = 86_400_000;
const ROLLING_MS: Record<LimitPeriod, number> = { day: DAY_MS, week: 7 * DAY_MS, month: 31 * DAY_MS };
/** Bound on the search: each step moves forward by at least a minute to the next opening or limit edge. */
const MAX_STEPS = 400;

function windowOf(ctx: ContactContext, day: string, weekday: number): HoursWindow {
  return ctx.calendar(day, weekday) ? ctx.rules.nonWorkingDay : ctx.rules.workingDay;
}

/** The first instant ≥ `at` inside the allowed hours of its local day or a following one. */
function nextOpenHour(ctx: ContactContext, at: Date): Date {
  let { day, weekday, minute } = localTime(at, ctx.timeZone);
  for (let i = 0; i < 15; i++) {
    const w = windowOf(ctx, day, weekday);
    if (w.toMinute > w.fromMinute) {
      if (minute < w.fromMinute) return instantAt(day, w.fromMinute, ctx.timeZone);
      if (minute < w.toMinute) return at;
    }
    day = addDays(day, 1);
    weekday = (weekday + 1) % 7;
    minute = -1;
  }
  throw new Error(`no allowed hours within two weeks under ${ctx.rules.name}`);
}

/** Start and end (exclusive) of the calendar period holding `at`, in the debtor's time. */
function calendarPeriod(ctx: ContactContext, at: Date, period: LimitPeriod): [Date, Date] {
  const { day, weekday } = localTime(at, ctx.timeZone);
  const tz = ctx.timeZone;
  if (period === 'day') return [instantAt(day, 0, tz), instantAt(addDays(day, 1), 0, tz)];
  if (period === 'week') return [instantAt(addDays(day, -weekday), 0, tz), instantAt(addDays(day, 7 - weekday), 0, tz)];
  const first = `${day.slice(0, 8)}01`;
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [instantAt(first, 0, tz), instantAt(next, 0, tz)];
}

/**
 * The first instant ≥ `at` at which one more contact keeps to every limit (ignoring hours), or null
 * when `at` itself does.
 */
function limitBlocksUntil(ctx: ContactContext, at: Date, past: readonly number[]): Date | null {
  let until = 0;
  const t = at.getTime();
  for (const { period, max } of ctx.rules.limits) {
    // The calendar reading.
    const [from, to] = calendarPeriod(ctx, at, period);
    const inPeriod = past.filter((p) => p >= from.getTime() && p < to.getTime()).length;
    if (inPeriod >= max) until = Math.max(until, to.getTime());
    // The rolling reading: the window (t − len, t]; contacts leave it one by one, oldest first.
    const len = ROLLING_MS[period];
    const inWindow = past.filter((p) => p > t - len && p <= t).sort((a, b) => a - b);
    if (inWindow.length >= max) until = Math.max(until, inWindow[inWindow.length - max]! + len);
  }
  return until > t ? new Date(until) : null;
}

/** The earliest instant ≥ `now` at which a contact keeps to the rules. */
export function nextAllowedContact(ctx: ContactContext, now: Date): Date {
  const past = ctx.past.map((d) => d.getTime());
  let at = now;
  for (let i = 0; i < MAX_STEPS; i++) {
    at = nextOpenHour(ctx, at);
    const blocked = limitBlocksUntil(ctx, at, past);
    if (!blocked) return at;
    at = blocked;
  }
  throw new Error(`no contact allowed within ${MAX_STEPS} steps under ${ctx.rules.name}`);
}

export type ContactVerdict = { allowed: true } | { allowed: false; notBefore: Date; reason: 'hours' | 'limit' };

/** May a contact be made at `now`? If not, when at the earliest, and why. */
export function checkContact(ctx: ContactContext, now: Date): ContactVerdict {
  const next = nextAllowedContact(ctx, now);
  if (next.getTime() === now.getTime()) return { allowed: true };
  const reason = nextOpenHour(ctx, now).getTime() === now.getTime() ? 'limit' : 'hours';
  return { allowed: false, notBefore: next, reason };
}

/** Within the hours of its local day? (For tests and the timeline: the hours part alone.) */
export function withinHours(ctx: Pick<ContactContext, 'rules' | 'calendar' | 'timeZone'>, at: Date): boolean {
  const { day, weekday, minute } = localTime(at, ctx.timeZone);
  const w = ctx.calendar(day, weekday) ? ctx.rules.nonWorkingDay : ctx.rules.workingDay;
  return minute >= w.fromMinute && minute < w.toMinute;
}

/** Does a set of contacts keep to the count limits under both readings? (The property tests' oracle.) */
export function keepsLimits(ctx: Pick<ContactContext, 'rules' | 'timeZone' | 'calendar'>, contacts: readonly Date[]): boolean {
  const all = contacts.map((d) => d.getTime()).sort((a, b) => a - b);
  for (const { period, max } of ctx.rules.limits) {
    const len = ROLLING_MS[period];
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      if (all.filter((p) => p > t - len && p <= t).length > max) return false;
      const [from, to] = calendarPeriod({ ...ctx, past: [] }, new Date(t), period);
      if (all.filter((p) => p >= from.getTime() && p < to.getTime()).length > max) return false;
    }
  }
  return true;
}

import { addDays } from './local-time.js';

// The Russian non-working days that widen 230-FZ's night hours (20:00–09:00 instead of 22:00–08:00).
// Weekends and the fixed holidays of Labour Code art. 112 part 1 are the same every year
// (contact-law.ts russianCalendar); what moves is:
// - art. 112 part 2: a holiday that falls on a Saturday or Sunday moves its day off to the next
//   working day — except the January ones (Jan 1–8), whose lost days the government places by its
//   yearly decree;
// - the decree itself, which places those January days (and may move others).
// The portal keeps the moved days as one editable list; until an admin edits it, the default is the
// art. 112 part 2 days of every year plus the decree days we know (DECREED), so a year nobody
// entered still gets the days the law moves by itself.

/** Non-working holidays of art. 112 part 1 as MM-DD. */
export const RU_FIXED_HOLIDAYS: ReadonlySet<string> = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
]);

/**
 * Days the yearly decree places (the January weekend days moved). 2026: Government decree of
 * 24.09.2025 — Jan 3 (Sat) to Jan 9, Jan 4 (Sun) to Dec 31. A new year's decree is added here, and
 * an admin may enter it on the app page before we ship it.
 */
const DECREED: Readonly<Record<number, readonly string[]>> = {
  2026: ['2026-01-09', '2026-12-31'],
};

const weekdayOf = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
const isFixedHoliday = (day: string): boolean => RU_FIXED_HOLIDAYS.has(day.slice(5));

/** The moved non-working days of `year` by art. 112 part 2 and the known decree, sorted. */
export function defaultMovedDays(year: number): string[] {
  const out = new Set<string>(DECREED[year] ?? []);
  for (const mmdd of RU_FIXED_HOLIDAYS) {
    if (mmdd.startsWith('01-')) continue; // January: the decree's business
    const day = `${year}-${mmdd}`;
    if (weekdayOf(day) < 5) continue;
    let next = addDays(day, 1);
    while (weekdayOf(next) >= 5 || isFixedHoliday(next) || out.has(next)) next = addDays(next, 1);
    out.add(next);
  }
  return [...out].sort();
}

/** A calendar's moved days: the portal's own list when it set one, else the default of each year asked. */
export function movedDays(own: readonly string[] | null): (day: string) => boolean {
  if (own) {
    const set = new Set(own);
    return (day) => set.has(day);
  }
  const byYear = new Map<number, Set<string>>();
  return (day) => {
    const year = Number(day.slice(0, 4));
    let set = byYear.get(year);
    if (!set) byYear.set(year, (set = new Set(defaultMovedDays(year))));
    return set.has(day);
  };
}

/** Is this a real calendar day written as YYYY-MM-DD? */
export function isIsoDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

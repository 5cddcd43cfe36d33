import { describe, expect, it } from 'vitest';
import { checkContact, RU_230FZ_MESSAGES, russianCalendar } from './contact-law.js';
import { defaultMovedDays, isIsoDay, movedDays } from './ru-calendar.js';

describe('the Russian moved non-working days', () => {
  it('2026: the decree’s January days plus the art. 112 moves (8 March on a Sunday, 9 May on a Saturday)', () => {
    expect(defaultMovedDays(2026)).toEqual(['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31']);
  });

  it('a year without a known decree still gets the days the law moves itself, never a January one', () => {
    // 2027: 1 May Saturday → 3 May, 9 May Sunday → 10 May, 12 June Saturday → 14 June.
    expect(defaultMovedDays(2027)).toEqual(['2027-05-03', '2027-05-10', '2027-06-14']);
  });

  it('the portal’s own list replaces the default; real dates only', () => {
    expect(movedDays(null)('2026-03-09')).toBe(true);
    expect(movedDays(['2026-11-05'])('2026-03-09')).toBe(false);
    expect(movedDays(['2026-11-05'])('2026-11-05')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-02-28')).toBe(true);
  });

  it('a moved day has the weekend’s hours: Monday 9 March 2026, 08:30 in Moscow, waits until 09:00', () => {
    const at = new Date('2026-03-09T05:30:00Z');
    const ctx = { rules: RU_230FZ_MESSAGES, timeZone: 'Europe/Moscow', past: [] };
    expect(checkContact({ ...ctx, calendar: russianCalendar() }, at)).toEqual({
      allowed: false,
      notBefore: new Date('2026-03-09T06:00:00Z'),
      reason: 'hours',
    });
    // Without it (the admin emptied the list) Monday is a working day: 08:30 is within 08:00–22:00.
    expect(checkContact({ ...ctx, calendar: russianCalendar([]) }, at)).toEqual({ allowed: true });
  });
});

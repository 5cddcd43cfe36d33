import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkContact,
  keepsLimits,
  MX_CONDUSEF_HOURS,
  nextAllowedContact,
  RU_230FZ_CALLS,
  RU_230FZ_MESSAGES,
  russianCalendar,
  weekendsOnly,
  withinHours,
  type ContactContext,
} from './contact-law.js';
import { instantAt, localTime } from './local-time.js';

const msk = (past: Date[] = []): ContactContext => ({
  rules: RU_230FZ_MESSAGES,
  calendar: russianCalendar(),
  timeZone: 'Europe/Moscow',
  past,
});
const at = (iso: string) => new Date(iso);

describe('230-FZ contact hours in the debtor’s time', () => {
  it('a Saturday opens at 09:00, a Monday at 08:00 and closes at 22:00 (Moscow, UTC+3)', () => {
    // Saturday 2026-12-05 08:30 MSK.
    expect(checkContact(msk(), at('2026-12-05T05:30:00Z'))).toEqual({
      allowed: false,
      notBefore: at('2026-12-05T06:00:00Z'),
      reason: 'hours',
    });
    // Monday 2026-12-07 08:00 MSK is allowed; 21:59 too; 22:00 waits for Tuesday 08:00.
    expect(checkContact(msk(), at('2026-12-07T05:00:00Z'))).toEqual({ allowed: true });
    expect(checkContact(msk(), at('2026-12-07T18:59:00Z'))).toEqual({ allowed: true });
    expect(nextAllowedContact(msk(), at('2026-12-07T19:00:00Z'))).toEqual(at('2026-12-08T05:00:00Z'));
    // Saturday 20:00 MSK is already closed: Sunday is a weekend too, so Sunday 09:00.
    expect(nextAllowedContact(msk(), at('2026-12-05T17:00:00Z'))).toEqual(at('2026-12-06T06:00:00Z'));
  });

  it('a holiday on a weekday keeps weekend hours; a portal adds its year’s moved days', () => {
    // Thursday 2027-01-07 (Christmas) 08:30 MSK: closed until 09:00.
    expect(nextAllowedContact(msk(), at('2027-01-07T05:30:00Z'))).toEqual(at('2027-01-07T06:00:00Z'));
    // Friday 2026-12-11 08:30: a working day, unless the portal says it was moved.
    expect(checkContact(msk(), at('2026-12-11T05:30:00Z'))).toEqual({ allowed: true });
    const moved = { ...msk(), calendar: russianCalendar(['2026-12-11']) };
    expect(nextAllowedContact(moved, at('2026-12-11T05:30:00Z'))).toEqual(at('2026-12-11T06:00:00Z'));
  });

  it('uses the debtor’s zone, not ours: 07:30 in Yekaterinburg is 05:30 in Moscow', () => {
    const ekb = { ...msk(), timeZone: 'Asia/Yekaterinburg' };
    // Monday 2026-12-07 02:30Z = 07:30 in Yekaterinburg (UTC+5): opens at 08:00 local = 03:00Z.
    expect(nextAllowedContact(ekb, at('2026-12-07T02:30:00Z'))).toEqual(at('2026-12-07T03:00:00Z'));
  });
});

describe('230-FZ contact counts under both readings of day, week and month', () => {
  it('two messages today: the next one waits for the calendar day and 24 hours after the first', () => {
    const past = [at('2026-12-07T07:00:00Z'), at('2026-12-07T08:00:00Z')]; // Monday 10:00 and 11:00 MSK
    // Calendar reading alone would allow Tuesday 08:00; the rolling 24 h wants 10:00 MSK.
    expect(checkContact(msk(past), at('2026-12-07T12:00:00Z'))).toEqual({
      allowed: false,
      notBefore: at('2026-12-08T07:00:00Z'),
      reason: 'limit',
    });
  });

  it('four messages this week: the next waits for Monday and for 7 days after the oldest', () => {
    // Mon 10:00, Tue 10:00, Wed 10:00, Thu 10:00 MSK.
    const past = ['07', '08', '09', '10'].map((d) => at(`2026-12-${d}T07:00:00Z`));
    expect(nextAllowedContact(msk(past), at('2026-12-11T07:00:00Z'))).toEqual(at('2026-12-14T07:00:00Z'));
  });

  it('calls: one a day', () => {
    const calls = { ...msk([at('2026-12-07T07:00:00Z')]), rules: RU_230FZ_CALLS };
    expect(nextAllowedContact(calls, at('2026-12-07T09:00:00Z'))).toEqual(at('2026-12-08T07:00:00Z'));
  });

  it('Mexico: CONDUSEF hours 07:00–22:00 in Mexico City, no counts', () => {
    const mx: ContactContext = { rules: MX_CONDUSEF_HOURS, calendar: weekendsOnly, timeZone: 'America/Mexico_City', past: [] };
    // 06:30 local (UTC−6) = 12:30Z → 07:00 local = 13:00Z.
    expect(nextAllowedContact(mx, at('2026-12-07T12:30:00Z'))).toEqual(at('2026-12-07T13:00:00Z'));
    const many = { ...mx, past: Array.from({ length: 10 }, (_, i) => at(`2026-12-07T14:0${i}:00Z`)) };
    expect(checkContact(many, at('2026-12-07T15:00:00Z'))).toEqual({ allowed: true });
  });
});

const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Vladivostok', 'Europe/Kaliningrad', 'America/Mexico_City', 'America/Tijuana'];

describe('contact law, property: whatever asks when, nothing sent breaks the hours or the counts', () => {
  it('reminders postponed and re-checked at their time keep every rule in the debtor’s zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(RU_230FZ_MESSAGES, RU_230FZ_CALLS, MX_CONDUSEF_HOURS),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
        // Gaps between reminders asking to be sent: minutes to days.
        fc.array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 40 }),
        (timeZone, rules, start, gaps) => {
          const calendar = russianCalendar();
          const sent: Date[] = [];
          let clock = start;
          for (const gap of gaps) {
            clock += gap;
            const ctx: ContactContext = { rules, calendar, timeZone, past: sent };
            const when = nextAllowedContact(ctx, new Date(clock));
            expect(when.getTime()).toBeGreaterThanOrEqual(clock);
            // The reminder waits (never dropped) and is sent at its time; the clock moves there.
            clock = when.getTime();
            sent.push(when);
            expect(withinHours(ctx, when)).toBe(true);
          }
          expect(keepsLimits({ rules, calendar, timeZone }, sent)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('instantAt finds an instant showing the local time asked for (the earlier one in an autumn overlap)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }), (tz, t) => {
        const whole = new Date(Math.floor(t / 60_000) * 60_000);
        const l = localTime(whole, tz);
        const back = instantAt(l.day, l.minute, tz);
        expect(localTime(back, tz)).toEqual(l);
        expect(back.getTime()).toBeLessThanOrEqual(whole.getTime());
      }),
    );
  });

  it('a local time in a spring-forward gap maps to the first minute after it (Tijuana, 2026-03-08 02:30)', () => {
    expect(localTime(instantAt('2026-03-08', 150, 'America/Tijuana'), 'America/Tijuana')).toMatchObject({ day: '2026-03-08', minute: 180 });
  });
});

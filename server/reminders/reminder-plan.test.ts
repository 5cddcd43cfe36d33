import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkContact,
  keepsLimits,
  MX_CONDUSEF_HOURS,
  RU_230FZ_MESSAGES,
  russianCalendar,
  withinHours,
  type ContactRules,
} from './contact-law.js';
import { addDays, localTime } from './local-time.js';
import { dueReminders, rulesFromOffsets, type InstallmentDue } from './reminder-plan.js';

const rules = [...rulesFromOffsets([-3, 0, 1, 3, 7, 30], 'client_sms'), ...rulesFromOffsets([1, 30], 'employee')];
const inst = (installment: number, dueDate: string, open = true): InstallmentDue => ({ loanId: 'L1', installment, dueDate, open });

describe('reminders due today', () => {
  it('3 days before, on the day, then 1, 3, 7, 30 after — each once', () => {
    const days = (today: string, recorded = new Set<string>()) =>
      dueReminders({ rules, installments: [inst(1, '2026-12-10')], today, recorded }).map((r) => r.ruleId);
    expect(days('2026-12-06')).toEqual([]);
    expect(days('2026-12-07')).toEqual(['client_sms:before-3']);
    expect(days('2026-12-10', new Set(['L1:1:client_sms:before-3']))).toEqual(['client_sms:due']);
    expect(days('2026-12-11', new Set(['L1:1:client_sms:before-3', 'L1:1:client_sms:due']))).toEqual([
      'client_sms:after-1',
      'employee:after-1',
    ]);
  });

  it('a missed run catches up once, with the latest rule only: no burst of stale reminders', () => {
    // The server was down from the 6th to the 18th: 8 days late, only the 7-day reminder (and the
    // employee's 1-day one, still the latest of its channel) — not the pre-due ones, not 1 and 3.
    const due = dueReminders({ rules, installments: [inst(1, '2026-12-10')], today: '2026-12-18', recorded: new Set() });
    expect(due.map((r) => r.ruleId)).toEqual(['employee:after-1', 'client_sms:after-7']);
  });

  it('nothing for an installment paid off', () => {
    expect(dueReminders({ rules, installments: [inst(1, '2026-12-10', false)], today: '2026-12-10', recorded: new Set() })).toEqual([]);
  });

  it('rules from what an admin types: integers within a year, each once, in order', () => {
    expect(rulesFromOffsets([7, -3, 0, 7, 1.5, 999], 'client_sms').map((r) => r.id)).toEqual([
      'client_sms:before-3',
      'client_sms:due',
      'client_sms:after-7',
    ]);
  });
});

describe('reminders, property: over random schedules, payments and clocks', () => {
  const ZONES = ['Europe/Moscow', 'Asia/Vladivostok', 'America/Mexico_City', 'America/Tijuana'];
  const HOUR = 3_600_000;

  it('no rule fires twice, none after the installment is paid, none breaks the contact law in the debtor’s zone — across all the debtor’s loans', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom<ContactRules>(RU_230FZ_MESSAGES, MX_CONDUSEF_HOURS),
        // One to three loans of one debtor: first due date shifted by some days, 1–6 installments,
        // when each is paid in hours after its due date (negative: early; null: never).
        fc.array(
          fc.record({
            shift: fc.integer({ min: 0, max: 40 }),
            count: fc.integer({ min: 1, max: 6 }),
            paidAfter: fc.array(fc.option(fc.integer({ min: -200, max: 1500 })), { minLength: 6, maxLength: 6 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 6, 1) }),
        // Gaps between runs of the reminder job: an hour to two days (a crash, a missed night).
        fc.array(fc.integer({ min: HOUR, max: 48 * HOUR }), { minLength: 30, maxLength: 120 }),
        // A moved non-working day the portal entered, somewhere in the run.
        fc.integer({ min: 0, max: 200 }),
        (timeZone, collection, loans, startMs, gaps, movedIn) => {
          const start = localTime(new Date(startMs), timeZone).day;
          const calendar = russianCalendar([addDays(start, movedIn)]);
          const installments0 = loans.flatMap((l, li) => {
            const firstDue = addDays(start, 5 + l.shift);
            return Array.from({ length: l.count }, (_, i) => {
              const d = addDays(firstDue, 30 * i);
              const after = l.paidAfter[i];
              // Paid at: the due day's local noon-ish instant plus the offset (approximate is fine here).
              const paidAt = after === null || after === undefined ? Infinity : Date.parse(`${d}T12:00:00Z`) + after * HOUR;
              return { loanId: `L${li + 1}`, installment: i + 1, dueDate: d, paidAt };
            });
          });
          const paidAtOf = (key: string) => installments0.find((x) => key.startsWith(`${x.loanId}:${x.installment}:`))!.paidAt;
          const recorded = new Set<string>();
          const pending: { key: string; overdue: boolean; notBefore: number }[] = [];
          const sentKeys: string[] = [];
          // The debtor's contacts, whichever loan they were about: the law counts the person.
          const overdueSends: Date[] = [];
          const allSends: Date[] = [];
          let now = startMs;
          for (const gap of gaps) {
            now += gap;
            const today = localTime(new Date(now), timeZone).day;
            const installments = installments0.map((x) => ({ ...inst(x.installment, x.dueDate, x.paidAt > now), loanId: x.loanId }));
            for (const r of dueReminders({ rules: rules.filter((x) => x.channel === 'client_sms'), installments, today, recorded })) {
              recorded.add(r.key);
              pending.push({ key: r.key, overdue: r.overdue, notBefore: now });
            }
            for (const p of pending.filter((x) => x.notBefore <= now)) {
              pending.splice(pending.indexOf(p), 1);
              // A payment booked before the send cancels it.
              if (paidAtOf(p.key) <= now) continue;
              const ctx = {
                rules: p.overdue ? collection : MX_CONDUSEF_HOURS,
                calendar,
                timeZone,
                past: p.overdue ? overdueSends : allSends,
              };
              const v = checkContact(ctx, new Date(now));
              if (!v.allowed) {
                // Postponed, not dropped.
                pending.push({ ...p, notBefore: v.notBefore.getTime() });
                continue;
              }
              expect(withinHours(ctx, new Date(now))).toBe(true);
              expect(paidAtOf(p.key)).toBeGreaterThan(now);
              sentKeys.push(p.key);
              allSends.push(new Date(now));
              if (p.overdue) overdueSends.push(new Date(now));
            }
          }
          expect(new Set(sentKeys).size).toBe(sentKeys.length);
          expect(keepsLimits({ rules: collection, calendar, timeZone }, overdueSends)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Property tests (fast-check) for the servicing conventions: late fees, grace, pauses, prepayments.
// Every allocation sums to its payment, fees are never negative, days past due never count a paused
// day (checked against a day-by-day count), and the schedule still repays the principal after any
// number of prepayments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';
import { Dec } from '../decimal.js';
import { addDays } from '../dates.js';
import { ALLOCATION_ORDER_NAMES } from './allocation-orders.js';
import type { ServicingJson } from './servicing-json.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Dec(c).div(100).toString());
const D0 = '2024-01-01';
const ROOM = { timeout: 180_000 };

/** Non-overlapping pauses [from, to) as day offsets; the last may be open. */
const pausesArb = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 })
  .chain((ps) => fc.boolean().map((open) => ({ ps, open })))
  .map(({ ps, open }) => {
    let day = 1;
    return ps.map((p, i) => {
      const from = day + p.gap;
      day = from + p.len;
      return open && i === ps.length - 1 ? { from: addDays(D0, from) } : { from: addDays(D0, from), to: addDays(D0, day) };
    });
  });

function checkAllocations(s: ServicingJson): void {
  for (const a of s.allocations) {
    const parts = [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((x, y) => x.plus(y), new Dec(0));
    expect(parts.eq(a.amount)).toBe(true);
  }
  for (const i of s.installments) {
    for (const c of Object.values(i.components)) expect(new Dec(c.outstanding).isNegative()).toBe(false);
    for (const c of i.charges ?? []) expect(new Dec(c.amount).isNegative() || new Dec(c.vat).isNegative()).toBe(false);
  }
}

/** Days past due counted one day at a time: the oldest installment with principal/interest/fees/VAT unpaid. */
function dpdByDays(s: ServicingJson, graceDays: number, pauses: { from: string; to?: string }[]): number {
  const core = (i: ServicingJson['installments'][number]) =>
    ['principal', 'interest', 'fees', 'vat'].some((c) => !new Dec(i.components[c as 'principal'].outstanding).isZero());
  const oldest = s.installments.find((i) => i.dueDate < s.asOf && core(i));
  if (!oldest) return 0;
  let n = 0;
  for (let d = addDays(oldest.dueDate, graceDays + 1); d <= s.asOf; d = addDays(d, 1))
    if (!pauses.some((p) => p.from <= d && (p.to === undefined || d < p.to))) n++;
  return n;
}

describe('servicing convention properties', ROOM, () => {
  it('late fees, grace and pauses on any rows and payments: allocations sum, fees ≥ 0, DPD skips paused days', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ principal: cents(0, 50_000), interest: cents(0, 5_000), fees: cents(0, 500), gap: fc.integer({ min: 1, max: 40 }) }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 200 }), amount: cents(1, 100_000), ahead: fc.boolean() }), { maxLength: 12 }),
        fc.constantFrom(...ALLOCATION_ORDER_NAMES),
        fc.array(
          fc.oneof(
            fc.record({ amount: cents(0, 50_000), graceDays: fc.integer({ min: 0, max: 10 }), vatPercent: fc.constantFrom('0', '16') }),
            fc.record({ percent: fc.constantFrom('1', '5', '10'), base: fc.constantFrom('principal', 'principal+interest') }),
          ),
          { maxLength: 2 },
        ),
        fc.integer({ min: 0, max: 10 }),
        pausesArb,
        fc.option(fc.constantFrom('0.1', '1'), { nil: undefined }),
        fc.option(cents(0, 100_000), { nil: undefined }),
        (raw, pays, allocation, lateFees, graceDays, pauses, dailyPercent, capAmount) => {
          let date = D0;
          const rows = raw.map((r, i) => {
            date = addDays(date, r.gap);
            const principal = i === 0 ? new Dec(r.principal).plus('0.01').toString() : r.principal;
            return { n: i + 1, dueDate: date, principal, interest: r.interest, fees: r.fees };
          });
          const events = pays.map((p, i) => ({ id: `p${i}`, date: addDays(D0, p.day), amount: p.amount, ahead: p.ahead }));
          const s = servicingFromJson({
            currency: 'USD',
            disbursementDate: D0,
            rows,
            asOf: addDays(D0, 210),
            allocation,
            payments: events.filter((e) => !e.ahead).map(({ id, date: d, amount }) => ({ id, date: d, amount })),
            prepayments: events.filter((e) => e.ahead).map(({ id, date: d, amount }) => ({ id, date: d, amount, mode: 'reschedule-next' })),
            lateFees,
            delinquency: { graceDays, pauses },
            ...(dailyPercent ? { penalty: { dailyPercent, ...(capAmount ? { capAmount } : {}) } } : {}),
          });
          checkAllocations(s);
          expect(s.daysPastDue).toBe(dpdByDays(s, graceDays, pauses));
          expect(s.dpdHistory.at(-1)!.bucket).toBe(s.bucket);
          if (dailyPercent && capAmount) {
            const penalty = new Dec(s.penaltyOutstanding).plus(s.allocations.reduce((x, a) => x.plus(a.penalty), new Dec(0)));
            expect(penalty.toFixed(2), `cap ${capAmount}`).toBe(Dec.min(penalty, capAmount).toFixed(2));
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('any number of prepayments of any mode among payments: the schedule still repays the principal, allocations sum', () => {
    fc.assert(
      fc.property(
        fc.record({
          principal: cents(10_000, 5_000_000),
          method: fc.constantFrom('annuity', 'equal-principal', 'interest-free'),
          annual: fc.integer({ min: 0, max: 9_000 }).map((bp) => new Dec(bp).div(100).toString()),
          installments: fc.integer({ min: 2, max: 24 }),
          interest: fc.constantFrom('daily', 'periodic'),
        }),
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 400 }),
            amount: cents(1, 2_000_000),
            mode: fc.constantFrom('payment', 'reduce-term', 'reduce-installment', 'reschedule-next'),
          }),
          { maxLength: 10 },
        ),
        (l, evs) => {
          const loan = {
            principal: l.principal,
            currency: 'USD',
            contractDate: D0,
            method: l.method,
            rate: { annualPercent: l.method === 'interest-free' ? '0' : l.annual },
            installments: l.installments,
            interest: l.interest,
            effectiveRates: [],
          };
          const events = evs.map((e, i) => ({ id: `e${i}`, date: addDays(D0, e.day), amount: e.amount, mode: e.mode }));
          const s = servicingFromJson({
            loan,
            asOf: addDays(D0, 400),
            allocation: 'penalties-first',
            payments: events.filter((e) => e.mode === 'payment').map(({ id, date, amount }) => ({ id, date, amount })),
            prepayments: events.filter((e) => e.mode !== 'payment'),
          });
          checkAllocations(s);
          const principal = s.installments.reduce((x, i) => x.plus(i.components.principal.due), new Dec(0));
          expect(principal.toFixed(2)).toBe(new Dec(l.principal).toFixed(2));
        },
      ),
      { numRuns: 400 },
    );
  });
});

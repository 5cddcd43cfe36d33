// Paying the payoff quoted for a date closes the loan: nothing stays outstanding, the allocation sums
// to the payment, and anything beyond the quote is a credit balance (fast-check over loans and dates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { servicingFromJson } from '../commands.js';
import { addDays } from '../dates.js';
import { Dec } from '../decimal.js';
import { ALLOCATION_ORDER_NAMES } from './allocation-orders.js';

const rowsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 40 }),
      principal: fc.integer({ min: 1, max: 5_000_00 }),
      interest: fc.integer({ min: 0, max: 900_00 }),
      fees: fc.integer({ min: 0, max: 50_00 }),
      vat: fc.integer({ min: 0, max: 30_00 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((xs) => {
    let day = 0;
    return xs.map((x, i) => {
      day += x.gap;
      const c = (v: number) => new Dec(v).div(100).toFixed(2);
      return {
        n: i + 1,
        dueDate: addDays('2024-01-01', day),
        principal: c(x.principal),
        interest: c(x.interest),
        fees: c(x.fees),
        vat: c(x.vat),
      };
    });
  });

describe('payoff settles the loan', () => {
  it('the payoff quoted for any date, paid that day (plus any surplus), leaves nothing outstanding', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 100_00 }),
        fc.constantFrom(...ALLOCATION_ORDER_NAMES),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
        (rows, dayOffset, surplusCents, allocation, earlier) => {
          const loan = { currency: 'USD', disbursementDate: '2024-01-01', rows, penalty: { dailyPercent: '0.1' }, allocation };
          const date = addDays('2024-01-01', dayOffset);
          // Sometimes a partial payment first, so the quote is net of what was already paid.
          const first =
            earlier !== undefined && earlier <= dayOffset ? [{ id: 'a', date: addDays('2024-01-01', earlier), amount: '10.00' }] : [];
          const quote = servicingFromJson({ ...loan, asOf: date, payments: first });
          if (new Dec(quote.payoff.amount).isZero()) return;
          const amount = new Dec(quote.payoff.amount).plus(new Dec(surplusCents).div(100));
          const after = servicingFromJson({
            ...loan,
            asOf: date,
            payments: [...first, { id: 'p', date, amount: amount.toFixed(2) }],
          });
          const a = after.allocations.at(-1)!;
          const sum = ['principal', 'interest', 'fees', 'vat', 'penalty', 'excess'].reduce(
            (s, k) => s.plus(a[k as 'principal' | 'excess']),
            new Dec(0),
          );
          expect(sum.toFixed(2)).toBe(amount.toFixed(2));
          expect(after.outstanding.total).toBe('0.00');
          expect(after.payoff.amount).toBe('0.00');
          expect(after.installments.every((i) => i.status === 'paid')).toBe(true);
          expect(new Dec(a.excess).gte(new Dec(surplusCents).div(100))).toBe(true);
          // A later day changes nothing: no penalty, no interest on a settled loan.
          const later = servicingFromJson({ ...loan, asOf: addDays(date, 90), payments: after.allocations.map(toPayment) });
          expect(later.outstanding.total).toBe('0.00');
        },
      ),
      { numRuns: 150 },
    );
  });
});

function toPayment(a: { paymentId: string; date: string; amount: string }) {
  return { id: a.paymentId, date: a.date, amount: a.amount };
}

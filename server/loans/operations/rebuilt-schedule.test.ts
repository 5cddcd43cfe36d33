// Property (fast-check): a saved loan serviced with its payments and any prepayments, each with its
// mode, in the stored-loan path (rows of the saved version, terms when a prepayment rebuilds): every
// allocation sums to its payment, and the schedule version the app stores after the prepayments (the
// rows the tab, the schedule items and the deal read) sums to the principal and ends at zero.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { buildSchedule, serviceLoan } from '../lending-adapter.js';
import { rebuiltSchedule } from './rebuilt-schedule.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Decimal(c).div(100).toFixed(2));
const day = (offset: number) => new Date(Date.UTC(2024, 0, 15) + offset * 86_400_000).toISOString().slice(0, 10);
const mode = fc.constantFrom('reduce-term' as const, 'reduce-installment' as const, 'reschedule-next' as const);

describe('stored-loan servicing with prepayments (property)', () => {
  it('allocations sum to their payments; the rebuilt schedule repays the principal exactly', () => {
    fc.assert(
      fc.property(
        fc.record({
          installments: fc.integer({ min: 3, max: 24 }),
          principal: cents(1_000_00, 500_000_00),
          rate: fc.constantFrom('0', '12', '18', '59.9'),
          payments: fc.array(fc.record({ at: fc.integer({ min: 1, max: 700 }), amount: cents(1, 20_000_00) }), { maxLength: 5 }),
          prepayments: fc.array(fc.record({ at: fc.integer({ min: 1, max: 700 }), share: fc.integer({ min: 1, max: 60 }), mode }), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        (c) => {
          const terms = sampleTerms(c.installments, { principal: c.principal, rate: { annualPercent: c.rate } });
          const schedule = buildSchedule(terms);
          const servicing = serviceLoan({
            terms,
            schedule,
            payments: c.payments.map((p, i) => ({ id: `p${i}`, date: day(p.at), amount: p.amount })),
            prepayments: c.prepayments.map((p, i) => ({
              id: `x${i}`,
              date: day(p.at),
              amount: new Decimal(c.principal).times(p.share).div(100).toFixed(2),
              mode: p.mode,
            })),
            asOf: day(720),
          });
          for (const a of servicing.allocations) {
            const parts = [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((s, x) => s.add(x), new Decimal(0));
            expect(parts.toFixed(2)).toBe(new Decimal(a.amount).toFixed(2));
          }
          const rebuilt = rebuiltSchedule(schedule, servicing, terms, day(1));
          const principal = rebuilt.rows.reduce((s, r) => s.add(r.principal), new Decimal(0));
          expect(principal.toFixed(2)).toBe(new Decimal(c.principal).toFixed(2));
          expect(rebuilt.totals.principal).toBe(new Decimal(c.principal).toFixed(2));
          expect(rebuilt.rows.at(-1)?.closing).toBe('0.00');
          for (const r of rebuilt.rows) expect(new Decimal(r.total).isNegative()).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('the installment a rebuilt schedule states', () => {
  it('is read as the contract reads it: an annuity level without the IVA that rides on top', () => {
    const terms = sampleTerms(12, {
      principal: '24000',
      currency: 'MXN',
      rate: { annualPercent: '60' },
      vat: { percent: '16', onFees: false },
    });
    const schedule = buildSchedule(terms);
    expect(schedule.rows[1]!.vat).not.toBe('0.00');
    const servicing = serviceLoan({
      terms,
      schedule,
      payments: [],
      prepayments: [{ id: 'x', date: '2024-01-20', amount: '5000.00', mode: 'reduce-term' }],
      asOf: '2024-01-20',
    });
    const rebuilt = rebuiltSchedule(schedule, servicing, terms, '2024-01-20');
    // Reduce-term keeps the level: the installment is the contract's, not a row's total with its IVA.
    expect(rebuilt.installmentAmount).toBe(schedule.installmentAmount);
    expect(rebuilt.rows.length).toBeLessThan(schedule.rows.length);
    const flat = sampleTerms(6, { method: 'flat', currency: 'MXN', vat: { percent: '16', onFees: false } });
    const flatSchedule = buildSchedule(flat);
    const none = serviceLoan({ terms: flat, schedule: flatSchedule, payments: [], asOf: '2024-01-20' });
    expect(rebuiltSchedule(flatSchedule, none, flat, '2024-01-15').installmentAmount).toBe(flatSchedule.rows[1]!.total);
  });
});

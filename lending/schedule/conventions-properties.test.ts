// Property tests (fast-check) for issue 13's conventions: with a down payment, an installment step on
// any method, the Fineract EMI adjustment, a fixed payment or either CAT basis, every schedule still
// sums to its principal, closes at zero, never goes negative, and its totals equal its rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleFromJson } from '../commands.js';
import { Dec } from '../decimal.js';
import { addDays } from '../dates.js';
import { isLendingError } from '../errors.js';
import { ROUNDING_MODES } from '../money.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Dec(c).div(100).toString());

const arb = fc.record({
  principal: cents(10_000, 100_000_000),
  contractDate: fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2020-01-01', d)),
  method: fc.constantFrom('annuity', 'equal-principal', 'flat', 'interest-free'),
  annual: fc.integer({ min: 0, max: 15_000 }).map((bp) => new Dec(bp).div(100).toString()),
  installments: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom('day', 'week', 'month'),
  interest: fc.constantFrom('daily', 'periodic'),
  mode: fc.constantFrom(...ROUNDING_MODES),
  step: fc.constantFrom('0.01', '1', '10', '100'),
  down: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
  adjust: fc.boolean(),
  fixedShare: fc.option(fc.integer({ min: 2, max: 60 }), { nil: undefined }),
  catBasis: fc.constantFrom('periods', 'dates'),
});

type Arb = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function input(a: Arb): Record<string, unknown> {
  const fixed = a.fixedShare && (a.method === 'annuity' || a.method === 'interest-free');
  return {
    principal: a.principal,
    currency: 'MXN',
    contractDate: a.contractDate,
    method: a.method,
    rate: { annualPercent: a.method === 'interest-free' ? '0' : a.annual },
    frequency: { unit: a.unit, every: 1 },
    interest: a.interest,
    ...(fixed
      ? {
          fixedPayment: new Dec(a.principal)
            .div(a.fixedShare!)
            .toDecimalPlaces(2, Dec.ROUND_UP)
            .plus(a.unit === 'day' ? 0 : 1)
            .toString(),
        }
      : { installments: a.installments, rounding: { mode: a.mode, installmentStep: a.step } }),
    ...(a.method === 'annuity' && !fixed ? { annuity: 'resolved', annuityAdjustment: a.adjust ? 'fineract' : 'none' } : {}),
    ...(a.down ? { downPayment: { percent: String(a.down) } } : {}),
    effectiveRates: [],
    catBasis: a.catBasis,
  };
}

describe('schedule properties under issue 13 conventions', { timeout: 180_000 }, () => {
  it('principal parts sum to the loan, balances chain and close at zero, totals equal the rows', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const loan = input(a);
        let s;
        try {
          s = scheduleFromJson(loan);
        } catch (e) {
          // A fixed payment below a period's interest is refused with a code, never a wrong schedule.
          if (isLendingError(e) && e.code === 'FIXED_PAYMENT_TOO_LOW') return;
          throw e;
        }
        let sum = new Dec(0);
        let opening = new Dec(a.principal);
        for (const r of s.rows) {
          expect(new Dec(r.opening).eq(opening)).toBe(true);
          expect(new Dec(r.principal).isNegative()).toBe(false);
          expect(new Dec(r.interest).isNegative()).toBe(false);
          sum = sum.plus(r.principal);
          opening = new Dec(r.closing);
        }
        expect(sum.eq(a.principal)).toBe(true);
        expect(opening.isZero()).toBe(true);
        const add = (k: 'interest' | 'total' | 'fees') => s.rows.reduce((x, r) => x.plus(r[k]), new Dec(0));
        expect(add('interest').eq(s.totals.interest)).toBe(true);
        expect(add('total').eq(s.totals.total)).toBe(true);
        expect(add('fees').eq(s.totals.fees)).toBe(true);
        if (a.down) expect(s.rows[0]!.dueDate).toBe(a.contractDate);
        // The fixed payment bounds every installment after the down payment that repays principal (a long
        // period whose daily interest exceeds it is that interest alone: interest is never capitalised).
        if (loan.fixedPayment)
          for (const r of s.rows.slice(a.down ? 1 : 0))
            expect(new Dec(r.principal).isZero() || new Dec(r.total).lte(loan.fixedPayment as string)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it('with a CAT asked for, both bases give a figure for the same schedule', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const loan = { ...input(a), method: 'annuity', rate: { annualPercent: '36' }, installments: 12, effectiveRates: ['cat'] };
        delete (loan as Record<string, unknown>).fixedPayment;
        const s = scheduleFromJson(loan);
        expect(s.catBasis).toBe(a.catBasis);
        expect(s.effectiveRates.cat).toMatch(/^-?\d+\.\d$/);
      }),
      { numRuns: 100 },
    );
  });
});

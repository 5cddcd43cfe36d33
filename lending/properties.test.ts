// Property tests (fast-check): money invariants hold for any loan, any payment stream.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepayFromJson, scheduleFromJson, servicingFromJson } from './commands.js';
import { Dec } from './decimal.js';
import { DAY_COUNTS } from './day-count.js';
import { addDays } from './dates.js';
import { ROUNDING_MODES } from './money.js';
import { ALLOCATION_ORDER_NAMES } from './servicing/allocation-orders.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Dec(c).div(100).toString());
const isoDate = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2020-01-01', d));

const loanArb = fc.record({
  principal: cents(100, 500_000_000),
  currency: fc.constantFrom('USD', 'RUB', 'MXN', 'JPY'),
  contractDate: isoDate,
  method: fc.constantFrom('annuity', 'equal-principal', 'flat', 'interest-free'),
  annual: fc.integer({ min: 0, max: 20_000 }).map((bp) => new Dec(bp).div(100).toString()),
  installments: fc.integer({ min: 1, max: 120 }),
  frequency: fc.record({ unit: fc.constantFrom('day', 'week', 'month'), every: fc.integer({ min: 1, max: 3 }) }),
  dayCount: fc.constantFrom(...DAY_COUNTS),
  interest: fc.constantFrom('daily', 'periodic'),
  annuity: fc.constantFrom('fixed-payment', 'resolved'),
  mode: fc.constantFrom(...ROUNDING_MODES),
  step: fc.constantFrom('1', '10', '100'),
  firstGap: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  fee: fc.option(cents(1, 5000), { nil: undefined }),
  vat: fc.option(fc.record({ percent: fc.constantFrom('16', '20', '8'), onFees: fc.boolean() }), { nil: undefined }),
  grace: fc.record({ principal: fc.integer({ min: 0, max: 3 }), interest: fc.integer({ min: 0, max: 2 }) }),
});

type LoanArb = typeof loanArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(l: LoanArb): Record<string, unknown> {
  const jpy = l.currency === 'JPY';
  return {
    principal: jpy ? new Dec(l.principal).toDecimalPlaces(0, Dec.ROUND_DOWN).plus(1).toString() : l.principal,
    currency: l.currency,
    contractDate: l.contractDate,
    method: l.method,
    rate: { annualPercent: l.method === 'interest-free' ? '0' : l.annual },
    installments: l.installments,
    frequency: l.frequency,
    dayCount: l.dayCount,
    interest: l.interest,
    annuity: l.annuity,
    rounding: { mode: l.mode, installmentStep: l.step },
    ...(l.firstGap ? { firstDueDate: addDays(l.contractDate, l.firstGap) } : {}),
    ...(l.fee && !jpy ? { fees: [{ name: 'service', amount: l.fee, at: 'installment' }] } : {}),
    ...(l.vat ? { vat: l.vat } : {}),
    ...(l.installments > 3 ? { grace: l.grace } : {}),
    effectiveRates: [],
  };
}

// Properties run thousands of cases; on a loaded 2-core machine that exceeds the 30 s default, and a
// limit is not what these tests assert — so they get room, not fewer runs.
const ROOM = { timeout: 180_000 };

describe('schedule properties', ROOM, () => {
  it('principal parts sum to the loan, balances never go negative and chain row to row', () => {
    fc.assert(
      fc.property(loanArb, (l) => {
        const input = toInput(l);
        const s = scheduleFromJson(input);
        let sum = new Dec(0);
        let opening = new Dec(input.principal as string);
        for (const r of s.rows) {
          expect(new Dec(r.opening).eq(opening)).toBe(true);
          expect(new Dec(r.closing).isNegative()).toBe(false);
          expect(new Dec(r.principal).isNegative()).toBe(false);
          sum = sum.plus(r.principal);
          opening = new Dec(r.closing);
        }
        expect(sum.eq(input.principal as string)).toBe(true);
        expect(opening.isZero()).toBe(true);
        // Totals come from running sums in the loop: they must equal the rows added up.
        const add = (k: 'interest' | 'total' | 'fees') => s.rows.reduce((x, r) => x.plus(r[k]), new Dec(0));
        expect(add('interest').eq(s.totals.interest)).toBe(true);
        expect(add('total').eq(s.totals.total)).toBe(true);
        expect(add('fees').eq(s.totals.fees)).toBe(true);
        expect(s.rows).toHaveLength(l.installments);
      }),
      { numRuns: 1500 },
    );
  });

  it('same input, same output', () => {
    fc.assert(
      fc.property(loanArb, (l) => {
        const input = toInput(l);
        expect(scheduleFromJson(structuredClone(input))).toEqual(scheduleFromJson(structuredClone(input)));
      }),
      { numRuns: 300 },
    );
  });

  it('a prepayment keeps the principal whole', () => {
    fc.assert(
      fc.property(
        loanArb,
        fc.integer({ min: 1, max: 95 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('reduce-term', 'reduce-installment'),
        (l, pct, day, mode) => {
          const input: Record<string, unknown> = { ...toInput(l), method: l.method === 'flat' ? 'annuity' : l.method };
          const s = scheduleFromJson(input);
          const date = addDays(l.contractDate, day);
          const row = s.rows.find((r) => r.dueDate > date);
          fc.pre(row !== undefined);
          const amount = new Dec(row.opening)
            .times(pct)
            .div(100)
            .plus(row.interest)
            .toDecimalPlaces(l.currency === 'JPY' ? 0 : 2, Dec.ROUND_DOWN);
          let r;
          try {
            r = prepayFromJson({ loan: input, prepayment: { date, amount: amount.toString(), mode } });
          } catch (e) {
            const code = (e as { code?: string }).code;
            fc.pre(code === 'PREPAY_BELOW_INTEREST' || code === 'PREPAY_EXCEEDS_BALANCE' || code === 'AMOUNT_NOT_POSITIVE');
            return;
          }
          const total = r.rows.reduce((a, x) => a.plus(x.principal), new Dec(r.prepayment.principal));
          expect(total.eq(input.principal as string)).toBe(true);
          expect(r.rows.every((x) => !new Dec(x.closing).isNegative())).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('allocation properties', ROOM, () => {
  const payment = fc.record({ day: fc.integer({ min: 0, max: 200 }), amount: cents(1, 200_000) });
  it('every payment is allocated to the cent: parts + excess = amount; nothing paid beyond what is due', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ principal: cents(0, 50_000), interest: cents(0, 5_000), fees: cents(0, 500), gap: fc.integer({ min: 1, max: 40 }) }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(payment, { maxLength: 15 }),
        fc.constantFrom(...ALLOCATION_ORDER_NAMES),
        fc.constantFrom('in-advance', 'reduce-principal'),
        fc.option(
          fc.record({
            dailyPercent: fc.constantFrom('0.1', '0.5', '1'),
            base: fc.constantFrom('principal', 'principal+interest'),
            graceDays: fc.integer({ min: 0, max: 10 }),
          }),
          { nil: undefined },
        ),
        (raw, pays, allocation, overpayment, penalty) => {
          let date = '2024-01-01';
          const rows = raw.map((r, i) => {
            date = addDays(date, r.gap);
            return {
              n: i + 1,
              dueDate: date,
              principal: i === 0 ? new Dec(r.principal).plus('0.01').toString() : r.principal,
              interest: r.interest,
              fees: r.fees,
            };
          });
          const asOf = addDays('2024-01-01', 210);
          const payments = pays.map((p, i) => ({ id: `p${i}`, date: addDays('2024-01-01', p.day), amount: p.amount }));
          const s = servicingFromJson({
            currency: 'USD',
            disbursementDate: '2024-01-01',
            rows,
            payments,
            asOf,
            allocation,
            overpayment,
            ...(penalty ? { penalty } : {}),
          });
          for (const a of s.allocations) {
            const parts = [a.principal, a.interest, a.fees, a.vat, a.penalty, a.excess].reduce((x, y) => x.plus(y), new Dec(0));
            expect(parts.eq(a.amount)).toBe(true);
          }
          for (const i of s.installments) {
            for (const c of Object.values(i.components)) expect(new Dec(c.outstanding).isNegative()).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

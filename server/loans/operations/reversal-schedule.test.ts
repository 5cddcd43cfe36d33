// Property (fast-check): a saved loan with payments and prepayments in any modes, one prepayment
// reversed — the schedule the loan then holds repays the principal exactly, ends at zero, never
// charges a negative installment, and is the schedule the loan would hold had that prepayment never
// been booked (the later ones re-applied in date order on what remains).
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleLedgerEntry } from '../../../test/support/sample-ledger-entry.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { buildSchedule } from '../lending-adapter.js';
import type { LedgerEntry, PrepaymentMode } from '../loan.js';
import type { LoanState } from './loan-state.js';
import { scheduleAfterReversal } from './reversal-schedule.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Decimal(c).div(100).toFixed(2));
const day = (offset: number) => new Date(Date.UTC(2024, 0, 15) + offset * 86_400_000).toISOString().slice(0, 10);
const mode = fc.constantFrom<PrepaymentMode>('reduce-term', 'reduce-installment', 'reschedule-next');

function entry(id: string, date: string, amount: string, prepaymentMode?: PrepaymentMode): LedgerEntry {
  const kind = prepaymentMode ? 'PREPAYMENT' : 'PAYMENT';
  return sampleLedgerEntry({
    id: `e-${id}`,
    loanId: 'loan-1',
    kind,
    amount,
    currency: 'RUB',
    valueDate: date,
    externalId: id,
    prepaymentMode,
  });
}

function stateOf(principal: string, installments: number, ledger: LedgerEntry[]): LoanState {
  const terms = sampleTerms(installments, { principal });
  const v1 = {
    ...buildSchedule(terms),
    loanId: 'loan-1',
    version: 1,
    baseVersion: null,
    terms,
    reason: 'save',
    createdBy: null,
    createdAt: '',
  };
  const loan = {
    id: 'loan-1',
    portalId: 'p',
    dealId: 1,
    productId: null,
    currency: 'RUB',
    principal,
    terms,
    status: 'ACTIVE' as const,
    closedReason: null,
    closedAt: null,
    currentScheduleVersion: 1,
    createdAt: '',
    updatedAt: '',
  };
  return { loan, schedule: v1, base: v1, ledger };
}

describe('the schedule after a prepayment is reversed (property)', () => {
  it('repays the principal exactly and is the schedule had the prepayment never been booked', () => {
    fc.assert(
      fc.property(
        fc.record({
          installments: fc.integer({ min: 3, max: 18 }),
          principal: cents(1_000_00, 300_000_00),
          payments: fc.array(fc.record({ at: fc.integer({ min: 1, max: 500 }), amount: cents(1, 20_000_00) }), { maxLength: 4 }),
          prepayments: fc.array(fc.record({ at: fc.integer({ min: 1, max: 500 }), share: fc.integer({ min: 1, max: 30 }), mode }), {
            minLength: 1,
            maxLength: 3,
          }),
          pick: fc.nat(),
        }),
        (c) => {
          const ledger = [
            ...c.payments.map((p, i) => entry(`p${i}`, day(p.at), p.amount)),
            ...c.prepayments.map((p, i) => entry(`x${i}`, day(p.at), new Decimal(c.principal).times(p.share).div(100).toFixed(2), p.mode)),
          ];
          const target = ledger.filter((e) => e.kind === 'PREPAYMENT')[c.pick % c.prepayments.length]!;
          const reversal = { ...entry('rev', day(600), `-${target.amount}`), kind: 'REVERSAL' as const, reversesId: target.id };
          const asOf = day(600);
          const after = scheduleAfterReversal(stateOf(c.principal, c.installments, ledger), reversal, asOf);
          const principal = after.rows.reduce((s, r) => s.add(r.principal), new Decimal(0));
          expect(principal.toFixed(2)).toBe(new Decimal(c.principal).toFixed(2));
          expect(after.rows.at(-1)?.closing).toBe('0.00');
          for (const r of after.rows) expect(new Decimal(r.total).isNegative()).toBe(false);
          // Reversed = never booked: the remaining entries give the same schedule.
          const without = stateOf(
            c.principal,
            c.installments,
            ledger.filter((e) => e !== target),
          );
          const neverBooked = scheduleAfterReversal(without, { ...reversal, reversesId: 'none' }, asOf);
          expect(after.rows).toEqual(neverBooked.rows);
          expect(after.installmentAmount).toBe(neverBooked.installmentAmount);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);
});

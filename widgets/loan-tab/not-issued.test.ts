import { describe, expect, it } from 'vitest';
import { API_LOAN, testModel } from '../../test/support/loan-tab-model.js';
import type { SavedLoan } from './api.js';

// User trial (ru-RU deal 11 at the application stage): arrears, a payoff and a payment form on a loan
// not issued yet. The lifecycle's word (GET …/loan `issue`) decides; a booked payment means it runs.
const saved = (over: Partial<SavedLoan>): SavedLoan => ({ loan: API_LOAN, payments: [], reversedPayments: [], status: 'ACTIVE', ...over });

describe('a loan not issued yet', () => {
  // testModel's today is 2026-01-15; API_LOAN is disbursed on 2026-01-10.
  const planned = { ...API_LOAN, disbursementDate: '2026-01-15' };

  it('not issued, nothing paid, disbursement not yet past: the tab offers no payments', () => {
    const m = testModel();
    m.load(saved({ issue: 'not-issued', loan: planned }));
    expect(m.notIssued.value).toBe(true);
  });

  it('a disbursement date already past: the loan runs whatever the stage says (a collector is never locked out)', () => {
    const m = testModel();
    m.load(saved({ issue: 'not-issued' }));
    expect(m.notIssued.value).toBe(false);
  });

  it('issued, or unknown (no lifecycle map: as before), or a payment already booked: the loan runs', () => {
    for (const s of [saved({ issue: 'issued' }), saved({ issue: 'unknown' }), saved({})]) {
      const m = testModel();
      m.load(s);
      expect(m.notIssued.value).toBe(false);
    }
    const m = testModel();
    m.load(saved({ issue: 'not-issued', loan: planned, payments: [{ id: 'p1', date: '2026-01-15', amount: '100.00' }] }));
    expect(m.notIssued.value).toBe(false);
  });
});

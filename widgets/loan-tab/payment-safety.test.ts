import { describe, expect, it } from 'vitest';
import { describeTermChanges, overpaymentOf } from './payment-safety.js';
import type { LoanInput } from './lending-types.js';

const loan: LoanInput = {
  principal: '15000',
  currency: 'MXN',
  contractDate: '2026-01-01',
  disbursementDate: '2026-01-01',
  method: 'annuity',
  rate: { annualPercent: '60' },
  installments: 12,
  frequency: { unit: 'month', every: 1 },
  penaltyDailyPercent: '0.1',
};

describe('payment safety', () => {
  it('99,999 against a payoff of 17,804 leaves 82,195 of credit; the payoff itself asks nothing', () => {
    expect(overpaymentOf('99999', '17804', 2)).toEqual({ payoff: '17804.00', credit: '82195.00' });
    expect(overpaymentOf('17804.00', '17804', 2)).toBeNull();
    expect(overpaymentOf('100', '17804', 2)).toBeNull();
  });

  it('lists what a re-term changes, comparing numbers by value', () => {
    expect(describeTermChanges(loan, { ...loan, principal: '15000.00' })).toEqual([]);
    expect(
      describeTermChanges(loan, { ...loan, installments: 6, frequency: { unit: 'week', every: 2 }, penaltyDailyPercent: '0.2' }),
    ).toEqual([
      { field: 'installments', before: '12', after: '6' },
      { field: 'frequency', before: '1 month', after: '2 week' },
      { field: 'penalty', before: '0.1', after: '0.2' },
    ]);
  });
});

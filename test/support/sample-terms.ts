import type { LoanInput } from '../../server/loans/lending-types.js';

/** A plain monthly annuity used by the loan tests and the bench (issue 4 §9 example, n rows). */
export function sampleTerms(installments = 12, overrides: Partial<LoanInput> = {}): LoanInput {
  return {
    principal: '100000',
    currency: 'RUB',
    contractDate: '2024-01-15',
    disbursementDate: '2024-01-15',
    method: 'annuity',
    rate: { annualPercent: '18' },
    installments,
    frequency: { unit: 'month', every: 1 },
    firstDueDate: '2024-02-15',
    dayCount: 'actual/365',
    interest: 'periodic',
    annuity: 'fixed-payment',
    rounding: { mode: 'half-up', installmentStep: '0.01', last: 'adjust' },
    fees: [],
    ...overrides,
  };
}

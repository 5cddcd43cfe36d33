import { describe, expect, it } from 'vitest';
import { loanValueText, sameAsLoan } from './loan-source.js';

// A loan-sourced field beside the saved loan: the loan's value written the user's way, and a typed
// value told apart from it by value, not by how it is written.
describe('loan-sourced fields', () => {
  it('writes the loan’s value as the field’s input would, an amount with its currency', () => {
    expect(loanValueText('money', { amount: '150000.00', currency: 'RUB' }, 'ru')).toBe('150\u00a0000,00 RUB');
    // The loan saves the principal as typed ("150000"): shown in the currency's scale.
    expect(loanValueText('money', { amount: '150000', currency: 'RUB' }, 'ru')).toBe('150\u00a0000,00 RUB');
    expect(loanValueText('money', { amount: '22000.00', currency: 'MXN' }, 'es')).toBe('22,000.00 MXN');
    expect(loanValueText('number', '18', 'ru')).toBe('18');
  });

  it('a typed 50 000,00 differs from a saved 150 000,00; 12 and "12" are the same term', () => {
    const loan = { amount: '150000.00', currency: 'RUB' };
    expect(sameAsLoan({ amount: '50000.00', currency: 'RUB' }, loan)).toBe(false);
    expect(sameAsLoan({ amount: '150000', currency: 'RUB' }, loan)).toBe(true);
    expect(sameAsLoan({ amount: '150000.00', currency: 'MXN' }, loan)).toBe(false);
    expect(sameAsLoan('12', '18')).toBe(false);
    expect(sameAsLoan(12, '12')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { positiveAmount } from './money.js';

// One currency table (lending/currency.ts): the server once defaulted to 2 decimals for KWD and XOF.
describe('positiveAmount reads the currency scale from lending/currency.ts', () => {
  it('accepts a KWD payment of 1.234 (3 decimals)', () => {
    expect(positiveAmount('1.234', 'KWD', 'amount')).toBe('1.234');
    expect(positiveAmount('5', 'BHD', 'amount')).toBe('5.000');
  });

  it('refuses an XOF payment of 100.50 (0 decimals) with AMOUNT_SCALE', () => {
    const refusal = (() => {
      try {
        positiveAmount('100.50', 'XOF', 'amount');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('AMOUNT_SCALE');
    expect(positiveAmount('100', 'XOF', 'amount')).toBe('100');
  });

  it('keeps 2 decimals for MXN', () => {
    expect(positiveAmount('15000.5', 'MXN', 'amount')).toBe('15000.50');
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalAmount, paymentIdsOf } from './payment-id.js';

const line = (over: Partial<{ line: number; dealId: number; date: string; amount: string; reference: string | null }> = {}) => ({
  line: 2,
  dealId: 301,
  date: '2024-02-15',
  amount: '1500.50',
  reference: null,
  ...over,
});

describe('payment ids of imported lines', () => {
  it('depend on the payment, not on where it sits in the file or how the amount is spelt', () => {
    const [a] = paymentIdsOf([line()]);
    const [, b] = paymentIdsOf([line({ dealId: 302 }), line({ line: 9, amount: '1500.5' })]);
    expect(a).toMatch(/^imp:[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(paymentIdsOf([line({ reference: '  OP  7 ' })])).toEqual(paymentIdsOf([line({ reference: 'OP 7' })]));
  });

  it('tell apart deal, date, amount and reference', () => {
    const ids = paymentIdsOf([
      line(),
      line({ dealId: 302 }),
      line({ date: '2024-02-16' }),
      line({ amount: '1500.51' }),
      line({ reference: 'X' }),
    ]);
    expect(new Set(ids).size).toBe(5);
  });

  it('make identical lines in one file two payments, by their occurrence', () => {
    const [first, second, third] = paymentIdsOf([line(), line({ line: 3 }), line({ line: 4 })]);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(paymentIdsOf([line()])[0]).toBe(first); // the first of them is the same payment as a lone one elsewhere
  });

  it('spell each decimal value once', () => {
    expect(['0010.500', '10.5', '10.50'].map(canonicalAmount)).toEqual(['10.5', '10.5', '10.5']);
    expect(['7.00', '0', '0.0', '100'].map(canonicalAmount)).toEqual(['7', '0', '0', '100']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clabeControlDigit, isValidClabe, maskClabe } from './clabe.js';

describe('CLABE', () => {
  it('accepts the CLABE from OpenPay’s documentation', () => {
    expect(isValidClabe('012298026516924616')).toBe(true);
    expect(isValidClabe('032180000118359719')).toBe(true);
  });
  it('rejects a wrong control digit, wrong length, and numbers', () => {
    expect(isValidClabe('012298026516924617')).toBe(false);
    expect(isValidClabe('01229802651692461')).toBe(false);
    expect(isValidClabe(12298026516924616)).toBe(false);
  });
  it('masks all but the bank code and the last four', () => {
    expect(maskClabe('012298026516924616')).toBe('012XXXXXXXXXXX4616'.replace('XXXXXXXXXXX', 'X'.repeat(11)));
  });
  it('any 17 digits plus their control digit is valid; any other last digit is not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 1, max: 9 }), (first, delta) => {
        const d = clabeControlDigit(first);
        expect(isValidClabe(first + d)).toBe(true);
        expect(isValidClabe(first + ((d + delta) % 10))).toBe(false);
      }),
    );
  });
});

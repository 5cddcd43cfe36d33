import { describe, expect, it } from 'vitest';
import { decimalFormatter } from './format.js';

describe('decimalFormatter', () => {
  it('groups and uses the decimal sign of the language, exactly', () => {
    expect(decimalFormatter('en')('1234567.25')).toBe('1,234,567.25');
    expect(decimalFormatter('ru')('0.8').replace(/\s/g, ' ')).toBe('0,8');
    expect(decimalFormatter('es')('999999999999999.9999')).toBe('999,999,999,999,999.9999');
    expect(decimalFormatter('en')('abc')).toBe('abc');
  });
});

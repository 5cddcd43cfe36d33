import { describe, expect, it } from 'vitest';
import { spokenMoney } from './money.js';

describe('call-script money', () => {
  it('has the symbol the Loan tab shows and never breaks inside the number', () => {
    expect(spokenMoney('45000', 'RUB', 'ru', 2)).toBe('45\u00a0000,00\u00a0₽');
    expect(spokenMoney('2030.86', 'MXN', 'es', 2)).toBe('$2,030.86');
    expect(spokenMoney('123456789012.34', 'MXN', 'es', 2)).toBe('$123,456,789,012.34');
    expect(spokenMoney('15000', 'RUB', 'es', 2)).toMatch(/^RUB\u00a015,000\.00$/);
    expect(spokenMoney('15000', 'MXN', 'en', 2)).toBe('MX$15,000.00');
    expect(spokenMoney('15000', 'XYZ1', 'en', 2)).toBe('15,000.00\u00a0XYZ1');
  });
});

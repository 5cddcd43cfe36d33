import { describe, expect, it } from 'vitest';
import { dateFormatters, decimalFormatter, moneyFormatter } from './format.js';

describe('decimalFormatter', () => {
  it('groups and uses the decimal sign of the language, exactly', () => {
    expect(decimalFormatter('en')('1234567.25')).toBe('1,234,567.25');
    expect(decimalFormatter('ru')('0.8').replace(/\s/g, ' ')).toBe('0,8');
    expect(decimalFormatter('es')('999999999999999.9999')).toBe('999,999,999,999,999.9999');
    expect(decimalFormatter('en')('abc')).toBe('abc');
  });
});

describe('formats of the import screen', () => {
  it('es-MX writes numbers the Mexican way and days day-first', () => {
    expect(decimalFormatter('es-MX')('1234567.25')).toBe('1,234,567.25');
    expect(dateFormatters('es-MX').day('2026-03-05')).toBe('05/03/2026');
    expect(dateFormatters('ru-RU').day('2026-03-05')).toBe('05.03.2026');
    expect(dateFormatters('es-MX').day('not a day')).toBe('not a day');
  });
});

describe('moneyFormatter', () => {
  it("shows the currency's scale: a typed 150 000,50 is stored 150000.5 and must not read as one decimal", () => {
    expect(moneyFormatter(decimalFormatter('ru'))('150000.5', 2).replace(/\s/g, ' ')).toBe('150 000,50');
    expect(moneyFormatter(decimalFormatter('es'))('3000', 2)).toBe('3,000.00');
    expect(moneyFormatter(decimalFormatter('en'))('1500', 0)).toBe('1,500');
  });
});

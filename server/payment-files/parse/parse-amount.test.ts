import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../lending/decimal.js';
import type { FileLocale } from '../types.js';
import { parseAmount, parseLocaleDecimal } from './parse-amount.js';

const RU: FileLocale = { dateOrder: 'dmy', decimalSeparator: ',' };
const MX: FileLocale = { dateOrder: 'dmy', decimalSeparator: '.' };

describe('parseAmount', () => {
  it.each([
    ['10 500,00', RU, '10500.00'],
    ['10\u00a0500,00 ₽', RU, '10500.00'],
    ['10\u202f500,00 руб.', RU, '10500.00'],
    ['1.500,5', RU, '1500.50'],
    ['1,500', RU, '1.50'],
    [',5', RU, '0.50'],
    ['1500,500', RU, '1500.50'],
    ['1,500.50', MX, '1500.50'],
    ['$1,500.50', MX, '1500.50'],
    ['MX$ 1,500', MX, '1500.00'],
    ['1,500', MX, '1500.00'],
    ['1.500', MX, '1.50'],
    ['1500', MX, '1500.00'],
    ['1500 MXN', MX, '1500.00'],
    ["1'500.25", MX, '1500.25'],
  ])('%s (decimal %s) → %s', (raw, locale, amount) => {
    expect(parseAmount(raw, locale, 2)).toEqual({ amount });
  });

  it.each([
    ['1,50', MX],
    ['1.50', RU],
    ['1500,50', MX],
    ['1,500.50', RU],
    ['12 34,00', RU],
    ['1 500.000,00', RU],
    ['1.2.3', MX],
    ['abc', MX],
    ['$', MX],
    ['1500.', MX],
    ['$1,500 MXN', MX],
    ['--5', MX],
    ['(-5)', MX],
    ['1234567890123456', MX],
    ['5-', MX],
  ])('%s (decimal %s) is BAD_AMOUNT', (raw, locale) => {
    expect(parseAmount(raw, locale, 2)).toMatchObject({ code: 'BAD_AMOUNT' });
  });

  it.each(['-5', '−5', '-$5', '$-5', '(1,500.00)', '0', '0.00'])('%s is AMOUNT_NOT_POSITIVE', (raw) => {
    expect(parseAmount(raw, MX, 2)).toMatchObject({ code: 'AMOUNT_NOT_POSITIVE' });
  });

  it('more significant decimals than the scale is AMOUNT_SCALE; the scale is the currency’s', () => {
    expect(parseAmount('1500.505', MX, 2)).toMatchObject({ code: 'AMOUNT_SCALE' });
    expect(parseAmount('1500.505', MX, 3)).toEqual({ amount: '1500.505' });
    expect(parseAmount('1500.5', MX, 0)).toMatchObject({ code: 'AMOUNT_SCALE' });
    expect(parseAmount('1,500.00', MX, 0)).toEqual({ amount: '1500' });
  });

  // Amounts as the agents' spreadsheets format them: RU "# ##0,00" and MX "$#,##0.00".
  const cents = fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }).map((n) => new Dec(n.toString()).div(100));
  const grouped = (d: Dec, group: string, decimal: string) => {
    const [int, frac] = d.toFixed(2).split('.') as [string, string];
    return `${int.replace(/\B(?=(\d{3})+$)/g, group)}${decimal}${frac}`;
  };

  it('property: an amount rendered RU style (# ##0,00, NBSP or space groups) parses back to the same decimal', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(' ', '\u00a0', '\u202f'), fc.boolean(), (d, space, rouble) => {
        const text = grouped(d, space, ',') + (rouble ? ' ₽' : '');
        expect(parseAmount(text, RU, 2)).toEqual({ amount: d.toFixed(2) });
      }),
    );
  });

  it('property: an amount rendered MX style ($#,##0.00) parses back to the same decimal', () => {
    fc.assert(
      fc.property(cents, (d) => {
        expect(parseAmount(`$${grouped(d, ',', '.')}`, MX, 2)).toEqual({ amount: d.toFixed(2) });
        expect(parseLocaleDecimal(`-$${grouped(d, ',', '.')}`, '.')?.eq(d.negated())).toBe(true);
      }),
    );
  });
});

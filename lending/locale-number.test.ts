import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';
import { Dec } from './decimal.js';
import { numberLocaleOf, parseLocaleNumber, type NumberLocale } from './locale-number.js';

const ok = (value: string) => ({ ok: true, value });
const no = (code: string) => ({ ok: false, code });

describe('parseLocaleNumber: what users type', () => {
  it.each<[NumberLocale, string, number | undefined, object]>([
    ['es', '15,000', 2, ok('15000.00')],
    ['es', '15,000.50', 2, ok('15000.50')],
    ['es', '$15,000.50', 2, ok('15000.50')],
    ['es', '1,000', 2, ok('1000.00')],
    ['es', '3,000', undefined, ok('3000')],
    ['es', '12,5', undefined, ok('12.5')],
    ['es', '0,125', undefined, ok('0.125')],
    ['es', '15 000.50', 2, ok('15000.50')],
    ['es', '1.000', 2, no('AMBIGUOUS_SEPARATOR')],
    ['es', '1,50,000', 2, no('BAD_GROUPING')],
    ['es', '100.505', 2, no('AMBIGUOUS_SEPARATOR')],
    ['es', '1,000.505', 2, no('TOO_MANY_DECIMALS')],
    ['es', '100.5000', 2, ok('100.50')],
    ['en', '15,000.50', 2, ok('15000.50')],
    ['ru', '15 000,50', 2, ok('15000.50')],
    ['ru', '15\u00a0000,50', 2, ok('15000.50')],
    ['ru', '15\u202f000,50', 2, ok('15000.50')],
    ['ru', '45 000', 2, ok('45000.00')],
    ['ru', '1 000', 2, ok('1000.00')],
    ['ru', '85 000', 2, ok('85000.00')],
    ['ru', '85000,50', 2, ok('85000.50')],
    ['ru', '85000.50', 2, ok('85000.50')],
    ['ru', '1 000,00 ₽', 2, ok('1000.00')],
    ['ru', '1 000 руб.', 2, ok('1000.00')],
    ['ru', '0,125', undefined, ok('0.125')],
    ['ru', '1,000', 2, no('AMBIGUOUS_SEPARATOR')],
    ['ru', '1.000', 2, no('AMBIGUOUS_SEPARATOR')],
    ['ru', '1.000', undefined, no('AMBIGUOUS_SEPARATOR')],
    ['ru', '1,000', 3, ok('1.000')],
    ['ru', '15,000.50', 2, no('NOT_A_NUMBER')],
    ['ru', '1.000,50', 2, no('NOT_A_NUMBER')],
    ['ru', '1 00', 2, no('BAD_GROUPING')],
    ['en', '', 2, no('EMPTY')],
    ['en', '  ', 2, no('EMPTY')],
    ['en', '12.', 2, no('NOT_A_NUMBER')],
    ['en', '15000e', 2, no('NOT_A_NUMBER')],
    ['en', 'abc', 2, no('NOT_A_NUMBER')],
    ['en', '1e5', 2, no('NOT_A_NUMBER')],
    ['en', '-100', 2, ok('-100.00')],
    ['en', '.5', 2, ok('0.50')],
    ['ru', ',5', 2, ok('0.50')],
    ['en', '12.5 %', undefined, no('NOT_A_NUMBER')],
  ])('%s %j (scale %s)', (locale, raw, scale, expected) => {
    expect(parseLocaleNumber(raw, locale, scale === undefined ? {} : { scale })).toEqual(expected);
  });

  it('takes a percent sign only where asked (rates)', () => {
    expect(parseLocaleNumber('12,5 %', 'ru', { percent: true })).toEqual(ok('12.5'));
  });

  it('respects the currency scale: KWD 1.234 yes, XOF 100.50 no, 0 decimals', () => {
    expect(parseLocaleNumber('1.234', 'en', { scale: 3 })).toEqual(ok('1.234'));
    expect(parseLocaleNumber('100.50', 'en', { scale: 0 })).toEqual(no('TOO_MANY_DECIMALS'));
    expect(parseLocaleNumber('100', 'es', { scale: 0 })).toEqual(ok('100'));
  });

  it('maps language tags to locales', () => {
    expect([numberLocaleOf('es-MX'), numberLocaleOf('ru-RU'), numberLocaleOf('ru'), numberLocaleOf('de'), numberLocaleOf(null)]).toEqual([
      'es',
      'ru',
      'ru',
      'en',
      'en',
    ]);
  });
});

// The app shows amounts with Intl.NumberFormat (widgets/loan-tab/format.ts: currency style, and plain
// numbers at the currency's digits); whatever it shows must read back to the same value.
const TAGS: Record<NumberLocale, string> = { en: 'en-US', es: 'es-MX', ru: 'ru-RU' };
const CURRENCIES_BY_SCALE: Record<number, string[]> = { 0: ['JPY', 'XOF', 'CLP'], 2: ['MXN', 'RUB', 'USD'], 3: ['KWD', 'BHD'] };

describe('parseLocaleNumber: format → parse round-trips', () => {
  const amount = (scale: number) =>
    fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.boolean())
      .map(([minor, negative]) => new Dec((negative ? -minor : minor).toString()).div(new Dec(10).pow(scale)));

  for (const locale of ['en', 'es', 'ru'] as const) {
    for (const scale of [0, 2, 3]) {
      it(`${locale}, scale ${scale}`, () => {
        fc.assert(
          fc.property(amount(scale), fc.constantFrom(...CURRENCIES_BY_SCALE[scale]!), fc.boolean(), (value, currency, grouping) => {
            const expected = formatMoney(value, scale);
            const money = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency });
            expect(money.resolvedOptions().maximumFractionDigits).toBe(scale);
            const plain = new Intl.NumberFormat(TAGS[locale], {
              minimumFractionDigits: scale,
              maximumFractionDigits: scale,
              useGrouping: grouping,
            });
            // format() takes the exact decimal string (Intl.NumberFormat v3): no float on the way.
            const shown = [money.format(expected as `${number}`), plain.format(expected as `${number}`)];
            for (const text of shown) expect([text, parseLocaleNumber(text, locale, { scale })]).toEqual([text, ok(expected)]);
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});

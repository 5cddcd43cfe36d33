// An amount in words in the document's language, exactly from its decimal string (never a float):
// ru «сто пятьдесят тысяч рублей 00 копеек», es «ciento cincuenta mil pesos 00/100 M.N.». The minor
// part keeps the currency's scale (lending/currency.ts) in digits, as contracts write it.
import { currencyScale } from '../currency.js';
import { Dec } from '../decimal.js';
import { invalid } from '../errors.js';
import { ES_CURRENCIES, esAmountWords } from './es.js';
import { RU_CURRENCIES, ruAmountWords } from './ru.js';

export type WordsLanguage = 'ru' | 'es';

/** Amounts from 10^12 up are refused: no loan document needs them and the tables stop at billions. */
export const MAX_WORDS_MAJOR = 10n ** 12n;

/** Currencies spelled out in `lang`. */
export function wordsCurrencies(lang: WordsLanguage): readonly string[] {
  return Object.keys(lang === 'ru' ? RU_CURRENCIES : ES_CURRENCIES);
}

export function amountInWords(amount: string, currency: string, lang: WordsLanguage, path = 'amount'): string {
  const scale = currencyScale(currency, path);
  let value: Dec;
  try {
    value = new Dec(amount);
  } catch {
    throw invalid('NOT_A_NUMBER', path, `"${amount}" is not a number`);
  }
  if (!value.isFinite() || value.isNegative()) throw invalid('NEGATIVE_AMOUNT', path, 'An amount in words must be zero or more');
  if (value.decimalPlaces() > scale) throw invalid('TOO_MANY_DECIMALS', path, `${currency} has ${scale} decimals`);
  const fixed = value.toFixed(scale);
  const [majorText, minorDigits = ''] = fixed.split('.');
  const major = BigInt(majorText ?? '0');
  if (major >= MAX_WORDS_MAJOR) throw invalid('AMOUNT_TOO_LARGE', path, 'The amount is too large to write in words');
  if (lang === 'ru') {
    const names = RU_CURRENCIES[currency];
    if (!names) throw invalid('UNKNOWN_CURRENCY', path, `No Russian names for ${currency}`);
    return ruAmountWords(major, minorDigits, names);
  }
  const names = ES_CURRENCIES[currency];
  if (!names) throw invalid('UNKNOWN_CURRENCY', path, `No Spanish names for ${currency}`);
  return esAmountWords(major, minorDigits, names);
}

// An amount as the agent wrote it → an exact decimal. The decimal separator comes from the file's
// locale (FileLocale); it is never guessed from the text. The rules, exactly:
//
// - Spaces of any kind (space, NBSP, narrow NBSP, thin space) count as one space.
// - One currency mark may stand before or after the number: a currency symbol ("$", "₽", "€"),
//   letters ("MXN", "руб.", "р.") or letters and a symbol ("MX$"). It is ignored; the currency is the loan's.
// - A sign: "-" or "−" before the number or the currency mark, or the whole amount in parentheses
//   ("(1 500,00)", accounting style). A negative or zero amount is AMOUNT_NOT_POSITIVE.
// - The number: at most one decimal separator, digits after it. Before it, digits, optionally in
//   groups of three separated by ONE kind of group separator: space, apostrophe, or the other of
//   '.'/',' (so with ',' decimal "1.500,5" is 1500.5, with '.' decimal "1,500.50" is 1500.5).
//   Groups must be exact: the first of 1–3 digits, every later one of 3; "1,50" with '.' decimal is
//   refused, not read as 150 or 1.5.
// - Consequence of the locale rule: "1,500" with ',' decimal is 1.5, and with '.' decimal 1500.
// - ",5" is 0.5. At most 15 integer digits.
// - Decimals are counted on the value: trailing zeros say nothing ("1500,500" is 1500.5), so only
//   more significant decimals than the currency's scale are AMOUNT_SCALE.
// The result has exactly the scale's decimals ("10500.00"; "1500" in a 0-decimal currency), the
// same form lending/ formats money in.
import { Dec } from '../../../lending/decimal.js';
import { formatMoney } from '../../../lending/money.js';
import type { FileLocale } from '../types.js';

export type AmountIssueCode = 'BAD_AMOUNT' | 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_SCALE';
export type AmountResult = { amount: string } | { code: AmountIssueCode; message: string };

const MAX_AMOUNT_CHARS = 64;
const MAX_INTEGER_DIGITS = 15;
const CURRENCY = String.raw`(?:\p{L}{1,4}\.?)?\p{Sc}|\p{L}{1,4}\.?`;
const AMOUNT_RE = new RegExp(String.raw`^([-−]?) ?(${CURRENCY})? ?([-−]?) ?([0-9.,' ]+?) ?(${CURRENCY})?$`, 'u');

export function parseAmount(raw: string, locale: FileLocale, scale: number): AmountResult {
  const value = parseLocaleDecimal(raw, locale.decimalSeparator);
  if (value === null) {
    return { code: 'BAD_AMOUNT', message: `"${raw}" is not an amount written with "${locale.decimalSeparator}" as the decimal separator` };
  }
  if (value.lte(0)) return { code: 'AMOUNT_NOT_POSITIVE', message: `The amount ${raw} must be greater than zero` };
  if (value.decimalPlaces() > scale) {
    return { code: 'AMOUNT_SCALE', message: `The amount ${raw} has more than ${scale} decimals for the loan's currency` };
  }
  return { amount: formatMoney(value, scale) };
}

/** The signed exact value of an amount written in the locale, or null when it is not one. */
export function parseLocaleDecimal(raw: string, decimalSeparator: ',' | '.'): Dec | null {
  let s = raw.replace(/[\s\u00a0\u2007\u2009\u202f]+/gu, ' ').trim();
  if (s.length === 0 || s.length > MAX_AMOUNT_CHARS) return null;
  const parenthesised = s.startsWith('(') && s.endsWith(')');
  if (parenthesised) s = s.slice(1, -1).trim();
  const m = AMOUNT_RE.exec(s);
  if (m === null) return null;
  const [, signBefore, currencyBefore, signAfter, number, currencyAfter] = m;
  if (signBefore && signAfter) return null;
  if (currencyBefore && currencyAfter) return null;
  if (parenthesised && (signBefore || signAfter)) return null;
  const negative = parenthesised || Boolean(signBefore || signAfter);
  const digits = plainDigits(number!, decimalSeparator);
  if (digits === null) return null;
  const value = new Dec(digits);
  return negative ? value.negated() : value;
}

/** "10 500,00" → "10500.00" (by the rules above), or null. */
function plainDigits(number: string, decimalSeparator: ',' | '.'): string | null {
  const parts = number.split(decimalSeparator);
  if (parts.length > 2) return null;
  const [integerPart, fraction] = parts as [string, string | undefined];
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const integer = integerPart === '' && fraction !== undefined ? '0' : ungroup(integerPart, decimalSeparator === ',' ? '.' : ',');
  if (integer === null || integer.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return null;
  return fraction === undefined ? integer : `${integer}.${fraction}`;
}

function ungroup(integer: string, groupSeparator: ',' | '.'): string | null {
  if (/^\d+$/.test(integer)) return integer;
  const separator = [groupSeparator, ' ', "'"].find((sep) => integer.includes(sep));
  if (separator === undefined) return null;
  const groups = integer.split(separator);
  const [first, ...rest] = groups;
  if (!/^\d{1,3}$/.test(first!) || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

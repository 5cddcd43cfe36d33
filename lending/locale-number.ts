// A number as a person types it in their language → an exact decimal string. It lives in lending/
// because lending/ is the pure core both the server and the widgets import: the loan tab, the
// products screen and the call-script tab check what is typed with the same rules the server applies.
//
// The rules (README "Numbers typed by users"):
// - The locale's decimal separator is the decimal separator: '.' in en and es (es-MX), ',' in ru.
// - Spaces of any kind (space, U+00A0, U+202F, U+2009, U+2007) only ever group thousands.
// - The locale's group separator (',' in en/es) only groups thousands. Groups must be exact: the first
//   of 1–3 digits, every later one of 3, one kind of group separator per number.
// - The other mark ('.' in ru, ',' in en/es) is taken as the decimal separator only where nothing else
//   can be meant: it appears once, the locale's own separator does not, and it is not followed by exactly
//   three digits ("85000.50" in ru, "12,5" in es). "1.500" in ru could be 1.5 or a thousand and a half
//   written the European way: AMBIGUOUS, never guessed.
// - Money (a scale is given) with fewer than 3 decimals: the locale's decimal separator followed by
//   exactly three digits after a valid first group ("1,000" in ru, "1.000" in es-MX) is AMBIGUOUS too —
//   the app never shows such an amount, and a person who writes it most likely means a thousand. With
//   scale 3 (KWD "1 000,000") it is what the app itself shows, so it is read as decimals.
// - One currency mark before or after ("$", "MX$", "₽", "руб.", "F CFA", "KWD") is ignored — the currency
//   is the loan's; with `percent` a trailing '%' is too. So the app's own display (Intl.NumberFormat in
//   widgets/*/format.ts) reads back.
// - A leading '-' or '−' gives a negative value; callers that need a positive amount say so.
// - More significant decimals than the scale: TOO_MANY_DECIMALS (trailing zeros count for nothing).
// The result is a plain decimal string ("15000.50"; exactly `scale` decimals when a scale is given),
// never a JS number. Done on the digits as text, without decimal.js, so the settings and call-script
// bundles can take it for a few hundred bytes.

export type NumberLocale = 'en' | 'es' | 'ru';

export type NumberIssueCode = 'EMPTY' | 'NOT_A_NUMBER' | 'AMBIGUOUS_SEPARATOR' | 'BAD_GROUPING' | 'TOO_MANY_DECIMALS';

export type ParsedNumber = { ok: true; value: string } | { ok: false; code: NumberIssueCode };

export interface ParseNumberOptions {
  /** The currency's scale for money (lending/currency.ts); absent for rates and other numbers. */
  scale?: number;
  /** Accept a trailing '%' (rates). */
  percent?: boolean;
}

const MAX_CHARS = 64;
const MAX_INTEGER_DIGITS = 18;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/gu;
// A currency as Intl writes it or people type it: "$", "MX$", "₽", "MXN", "руб.", "р.", "F CFA". Only
// these shapes: a stray letter ("15000e") is a typo, not a currency.
const MARK = String.raw`[A-Za-z]{3}|\p{Lu}{1,2}\p{Sc}|\p{Sc}|руб\.?|р\.|F CFA`;
const SHAPE = new RegExp(String.raw`^([-−])? ?(?:(${MARK}) ?)?([-−])?([0-9][0-9 .,]*|[.,][0-9]+)(?: ?(${MARK}|%))?$`, 'u');
const FIRST_GROUP = /^[1-9]\d{0,2}$/;

/** "en-US", "es-MX", "ru" … → the locale whose conventions apply; en for anything else. */
export function numberLocaleOf(tag: string | null | undefined): NumberLocale {
  const lang = (tag ?? '').slice(0, 2).toLowerCase();
  return lang === 'ru' ? 'ru' : lang === 'es' ? 'es' : 'en';
}

export function parseLocaleNumber(raw: string, locale: NumberLocale, opts: ParseNumberOptions = {}): ParsedNumber {
  const s = raw.replace(SPACES, ' ').trim();
  if (s === '') return { ok: false, code: 'EMPTY' };
  if (s.length > MAX_CHARS) return { ok: false, code: 'NOT_A_NUMBER' };
  const m = SHAPE.exec(s);
  if (m === null) return { ok: false, code: 'NOT_A_NUMBER' };
  const [, signBefore, before, signAfter, body, after] = m;
  if ((signBefore && signAfter) || (before && after) || (after === '%' && !opts.percent)) return { ok: false, code: 'NOT_A_NUMBER' };
  const digits = plainDigits(body!.trimEnd(), locale, opts.scale);
  if (!digits.ok) return digits;
  return canonical(digits.value, Boolean(signBefore ?? signAfter), opts.scale);
}

/** "0015000.500" → "15000.5", or with scale 2 "15000.50"; decimals beyond the scale that are not zeros refuse. */
function canonical(plain: string, negative: boolean, scale: number | undefined): ParsedNumber {
  const [integer = '0', fraction = ''] = plain.split('.');
  const significant = fraction.replace(/0+$/, '');
  if (scale !== undefined && significant.length > scale) return { ok: false, code: 'TOO_MANY_DECIMALS' };
  const decimals = scale === undefined ? significant : significant.padEnd(scale, '0');
  const whole = integer.replace(/^0+(?=\d)/, '');
  const zero = /^0$/.test(whole) && significant === '';
  return { ok: true, value: `${negative && !zero ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}` };
}

/** The number part ("15 000,50") → "15000.50" by the rules above. */
function plainDigits(body: string, locale: NumberLocale, scale: number | undefined): ParsedNumber {
  const own = locale === 'ru' ? ',' : '.';
  const other = own === ',' ? '.' : ',';
  const ownCount = body.split(own).length - 1;
  const otherCount = body.split(other).length - 1;
  if (ownCount > 1) return { ok: false, code: 'NOT_A_NUMBER' };
  let decimal: string | null = ownCount === 1 ? own : null;
  if (decimal === null && otherCount === 1) {
    const tail = body.slice(body.indexOf(other) + 1);
    const head = body.slice(0, body.indexOf(other));
    if (/^\d{3}$/.test(tail)) {
      // No group ends after "0" or "12345": then it is the decimal ("0,125" in es). Otherwise a group
      // in en/es ("15,000"); in ru a European thousand or a decimal — not ours to guess.
      if (/^\d+$/.test(head) && !FIRST_GROUP.test(head)) decimal = other;
      else if (locale === 'ru') return { ok: false, code: 'AMBIGUOUS_SEPARATOR' };
    } else if (/^\d+$/.test(tail)) decimal = other;
  }
  const [integerPart, fraction] = decimal === null ? [body, undefined] : splitOnce(body, decimal);
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, code: 'NOT_A_NUMBER' };
  if (decimal === own && fraction?.length === 3 && scale !== undefined && scale < 3 && FIRST_GROUP.test(integerPart)) {
    return { ok: false, code: 'AMBIGUOUS_SEPARATOR' };
  }
  const integer: ParsedNumber = integerPart === '' ? { ok: true, value: '0' } : ungroup(integerPart, locale);
  if (!integer.ok) return integer;
  if (integer.value.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return { ok: false, code: 'NOT_A_NUMBER' };
  return { ok: true, value: fraction === undefined ? integer.value : `${integer.value}.${fraction}` };
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** "15,000" / "15 000" → "15000"; groups must be exact and of one kind. */
function ungroup(integer: string, locale: NumberLocale): ParsedNumber {
  if (/^\d+$/.test(integer)) return { ok: true, value: integer };
  const separators = locale === 'ru' ? [' '] : [',', ' '];
  const used = separators.filter((sep) => integer.includes(sep));
  if (used.length !== 1 || /[.,]/.test(integer.replaceAll(used[0]!, ''))) {
    return { ok: false, code: used.length === 0 ? 'NOT_A_NUMBER' : 'BAD_GROUPING' };
  }
  const [first, ...rest] = integer.split(used[0]!);
  if (!/^\d{1,3}$/.test(first!) || !rest.every((g) => /^\d{3}$/.test(g))) return { ok: false, code: 'BAD_GROUPING' };
  return { ok: true, value: [first, ...rest].join('') };
}

/** A decimal string ("15000.50") as a person of the locale would type it ("15000,50" in ru), to fill a field. */
export function typedFromDecimal(value: string, locale: NumberLocale): string {
  return locale === 'ru' ? value.replace('.', ',') : value;
}

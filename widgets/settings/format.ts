// Decimal strings from the API shown the way the user's language writes numbers (1 000,5 in ru,
// 1,000.5 in en) without passing through a float: the integer part is grouped as a BigInt and the
// fraction is kept digit for digit.
import { LOCALE_OF } from '../shared/locale.js';

export type FormatDecimal = (value: string) => string;

/**
 * The locale a language's numbers and dates are written in. Our Spanish users are Mexican: es alone
 * is Spain's "50.000", which the es-MX parser (lending/locale-number.ts) rightly refuses as
 * ambiguous when it is typed back.
 */
export function formatLocale(lang: string): string {
  const l = lang.slice(0, 2).toLowerCase();
  // One table for every widget (widgets/shared/locale.ts); a language we have no texts for keeps its own.
  return l === 'es' || l === 'ru' || l === 'en' ? LOCALE_OF[l] : lang;
}

export function decimalFormatter(lang: string): FormatDecimal {
  const nf = new Intl.NumberFormat(formatLocale(lang));
  const sep = nf.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return (value) => {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
    if (!m) return value;
    const int = nf.format(BigInt(m[1]!));
    return m[2] ? `${int}${sep}${m[2]}` : int;
  };
}

/**
 * A money amount with its currency's scale ("150 000,50", "3,000.00"): the stored "150000.5" must
 * not read as one decimal. A product for any currency (null) shows cents, as MXN and RUB have.
 */
export function moneyFormatter(fmt: FormatDecimal): (value: string, scale: number) => string {
  return (value, scale) => {
    const m = /^(\d+)(?:\.(\d*))?$/.exec(value);
    if (!m || scale <= 0) return fmt(value);
    return fmt(`${m[1]}.${(m[2] ?? '').padEnd(scale, '0')}`);
  };
}

export type FormatDate = (iso: string) => string;

/**
 * ISO days ("2026-03-15") in the locale's numeric order (15/03/2026 es-MX, 15.03.2026 ru-RU) and
 * ISO instants as that day and the local time. A day is formatted in UTC so it never shifts.
 */
export function dateFormatters(locale: string): { day: FormatDate; instant: FormatDate } {
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  const instant = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return {
    day: (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? day.format(new Date(`${iso}T00:00:00Z`)) : iso),
    instant: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : instant.format(d);
    },
  };
}

// Number and date formatting for the user's language and the deal's currency. Intl formatters are
// built once per (lang, currency) — constructing them is the slow part.
import { LOCALE_OF as LOCALE } from '../shared/locale.js';
import type { Lang } from './i18n.js';

export interface Formatters {
  money: (amount: string) => string;
  number: (amount: string) => string;
  percent: (value: string) => string;
  date: (iso: string) => string;
}

export function formatters(lang: Lang, currency: string): Formatters {
  const locale = LOCALE[lang];
  let moneyFmt: Intl.NumberFormat;
  try {
    moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    moneyFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const digits = moneyFmt.resolvedOptions().maximumFractionDigits ?? 2;
  const numFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pctFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 3 });
  const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  // Due dates repeat from one recompute to the next (a rate change keeps them all): format each once.
  const dates = new Map<string, string>();
  // Amounts arrive as exact decimal strings; Number() here is for display only, never for arithmetic.
  return {
    money: (a) => moneyFmt.format(Number(a)),
    number: (a) => numFmt.format(Number(a)),
    percent: (v) => `${pctFmt.format(Number(v))} %`,
    date: (iso) => {
      let s = dates.get(iso);
      if (s === undefined) {
        s = dateFmt.format(new Date(`${iso}T00:00:00Z`));
        dates.set(iso, s);
      }
      return s;
    },
  };
}

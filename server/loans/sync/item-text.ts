// What the schedule items and the deal say in words, in the portal's language: the same status words,
// dates and money formats the loan tab shows (its dictionaries and formatters), so a manager reading
// the CRM item and the tab reads the same thing.
import en from '../../../widgets/loan-tab/i18n/en.js';
import es from '../../../widgets/loan-tab/i18n/es.js';
import ru from '../../../widgets/loan-tab/i18n/ru.js';
import { formatters, type Formatters } from '../../../widgets/loan-tab/format.js';
import { toLang, type Lang } from '../../../widgets/loan-tab/i18n.js';
import type { InstallmentStatusWord, LoanStatusWord } from '../../../lending/index.js';

export type PortalLang = Lang;

const DICTS = { en, es, ru } as const;

/** The portal's LANGUAGE_ID (app.info) as one of the languages the app speaks; English otherwise. */
export function portalLang(languageId: string | null | undefined): PortalLang {
  return toLang(languageId);
}

export function statusText(status: InstallmentStatusWord, lang: PortalLang): string {
  return DICTS[lang][`status.${status}`];
}

export function loanStatusText(status: LoanStatusWord, lang: PortalLang): string {
  return DICTS[lang][`loanStatus.${status}`];
}

// Formatters are costly to build: one per (language, currency), kept for the process (bounded by
// 3 languages × the currencies in use).
const cache = new Map<string, Formatters>();

export function formatFor(lang: PortalLang, currency: string): Formatters {
  const key = `${lang}|${currency}`;
  let f = cache.get(key);
  if (!f) {
    if (cache.size > 500) cache.clear();
    f = formatters(lang, currency);
    cache.set(key, f);
  }
  return f;
}

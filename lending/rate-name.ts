// Which effective rate a loan discloses and what it is called, by jurisdiction: Mexico's CAT
// (Banxico), Russia's ПСК (353-FZ), elsewhere the effective annual rate (XIRR). One rule for the
// loan tab, the calculator and the server's texts, so a RUB loan is never "CAT" in one place and
// "ПСК" in another. The profile (the loan's law) wins over the currency: a RU-MFO loan in USD still
// discloses ПСК. Pure and tiny: widget bundles import this file alone.

export type RateKind = 'cat' | 'psk' | 'apr';
export type RateLang = 'en' | 'es' | 'ru';

/** The rate a loan discloses: by its regulatory profile when it has one, else by its currency. */
export function rateKindOf(loan: { currency: string; profile?: string | null | undefined }): RateKind {
  const profile = loan.profile ?? '';
  if (profile === 'MX' || profile.startsWith('MX-')) return 'cat';
  if (profile === 'RU' || profile.startsWith('RU-')) return 'psk';
  if (loan.currency === 'MXN') return 'cat';
  if (loan.currency === 'RUB') return 'psk';
  return 'apr';
}

// The statutory abbreviation stays in the original script (the law's own name a borrower looks
// for in the contract); the words around it are the reader's language.
const NAMES: Record<RateLang, Record<RateKind, string>> = {
  en: { cat: 'Total annual cost (CAT)', psk: 'Full cost of credit (ПСК)', apr: 'Effective annual rate (APR)' },
  es: { cat: 'Costo Anual Total (CAT)', psk: 'Costo total del crédito (ПСК)', apr: 'Tasa efectiva anual' },
  ru: { cat: 'Совокупная годовая стоимость (CAT)', psk: 'Полная стоимость кредита (ПСК)', apr: 'Эффективная годовая ставка' },
};

/** The rate's name in the reader's language. */
export function rateNameOf(kind: RateKind, lang: RateLang): string {
  return NAMES[lang][kind];
}

/** Which field of the core's effective rates (lending/schedule-json.ts) holds the kind's value. */
export function rateFieldOf(kind: RateKind): 'cat' | 'psk' | 'xirr' {
  return kind === 'apr' ? 'xirr' : kind;
}

// Which banks the Packs section pre-ticks on a deal. A bank names the deals it takes applications for
// by their currency (wire/documents.ts `dealCurrencies`, as a catalog field does): a peso deal pre-ticked
// "Банк Восток" before, and a Generate click sent a Russian questionnaire with a Mexican client's data.
// A bank this deal already chose stays ticked whatever its currencies: one with an override stored for
// this deal, or one a pack of this deal was made for. Every bank stays listed, to tick by hand.
import type { PackView } from '../../wire/document-packs.js';
import type { ValuesView } from '../../wire/documents.js';

type Bank = Pick<ValuesView['banks'][number], 'bankId' | 'values' | 'dealCurrencies'>;

/** The banks a pack of this deal was made for. */
export function packedBankIds(packs: readonly Pick<PackView, 'documents'>[] | null): Set<string> {
  return new Set((packs ?? []).flatMap((p) => p.documents.flatMap((d) => (d.bankId === null ? [] : [d.bankId]))));
}

/** The pre-ticked banks, in the directory's order. */
export function preselectedBanks(banks: readonly Bank[], dealCurrency: string, packed: ReadonlySet<string>): string[] {
  const fits = (b: Bank) => !b.dealCurrencies || b.dealCurrencies.includes(dealCurrency);
  const chosen = (b: Bank) => packed.has(b.bankId) || b.values.some((v) => v.source === 'override');
  return banks.filter((b) => fits(b) || chosen(b)).map((b) => b.bankId);
}

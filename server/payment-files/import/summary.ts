import Decimal from 'decimal.js';
import { currencyScale } from '../../../lending/currency.js';

/** Sum of amounts per currency, each in its currency's scale ("1500.50"); decimal strings only. */
export function totalsByCurrency(lines: readonly { currency: string; amount: string }[]): Record<string, string> {
  const sums = new Map<string, Decimal>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? new Decimal(0)).add(l.amount));
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([c, d]) => [c, d.toFixed(currencyScale(c))]));
}

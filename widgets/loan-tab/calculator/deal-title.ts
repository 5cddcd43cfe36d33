// The new deal's title as the manager would write it: the loan word of their language, the amount
// formatted in their locale and currency (widgets/loan-tab/format.ts), and the client's name.
import type { Formatters } from '../format.js';

export function dealTitle(word: string, fmt: Pick<Formatters, 'money'>, amount: string, clientName: string): string {
  const name = clientName.trim();
  return name ? `${word} ${fmt.money(amount)} · ${name}` : `${word} ${fmt.money(amount)}`;
}

import { Decimal } from 'decimal.js';
import { currencyScale } from '../../../lending/currency.js';
import { formatMoney } from '../../../lending/money.js';
import { BANK_DECISION, type NoticeLang, type NoticeText, type NoticeVars } from '../../../templates/mail/bank-decision.js';

// The client's SMS and e-mail for an applied decision, from templates/mail/bank-decision.ts. Pure.
// The amount is exact (decimal.js, the currency's scale from lending/currency.ts) and written the
// way the client's language writes money: "1 500 000,00 RUB", "150,000.00 MXN".

const SEPARATORS: Record<NoticeLang, { group: string; decimal: string }> = {
  ru: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
  es: { group: ',', decimal: '.' },
};

export function formatAmount(amount: string, currency: string, lang: NoticeLang): string {
  const fixed = formatMoney(new Decimal(amount), currencyScale(currency));
  const [whole, frac] = fixed.split('.') as [string, string | undefined];
  const { group, decimal } = SEPARATORS[lang];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${frac ? decimal + frac : ''}\u00a0${currency}`;
}

export function clientNotice(
  lang: NoticeLang,
  decision: 'approved' | 'counter-offer',
  v: Omit<NoticeVars, 'amount'> & { amount: string; currency: string },
): NoticeText {
  return BANK_DECISION[lang][decision]({ ...v, amount: formatAmount(v.amount, v.currency, lang) });
}

import { formatSmsAmount } from '../../integrations/sms/templates/variables.js';
import type { ScriptLang } from './language.js';

const LOCALE: Record<ScriptLang, string> = { es: 'es-MX', ru: 'ru-RU', en: 'en-US' };
const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction']);

/**
 * An amount as the collector reads it out, the way the Loan tab shows it (widgets/loan-tab/format.ts):
 * the currency's symbol where the language puts it ("45 000,00 ₽", "$2,030.86") — not "RUB". The
 * digits come from the exact decimal string (no float), Intl gives only the symbol and its place;
 * every space is a no-break space, so a narrow screen never wraps inside the number ("45 / 000,00").
 */
export function spokenMoney(amount: string, currency: string, lang: ScriptLang, scale: number): string {
  const digits = formatSmsAmount(amount, lang, scale);
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).formatToParts(0);
  } catch {
    // Not an ISO currency Intl knows: its code after the number.
    return nbsp(currency ? `${digits} ${currency}` : digits);
  }
  const first = parts.findIndex((p) => NUMBER_PARTS.has(p.type));
  const last = parts.length - 1 - [...parts].reverse().findIndex((p) => NUMBER_PARTS.has(p.type));
  const text = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join('');
  return nbsp(`${text(parts.slice(0, first))}${digits}${text(parts.slice(last + 1))}`);
}

function nbsp(s: string): string {
  return s.replace(/[\s\u202f]/g, '\u00a0');
}

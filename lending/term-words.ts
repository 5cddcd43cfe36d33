// A loan's length as people say it — "12 meses", "24 месяца", "26 weeks": the number of payments
// times their period, with the language's plural (Intl.PluralRules). Pure; shared by the call
// script's variables and the messages to banks so both say a term the same way.
import type { FrequencyUnit } from './types.js';

export type TermLanguage = 'en' | 'es' | 'ru';

const UNIT_WORDS: Record<TermLanguage, Record<FrequencyUnit, Partial<Record<Intl.LDMLPluralRule, string>>>> = {
  en: { day: { one: 'day', other: 'days' }, week: { one: 'week', other: 'weeks' }, month: { one: 'month', other: 'months' } },
  es: { day: { one: 'día', other: 'días' }, week: { one: 'semana', other: 'semanas' }, month: { one: 'mes', other: 'meses' } },
  ru: {
    day: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
    week: { one: 'неделю', few: 'недели', many: 'недель', other: 'недели' },
    month: { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' },
  },
};
const LOCALE: Record<TermLanguage, string> = { en: 'en-US', es: 'es-MX', ru: 'ru-RU' };

export function termInWords(payments: number, frequency: { unit: FrequencyUnit; every?: number }, lang: TermLanguage): string {
  const n = payments * Math.max(1, frequency.every ?? 1);
  const words = UNIT_WORDS[lang][frequency.unit];
  return `${n} ${words[new Intl.PluralRules(LOCALE[lang]).select(n)] ?? words.other ?? ''}`;
}

// Dictionaries for the tab, one chunk per language: a user downloads only the language LANG asks
// for (ru/en/es; anything else falls back to English).
import type { Dict, Key } from './i18n/en.js';

export type Lang = 'en' | 'ru' | 'es';
export type { Key };

export function toLang(raw: string | null | undefined): Lang {
  const l = (raw ?? '').slice(0, 2).toLowerCase();
  // Bitrix24 calls its Latin-American Spanish interface 'la': our Spanish.
  if (l === 'la') return 'es';
  return l === 'ru' || l === 'es' ? l : 'en';
}

export type Translate = ((key: Key) => string) & { has(key: string): key is Key };

export function translatorFrom(d: Dict): Translate {
  return Object.assign((key: Key) => d[key], { has: (key: string): key is Key => key in d });
}

export async function loadTranslator(lang: Lang): Promise<Translate> {
  const mod = lang === 'ru' ? await import('./i18n/ru.js') : lang === 'es' ? await import('./i18n/es.js') : await import('./i18n/en.js');
  return translatorFrom(mod.default);
}

export function errorText(t: Translate, code: string): string {
  const key = `err.${code}`;
  return t.has(key) ? t(key) : t('err.UNKNOWN');
}

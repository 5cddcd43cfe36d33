import { languageFor } from '../sms-templates.js';

// Which language a call script is read in. The collector reads it aloud to the client, so the
// deal's (client's) language wins: the contact's phone country first (+52 es, +7 ru, as SMS does),
// then the deal's currency (MXN es, RUB/KZT ru). Only when the deal says nothing does the user's
// own language decide — Bitrix24 sends it as LANG with the placement POST, "the user interface
// language of Bitrix24 that invoked the widget" (doc: api-reference/widgets/_includes/widget_data.md,
// included by api-reference/widgets/crm/detail-tab.md) — and, for the to-do and the timeline comment
// written without a user, the portal's language from the app settings.

export type ScriptLang = 'es' | 'ru' | 'en';
export const SCRIPT_LANGS: readonly ScriptLang[] = ['es', 'ru', 'en'];

const BY_CURRENCY: Readonly<Record<string, ScriptLang>> = { MXN: 'es', RUB: 'ru', KZT: 'ru' };

export function asScriptLang(v: unknown): ScriptLang | undefined {
  const code = typeof v === 'string' ? v.slice(0, 2).toLowerCase() : '';
  return (SCRIPT_LANGS as readonly string[]).includes(code) ? (code as ScriptLang) : undefined;
}

/** The deal's language, or undefined when neither the phone nor the currency tells. */
export function dealLanguage(phone: string | null, currency: string): ScriptLang | undefined {
  const byPhone = phone ? languageFor(phone.replace(/[\s()-]/g, '')) : 'en';
  if (phone && byPhone !== 'en') return byPhone;
  return BY_CURRENCY[currency.toUpperCase()];
}

/** The deal's language when known (`fromDeal`), else the fallback's, else English. */
export function chooseLanguage(deal: ScriptLang | undefined, fallback: unknown): { lang: ScriptLang; fromDeal: boolean } {
  if (deal) return { lang: deal, fromDeal: true };
  return { lang: asScriptLang(fallback) ?? 'en', fromDeal: false };
}

// The Intl locale each widget language formats numbers and dates in: our Spanish-speaking users
// are Mexican lenders (1,500.50 and 31/12/2026), not Spain's (1.500,50); Russian is ru-RU.
export type WidgetLang = 'en' | 'ru' | 'es';

export const LOCALE_OF: Record<WidgetLang, string> = { en: 'en-US', ru: 'ru-RU', es: 'es-MX' };

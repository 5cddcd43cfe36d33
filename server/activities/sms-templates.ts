// Which language an SMS of the send_sms robot is written in. The texts themselves are the catalogue
// of templates/sms/ (sms-catalogue.ts).

export type SmsLanguage = 'es' | 'ru' | 'en';

/** es for Mexico (+52), ru for Russia/Kazakhstan (+7), else the portal's language or en. */
export function languageFor(phone: string, fallback?: string): SmsLanguage {
  if (phone.startsWith('+52')) return 'es';
  if (phone.startsWith('+7')) return 'ru';
  return fallback === 'es' || fallback === 'ru' ? fallback : 'en';
}

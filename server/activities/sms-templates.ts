import { AppError } from '../errors.js';

// SMS texts for the send_sms activity. ADAPTER: templates/sms/ (per language, with sample data) is
// being written by the integrations helper; until its renderer lands these built-in texts stand in,
// with the same {variable} placeholders. Unknown placeholders are an error, never sent as typed.

export type SmsLanguage = 'es' | 'ru' | 'en';

const TEMPLATES: Record<string, Record<SmsLanguage, string>> = {
  payment_reminder: {
    es: 'Hola {name}, le recordamos que su próximo pago de {amount} {currency} vence el {dueDate}. Saldo: {balance} {currency}.',
    ru: 'Здравствуйте, {name}! Напоминаем: следующий платёж {amount} {currency} нужно внести до {dueDate}. Остаток долга: {balance} {currency}.',
    en: 'Hello {name}, your next payment of {amount} {currency} is due on {dueDate}. Balance: {balance} {currency}.',
  },
  payment_overdue: {
    es: '{name}, su pago está vencido por {daysOverdue} días. Pague {amount} {currency} para evitar cargos adicionales.',
    ru: '{name}, ваш платёж просрочен на {daysOverdue} дн. Внесите {amount} {currency}, чтобы избежать штрафов.',
    en: '{name}, your payment is {daysOverdue} days overdue. Please pay {amount} {currency} to avoid further charges.',
  },
  loan_issued: {
    es: '{name}, su préstamo de {principal} {currency} fue desembolsado. Primer pago: {amount} {currency} el {dueDate}.',
    ru: '{name}, заём {principal} {currency} выдан. Первый платёж: {amount} {currency} до {dueDate}.',
    en: '{name}, your loan of {principal} {currency} has been paid out. First payment: {amount} {currency} on {dueDate}.',
  },
};

export function templateCodes(): string[] {
  return Object.keys(TEMPLATES);
}

/** es for Mexico (+52), ru for Russia/Kazakhstan (+7), else the portal's language or en. */
export function languageFor(phone: string, fallback?: string): SmsLanguage {
  if (phone.startsWith('+52')) return 'es';
  if (phone.startsWith('+7')) return 'ru';
  return fallback === 'es' || fallback === 'ru' ? fallback : 'en';
}

/** `text` given directly wins over a template code (free text from the workflow designer). */
export function renderSms(template: string, language: SmsLanguage, vars: Record<string, string>): string {
  const source = TEMPLATES[template]?.[language] ?? (TEMPLATES[template] ? undefined : template);
  if (source === undefined)
    throw new AppError(
      'SMS_TEMPLATE_MISSING',
      `no ${language} text for template ${template}`,
      `The SMS template ${template} has no ${language} text.`,
      undefined,
      422,
    );
  return source.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined)
      throw new AppError(
        'SMS_TEMPLATE_VARIABLE',
        `template ${template}: unknown variable ${name}`,
        `The SMS template uses an unknown variable {${name}}.`,
        undefined,
        422,
      );
    return v;
  });
}

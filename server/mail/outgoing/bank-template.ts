import { AppError, type Lang } from '../../errors.js';
import { formatValue } from '../../documents/docx/format-value.js';
import { termInWords } from '../../../lending/term-words.js';

// A bank's message template (issue 16 item 2) and its rendering, pure. A template is kept with the
// bank in the banks directory, in the bank's language (a Mexican bank reads Spanish whatever the
// manager's interface says); a bank without one gets the default of that language. `{{name}}`
// placeholders, as in our SMS templates, replaced in one pass so a value holding "{{x}}" is never
// expanded. The subject names the deal number the way the reply matcher reads it back
// (server/mail/parse/deal-number.ts: "#456", "№456").

/** A bank's language with its own texts, each absent one the language's default: `{ lang: 'es' }` alone
 *  is how an admin picks the bank's language without writing a message (the user trial: it was dropped). */
export interface BankMessageTemplate {
  lang: Lang;
  subject?: string;
  body?: string;
  /** The text of an SMS to the bank's staff; absent: the language's default. */
  sms?: string;
}

/** What a template may name; anything else is refused when the template is saved. */
export const BANK_TEMPLATE_PLACEHOLDERS = ['deal', 'dealTitle', 'client', 'bank', 'amount', 'term', 'manager'] as const;
export type BankTemplatePlaceholder = (typeof BANK_TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export const DEFAULT_BANK_TEMPLATES: Readonly<Record<Lang, Required<Omit<BankMessageTemplate, 'lang'>>>> = {
  en: {
    subject: 'Deal #{{deal}}: loan application, {{client}}',
    body:
      'Dear {{bank}} team,\n\nPlease find attached the loan application of {{client}}: {{amount}} for {{term}}.\n' +
      'We look forward to your decision; reply to this e-mail.\n\nKind regards,\n{{manager}}',
    sms: 'Deal #{{deal}}: application of {{client}}, {{amount}} for {{term}}, sent by e-mail. {{manager}}',
  },
  ru: {
    subject: 'Сделка №{{deal}}: заявка на кредит, {{client}}',
    body:
      'Уважаемые коллеги из {{bank}}!\n\nНаправляем заявку на кредит клиента {{client}}: {{amount}} на {{term}}.\n' +
      'Просим сообщить решение ответом на это письмо.\n\nС уважением,\n{{manager}}',
    sms: 'Сделка №{{deal}}: заявка {{client}}, {{amount}} на {{term}}, отправлена по почте. {{manager}}',
  },
  es: {
    subject: 'Solicitud #{{deal}}: crédito para {{client}}',
    body:
      'Estimado equipo de {{bank}}:\n\nLes enviamos la solicitud de crédito de {{client}}: {{amount}} a {{term}}.\n' +
      'Quedamos atentos a su decisión; respondan a este correo.\n\nSaludos cordiales,\n{{manager}}',
    sms: 'Solicitud #{{deal}}: {{client}}, {{amount}} a {{term}}, enviada por correo. {{manager}}',
  },
};

/** Placeholders a template names that are not ours, each once, in order of appearance. */
export function unknownPlaceholders(t: Pick<BankMessageTemplate, 'subject' | 'body' | 'sms'>): string[] {
  const names = [t.subject ?? '', t.body ?? '', t.sms ?? ''].flatMap((s) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
  return [...new Set(names)].filter((n) => !(BANK_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n));
}

/** Refuses a template with a placeholder we do not fill (on save, before anything is stored). */
export function checkBankTemplate(t: Pick<BankMessageTemplate, 'subject' | 'body' | 'sms'> | null | undefined): void {
  if (!t) return;
  const parts = [
    ['subject', t.subject ?? ''],
    ['body', t.body ?? ''],
    ['sms', t.sms ?? ''],
  ] as const;
  const [field, unknown] =
    parts.map(([f, text]) => [f, unknownPlaceholders({ subject: text, body: '' })] as const).find(([, u]) => u.length > 0) ?? [];
  if (!field || !unknown) return;
  throw new AppError(
    'BANK_TEMPLATE_PLACEHOLDER',
    `unknown placeholder in a bank template`,
    {
      key: 'BANK_TEMPLATE_PLACEHOLDER',
      params: { name: unknown[0] ?? '', known: BANK_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') },
    },
    { field: `messageTemplate.${field}`, unknown },
  );
}

/** The loan saved on the deal: its principal and currency, and its number of payments and their period. */
export interface TemplateLoan {
  /** A decimal string in the currency's scale, never a float. */
  principal: string;
  currency: string;
  installments: number;
  frequency: { unit: 'day' | 'week' | 'month'; every: number };
}

export interface TemplateFacts {
  dealId: number;
  dealTitle: string;
  client: string;
  bank: string;
  manager: string;
  loan: TemplateLoan | null;
}

export interface RenderedBankMessage {
  lang: Lang;
  subject: string;
  text: string;
  sms: string;
  /** Placeholders without a value (no loan saved yet, no client): rendered empty, for the user to fill in. */
  missing: BankTemplatePlaceholder[];
}

/** "12 months", "12 месяцев", "26 semanas": the number of payments times their period. */
export function termText(loan: Pick<TemplateLoan, 'installments' | 'frequency'>, lang: Lang): string {
  return termInWords(loan.installments, loan.frequency, lang);
}

/** The amount in the template's language and the loan's currency ("$150,000.00", "150 000,00 ₽"). */
export function amountText(loan: Pick<TemplateLoan, 'principal' | 'currency'>, lang: Lang): string {
  return formatValue({ code: 'amount', type: 'money' }, { amount: loan.principal, currency: loan.currency }, undefined, lang);
}

export function renderBankMessage(template: BankMessageTemplate | null, fallbackLang: Lang, facts: TemplateFacts): RenderedBankMessage {
  const lang = template?.lang ?? fallbackLang;
  const d = DEFAULT_BANK_TEMPLATES[lang];
  const t = { subject: template?.subject ?? d.subject, body: template?.body ?? d.body, sms: template?.sms ?? d.sms };
  const values: Record<BankTemplatePlaceholder, string> = {
    deal: String(facts.dealId),
    dealTitle: facts.dealTitle.trim(),
    client: facts.client.trim(),
    bank: facts.bank.trim(),
    manager: facts.manager.trim(),
    amount: facts.loan ? amountText(facts.loan, lang) : '',
    term: facts.loan && facts.loan.installments > 0 ? termText(facts.loan, lang) : '',
  };
  const missing = new Set<BankTemplatePlaceholder>();
  const fill = (s: string) =>
    s.replace(PLACEHOLDER, (whole, name: string) => {
      if (!(name in values)) return whole;
      const v = values[name as BankTemplatePlaceholder];
      if (v === '') missing.add(name as BankTemplatePlaceholder);
      return v;
    });
  const subject = fill(t.subject).replace(/\s+/g, ' ').trim();
  const text = fill(t.body);
  const sms = fill(t.sms);
  return { lang, subject, text, sms, missing: [...missing] };
}

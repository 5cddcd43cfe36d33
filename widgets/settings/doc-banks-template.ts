// A bank's own message (issue 16 item 2: subject, body and SMS in the bank's language) as the admin
// types it in the bank's form, and back. All three left empty means the app's default message of that
// language (server/mail/outgoing/bank-template.ts DEFAULT_BANK_TEMPLATES): the body then says only
// `{ lang }`, so the language the form shows is the one saved (a user trial found a language picked
// without texts silently dropped, and the bank written to in the sender's language). A placeholder the
// server does not fill is refused beside its input first.

export const TEMPLATE_LANGS = ['es', 'ru', 'en'] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];

/** server/mail/outgoing/bank-template.ts BANK_TEMPLATE_PLACEHOLDERS (doc-banks-template.test.ts keeps them equal). */
export const TEMPLATE_PLACEHOLDERS = ['deal', 'dealTitle', 'client', 'bank', 'amount', 'term', 'manager'] as const;

/** wire/documents.ts BankMessageTemplate: a text left out is the language's default. */
export interface MessageTemplate {
  lang: TemplateLang;
  subject?: string;
  body?: string;
  sms?: string;
}

export interface TemplateForm {
  lang: TemplateLang;
  subject: string;
  body: string;
  sms: string;
}

export type TemplateKey = 'subject' | 'body' | 'sms';
export type TemplateErrors = Partial<Record<TemplateKey, { problem: 'required' | 'placeholder' | 'tooLong'; entry?: string }>>;

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/gu;
const MAX: Record<TemplateKey, number> = { subject: 200, body: 20_000, sms: 1_000 };

export function templateFormOf(t: MessageTemplate | null | undefined, lang: TemplateLang): TemplateForm {
  return t ? { lang: t.lang, subject: t.subject ?? '', body: t.body ?? '', sms: t.sms ?? '' } : { lang, subject: '', body: '', sms: '' };
}

const unknownIn = (text: string): string | undefined =>
  [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').find((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n));

export function templateOf(form: TemplateForm): { value: MessageTemplate } | { errors: TemplateErrors } {
  const subject = form.subject.trim();
  const body = form.body.trim();
  const sms = form.sms.trim();
  if (!subject && !body && !sms) return { value: { lang: form.lang } };
  const errors: TemplateErrors = {};
  for (const [k, text] of [
    ['subject', subject],
    ['body', body],
    ['sms', sms],
  ] as const) {
    const unknown = unknownIn(text);
    if (text.length > MAX[k]) errors[k] = { problem: 'tooLong' };
    else if (unknown !== undefined) errors[k] = { problem: 'placeholder', entry: `{{${unknown}}}` };
  }
  if (!subject) errors.subject = { problem: 'required' };
  if (!body) errors.body = { problem: 'required' };
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { lang: form.lang, subject, body, ...(sms ? { sms } : {}) } };
}

/** The server's BANK_TEMPLATE_PLACEHOLDER `details.field` ("messageTemplate.body") and `unknown` as the input's error. */
export function templateErrorsOfRefusal(details: Record<string, unknown>): TemplateErrors | null {
  const field = typeof details.field === 'string' ? details.field.replace(/^messageTemplate\./u, '') : '';
  if (field !== 'subject' && field !== 'body' && field !== 'sms') return null;
  const unknown = Array.isArray(details.unknown) && typeof details.unknown[0] === 'string' ? details.unknown[0] : '';
  return { [field]: { problem: 'placeholder', entry: `{{${unknown}}}` } };
}

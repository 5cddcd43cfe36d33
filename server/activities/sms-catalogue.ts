import { AppError } from '../errors.js';
import { loadSmsTemplates, type SmsLang, type SmsTemplate } from '../integrations/sms/templates/index.js';

// The one catalogue of SMS templates the Send SMS robot offers: templates/sms/<lang>/<id>.json, one
// entry per id (its title in each language is the option's label). The old built-in codes
// (payment_reminder, payment_overdue, loan_issued) were a second catalogue with the same meanings;
// robots already configured with them keep working through LEGACY_CODES.

export const LEGACY_CODES: Readonly<Record<string, string>> = {
  payment_reminder: 'payment-reminder',
  payment_overdue: 'overdue-notice',
  loan_issued: 'payout-done',
};

export interface CatalogueEntry {
  id: string;
  /** Title per language the template is written in. */
  titles: Partial<Record<SmsLang, string>>;
  /** Written to remind of an installment (`"reminder": true` in its files). */
  reminder: boolean;
}

let cache: SmsTemplate[] | undefined;
function files(): SmsTemplate[] {
  cache ??= loadSmsTemplates();
  return cache;
}

export function smsCatalogue(): CatalogueEntry[] {
  const byId = new Map<string, CatalogueEntry>();
  for (const t of files()) {
    const e = byId.get(t.id) ?? { id: t.id, titles: {}, reminder: false };
    e.titles[t.lang] = t.title;
    e.reminder ||= t.reminder === true;
    byId.set(t.id, e);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * What a reminder rule may send (issue 14): the templates written about an installment due or overdue.
 * An approval or a "payout done" text sent by a reminder rule would tell a debtor something false.
 */
export function reminderCatalogue(): CatalogueEntry[] {
  return smsCatalogue().filter((t) => t.reminder);
}

/** The template file for a robot's template code in the SMS's language; a clear 422 when there is none. */
export function catalogueTemplate(code: string, lang: SmsLang): SmsTemplate {
  const id = LEGACY_CODES[code] ?? code;
  const t = files().find((f) => f.id === id && f.lang === lang);
  if (t) return t;
  const known = files().some((f) => f.id === id);
  throw new AppError(
    'SMS_TEMPLATE_MISSING',
    known ? `template ${id} has no ${lang} text` : `unknown template ${code}`,
    known ? `The SMS template ${id} has no ${lang} text.` : `There is no SMS template "${code}".`,
    { template: code, lang },
  );
}

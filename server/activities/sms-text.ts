import { loadSmsTemplates, renderSmsTemplate, smsVariables, type SmsTemplate } from '../integrations/sms/templates/index.js';
import { renderSms, type SmsLanguage } from './sms-templates.js';
import type { DealContext } from './deal-context.js';

// The text of a send_sms call: free text from the designer wins; else a template of templates/sms/<lang>/
// (integrations' renderer: {{placeholders}}, per-template transliteration, a missing variable refuses the
// SMS); else one of the built-in stand-ins (payment_reminder, payment_overdue, loan_issued).

let cache: SmsTemplate[] | undefined;
function templates(): SmsTemplate[] {
  cache ??= loadSmsTemplates();
  return cache;
}

export interface SmsTextInput {
  template: string;
  text: string;
  language: SmsLanguage;
  context: DealContext;
  companyName?: string;
}

export function smsText(i: SmsTextInput): string {
  if (i.text) return i.text;
  const file = templates().find((t) => t.id === i.template && t.lang === i.language);
  if (!file) return renderSms(i.template, i.language, i.context.vars);
  const v = i.context.vars;
  const vars = smsVariables(i.language, {
    clientName: v.name || null,
    companyName: i.companyName ?? null,
    // ADAPTER: no contract numbers yet; the deal id is what the lender's staff look the loan up by.
    contractNumber: v.contractNumber || null,
    currency: v.currency || null,
    nextAmount: v.amount || null,
    balance: v.balance || null,
    nextDueDate: v.dueDate || null,
    daysOverdue: v.daysOverdue ? Number(v.daysOverdue) : null,
    payReference: v.payReference || null,
  });
  return renderSmsTemplate(file, vars).text;
}

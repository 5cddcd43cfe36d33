import { renderSmsTemplate, smsVariables, type SmsLang } from '../integrations/sms/templates/index.js';
import { catalogueTemplate } from './sms-catalogue.js';
import type { DealContext } from './deal-context.js';

// The text of a send_sms call: free text from the designer wins; else a template of the catalogue
// (templates/sms/<lang>/, integrations' renderer: {{placeholders}}, per-template transliteration, a
// missing variable refuses the SMS and names it).

/** Values the workflow designer sets on the robot for what the deal and loan cannot tell. */
export interface SmsRobotValues {
  companyName?: string;
  payReference?: string;
  signLink?: string;
  pin?: string;
}

export interface SmsTextInput {
  template: string;
  text: string;
  language: SmsLang;
  context: DealContext;
  /** The lender's name from the portal's settings; the robot's own value wins. */
  companyName?: string;
  robot?: SmsRobotValues;
}

// {{amount}} is the figure the template is about: the loan for an approval or a payout, the last
// payment for a receipt, else the next payment due.
const AMOUNT_IS: Readonly<Record<string, 'principal' | 'lastPayment'>> = {
  approval: 'principal',
  'payout-done': 'principal',
  'payment-received': 'lastPayment',
};

const nonEmpty = (...v: (string | undefined)[]) => v.find((x) => x !== undefined && x.trim() !== '')?.trim() ?? null;

export function smsText(i: SmsTextInput): string {
  if (i.text) return i.text;
  const file = catalogueTemplate(i.template, i.language);
  const v = i.context.vars;
  const r = i.robot ?? {};
  const amountIs = AMOUNT_IS[file.id];
  const amount = amountIs === 'principal' ? v.principal : amountIs === 'lastPayment' ? v.lastPaymentAmount : v.amount;
  const vars = smsVariables(i.language, {
    clientName: v.name || null,
    companyName: nonEmpty(r.companyName, i.companyName),
    // No contract numbers yet: the deal id is what the lender's staff look the loan up by (deal-context).
    contractNumber: v.contractNumber || null,
    currency: v.currency || null,
    amount: amount || null,
    balance: v.balance || null,
    nextDueDate: v.dueDate || null,
    daysOverdue: v.daysOverdue ? Number(v.daysOverdue) : null,
    payReference: nonEmpty(r.payReference, v.payReference),
    signLink: nonEmpty(r.signLink),
    pin: nonEmpty(r.pin),
    clabe: v.clabe || null,
  });
  return renderSmsTemplate(file, vars).text;
}

// One bank of the directory as the admin types it on the app page, and back: the name, its e-mail and
// phone contacts and allowed reply senders (one a line, or separated by commas), the reply policy, and
// the catalog fields it requires. The checks are the wire's (wire/documents.ts BankBody) and the
// server's band check (server/mail/policy/policy-repo.ts checkBand), run here first so the error
// appears beside its input, naming the entry it refuses, before a round trip.
//
// The band: server/mail/auto-apply.ts lets an approval apply by itself only when its amount lies
// between bandMin × and bandMax × the amount requested. People think of that as percentages ("from 90 %
// to 110 % of what was asked"), so the form shows and reads percentages, typed the way the admin's
// language writes numbers ("99,5" in ru); a factor written as such ("x0.9", "×1,1") is read too.
import { Decimal } from 'decimal.js';
import { parseLocaleNumber, typedFromDecimal, type NumberLocale } from '../../lending/locale-number.js';
import type { BankInput, BankView, ReplyPolicyView } from '../../wire/documents.js';
import {
  templateErrorsOfRefusal,
  templateFormOf,
  templateOf,
  type TemplateErrors,
  type TemplateForm,
  type TemplateKey,
} from './doc-banks-template.js';

export const AUTHENTICATIONS: readonly ReplyPolicyView['authentication'][] = ['dmarc', 'dkim', 'off'];

export interface BankForm {
  name: string;
  emails: string;
  phones: string;
  replySenders: string;
  authentication: ReplyPolicyView['authentication'];
  /** Percent of the requested amount, as typed. */
  bandMin: string;
  bandMax: string;
  /** Catalog codes, in the order chosen; codes no longer in the catalog stay until unticked. */
  requiredFields: string[];
  /** The bank's language and own message (doc-banks-template.ts); texts all empty: the default of its language. */
  message: TemplateForm;
  /** The deal currencies it takes, as typed ("MXN", "mxn, usd"); empty: every deal. */
  dealCurrencies: string;
}

export type BankFormKey = 'name' | 'emails' | 'phones' | 'replySenders' | 'bandMin' | 'bandMax' | 'dealCurrencies' | MessageKey;
export type MessageKey = 'messageSubject' | 'messageBody' | 'messageSms';
export type BankFormProblem =
  'required' | 'email' | 'sender' | 'phone' | 'currency' | 'tooMany' | 'number' | 'band' | 'taken' | 'placeholder' | 'tooLong';
/** The problem and, for a list, the entry it concerns (shown in the message so the admin finds it). */
export type BankFormErrors = Partial<Record<BankFormKey, { problem: BankFormProblem; entry?: string }>>;

// The wire's patterns (wire/documents.ts); widgets take only types from wire/, so they are repeated here
// and doc-banks-form.test.ts checks them against the schema.
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
export const SENDER = /^([^@\s]+)?@[^@\s]+\.[^@\s]+$/u;
export const PHONE = /^[+0-9 ()-]+$/u;
export const CURRENCY = /^[A-Z]{3}$/u;
const FACTOR = /^(0|[1-9][0-9]{0,2})([.][0-9]{1,4})?$/u;
export const MAX_CONTACTS = 20;
const MAX_FACTOR = new Decimal(100);

export function emptyBankForm(locale: NumberLocale = 'es'): BankForm {
  return {
    message: templateFormOf(null, locale),
    name: '',
    emails: '',
    phones: '',
    replySenders: '',
    authentication: 'dmarc',
    bandMin: '100',
    bandMax: '100',
    requiredFields: [],
    dealCurrencies: '',
  };
}

/** A factor ("0.9") as the percentage the admin reads ("90"; "99,5" in ru). */
export function percentOf(factor: string, locale: NumberLocale): string {
  return typedFromDecimal(new Decimal(factor).times(100).toString(), locale);
}

export function bankFormOf(b: BankView, locale: NumberLocale): BankForm {
  const policy = b.replyPolicy ?? { authentication: 'dmarc', bandMin: '1', bandMax: '1' };
  return {
    name: b.name,
    emails: b.emails.join('\n'),
    phones: b.phones.join('\n'),
    replySenders: b.replySenders.join('\n'),
    authentication: policy.authentication,
    bandMin: percentOf(policy.bandMin, locale),
    bandMax: percentOf(policy.bandMax, locale),
    requiredFields: [...b.requiredFields],
    message: templateFormOf(b.messageTemplate, locale),
    dealCurrencies: (b.dealCurrencies ?? []).join(', '),
  };
}

const MESSAGE_KEYS: Record<TemplateKey, MessageKey> = { subject: 'messageSubject', body: 'messageBody', sms: 'messageSms' };
const messageErrors = (e: TemplateErrors): BankFormErrors =>
  Object.fromEntries(Object.entries(e).map(([k, v]) => [MESSAGE_KEYS[k as TemplateKey], v]));

/** Addresses split on lines, commas, semicolons and spaces; phones only on lines, commas and semicolons (they hold spaces). */
export const splitAddresses = (text: string): string[] => text.split(/[\s,;]+/u).filter(Boolean);
export const splitPhones = (text: string): string[] =>
  text
    .split(/[\n,;]+/u)
    .map((p) => p.trim())
    .filter(Boolean);

function readList(
  text: string,
  split: (t: string) => string[],
  valid: (s: string) => boolean,
  problem: BankFormProblem,
): { list: string[] } | { problem: BankFormProblem; entry?: string } {
  const list = split(text);
  const bad = list.find((s) => s.length > 254 || !valid(s));
  if (bad !== undefined) return { problem, entry: bad };
  if (list.length > MAX_CONTACTS) return { problem: 'tooMany' };
  return { list };
}

/** A typed percentage ("90", "99,5 %") or factor ("x0.9", "×1,1") as the factor the server stores; null if unreadable. */
export function factorOf(raw: string, locale: NumberLocale): string | null {
  const s = raw.trim();
  const asFactor = /^[x×*]\s*|\s*[x×]$/iu;
  const r = parseLocaleNumber(s.replace(asFactor, ''), locale, { percent: true });
  if (!r.ok) return null;
  const n = new Decimal(r.value);
  const factor = asFactor.test(s) ? n : n.div(100);
  const text = factor.toFixed();
  return FACTOR.test(text) ? text : null;
}

/** The body the form describes, or the errors beside its inputs. */
export function bankOf(form: BankForm, locale: NumberLocale): { body: BankInput } | { errors: BankFormErrors } {
  const errors: BankFormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = { problem: 'required' };
  const emails = readList(form.emails, splitAddresses, (s) => EMAIL.test(s), 'email');
  if ('problem' in emails) errors.emails = emails;
  const senders = readList(form.replySenders, splitAddresses, (s) => SENDER.test(s), 'sender');
  if ('problem' in senders) errors.replySenders = senders;
  const phones = readList(form.phones, splitPhones, (s) => PHONE.test(s) && s.length >= 3 && s.length <= 40, 'phone');
  if ('problem' in phones) errors.phones = phones;
  // ISO codes in capitals, as the deal's CURRENCY_ID; "mxn" is read as MXN.
  const currencies = readList(form.dealCurrencies, splitAddresses, (s) => CURRENCY.test(s.toUpperCase()), 'currency');
  if ('problem' in currencies) errors.dealCurrencies = currencies;
  const min = factorOf(form.bandMin, locale);
  const max = factorOf(form.bandMax, locale);
  if (min === null) errors.bandMin = { problem: 'number' };
  if (max === null) errors.bandMax = { problem: 'number' };
  if (min !== null && max !== null) {
    // server/mail/policy/policy-repo.ts checkBand: above zero, min ≤ max, at most 100 × the request.
    if (new Decimal(min).lte(0)) errors.bandMin = { problem: 'band' };
    else if (new Decimal(min).gt(max) || new Decimal(max).gt(MAX_FACTOR)) errors.bandMax = { problem: 'band' };
  }
  const message = templateOf(form.message);
  if ('errors' in message) Object.assign(errors, messageErrors(message.errors));
  if (
    Object.keys(errors).length > 0 ||
    'problem' in emails ||
    'problem' in senders ||
    'problem' in phones ||
    'problem' in currencies ||
    !min ||
    !max ||
    'errors' in message
  )
    return { errors };
  return {
    body: {
      name: name.slice(0, 200),
      emails: emails.list,
      replySenders: senders.list,
      phones: phones.list,
      requiredFields: [...new Set(form.requiredFields)],
      replyPolicy: { authentication: form.authentication, bandMin: min, bandMax: max },
      messageTemplate: message.value,
      // None typed: every deal (null clears a list saved before).
      dealCurrencies: currencies.list.length > 0 ? [...new Set(currencies.list.map((c) => c.toUpperCase()))] : null,
    },
  };
}

/** The server's refusal as the input it concerns (a name already used; a band or a placeholder the server refused). */
export function bankErrorsOfRefusal(code: string, details: Record<string, unknown> = {}): BankFormErrors | null {
  if (code === 'DOCUMENT_BANK_NAME_TAKEN') return { name: { problem: 'taken' } };
  if (code === 'MAIL_REPLY_BAND') return { bandMax: { problem: 'band' } };
  if (code === 'BANK_TEMPLATE_PLACEHOLDER') {
    const e = templateErrorsOfRefusal(details);
    return e ? messageErrors(e) : null;
  }
  return null;
}

export interface ChecklistField {
  code: string;
  label: string;
  section: string;
}

/**
 * The catalog's fields by section for the checklist, sections in catalog order, filtered by the search
 * (in the label or the code, any case); each section with how many of its fields are chosen.
 */
export function checklist(
  fields: readonly ChecklistField[],
  chosen: readonly string[],
  search: string,
): { section: string; fields: ChecklistField[]; chosen: number; total: number }[] {
  const q = search.trim().toLocaleLowerCase();
  const picked = new Set(chosen);
  const out = new Map<string, { fields: ChecklistField[]; chosen: number; total: number }>();
  for (const f of fields) {
    const s = out.get(f.section) ?? { fields: [], chosen: 0, total: 0 };
    s.total += 1;
    if (picked.has(f.code)) s.chosen += 1;
    if (!q || f.label.toLocaleLowerCase().includes(q) || f.code.toLowerCase().includes(q)) s.fields.push(f);
    out.set(f.section, s);
  }
  return [...out].filter(([, s]) => s.fields.length > 0).map(([section, s]) => ({ section, ...s }));
}

/** Chosen codes the published catalog no longer has: kept on save, shown so the admin can drop them. */
export const missingFromCatalog = (fields: readonly ChecklistField[], chosen: readonly string[]): string[] =>
  chosen.filter((c) => !fields.some((f) => f.code === c));

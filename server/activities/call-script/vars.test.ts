import { describe, expect, it } from 'vitest';
import type { LoanView } from '../../loans/operations/get-loan-view.js';
import type { DealContext } from '../deal-context.js';
import { findScript } from './scripts.js';
import { variablesUsed, varsForScript } from './context.js';
import { chooseLanguage, dealLanguage } from './language.js';
import { callScriptVars } from './vars.js';
import { fill } from '../../../widgets/call-script/path.js';

// A biweekly MXN loan of 15,000 (8 installments) to Ana López, as the final call reads it out.
const loan = {
  loan: { principal: '15000.00', currency: 'MXN', installments: 8, frequency: { unit: 'week', every: 2 } },
  schedule: { rows: [{ dueDate: '2026-07-03' }] },
} as unknown as LoanView;

function deal(over: Partial<DealContext> = {}): DealContext {
  return {
    deal: { UF_CRM_CLIENT_EMPLOYER_NAME: 'Cemex', UF_CRM_CLIENT_MONTHLY_INCOME: '18500|MXN' },
    contact: { NAME: 'Ana', LAST_NAME: 'López' },
    phone: '+5215500000001',
    vars: { currency: 'MXN', principal: '15000.00', amount: '2030.86', balance: '15000.00', daysOverdue: '0' },
    loan,
    ...over,
  };
}

describe('call-script language', () => {
  it('the deal tells first (phone country, then currency); else the fallback; else English', () => {
    expect(dealLanguage('+52 1 55 0000 0001', 'USD')).toBe('es');
    expect(dealLanguage('+7 912 000 00 00', 'MXN')).toBe('ru');
    expect(dealLanguage('+1 555 0100', 'RUB')).toBe('ru');
    expect(dealLanguage(null, 'USD')).toBeUndefined();
    expect(chooseLanguage('es', 'ru')).toEqual({ lang: 'es', fromDeal: true });
    expect(chooseLanguage(undefined, 'ru-RU')).toEqual({ lang: 'ru', fromDeal: false });
    expect(chooseLanguage(undefined, 'de')).toEqual({ lang: 'en', fromDeal: false });
  });
});

describe('call-script variables', () => {
  it('fills every variable of the final call in Spanish and Russian, formatted as the client hears them', () => {
    const es = findScript('final-call', 'es')!;
    const sc = { dc: deal(), dealLang: 'es' as const };
    const v = varsForScript(es, sc, { companyName: 'Presta Ya' }, {});
    expect(v.missing).toEqual([]);
    expect(v.vars).toMatchObject({
      client_name: 'Ana López',
      company_name: 'Presta Ya',
      amount: '$15,000.00',
      term: '16 semanas',
      next_payment: '$2,030.86',
      first_due_date: '3 de julio de 2026',
    });
    const ru = findScript('final-call', 'ru')!;
    const r = varsForScript(ru, sc, { companyName: 'Займ Сразу' }, {}).vars;
    expect(r).toMatchObject({ amount: '15\u00a0000,00\u00a0MX$', term: '16 недель', first_due_date: '3 июля 2026' });
    for (const q of ru.questions) expect(fill(q.text, r)).not.toMatch(/\{\{|…/);
  });

  it('names what has no value and gives it a neutral stand-in, never the raw {{name}}', () => {
    const s = findScript('contact-verification', 'ru')!;
    const v = varsForScript(s, { dc: deal({ contact: null, phone: null }), dealLang: undefined }, undefined, {});
    expect(v.missing).toEqual(expect.arrayContaining(['client_name', 'company_name', 'contact_name', 'client_phone']));
    expect(v.fallbacks.company_name).toBe('(название вашей компании)');
    const texts = s.questions.map((q) => fill(q.text, v.vars, v.fallbacks));
    expect(texts.join('\n')).not.toMatch(/\{\{/);
    expect(texts.join('\n')).toContain('Это (название вашей компании). Вы знаете человека по имени (имя клиента)?');
  });

  it('a robot property gives the reference name; a Bitrix24 money field reads "amount|currency"', () => {
    const s = findScript('contact-verification', 'es')!;
    const v = varsForScript(s, { dc: deal(), dealLang: 'es' }, { companyName: 'X' }, { contact_name: 'Luis Pérez' });
    expect(v.vars.contact_name).toBe('Luis Pérez');
    expect(callScriptVars(deal(), 'es', {}, ['monthly_income']).vars.monthly_income).toBe('$18,500.00');
  });

  it('lists the variables a script uses, declared or only in its texts', () => {
    expect(variablesUsed(findScript('final-call', 'en')!)).toEqual(
      expect.arrayContaining(['client_name', 'company_name', 'amount', 'term', 'next_payment', 'first_due_date']),
    );
  });
});

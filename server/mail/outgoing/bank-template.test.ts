import { describe, expect, it } from 'vitest';
import { dealNumbers } from '../parse/deal-number.js';
import { AppError } from '../../errors.js';
import { checkBankTemplate, renderBankMessage, termText, unknownPlaceholders, type TemplateFacts } from './bank-template.js';

const facts: TemplateFacts = {
  dealId: 456,
  dealTitle: 'Préstamo Pérez',
  client: 'Juan Pérez',
  bank: 'Banco Azteca',
  manager: 'Ana López',
  loan: { principal: '150000.00', currency: 'MXN', installments: 12, frequency: { unit: 'month', every: 1 } },
};

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('renderBankMessage', () => {
  it('a Mexican bank without a template reads the Spanish default with the amount as es-MX writes it', () => {
    const r = renderBankMessage(null, 'es', facts);
    expect(r.lang).toBe('es');
    expect(r.subject).toBe('Solicitud #456: crédito para Juan Pérez');
    expect(r.text).toContain('Estimado equipo de Banco Azteca');
    expect(r.text).toContain('$150,000.00 a 12 meses');
    expect(r.text).toContain('Ana López');
    expect(r.missing).toEqual([]);
  });

  it("a bank given only its language reads that language's default, not the sender's", () => {
    const r = renderBankMessage({ lang: 'es' }, 'ru', facts);
    expect(r.lang).toBe('es');
    expect(r.subject).toBe('Solicitud #456: crédito para Juan Pérez');
    expect(r.text).toContain('$150,000.00 a 12 meses');
    expect(r.sms).toContain('enviada por correo');
  });

  it("the bank's own template in Russian formats roubles the Russian way, whatever the sender's language", () => {
    const r = renderBankMessage(
      { lang: 'ru', subject: 'Заявка №{{deal}} — {{ client }}', body: '{{bank}}: {{amount}}, срок {{term}}. {{dealTitle}}' },
      'en',
      {
        ...facts,
        bank: 'Сбербанк',
        loan: { principal: '1500000.00', currency: 'RUB', installments: 24, frequency: { unit: 'month', every: 1 } },
      },
    );
    expect(r.lang).toBe('ru');
    expect(r.subject).toBe('Заявка №456 — Juan Pérez');
    expect(norm(r.text)).toBe('Сбербанк: 1 500 000,00 ₽, срок 24 месяца. Préstamo Pérez');
    // The default SMS of the template's language fills in when the template has none.
    expect(r.sms).toContain('Сделка №456');
  });

  it('the subject carries the deal number the reply matcher reads back', () => {
    for (const lang of ['en', 'ru', 'es'] as const) expect(dealNumbers(renderBankMessage(null, lang, facts).subject)).toEqual([456]);
  });

  it('no loan saved yet: amount and term render empty and are named as missing', () => {
    const r = renderBankMessage(null, 'en', { ...facts, loan: null });
    expect(r.missing).toEqual(['amount', 'term']);
    expect(r.text).not.toContain('{{');
  });

  it('a value holding a placeholder is not expanded again', () => {
    const r = renderBankMessage({ lang: 'en', subject: '{{client}}', body: '{{client}} {{bank}}' }, 'en', { ...facts, client: '{{bank}}' });
    expect(r.subject).toBe('{{bank}}');
    expect(r.text).toBe('{{bank}} Banco Azteca');
  });

  it('term in weeks and plural forms', () => {
    expect(termText({ installments: 13, frequency: { unit: 'week', every: 2 } }, 'es')).toBe('26 semanas');
    expect(termText({ installments: 1, frequency: { unit: 'month', every: 1 } }, 'ru')).toBe('1 месяц');
    expect(termText({ installments: 5, frequency: { unit: 'month', every: 1 } }, 'ru')).toBe('5 месяцев');
    expect(termText({ installments: 1, frequency: { unit: 'day', every: 30 } }, 'en')).toBe('30 days');
  });
});

describe('unknownPlaceholders', () => {
  it('names each unknown placeholder once, in subject, body and SMS', () => {
    expect(unknownPlaceholders({ subject: '{{deal}} {{clinet}}', body: '{{ amount }} {{clinet}} {{foo.bar}}', sms: '{{}}' })).toEqual([
      'clinet',
      'foo.bar',
      '',
    ]);
    expect(unknownPlaceholders({ subject: '{{deal}}', body: '{{bank}} {{manager}} {{term}} {{dealTitle}}' })).toEqual([]);
  });
});

describe('checkBankTemplate', () => {
  it('refuses an unknown placeholder naming it and the part it is in, in the user language', () => {
    let err: unknown;
    try {
      checkBankTemplate({ subject: '{{deal}}', body: 'Hola {{ clinet }}' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('BANK_TEMPLATE_PLACEHOLDER');
    expect(e.details).toEqual({ field: 'messageTemplate.body', unknown: ['clinet'] });
    expect(e.textFor('es')).toContain('{{clinet}}');
    expect(e.textFor('ru')).toContain('{{client}}');
    expect(() => checkBankTemplate({ subject: '{{deal}}', body: '{{bank}}', sms: '{{term}}' })).not.toThrow();
    expect(() => checkBankTemplate(null)).not.toThrow();
  });
});

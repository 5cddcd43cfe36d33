import { describe, expect, it } from 'vitest';
import { BANK_TEMPLATE_PLACEHOLDERS } from '../../server/mail/outgoing/bank-template.js';
import { TEMPLATE_PLACEHOLDERS, templateErrorsOfRefusal, templateFormOf, templateOf } from './doc-banks-template.js';

describe("a bank's own message typed in its form", () => {
  it('left empty is the default of the language the form shows, and that language is saved', () => {
    expect(templateOf(templateFormOf(null, 'es'))).toEqual({ value: { lang: 'es' } });
    expect(templateOf({ ...templateFormOf({ lang: 'es', subject: 'a', body: 'b' }, 'es'), lang: 'ru', subject: ' ', body: '' })).toEqual({
      value: { lang: 'ru' },
    });
    expect(templateFormOf({ lang: 'ru' }, 'es')).toEqual({ lang: 'ru', subject: '', body: '', sms: '' });
  });

  it('reads subject, body and SMS in the chosen language, an empty SMS left to the default', () => {
    const form = { lang: 'ru' as const, subject: ' Сделка №{{deal}} ', body: 'Заявка {{client}} на {{amount}}', sms: '' };
    expect(templateOf(form)).toEqual({
      value: { lang: 'ru', subject: 'Сделка №{{deal}}', body: 'Заявка {{client}} на {{amount}}' },
    });
    expect(templateFormOf({ lang: 'ru', subject: 'a', body: 'b' }, 'es')).toEqual({ lang: 'ru', subject: 'a', body: 'b', sms: '' });
  });

  it('names an unknown placeholder beside its input, and a subject or body left out', () => {
    expect(templateOf({ lang: 'es', subject: '', body: 'Monto {{monto}}', sms: '{{ deal }} {{cliente}}' })).toEqual({
      errors: {
        subject: { problem: 'required' },
        body: { problem: 'placeholder', entry: '{{monto}}' },
        sms: { problem: 'placeholder', entry: '{{cliente}}' },
      },
    });
  });

  it("maps the server's refusal onto the input it names", () => {
    expect(templateErrorsOfRefusal({ field: 'messageTemplate.body', unknown: ['monto'] })).toEqual({
      body: { problem: 'placeholder', entry: '{{monto}}' },
    });
    expect(templateErrorsOfRefusal({ field: 'replyPolicy' })).toBeNull();
  });

  it('knows the placeholders the server fills', () => {
    expect([...TEMPLATE_PLACEHOLDERS]).toEqual([...BANK_TEMPLATE_PLACEHOLDERS]);
  });
});

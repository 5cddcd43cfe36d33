import { describe, expect, it } from 'vitest';
import { languageFor, renderSms } from './sms-templates.js';
import { dealIdOf } from './codes.js';

const vars = {
  name: 'Ana',
  amount: '1200.00',
  currency: 'MXN',
  dueDate: '2026-12-15',
  balance: '9000.00',
  daysOverdue: '0',
  principal: '10000.00',
  dealTitle: 'x',
};

describe('SMS templates', () => {
  it('picks the language from the phone, then the portal', () => {
    expect(languageFor('+5215512345678')).toBe('es');
    expect(languageFor('+79161234567')).toBe('ru');
    expect(languageFor('+14155550000', 'ru')).toBe('ru');
    expect(languageFor('+14155550000')).toBe('en');
  });

  it('fills the variables; an unknown variable is an error, never sent as typed', () => {
    expect(renderSms('payment_reminder', 'es', vars)).toContain('1200.00 MXN vence el 2026-12-15');
    expect(renderSms('payment_overdue', 'ru', { ...vars, daysOverdue: '5' })).toContain('просрочен на 5 дн.');
    expect(() => renderSms('Hola {nombre}', 'es', vars)).toThrow(/unknown variable nombre/);
  });

  it('reads the deal id from document_id', () => {
    expect(dealIdOf(['crm', 'CCrmDocumentDeal', 'DEAL_123'])).toBe(123);
    expect(dealIdOf(['crm', 'CCrmDocumentContact', 'CONTACT_5'])).toBeNull();
  });
});

describe('SMS text from templates/sms', () => {
  it('fills a file template with the deal, contact and loan variables; a missing one refuses the SMS', async () => {
    const { smsText } = await import('./sms-text.js');
    const context = {
      deal: {},
      contact: null,
      phone: '+5215512345678',
      vars: { ...vars, name: 'María López', amount: '1500.00', balance: '9000.00', contractNumber: '42', payReference: '' },
    };
    const text = smsText({ template: 'payment-received', text: '', language: 'es', context, companyName: 'Prestalatino' });
    expect(text).toContain('Maria'); // this template transliterates: 160 characters per part instead of 70
    expect(text).toContain('1,500.00');
    expect(text).toContain('Prestalatino');
    expect(() => smsText({ template: 'payment-reminder', text: '', language: 'es', context, companyName: 'Prestalatino' })).toThrow(
      /pay_reference/,
    );
    expect(smsText({ template: 'payment_reminder', text: '', language: 'es', context })).toContain('María López');
    expect(smsText({ template: 'x', text: 'Libre', language: 'es', context })).toBe('Libre');
  });
});

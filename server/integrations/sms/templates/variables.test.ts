import { describe, expect, it } from 'vitest';
import { loadSmsTemplates } from './load.js';
import { renderSmsTemplate } from './render.js';
import { formatSmsAmount, formatSmsDate, smsVariables } from './variables.js';

describe('SMS variables', () => {
  it('formats amounts exactly per language', () => {
    expect(formatSmsAmount('1500', 'es')).toBe('1,500.00');
    expect(formatSmsAmount('1234567.5', 'en')).toBe('1,234,567.50');
    expect(formatSmsAmount('5000.00', 'ru')).toBe('5 000,00');
    expect(formatSmsAmount('90071992547409931.99', 'es')).toBe('90,071,992,547,409,931.99');
    expect(formatSmsAmount('12', 'es', 0)).toBe('12');
    expect(() => formatSmsAmount('12.5', 'es', 0)).toThrow(/decimals/);
    expect(() => formatSmsAmount('1.005', 'es')).toThrow(/decimals/);
  });
  it('formats dates per language', () => {
    expect(formatSmsDate('2026-12-05', 'es')).toBe('05/12/2026');
    expect(formatSmsDate('2026-12-05', 'ru')).toBe('05.12.2026');
    expect(formatSmsDate('2026-12-05', 'en')).toBe('12/05/2026');
  });
  it('fills every template from loan data', () => {
    const src = {
      clientName: 'María Fernanda López',
      companyName: 'Prestalatino',
      contractNumber: 'PL-2026-0042',
      currency: 'MXN',
      nextAmount: '1500',
      balance: '12350',
      nextDueDate: '2026-12-05',
      daysOverdue: 7,
      payReference: '1010100368185638',
      signLink: 'https://pl.example/f/8K2Q',
      pin: '4821',
      clabe: '012298026516924616',
    };
    for (const t of loadSmsTemplates().filter((x) => x.lang === 'es')) {
      expect(() => renderSmsTemplate(t, smsVariables('es', src))).not.toThrow();
    }
    expect(
      renderSmsTemplate(
        loadSmsTemplates().find((t) => t.lang === 'es' && t.id === 'payment-reminder')!,
        smsVariables('es', src),
      ).text,
    ).toBe(
      'Hola Maria, su pago de $1,500.00 MXN del préstamo PL-2026-0042 vence el 05/12/2026. Referencia: 1010100368185638. Prestalatino',
    );
    expect(smsVariables('ru', { currency: 'RUB', balance: '48200' })).toEqual({ currency: 'руб.', balance: '48 200,00' });
  });
  it('leaves out what it does not have, so the renderer names it', () => {
    const t = loadSmsTemplates().find((x) => x.lang === 'en' && x.id === 'overdue-notice')!;
    expect(() => renderSmsTemplate(t, smsVariables('en', { clientName: 'John' }))).toThrow(/needs .*days_overdue/);
  });
});

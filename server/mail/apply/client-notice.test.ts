import { describe, expect, it } from 'vitest';
import { clientNotice, formatAmount } from './client-notice.js';
import { decisionComment } from './decision-comment.js';

describe('the client notice of a bank decision', () => {
  it('writes the amount exactly, at the currency’s scale, the way the language writes money', () => {
    expect(formatAmount('1500000', 'RUB', 'ru')).toBe('1\u00a0500\u00a0000,00\u00a0RUB');
    expect(formatAmount('150000', 'MXN', 'es')).toBe('150,000.00\u00a0MXN');
    expect(formatAmount('150000.5', 'USD', 'en')).toBe('150,000.50\u00a0USD');
    expect(formatAmount('1500000', 'CLP', 'es')).toBe('1,500,000\u00a0CLP');
    expect(formatAmount('999', 'MXN', 'es')).toBe('999.00\u00a0MXN');
  });

  it('names the bank and the amount in the SMS, the subject and the body, per language and decision', () => {
    const v = { clientName: 'Juan', bankName: 'Banco Norte', amount: '150000', currency: 'MXN', companyName: 'Presta Norte' };
    const es = clientNotice('es', 'approved', v);
    expect(es.sms).toBe('Banco Norte aprobó su crédito por 150,000.00\u00a0MXN. Le llamaremos. Presta Norte');
    expect(es.subject).toBe('Crédito aprobado: 150,000.00\u00a0MXN');
    expect(es.body).toContain('Hola, Juan!');
    const ru = clientNotice('ru', 'counter-offer', { ...v, bankName: 'Банк Север', currency: 'RUB', amount: '1200000' });
    expect(ru.sms).toContain('Банк Север готов выдать кредит на 1\u00a0200\u00a0000,00\u00a0RUB');
    expect(clientNotice('en', 'approved', { ...v, companyName: '', clientName: '' }).body).toMatch(/^Hello!\n/);
  });

  it('the timeline comment says who decided what, who applied it and the evidence', () => {
    const reply = {
      decision: 'approved' as const,
      amount: '150000',
      currency: 'MXN',
      matchedBy: 'message-id',
      fromAddress: 'maria@banco-norte.example',
      understood: { auth: { dmarc: 'pass', dkimAligned: true, spf: 'none' } },
      decidedBy: 7,
    };
    const text = decisionComment('es', reply, 'Banco Norte', 'C1:APPROVED');
    expect(text).toContain(
      'El banco Banco Norte aprobó, monto 150,000.00\u00a0MXN (aplicado por el empleado #7 desde la cola de revisión).',
    );
    expect(text).toContain(
      'respuesta a nuestro mensaje; remitente maria@banco-norte.example; autenticación del remitente: DMARC pass, DKIM pass',
    );
    expect(text).toContain('La negociación pasó a la etapa C1:APPROVED.');
    expect(decisionComment('ru', { ...reply, decision: 'rejected', amount: null, decidedBy: null }, 'Банк', null)).toMatch(
      /^Банк Банк отказал \(применено автоматически\)\./,
    );
    const waiting = { ...reply, decision: 'rejected' as const, amount: null, decidedBy: null };
    expect(decisionComment('en', waiting, 'Bank A', null, ['Bank B', 'Bank C'])).toMatch(
      /^Bank Bank A rejected \(applied automatically\)\.\n.*\nStill waiting for: Bank B, Bank C\. The deal stays at its stage\.$/,
    );
    expect(decisionComment('ru', waiting, 'Банк А', null, ['Банк Б'])).toContain(
      'Ещё ждём решения: Банк Б. Сделка остаётся на своей стадии.',
    );
    expect(decisionComment('es', waiting, 'Banco A', null, ['Banco B'])).toContain(
      'Aún esperamos a: Banco B. La negociación se queda en su etapa.',
    );
  });
});

import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoney, parseNumber } from './amount.js';
import { dealNumbers, stripSubjectPrefixes } from './deal-number.js';
import { decide } from './decide.js';
import { splitReply } from './quote-strip.js';

const money = (s: string): string[] => findMoney(s).map((m) => `${m.amount.toString()} ${m.currency ?? '?'}`);

describe('money as people write it', () => {
  it.each([
    ['aprobado, 150 000', ['150000 ?']],
    ['Одобрено 1 500 000', ['1500000 ?']],
    ['1.500.000 руб.', ['1500000 RUB']],
    ['одобрено на 1,5 млн', ['1500000 ?']],
    ['Approved $150,000.00', ['150000 ?']],
    ['por 150,000 MXN', ['150000 MXN']],
    ['150 000,50 руб', ['150000.5 RUB']],
    ['150.000,00 pesos', ['150000 MXN']],
    ['150 mil pesos', ['150000 MXN']],
    ['2 MDP', ['2000000 MXN']],
    ['US$ 12,500.75', ['12500.75 USD']],
    ['1 500 000 ₽', ['1500000 RUB']],
  ])('%s', (text, expected) => expect(money(text)).toEqual(expected));

  it.each([
    'el 01.07.2024 a las 10:00',
    'tasa 24.5% a 12 meses',
    'Solicitud 123 aprobada',
    'в 2024 году',
    'срок 36 мес.',
    'сделка №4567',
    'Tel. 5512345678',
    '+52 55 1234 5678',
    'тел. 8 800 555 35 35',
  ])('not money: %s', (text) => expect(money(text)).toEqual([]));

  it('any grouped amount written in es-MX or ru-RU style reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = new Decimal(whole).plus(new Decimal(cents).div(100));
        const mx = value.toNumber().toLocaleString('en-US', { minimumFractionDigits: 2 });
        const ru = value.toNumber().toLocaleString('ru-RU', { minimumFractionDigits: 2 });
        expect(parseNumber(mx)?.toString()).toBe(value.toString());
        expect(parseNumber(ru)?.toString()).toBe(value.toString());
      }),
    );
  });
});

describe('decisions in ru/es/en', () => {
  it.each([
    ['Одобрено, 1 500 000 руб.', 'approved'],
    ['Заявка не одобрена.', 'rejected'],
    ['В выдаче отказано', 'rejected'],
    ['La solicitud fue rechazada', 'rejected'],
    ['No fue aprobada la solicitud', 'rejected'],
    ['Aprobado con la condición de un aval', 'counter-offer'],
    ['Одобрено при условии поручительства', 'counter-offer'],
    ['Application declined.', 'rejected'],
    ['We cannot approve this request.', 'rejected'],
    ['Approved.', 'approved'],
  ] as const)('%s → %s', (text, kind) => expect(decide(text).kind).toBe(kind));

  it('approval and rejection words together are ambiguous, never a decision', () => {
    expect(decide('Одобрено. Отказ по второй заявке.')).toMatchObject({ kind: null, ambiguous: true });
  });

  it('an approval for another amount than requested is a counter-offer', () => {
    const d = decide('Aprobado por $120,000', { defaultCurrency: 'MXN', requested: { amount: new Decimal(150000), currency: 'MXN' } });
    expect(d).toMatchObject({ kind: 'counter-offer', currency: 'MXN' });
  });

  it('two different granted amounts are ambiguous', () => {
    expect(decide('Aprobado $100,000 o $120,000').amountAmbiguous).toBe(true);
  });
});

describe('quote headers of each client', () => {
  it.each([
    ['On Mon, Jul 1, 2024 at 10:00 AM Lender <a@b.example> wrote:', 'en-wrote'],
    ['El lun, 1 jul 2024 a las 10:00, Banco <a@b.example> escribió:', 'es-escribio'],
    ['пн, 1 июл. 2024 г. в 10:00, Кредитный брокер <a@b.example>:', 'ru-gmail'],
    ['1 июля 2024 г., в 10:00, Банк <a@b.example> написал(а):', 'ru-wrote'],
    ['01.07.2024, 10:00, "Брокер" <a@b.example>:', 'ru-yandex'],
    ['Понедельник, 1 июля 2024, 10:00 +03:00 от Брокер <a@b.example>:', 'ru-mailru'],
    ['-----Original Message-----', 'original-message'],
    ['-----Mensaje original-----', 'original-message'],
    ['---------- Forwarded message ---------', 'forward'],
    ['-------- Пересылаемое сообщение --------', 'forward'],
    ['Begin forwarded message:', 'forward'],
  ])('%s', (header, rule) => {
    const s = splitReply(`Одобрено.\n\n${header}\nquoted text`);
    expect(s).toMatchObject({ fresh: 'Одобрено.', boundary: rule });
  });

  it('От: … Отправлено: … and De: … Enviado el: … blocks', () => {
    expect(splitReply('Отказ.\n\nОт: Брокер <a@b.example>\nОтправлено: 1 июля 2024 г. 10:00\nТема: x\n\nтекст').fresh).toBe('Отказ.');
    expect(splitReply('Rechazado.\n\nDe: Broker <a@b.example>\nEnviado el: lunes, 1 de julio de 2024 10:00\n\ntexto').fresh).toBe(
      'Rechazado.',
    );
  });

  it('signatures and disclaimers go', () => {
    expect(splitReply('Aprobado.\n\nSaludos cordiales,\nMaría').fresh).toBe('Aprobado.');
    expect(splitReply('Одобрено.\n\nС уважением, Ирина').fresh).toBe('Одобрено.');
    expect(splitReply('Approved.\n\nSent from my iPhone').fresh).toBe('Approved.');
    expect(splitReply('Aprobado.\nAVISO DE CONFIDENCIALIDAD: este correo...').fresh).toBe('Aprobado.');
  });
});

describe('deal numbers', () => {
  it('strips any number of prefixes and finds the numbers', () => {
    expect(stripSubjectPrefixes('RE: Fwd: Отв: Re[2]: RV : Сделка 456')).toBe('Сделка 456');
    expect(dealNumbers('Сделка 456 и заявка №457, Solicitud #458, deal 456')).toEqual([456, 457, 458]);
  });
});

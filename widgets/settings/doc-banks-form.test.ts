import { describe, expect, it } from 'vitest';
import { BankBody } from '../../wire/documents.js';
import {
  bankErrorsOfRefusal,
  bankFormOf,
  bankOf,
  checklist,
  emptyBankForm,
  factorOf,
  missingFromCatalog,
  percentOf,
  type BankForm,
} from './doc-banks-form.js';

const form = (over: Partial<BankForm>): BankForm => ({ ...emptyBankForm(), name: 'Banco Norte', ...over });

describe('a bank typed on the app page', () => {
  it('reads contacts one a line or comma separated, lower-cases nothing (the server does), keeps phones with spaces', () => {
    const r = bankOf(
      form({
        emails: 'credito@banconorte.mx, Ana.Ruiz@banconorte.mx\n',
        phones: '+52 55 1234 5678\n(55) 8765-4321',
        replySenders: '@banconorte.mx; riesgos@bn.mx',
        requiredFields: ['borrower.full_name', 'borrower.full_name', 'loan.term'],
      }),
      'es',
    );
    expect(r).toEqual({
      body: {
        name: 'Banco Norte',
        emails: ['credito@banconorte.mx', 'Ana.Ruiz@banconorte.mx'],
        phones: ['+52 55 1234 5678', '(55) 8765-4321'],
        replySenders: ['@banconorte.mx', 'riesgos@bn.mx'],
        requiredFields: ['borrower.full_name', 'loan.term'],
        replyPolicy: { authentication: 'dmarc', bandMin: '1', bandMax: '1' },
        // No texts typed: the language the form shows is saved (its default message).
        messageTemplate: { lang: 'es' },
        dealCurrencies: null,
      },
    });
  });

  it('reads the deal currencies as ISO codes in any case, once each; names a code it refuses', () => {
    const body = (typed: string) => {
      const r = bankOf(form({ dealCurrencies: typed }), 'es');
      return 'body' in r ? r.body.dealCurrencies : r.errors;
    };
    expect(body('mxn, USD\nMXN')).toEqual(['MXN', 'USD']);
    expect(body('  ')).toBeNull();
    expect(body('MXN, pesos')).toEqual({ dealCurrencies: { problem: 'currency', entry: 'pesos' } });
  });

  it('names the entry it refuses beside its list, and a missing name', () => {
    const r = bankOf(form({ name: ' ', emails: 'ok@bank.mx\nana@', phones: '+7 495 abc', replySenders: 'bank.ru' }), 'ru');
    expect(r).toEqual({
      errors: {
        name: { problem: 'required' },
        emails: { problem: 'email', entry: 'ana@' },
        phones: { problem: 'phone', entry: '+7 495 abc' },
        replySenders: { problem: 'sender', entry: 'bank.ru' },
      },
    });
  });

  it('reads the band as percentages the admin’s way, or as factors written as such', () => {
    expect(factorOf('90', 'es')).toBe('0.9');
    expect(factorOf('110 %', 'es')).toBe('1.1');
    expect(factorOf('99,5', 'ru')).toBe('0.995');
    expect(factorOf('99.5', 'en')).toBe('0.995');
    expect(factorOf('x0.9', 'en')).toBe('0.9');
    expect(factorOf('×1,05', 'ru')).toBe('1.05');
    expect(factorOf('noventa', 'es')).toBeNull();
    expect(factorOf('99.555', 'en')).toBeNull(); // finer than the server keeps (4 decimals of a factor)
    expect(percentOf('0.995', 'ru')).toBe('99,5');
    expect(percentOf('1.1', 'es')).toBe('110');
  });

  it('refuses a band no reply could meet or one that lets anything through, as the server would', () => {
    expect(bankOf(form({ bandMin: '110', bandMax: '90' }), 'es')).toEqual({ errors: { bandMax: { problem: 'band' } } });
    expect(bankOf(form({ bandMin: '0', bandMax: '90' }), 'es')).toEqual({ errors: { bandMin: { problem: 'band' } } });
    expect(bankOf(form({ bandMin: '90', bandMax: '20000' }), 'es')).toEqual({ errors: { bandMax: { problem: 'band' } } });
    expect(bankOf(form({ bandMin: '', bandMax: '100' }), 'es')).toEqual({ errors: { bandMin: { problem: 'number' } } });
  });

  it('opens a stored bank the way it was typed and saves it back unchanged', () => {
    const bank = {
      id: 'b1',
      name: 'Банк Север',
      emails: ['a@sever.ru', 'b@sever.ru'],
      replySenders: ['@sever.ru'],
      phones: ['+7 495 123-45-67'],
      requiredFields: ['borrower.full_name'],
      replyPolicy: { authentication: 'dkim' as const, bandMin: '0.8', bandMax: '1.05' },
      messageTemplate: { lang: 'es' as const },
      dealCurrencies: ['RUB'],
    };
    const f = bankFormOf(bank, 'ru');
    expect(f.dealCurrencies).toBe('RUB');
    expect(f.message.lang).toBe('es');
    expect(f.bandMin).toBe('80');
    expect(f.bandMax).toBe('105');
    const { id: _id, ...body } = bank;
    expect(bankOf(f, 'ru')).toEqual({ body });
  });

  it('keeps the wire’s patterns: what it accepts the server accepts', async () => {
    const { Value } = await import('@sinclair/typebox/value');
    const r = bankOf(form({ emails: 'a@b.mx', replySenders: '@b.mx', phones: '+52 (55) 1-2' }), 'es');
    expect('body' in r && Value.Check(BankBody, r.body)).toBe(true);
  });

  it('maps the server’s refusals onto their inputs', () => {
    expect(bankErrorsOfRefusal('DOCUMENT_BANK_NAME_TAKEN')).toEqual({ name: { problem: 'taken' } });
    expect(bankErrorsOfRefusal('MAIL_REPLY_BAND')).toEqual({ bandMax: { problem: 'band' } });
    expect(bankErrorsOfRefusal('INTERNAL')).toBeNull();
  });

  it('lists the checklist by section with counts, searched by label or code', () => {
    const fields = [
      { code: 'borrower.full_name', label: 'Nombre del acreditado', section: 'Borrower' },
      { code: 'borrower.income', label: 'Ingreso mensual', section: 'Borrower' },
      { code: 'loan.term', label: 'Plazo', section: 'Loan' },
    ];
    expect(checklist(fields, ['borrower.income', 'old.code'], '')).toEqual([
      { section: 'Borrower', fields: fields.slice(0, 2), chosen: 1, total: 2 },
      { section: 'Loan', fields: [fields[2]], chosen: 0, total: 1 },
    ]);
    expect(checklist(fields, [], 'INGRESO').map((s) => s.fields.map((f) => f.code))).toEqual([['borrower.income']]);
    expect(checklist(fields, [], 'loan.').map((s) => s.section)).toEqual(['Loan']);
    expect(missingFromCatalog(fields, ['borrower.income', 'old.code'])).toEqual(['old.code']);
  });
});

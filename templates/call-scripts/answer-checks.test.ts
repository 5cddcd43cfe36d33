import { describe, expect, it } from 'vitest';
import { validateAnswer } from '../../server/activities/call-script/outcome.js';
import { AppError } from '../../server/errors.js';
import { checkAnswer } from './answer-checks.js';
import { loadCallScriptFields, loadCallScripts } from './load.js';
import { runCallScript } from './run.js';

const scripts = loadCallScripts();
const fields = loadCallScriptFields();
const get = (lang: string) => scripts.find((s) => s.id === 'first-call' && s.lang === lang)!;
const income = (lang: string) => get(lang).questions.find((q) => q.id === 'monthly_income')!;
const TO_INCOME = {
  identity: 'yes',
  application: 'yes',
  purpose: 'business',
  employment: 'employed',
  employer_name: 'X',
  employer_phone: '',
};

// Issue 11: ru amount answers ("85 000", "85000,50") were refused, with an English hint.
describe('call-script amount answers in the script language', () => {
  it.each([
    ['ru', '85 000', '85000.00'],
    ['ru', '85\u00a0000', '85000.00'],
    ['ru', '85000,50', '85000.50'],
    ['es', '85,000.50', '85000.50'],
    ['en', '85,000', '85000.00'],
  ])('%s "%s" is accepted and written to the deal as %s', (lang, typed, stored) => {
    expect(checkAnswer(income(lang), typed, get(lang).lang)).toBeUndefined();
    const state = runCallScript(get(lang), { ...TO_INCOME, monthly_income: typed, consent: 'yes' }, fields);
    expect(state.errors).toEqual({});
    expect(state.fieldUpdates).toContainEqual({ field: 'UF_CRM_CLIENT_MONTHLY_INCOME', value: stored, questionId: 'monthly_income' });
  });

  it('refuses an ambiguous or malformed amount in the script language', () => {
    expect(checkAnswer(income('ru'), '1.000', 'ru')).toMatch(/^тысячи или копейки/);
    expect(checkAnswer(income('es'), '1.000', 'es')).toMatch(/^¿miles o decimales/);
    expect(checkAnswer(income('ru'), 'много', 'ru')).toBe('сумма, например 1 500,00');
    expect(checkAnswer(income('es'), '-5', 'es')).toBe('un monto como 1,500.00');
    const state = runCallScript(get('ru'), { ...TO_INCOME, monthly_income: '1.000' });
    expect(state.next?.id).toBe('monthly_income');
    expect(state.errors.monthly_income).toMatch(/^тысячи или копейки/);
  });

  it('the server refuses it with a 400 in the same language and accepts "85 000"', () => {
    expect(() => validateAnswer(get('ru'), 'monthly_income', '85 000')).not.toThrow();
    let refusal: unknown = null;
    try {
      validateAnswer(get('ru'), 'monthly_income', '1,000');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect([(refusal as AppError).status, (refusal as AppError).userMessage]).toEqual([400, 'тысячи или копейки? пишите 15 000 или 15,50']);
  });
});

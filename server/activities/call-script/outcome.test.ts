import { describe, expect, it } from 'vitest';
import { findScript } from './scripts.js';
import { evaluateScript, validateAnswer } from './outcome.js';

describe('call script evaluation', () => {
  const script = findScript('late', 'es')!;

  it('follows the branch and collects deal fields and return values', () => {
    const r = evaluateScript(script, { reached: 'yes', pay_today: 'promise', promise_date: '2026-12-01', comment: 'lunes' });
    expect(r).toMatchObject({ complete: true, outcome: 'promise', dealFields: { UF_CRM_LOAN_PROMISE_DATE: '2026-12-01', COMMENTS: 'lunes' }, returnValues: { promiseDate: '2026-12-01' } });
    expect(r.transcript[1]).toEqual({ question: '¿Puede pagar el monto vencido hoy?', answer: 'Promete pagar' });
  });

  it('an option with an outcome and no next ends the call; a branch skips questions', () => {
    expect(evaluateScript(script, { reached: 'no' })).toMatchObject({ complete: true, outcome: 'not_reached' });
    expect(evaluateScript(script, { reached: 'yes', pay_today: 'today', comment: 'ok' })).toMatchObject({ complete: true, outcome: 'pays_today', dealFields: { COMMENTS: 'ok' } });
    expect(evaluateScript(script, { reached: 'yes' }).complete).toBe(false);
  });

  it('refuses unknown questions, options outside the list and bad dates', () => {
    expect(() => validateAnswer(script, 'nope', 'x')).toThrow(/unknown question/);
    expect(() => validateAnswer(script, 'reached', 'maybe')).toThrow(/bad option/);
    expect(() => validateAnswer(script, 'promise_date', '1/12/2026')).toThrow(/bad date/);
    expect(() => validateAnswer(script, 'promise_date', '2026-12-01')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { allScripts, findScript } from './scripts.js';
import { evaluateScript, validateAnswer } from './outcome.js';

describe('call scripts from templates/call-scripts', () => {
  it('ships the four seed scripts in es, ru and en', () => {
    for (const id of ['first-call', 'employer-verification', 'contact-verification', 'final-call']) {
      for (const lang of ['es', 'ru', 'en']) expect(findScript(id, lang)?.lang).toBe(lang);
    }
    expect(allScripts().length).toBeGreaterThanOrEqual(12);
  });

  it('a branch that ends early gives its outcome; an unanswered path is not complete', () => {
    const s = findScript('final-call', 'es')!;
    expect(evaluateScript(s, {}).complete).toBe(false);
    const r = evaluateScript(s, { identity: 'not_available' });
    expect(r).toMatchObject({ complete: true, outcome: 'callback' });
    expect(JSON.parse(r.returnValues.answers!)).toEqual({ identity: 'not_available' });
    expect(r.transcript).toContain('No está disponible');
  });

  it('refuses unknown questions, options outside the list and a CLABE with a bad control digit', () => {
    const s = findScript('final-call', 'es')!;
    expect(() => validateAnswer(s, 'nope', 'x')).toThrow(/unknown question/);
    expect(() => validateAnswer(s, 'identity', 'maybe')).toThrow(/elija una de las opciones/);
    expect(() => validateAnswer(s, 'clabe', '012298026516924617')).toThrow(/CLABE/);
    expect(() => validateAnswer(s, 'clabe', '012298026516924616')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { loadCallScriptFields, loadCallScripts } from './load.js';
import { callReturnValues, callTranscript, runCallScript } from './run.js';
import { allPaths } from './validate.js';

const scripts = loadCallScripts();
const fields = loadCallScriptFields();
const get = (id: string, lang = 'es') => scripts.find((s) => s.id === id && s.lang === lang)!;

describe('runCallScript', () => {
  it('walks the first call: next question, field updates and outcome', () => {
    const s = get('first-call');
    expect(runCallScript(s, {}).next?.id).toBe('identity');
    const answers = {
      identity: 'yes',
      application: 'yes',
      purpose: 'business',
      employment: 'employed',
      employer_name: 'Abarrotes López',
      employer_phone: '',
      monthly_income: '12000.00',
      consent: 'yes',
    };
    const mid = runCallScript(s, answers, fields);
    // employer_phone is optional and was skipped ('').
    expect(mid.end?.outcome).toBe('completed');
    expect(mid.path).toEqual([
      'identity',
      'application',
      'purpose',
      'employment',
      'employer_name',
      'employer_phone',
      'monthly_income',
      'consent',
    ]);
    expect(mid.fieldUpdates).toContainEqual({ field: 'UF_CRM_CALL_IDENTITY_CONFIRMED', value: 'Y', questionId: 'identity' });
    expect(mid.fieldUpdates).toContainEqual({ field: 'UF_CRM_LOAN_PURPOSE', value: 'business', questionId: 'purpose' });
    expect(mid.fieldUpdates).toContainEqual({ field: 'UF_CRM_CLIENT_MONTHLY_INCOME', value: '12000.00', questionId: 'monthly_income' });
  });

  it('ignores answers off the taken branch and flags bad input', () => {
    // The Mexican script: the only one whose payout asks for a CLABE.
    const s = get('final-call', 'es');
    const r = runCallScript(
      s,
      { identity: 'yes', terms: 'yes', payout_method: 'oxxo', clabe: '012298026516924616', holder: 'yes' },
      fields,
    );
    expect(r.path).toEqual(['identity', 'terms', 'payout_method']);
    expect(r.next?.id).toBe('sms_consent');
    expect(r.fieldUpdates.map((f) => f.field)).not.toContain('UF_CRM_LOAN_PAYOUT_CLABE');
    const bad = runCallScript(s, { identity: 'yes', terms: 'yes', payout_method: 'clabe', clabe: '012 298 026516924617' });
    expect(bad.next?.id).toBe('clabe');
    expect(bad.errors.clabe).toMatch(/CLABE/);
    const good = runCallScript(s, { identity: 'yes', terms: 'yes', payout_method: 'clabe', clabe: '012 298 026516924616' }, fields);
    expect(good.fieldUpdates).toContainEqual({ field: 'UF_CRM_LOAN_PAYOUT_CLABE', value: '012298026516924616', questionId: 'clabe' });
  });

  it('every path of every script can be answered to its end', () => {
    for (const s of scripts) {
      for (const path of allPaths(s)) {
        const answers: Record<string, string> = {};
        for (let i = 0; i < path.length - 1; i++) {
          const q = s.questions.find((x) => x.id === path[i])!;
          answers[q.id] =
            q.type === 'choice'
              ? q.options.find((o) => o.next === path[i + 1])!.value
              : q.type === 'money'
                ? '100.00'
                : q.type === 'phone'
                  ? '+525512345678'
                  : q.validation === 'clabe'
                    ? '012298026516924616'
                    : 'x';
        }
        expect(runCallScript(s, answers).end?.id).toBe(path.at(-1));
      }
    }
  });

  it('builds the timeline comment and the return values', () => {
    const s = get('employer-verification', 'ru');
    const answers = { reached: 'yes', works_there: 'yes', position: 'Кассир', tenure: '1to3y', income: 'lower' };
    const text = callTranscript(s, answers, {
      employer_name: 'ООО Ромашка',
      client_name: 'Анна',
      company_name: 'МФК Заём',
      monthly_income: '40 000 руб.',
    });
    expect(text).toContain('Это ООО Ромашка? → Да');
    expect(text).toContain('→ Меньше');
    expect(text.split('\n').at(-1)).toMatch(/^= verified: /);
    expect(callReturnValues(s, answers)).toEqual({ outcome: 'verified', finished: 'Y', answers: JSON.stringify(answers) });
    expect(callReturnValues(s, { reached: 'yes' })).toMatchObject({ outcome: 'unfinished', finished: 'N' });
  });
});

import { describe, expect, it } from 'vitest';
import type { CallScriptApi } from './api.js';
import { createCallScriptModel } from './model.js';
import { questionsOnPath } from './path.js';
import type { OpenScript, ScriptQuestion } from './types.js';

const questions: ScriptQuestion[] = [
  { id: 'reached', text: 'Reached?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No', outcome: 'not_reached' }] },
  { id: 'pay', text: 'Pay?', options: [{ value: 'today', label: 'Today', next: 'comment', outcome: 'pays' }, { value: 'promise', label: 'Promise', next: 'date' }] },
  { id: 'date', text: 'Date?', input: 'date' },
  { id: 'comment', text: 'Comment', input: 'text' },
];

describe('questionsOnPath', () => {
  it('follows branches and ends on an outcome without next', () => {
    expect(questionsOnPath(questions, {}).path.map((q) => q.id)).toEqual(['reached']);
    expect(questionsOnPath(questions, { reached: 'no' })).toMatchObject({ complete: true });
    expect(questionsOnPath(questions, { reached: 'yes', pay: 'today' }).path.map((q) => q.id)).toEqual(['reached', 'pay', 'comment']);
    expect(questionsOnPath(questions, { reached: 'yes', pay: 'promise', date: '2026-12-01', comment: 'x' })).toMatchObject({ complete: true });
  });
});

describe('call-script model', () => {
  it('saves each answer at once, calls through the frame, finishes', async () => {
    const saved: [string, string][] = [];
    const phoned: string[] = [];
    let script: OpenScript = { callId: 'c1', status: 'waiting', script: { code: 'late', title: 'Late', questions }, answers: {}, outcome: null };
    const api: CallScriptApi = {
      list: async () => [script],
      answer: async (_c, q, v) => {
        saved.push([q, v]);
        script = { ...script, answers: { ...script.answers, [q]: v } };
        return script;
      },
      registerCall: async () => ({ callId: 'externalCall.1', phone: '+5215500000000' }),
      finish: async () => undefined,
    };
    const m = createCallScriptModel({ api, dealId: '7', phoneTo: async (p) => void phoned.push(p) });
    await m.load();
    await m.call();
    expect(phoned).toEqual(['+5215500000000']);
    await m.answer('reached', 'no');
    expect(saved).toEqual([['reached', 'no']]);
    expect(m.path.value.complete).toBe(true);
    await m.finish();
    expect(m.finished.value).toBe(true);
    expect(m.error.value).toBeNull();
  });
});

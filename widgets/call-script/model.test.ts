import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallScriptApi } from './api.js';
import { createCallScriptModel } from './model.js';
import { fill } from './path.js';
import type { CallScript, OpenScript } from './types.js';

const script: CallScript = {
  id: 'mini',
  lang: 'es',
  title: 'Mini',
  description: '',
  variables: ['client_name'],
  start: 'reached',
  questions: [
    {
      id: 'reached',
      type: 'choice',
      text: '¿Habla con {{client_name}}?',
      options: [
        { value: 'yes', label: 'Sí', next: 'date' },
        { value: 'no', label: 'No', next: 'end_cb' },
      ],
    },
    { id: 'date', type: 'date', text: 'Fecha', required: true, next: 'end_ok' },
  ],
  ends: [
    { id: 'end_ok', outcome: 'completed', text: 'Gracias' },
    { id: 'end_cb', outcome: 'callback', text: 'Llamaremos' },
  ],
};

describe('call-script model', () => {
  it('follows the branch, saves each answer at once, calls through the frame, finishes', async () => {
    const saved: [string, string][] = [];
    const phoned: string[] = [];
    let open: OpenScript = { callId: 'c1', status: 'waiting', script, answers: {}, outcome: null, vars: { client_name: 'Ana' } };
    const api: CallScriptApi = {
      list: async () => [open],
      answer: async (_c, q, v) => {
        saved.push([q, v]);
        open = { ...open, answers: { ...open.answers, [q]: v } };
        // As the server answers: the answers, no variables (they were sent with the list).
        return { ...open, vars: {} };
      },
      registerCall: async () => ({ callId: 'externalCall.1', phone: '+5215500000000' }),
      finish: async () => undefined,
    };
    const m = createCallScriptModel({ api, dealId: '7', phoneTo: async (p) => void phoned.push(p) });
    await m.load();
    expect(m.path.value.next?.id).toBe('reached');
    expect(fill(m.path.value.next!.text, open.vars)).toBe('¿Habla con Ana?');
    await m.call();
    expect(phoned).toEqual(['+5215500000000']);
    await m.answer('reached', 'yes');
    expect(m.path.value).toMatchObject({ complete: false, next: { id: 'date' } });
    // The first question is still shown filled after an answer, never as "{{client_name}}".
    expect(fill(m.path.value.asked[0]!.text, m.current.value!.vars)).toBe('¿Habla con Ana?');
    expect(fill('{{company_name}} / {{x}}', {}, { company_name: '(nombre de su empresa)' })).toBe('(nombre de su empresa) / …');
    await m.answer('date', 'mañana');
    expect(m.path.value.errors.date).toMatch(/fecha AAAA-MM-DD/);
    await m.answer('date', '2026-12-01');
    expect(m.path.value).toMatchObject({ complete: true, end: { outcome: 'completed' } });
    expect(saved.map(([q]) => q)).toEqual(['reached', 'date', 'date']);
    await m.finish();
    expect(m.finished.value).toBe(true);
  });

  it('a refused typed answer names its question, so the refusal shows under it; a call failure does not', async () => {
    const open: OpenScript = { callId: 'c2', status: 'waiting', script, answers: { reached: 'yes' }, outcome: null, vars: {} };
    const api: CallScriptApi = {
      list: async () => [open],
      answer: async () => {
        throw new Error('una CLABE de 18 dígitos con dígito de control válido');
      },
      registerCall: async () => {
        throw new Error('sin telefonía');
      },
      finish: async () => undefined,
    };
    const m = createCallScriptModel({ api, dealId: '7' });
    await m.load();
    await m.answer('date', '012298026516924617');
    expect([m.error.value, m.errorAt.value]).toEqual(['una CLABE de 18 dígitos con dígito de control válido', 'date']);
    await m.call();
    expect([m.error.value, m.errorAt.value]).toEqual(['sin telefonía', null]);
  });

  describe('a robot that starts after the tab was opened', () => {
    afterEach(() => vi.useRealTimers());

    it('the empty tab looks again every 3 s and shows the script once it is open, then stops looking', async () => {
      vi.useFakeTimers();
      let lists = 0;
      const open: OpenScript = { callId: 'c9', status: 'waiting', script, answers: {}, outcome: null, vars: { client_name: 'Ana' } };
      const api: CallScriptApi = {
        list: async () => (++lists >= 3 ? [open] : []),
        answer: async () => open,
        registerCall: async () => ({ callId: 'x', phone: '' }),
        finish: async () => undefined,
      };
      const m = createCallScriptModel({ api, dealId: '7' });
      await m.load();
      expect(m.current.value).toBeNull();
      const stop = m.watch(3000, 60_000);
      await vi.advanceTimersByTimeAsync(3000);
      expect(m.current.value).toBeNull();
      await vi.advanceTimersByTimeAsync(3000);
      expect(m.current.value?.callId).toBe('c9');
      await vi.advanceTimersByTimeAsync(30_000);
      expect(lists).toBe(3);
      stop();
    });

    it('gives up after its time, and a failed look is retried quietly', async () => {
      vi.useFakeTimers();
      let lists = 0;
      const api: CallScriptApi = {
        list: async () => {
          lists += 1;
          if (lists === 2) throw new Error('network');
          return [];
        },
        answer: async () => {
          throw new Error('unused');
        },
        registerCall: async () => ({ callId: 'x', phone: '' }),
        finish: async () => undefined,
      };
      const m = createCallScriptModel({ api, dealId: '7' });
      await m.load();
      m.watch(1000, 5000);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(m.error.value).toBeNull();
      expect(lists).toBeLessThanOrEqual(7);
    });
  });
});

// The call-script widget's state (signals) and actions; dependencies come in as arguments so the model
// runs the same in the browser and in tests.
import { computed, signal } from '@preact/signals';
import type { CallScriptApi } from './api.js';
import { scriptState } from './path.js';
import type { OpenScript } from './types.js';

export interface CallScriptDeps {
  api: CallScriptApi;
  dealId: string;
  /** The user's language (the placement's LANG): the script's when the deal does not tell. */
  lang?: string;
  /** Starts a call from the user's Bitrix24 telephony (frame imPhoneTo); absent outside a portal. */
  phoneTo?: (phone: string) => Promise<void>;
}

export function createCallScriptModel(deps: CallScriptDeps) {
  const scripts = signal<OpenScript[]>([]);
  const current = computed(() => scripts.value.find((s) => s.status === 'waiting') ?? null);
  const error = signal<string | null>(null);
  /** The question whose typed answer `error` refuses: shown under it, where the employee is typing. */
  const errorAt = signal<string | null>(null);
  const busy = signal(false);
  const finished = signal(false);
  /** Questions answered along the branch taken, the one to ask now, and whether an end is reached. */
  const path = computed(() => {
    const c = current.value;
    if (!c?.script) return { asked: [], next: undefined, complete: false, errors: {} as Record<string, string> };
    const st = scriptState(c.script, c.answers);
    const byId = new Map(c.script.questions.map((q) => [q.id, q]));
    return { asked: st.path.map((id) => byId.get(id)!), next: st.next, end: st.end, complete: st.complete, errors: st.errors };
  });

  const guard = async (fn: () => Promise<void>, questionId: string | null = null) => {
    busy.value = true;
    error.value = null;
    errorAt.value = null;
    try {
      await fn();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      errorAt.value = questionId;
    } finally {
      busy.value = false;
    }
  };

  return {
    scripts,
    current,
    path,
    error,
    errorAt,
    busy,
    finished,
    load: () => guard(async () => void (scripts.value = await deps.api.list(deps.dealId, deps.lang))),
    /**
     * While no script is open, looks again every `everyMs` for at most `forMs`: the robot may start
     * (or its job may run) after the collector opened the tab — the empty state says the script
     * appears here when the robot runs, so it must. Quiet: a failed look is retried, not shown.
     * Returns a function that stops watching.
     */
    watch(everyMs = 3000, forMs = 10 * 60_000): () => void {
      const until = Date.now() + forMs;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout>;
      const tick = async () => {
        if (stopped || current.value || finished.value || Date.now() > until) return;
        if (!busy.value) {
          try {
            const found = await deps.api.list(deps.dealId, deps.lang);
            if (!stopped && !busy.value) scripts.value = found;
          } catch {
            // The next look may succeed; the first load already showed any lasting problem.
          }
        }
        if (!stopped) timer = setTimeout(() => void tick(), everyMs);
      };
      timer = setTimeout(() => void tick(), everyMs);
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
    /** Saved at once: nothing is written on paper and typed later. */
    answer: (questionId: string, value: string) =>
      guard(async () => {
        const c = current.value;
        if (!c) return;
        const updated = await deps.api.answer(c.callId, questionId, value, deps.lang);
        // The reply carries the answers; the script's language and its filled variables stay as loaded
        // (the reply has none, and the texts must not fall back to raw {{names}} after an answer).
        const kept = { ...updated, script: c.script, vars: c.vars, fallbacks: c.fallbacks ?? {} };
        scripts.value = scripts.value.map((s) => (s.callId === c.callId ? kept : s));
      }, questionId),
    call: () =>
      guard(async () => {
        const c = current.value;
        if (!c) return;
        const r = await deps.api.registerCall(c.callId);
        if (deps.phoneTo && r.phone) await deps.phoneTo(r.phone);
      }),
    finish: () =>
      guard(async () => {
        const c = current.value;
        if (!c) return;
        await deps.api.finish(c.callId);
        finished.value = true;
        scripts.value = scripts.value.map((s) => (s.callId === c.callId ? { ...s, status: 'done' } : s));
      }),
  };
}

export type CallScriptModel = ReturnType<typeof createCallScriptModel>;

// State and actions of the lender section: the company name as typed, save, and the server's
// refusal beside the field. The server alone decides what a valid name is (length, characters);
// what was typed stays in the field after a refusal so the user corrects it instead of retyping.
import { signal, type Signal } from '@preact/signals';
import { ApiError } from '../shared/session-client.js';
import type { LenderApi } from './lender-api.js';
import { problemOf, type SectionProblem } from './providers-model.js';

/**
 * Why the name is refused: blank (checked here first, and by the server: details.reason 'blank');
 * the hostile-input guard names the field (a control character); the schema's length check does not.
 */
export type NameError = 'required' | 'tooLong' | 'characters';

export interface LenderModel {
  loading: Signal<boolean>;
  /** The name as the user typed it. */
  companyName: Signal<string>;
  /** The name the server holds ('' when none is set). */
  stored: Signal<string>;
  busy: Signal<boolean>;
  saved: Signal<boolean>;
  error: Signal<NameError | null>;
  problem: Signal<{ key: SectionProblem; detail: string } | null>;
  load(): Promise<void>;
  setName(value: string): void;
  save(): Promise<void>;
}

export function createLenderModel(api: LenderApi): LenderModel {
  const loading = signal(true);
  const companyName = signal('');
  const stored = signal('');
  const busy = signal(false);
  const saved = signal(false);
  const error = signal<NameError | null>(null);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);
  return {
    loading,
    companyName,
    stored,
    busy,
    saved,
    error,
    problem,
    async load() {
      loading.value = true;
      try {
        const p = await api.get();
        stored.value = p.companyName;
        companyName.value = p.companyName;
        problem.value = null;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    },
    setName(value) {
      companyName.value = value;
      saved.value = false;
      error.value = null;
    },
    async save() {
      if (busy.value) return;
      problem.value = null;
      saved.value = false;
      // SMS reminders are signed with the name and call scripts say it: blank is refused beside the field.
      error.value = companyName.value.trim() === '' ? 'required' : null;
      if (error.value) return;
      busy.value = true;
      try {
        const p = await api.save({ companyName: companyName.value });
        stored.value = p.companyName;
        companyName.value = p.companyName;
        saved.value = true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 400 && e.code === 'VALIDATION') {
          error.value = e.details.reason === 'blank' ? 'required' : typeof e.details.field === 'string' ? 'characters' : 'tooLong';
        } else {
          problem.value = problemOf(e);
        }
      } finally {
        busy.value = false;
      }
    },
  };
}

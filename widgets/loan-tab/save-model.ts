// Saving the terms: the save state the tab shows, the confirmation a re-term of a loan with payments
// asks for, and the server's answer (a refusal keeps what the user typed and only sets the state).
import { batch, type ReadonlySignal, type Signal } from '@preact/signals';
import { ApiError, type Api } from './api.js';
import type { LoanInput } from './lending-types.js';
import { describeTermChanges, type TermChange } from './payment-safety.js';

/** failed: the server's stable code (localized by the tab) and the field it names, if any. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** `message`: the server's text in the user's language (e.g. a fixed offer's, which names the stages). */
  | { kind: 'failed'; code: string; field: string | null; message: string }
  /** The loan has payments and the terms changed: what changes, waiting for the user's yes. */
  | { kind: 'confirm-reterm'; changes: TermChange[] };

/** "Saved" is about what is on screen: the first edit after a save takes it away. */
export function clearOnEdit(saveState: Signal<SaveState>): void {
  // A refusal that named a field is answered by editing: the new value is checked afresh.
  const st = saveState.peek();
  if (st.kind === 'saved' || st.kind === 'confirm-reterm' || (st.kind === 'failed' && st.field !== null))
    saveState.value = { kind: 'idle' };
}

export interface SaveDeps {
  api: Api | null;
  dealId: string | null;
  saveState: Signal<SaveState>;
  /** The terms as last saved or loaded (with the penalty): a re-term of a loan with payments asks first. */
  savedInput: Signal<LoanInput | null>;
  /** What Save sends: the terms and the servicing settings that go with them. */
  saveInput: ReadonlySignal<LoanInput>;
  canSubmit: ReadonlySignal<boolean>;
  closed: ReadonlySignal<boolean>;
  hasPayments: () => boolean;
  productCode: () => string | null;
  /** The server stored the terms as this schedule version (the payments model follows it). */
  termsSaved: (version: number | null) => void;
}

export function createSaveModel(deps: SaveDeps) {
  const { saveState, savedInput, saveInput } = deps;
  const ready = () => Boolean(deps.api && deps.dealId && deps.canSubmit.value && !deps.closed.value);

  /**
   * Saves the terms. A loan with payments whose terms change has its payments re-allocated to the
   * new schedule: that is shown first (what changes) and saved only on confirmSave().
   */
  async function save(): Promise<void> {
    if (!ready()) return;
    const before = savedInput.value;
    const changes = before && deps.hasPayments() ? describeTermChanges(before, saveInput.value) : [];
    if (changes.length > 0) {
      saveState.value = { kind: 'confirm-reterm', changes };
      return;
    }
    await confirmSave();
  }

  async function confirmSave(): Promise<void> {
    if (!deps.api || !deps.dealId || !ready()) return;
    const input = saveInput.value;
    saveState.value = { kind: 'saving' };
    try {
      const reply = await deps.api.saveLoan(deps.dealId, input, deps.productCode());
      batch(() => {
        deps.termsSaved(reply.version ?? null);
        savedInput.value = input;
        saveState.value = { kind: 'saved' };
      });
    } catch (e) {
      const code = e instanceof ApiError ? e.reason : 'NETWORK';
      const field = e instanceof ApiError && typeof e.details.field === 'string' ? e.details.field : null;
      // What the user typed stays in the form: a refusal only sets the state.
      saveState.value = { kind: 'failed', code, field, message: e instanceof ApiError ? e.message : '' };
    }
  }

  function cancelSave(): void {
    if (saveState.value.kind === 'confirm-reterm') saveState.value = { kind: 'idle' };
  }

  return { save, confirmSave, cancelSave };
}

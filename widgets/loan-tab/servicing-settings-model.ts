// The loan's own servicing settings, saved with its terms: the penalty rate, the delinquency pauses
// and whether its product's late fees apply. Servicing counts each change at once.
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { LoanInput, ServicingSettings } from './lending-types.js';
import { withoutPause, withPause, type PauseDraft, type PauseIssue } from './pauses.js';
import type { Product } from './product.js';
import type { LoanForm } from './terms-form.js';
import { readTyped, typedFromDecimal, type NumberLocale } from './typed-numbers.js';

export interface ServicingSettingsDeps {
  locale: NumberLocale;
  /**
   * The saved loan's late fees and delinquency grace and pauses (set through the loan API): serviced
   * here as the server services them, and sent back on save so saving from the tab never drops them.
   */
  savedServicing: Signal<ServicingSettings>;
  product: ReadonlySignal<Product | undefined>;
  loanInput: ReadonlySignal<LoanInput>;
  /** The form: a pause may be backdated, but not before the disbursement. */
  form: ReadonlySignal<LoanForm>;
  /** A setting changed (called inside the same batch): "saved" no longer holds. */
  onEdited: () => void;
}

export function createServicingSettingsModel(deps: ServicingSettingsDeps) {
  const { locale, savedServicing, product, onEdited } = deps;
  /** The loan's penalty rate, % a day, as typed (null: untouched, the default): saved with the loan. */
  const penaltyTyped = signal<string | null>(null);
  // The server's default for loans saved without a rate (server/loans/lending-adapter.ts): RU-MFO's
  // cap is 20 % a year while interest accrues, so 0.05 % a day there.
  const penaltyDailyPercent = computed(
    () => penaltyTyped.value ?? typedFromDecimal(deps.loanInput.value.profile === 'RU-MFO' ? '0.05' : '0.1', locale),
  );
  const penaltyRead = computed(() => readTyped(penaltyDailyPercent.value, 'penaltyDailyPercent', locale, { percent: true }));

  function setPenalty(typed: string): void {
    batch(() => {
      penaltyTyped.value = typed;
      onEdited();
    });
  }

  /** The loan's delinquency pauses: servicing counts them at once; they are stored with the loan on Save. */
  const pauses = computed(() => savedServicing.value.delinquency?.pauses ?? []);

  /** Adds a pause (backdating allowed), or answers why not — what was typed stays with the user. */
  function addPause(draft: PauseDraft): PauseIssue | null {
    const r = withPause(savedServicing.peek().delinquency, draft, deps.form.peek().disbursementDate);
    if (!r.ok) return r.issue;
    batch(() => {
      savedServicing.value = { ...savedServicing.peek(), delinquency: r.delinquency };
      onEdited();
    });
    return null;
  }

  function removePause(index: number): void {
    batch(() => {
      const { delinquency: _old, ...rest } = savedServicing.peek();
      const delinquency = withoutPause(savedServicing.peek().delinquency, index);
      savedServicing.value = { ...rest, ...(delinquency ? { delinquency } : {}) };
      onEdited();
    });
  }

  /** The loan's late fees as serviced and saved: its product's, unless waived, or the saved loan's own. */
  const lateFees = computed(() => savedServicing.value.lateFees ?? []);
  /** The product lets this loan go without its late fees (late-fee-check.ts on the server, the same rule). */
  const lateFeesWaivable = computed(() => Boolean(product.value?.lateFeesWaivable && (product.value.lateFees ?? []).length > 0));

  /** Waives the product's late fees on this loan, or takes them back; the server accepts only these two. */
  function waiveLateFees(waived: boolean): void {
    const p = product.peek();
    if (!p?.lateFeesWaivable) return;
    batch(() => {
      const { lateFees: _old, ...rest } = savedServicing.peek();
      const fees = p.lateFees ?? [];
      savedServicing.value = waived || fees.length === 0 ? rest : { ...rest, lateFees: fees };
      onEdited();
    });
  }

  return {
    penaltyTyped,
    penaltyDailyPercent,
    penaltyRead,
    setPenalty,
    pauses,
    addPause,
    removePause,
    lateFees,
    lateFeesWaivable,
    waiveLateFees,
  };
}

// The tab's model: signals for what the user typed, computed signals for what lending/ says about it.
// Actions are plain functions over the signals; dependencies (core, API, clock) come in as arguments
// (model-deps.ts), so the same model runs in the browser, the unit tests and the bench. This file
// assembles the parts, each in its own file: the terms (terms-model.ts, over the pure form in
// terms-form.ts), what-if edits (what-if-model.ts), the loan's penalty, pauses and late fees
// (servicing-settings-model.ts), the slow recomputes (recompute-model.ts), payments (payments-model.ts)
// and saving (save-model.ts). Components see one model with the parts' signals and actions.
import { batch, computed, signal } from '@preact/signals';
import type { SavedLoan, LoanStatus } from './api.js';
import { conventionItems } from './conventions-line.js';
import { feeFieldEdits } from './kept-conventions.js';
import type { LendingIssue, LoanInput, ServicingSettings } from './lending-types.js';
import type { ModelDeps } from './model-deps.js';
import { createPaymentsModel } from './payments-model.js';
import { createRecomputeModel } from './recompute-model.js';
import { clearOnEdit, createSaveModel, type SaveState } from './save-model.js';
import { formFromSaved } from './saved-form.js';
import { createServicingSettingsModel } from './servicing-settings-model.js';
import { createTermsModel } from './terms-model.js';
import { readTyped, typedFromDecimal } from './typed-numbers.js';
import { createWhatIfModel } from './what-if-model.js';

export type { LendingCore, ModelDeps } from './model-deps.js';
export type { Product } from './product.js';
export type { SaveState } from './save-model.js';
export { ANNUITY_MODES, addMonthsIso, defaultForm, firstDueFor, readLoanNumbers, stepApplies, toLoanInput } from './terms-form.js';
export type { AnnuityMode, LoanForm, LoanNumbers } from './terms-form.js';
export type { ConventionItem } from './conventions-line.js';

export function createLoanModel(deps: ModelDeps) {
  const locale = deps.locale ?? 'en';
  const scale = deps.core.scaleOf(deps.currency);
  const saveState = signal<SaveState>({ kind: 'idle' });
  const edited = () => clearOnEdit(saveState);
  /** A CLOSED loan (its deal was deleted) is read-only: shown, never saved, paid or reversed. */
  const loanStatus = signal<{ status: LoanStatus; closedReason: string | null }>({ status: 'ACTIVE', closedReason: null });
  const closed = computed(() => loanStatus.value.status === 'CLOSED');
  /** What the lifecycle says of the loan's issue (server/lifecycle/issue-state.ts); a new loan is not saved yet. */
  const issue = signal<SavedLoan['issue']>(undefined);
  // Payments that count, reversed ones, adding and reversing (payments-model.ts); its signals and
  // actions are part of this model's surface under the same names.
  const { load: loadPayments, ...pay } = createPaymentsModel({
    checkPayment: deps.core.checkPayment,
    scale,
    readAmount: (raw) => readTyped(raw, 'paymentAmount', locale, { scale }),
    api: deps.api,
    dealId: deps.dealId,
    newId: deps.newId,
    closed,
    // The refusal stands beside the amount (paymentError), in the user's language — not at the top.
    onPaymentRefused: () => undefined,
    onLoanClosed: (reason) => (loanStatus.value = { status: 'CLOSED', closedReason: reason }),
  });

  /** The loan's late fees, delinquency grace and pauses: the terms' product and the settings both set them. */
  const savedServicing = signal<ServicingSettings>({});
  const terms = createTermsModel({
    core: deps.core,
    currency: deps.currency,
    today: deps.today,
    products: deps.products,
    locale,
    scale,
    savedServicing,
    onEdited: () => {
      edited();
      // What-if edits refer to rows of the old schedule; a new loan shape makes them meaningless.
      whatIf.resetWhatIf();
    },
  });
  const { form, product, loanInput, baseSchedule, rangeIssues } = terms;
  const whatIf = createWhatIfModel({ core: deps.core, locale, scale, baseSchedule, loanInput });
  const settings = createServicingSettingsModel({ locale, savedServicing, product, loanInput, form, onEdited: edited });
  const { penaltyRead } = settings;
  const slow = createRecomputeModel({
    core: deps.core,
    defer: deps.defer,
    today: deps.today,
    locale,
    scale,
    loanInput,
    baseSchedule,
    savedServicing,
    servicingPayments: pay.servicingPayments,
    servicingPrepayments: pay.servicingPrepayments,
    penaltyRead,
    saveState,
  });

  const issues = computed<LendingIssue[]>(() => [
    ...(whatIf.schedule.value.ok ? [] : whatIf.schedule.value.issues),
    ...rangeIssues.value,
    ...whatIf.whatIfIssues.value,
    ...(slow.penaltyIssue.value ? [slow.penaltyIssue.value] : []),
  ]);
  /** Saving needs a schedule, a loan inside its product's ranges and a penalty that reads (the server checks again). */
  const canSubmit = computed(() => baseSchedule.value.ok && rangeIssues.value.length === 0 && penaltyRead.value.issue === null);
  /** What Save sends: the terms and the penalty rate that goes with them. */
  const saveInput = computed<LoanInput>(() => ({
    ...loanInput.value,
    ...savedServicing.value,
    penaltyDailyPercent: penaltyRead.value.value,
  }));
  const savedInput = signal<LoanInput | null>(null);
  const saving = createSaveModel({
    api: deps.api,
    dealId: deps.dealId,
    saveState,
    savedInput,
    saveInput,
    canSubmit,
    closed,
    hasPayments: () => pay.payments.value.length > 0,
    productCode: () => product.value?.code ?? null,
    termsSaved: pay.termsSaved,
  });

  function load(saved: SavedLoan): void {
    const l = saved.loan;
    batch(() => {
      const code = saved.productId && terms.products.some((p) => p.code === saved.productId) ? saved.productId : '';
      form.value = formFromSaved(l, code, form.value, locale, scale);
      terms.savedProfile.value = l.profile ?? undefined;
      savedServicing.value = { ...(l.lateFees ? { lateFees: l.lateFees } : {}), ...(l.delinquency ? { delinquency: l.delinquency } : {}) };
      settings.penaltyTyped.value = l.penaltyDailyPercent === undefined ? null : typedFromDecimal(l.penaltyDailyPercent, locale);
      savedInput.value = saveInput.peek();
      loadPayments(saved);
      loanStatus.value = { status: saved.status ?? 'ACTIVE', closedReason: saved.closedReason ?? null };
      issue.value = saved.issue;
    });
  }

  /** The conventions the figures use where they are not the tab's defaults (the line under the terms). */
  const conventions = computed(() => conventionItems(loanInput.value));
  /** The fee field edits the loan's first fee only when it is an amount at the disbursement (kept-conventions.ts). */
  const feeEditable = computed(() => feeFieldEdits(form.value.conventions));

  return {
    currency: deps.currency,
    locale,
    dealId: deps.dealId,
    products: terms.products,
    canSave: deps.api !== null && deps.dealId !== null,
    form,
    dateEdits: whatIf.dateEdits,
    amountEdits: whatIf.amountEdits,
    ...pay,
    loanStatus,
    closed,
    /**
     * Not issued yet: no payments to book, no arrears or payoff to show. The stage's word is taken only
     * while it cannot hide a running loan from a collector: a booked payment, or a disbursement date
     * already past, means the loan runs whatever the stage says (a map saved after the deal was issued,
     * a deal moved to a stage the map does not name).
     */
    notIssued: computed(() => issue.value === 'not-issued' && pay.payments.value.length === 0 && form.value.disbursementDate >= deps.today),
    asOf: slow.asOf,
    penaltyDailyPercent: settings.penaltyDailyPercent,
    penaltyIssue: slow.penaltyIssue,
    setPenalty: settings.setPenalty,
    pauses: settings.pauses,
    lateFees: settings.lateFees,
    lateFeesWaivable: settings.lateFeesWaivable,
    waiveLateFees: settings.waiveLateFees,
    addPause: settings.addPause,
    removePause: settings.removePause,
    saveState,
    loanInput,
    conventions,
    feeEditable,
    baseSchedule,
    canSubmit,
    product,
    /** The product whose settings the loan takes: none while a saved loan keeps its own under it. */
    appliedProduct: terms.appliedProduct,
    schedule: whatIf.schedule,
    effectiveRates: slow.effectiveRates,
    servicing: slow.servicing,
    issues,
    whatIfActive: whatIf.whatIfActive,
    setField: terms.setField,
    editDueDate: whatIf.editDueDate,
    editAmount: whatIf.editAmount,
    resetWhatIf: whatIf.resetWhatIf,
    load,
    save: saving.save,
    confirmSave: saving.confirmSave,
    cancelSave: saving.cancelSave,
    overpayment: slow.overpayment,
  };
}

export type LoanModel = ReturnType<typeof createLoanModel>;

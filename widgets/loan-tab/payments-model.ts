// The tab's payments: the ones that count (with how they were paid), the ones a reversing entry
// cancelled, and the actions on them. Adding is optimistic — the core checks and allocates at
// once, the server allocates authoritatively. A payment the server refuses (4xx: it booked nothing)
// leaves the list; one whose answer never came (network, 5xx: it may or may not be booked) stays,
// marked unconfirmed, and is sent again under the same id, which the server recognises. Reversing
// is not optimistic: it corrects the ledger, so the payment leaves the list only when the server
// has booked the reversing entry.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { ApiError, type Api, type ReversalReason, type SavedLoan, type SavedPayment, type SavedReversedPayment } from './api.js';
import type { Key } from './i18n.js';
import type { LendingIssue, PaymentInput, PrepaymentInput } from './lending-types.js';
import { causeOf, heldOf, type HeldSchedule, type ScheduleVersionSeen, type VersionCause } from './schedule-version.js';

/** A payment that counts, as listed: servicing reads only id, date and amount. */
export interface PaymentRecord extends PaymentInput {
  method: string | null;
  reference: string | null;
  /** A prepayment: its mode (reduce-term, reduce-installment, reschedule-next); absent on an ordinary payment. */
  prepaymentMode?: PrepaymentInput['mode'] | undefined;
  /** Sent, but no answer arrived: the server may or may not have booked it (retryPayment). */
  unconfirmed?: boolean;
}

export interface ReversedRecord extends PaymentRecord {
  reversal: { date: string; reasonCode: string | null; note: string | null };
}

export type ReversalState =
  | { kind: 'idle' }
  | { kind: 'reversing'; paymentId: string }
  /** code: the server's error code (LOAN_CLOSED, PAYMENT_NOT_FOUND, …) or NETWORK. */
  | { kind: 'failed'; paymentId: string; code: string };

export interface PaymentsDeps {
  checkPayment(p: PaymentInput, scale: number): LendingIssue | null;
  scale: number;
  /** The typed amount read in the user's locale (typed-numbers.ts): a decimal, or why it is not one. */
  readAmount(raw: string): { value: string; issue: LendingIssue | null };
  api: Api | null;
  dealId: string | null;
  newId: () => string;
  /** The loan is closed: nothing may be added or reversed. */
  closed: ReadonlySignal<boolean>;
  /** The server refused a payment the tab already shows (the tab reports it with the save state). */
  onPaymentRefused: (message: string) => void;
  /** The server says the loan is closed (its deal was deleted while the tab was open). */
  onLoanClosed: (reason: string | null) => void;
}

const REVERSAL_ERROR_KEYS: Partial<Record<string, Key>> = {
  LOAN_CLOSED: 'err.LOAN_CLOSED',
  PAYMENT_NOT_FOUND: 'err.PAYMENT_NOT_FOUND',
  IDEMPOTENCY_MISMATCH: 'err.REVERSED_OTHER_REASON',
  SESSION_INVALID: 'err.SESSION_INVALID',
};

/** The message for a failed reversal, in the user's language; a generic "try again" for the rest. */
export function reversalErrorKey(code: string): Key {
  return REVERSAL_ERROR_KEYS[code] ?? 'err.REVERSAL_TRY_AGAIN';
}

function toRecord(p: SavedPayment): PaymentRecord {
  const mode = p.prepaymentMode ? { prepaymentMode: p.prepaymentMode } : {};
  return { id: p.id, date: p.date, amount: p.amount, method: p.method ?? null, reference: p.reference ?? null, ...mode };
}

function toReversed(p: SavedReversedPayment): ReversedRecord {
  const r = p.reversal;
  return { ...toRecord(p), reversal: { date: r.date, reasonCode: r.reasonCode, note: r.note } };
}

export function createPaymentsModel(deps: PaymentsDeps) {
  function noteClosed(e: unknown): void {
    if (e instanceof ApiError && e.code === 'LOAN_CLOSED')
      deps.onLoanClosed(typeof e.details.reason === 'string' ? e.details.reason : null);
  }

  const payments = signal<PaymentRecord[]>([]);
  const reversedPayments = signal<ReversedRecord[]>([]);
  const paymentError = signal<LendingIssue | null>(null);
  /** A payment is on its way to the server: the form shows progress and sends nothing else. */
  const adding = signal(false);
  const reversal = signal<ReversalState>({ kind: 'idle' });
  /** What servicing recomputes from: the payments that count, without how they were paid. */
  const servicingPayments = computed<PaymentInput[]>(() =>
    payments.value.filter((p) => !p.prepaymentMode).map(({ id, date, amount }) => ({ id, date, amount })),
  );
  /** The prepayments that count, each with its mode: servicing applies them in date order with the payments. */
  const servicingPrepayments = computed<PrepaymentInput[]>(() =>
    payments.value.flatMap(({ id, date, amount, prepaymentMode: mode }) => (mode ? [{ id, date, amount, mode }] : [])),
  );
  /**
   * Once a prepayment rebuilt the schedule (reduce-term, reduce-installment), the rows the server holds
   * as its current version: the tab shows these, not the rows rebuilt from the form. Null otherwise.
   */
  const heldSchedule = signal<HeldSchedule | null>(null);
  /** The loan's schedule version as last seen from the server. */
  let version: number | null = null;
  /**
   * That version and why it was written, whatever rows it holds: after reversing the only rebuilding
   * prepayment the rows are the contract's again (the form computes them), yet the loan is on a new
   * version, and the tab still says which. Null until the server names one.
   */
  const scheduleVersion = signal<ScheduleVersionSeen | null>(null);
  const seeVersion = (v: number | null, cause: VersionCause): void => {
    version = v;
    scheduleVersion.value = v === null ? null : { version: v, cause };
  };
  /** Reversal needs the server: only a tab bound to a deal, on an active loan. */
  const canReverse = computed(() => deps.api !== null && deps.dealId !== null && !deps.closed.value);

  function load(saved: Pick<SavedLoan, 'payments' | 'reversedPayments' | 'version' | 'versionReason' | 'schedule'>): void {
    const rebuilt = saved.payments.some(rebuilds);
    batch(() => {
      seeVersion(saved.version ?? null, causeOf(saved.versionReason));
      heldSchedule.value = rebuilt && saved.schedule && version !== null ? heldOf(version, saved.schedule) : null;
      payments.value = saved.payments.map(toRecord);
      reversedPayments.value = (saved.reversedPayments ?? []).map(toReversed);
      paymentError.value = null;
      reversal.value = { kind: 'idle' };
    });
  }

  /**
   * Shown at once from the core; sent to the server, which allocates authoritatively. True when the
   * payment is listed (booked, or sent and unconfirmed): only then may the form forget what was typed.
   */
  async function addPayment(
    date: string,
    amount: string,
    method = 'cash',
    reference = '',
    prepaymentMode?: PrepaymentInput['mode'],
  ): Promise<boolean> {
    if (deps.closed.value || adding.value) return false;
    const typed = deps.readAmount(amount);
    const payment: PaymentInput = { id: deps.newId(), date, amount: typed.value };
    const issue = typed.issue ?? deps.checkPayment(payment, deps.scale);
    if (issue) {
      paymentError.value = issue;
      return false;
    }
    const record: PaymentRecord = { ...payment, method, reference: reference || null, ...(prepaymentMode ? { prepaymentMode } : {}) };
    batch(() => {
      paymentError.value = null;
      payments.value = [...payments.value, record];
      adding.value = true;
    });
    try {
      return await send(record);
    } finally {
      adding.value = false;
    }
  }

  /** Sends a payment the tab already lists; settles it as booked, refused (false) or unconfirmed. */
  async function send(p: PaymentRecord): Promise<boolean> {
    if (!deps.api || !deps.dealId) return true;
    try {
      const reply = await deps.api.registerPayment(deps.dealId, {
        id: p.id,
        date: p.date,
        amount: p.amount,
        method: p.method ?? 'cash',
        reference: p.reference ?? '',
        ...(p.prepaymentMode ? { prepaymentMode: p.prepaymentMode } : {}),
      });
      if (p.unconfirmed) mark(p.id, false);
      if (p.prepaymentMode && reply?.version !== undefined && reply.version !== version) await fetchHeld(reply.version, 'prepayment');
      return true;
    } catch (e) {
      noteClosed(e);
      deps.onPaymentRefused(e instanceof Error ? e.message : String(e));
      // A 4xx is the server refusing before it writes (validation, session, closed loan): the
      // payment leaves the list and its code stands beside the amount the user can now correct.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        batch(() => {
          payments.value = payments.value.filter((x) => x.id !== p.id);
          paymentError.value = { code: e.reason, field: 'paymentAmount' };
        });
        return false;
      }
      mark(p.id, true);
      return true;
    }
  }

  /** The version a prepayment (or a reversal) left, as the server stores it; on failure the tab keeps what it computed. */
  async function fetchHeld(v: number, cause: VersionCause): Promise<void> {
    seeVersion(v, cause);
    if (!deps.api || !deps.dealId) return;
    try {
      const r = await deps.api.scheduleVersion(deps.dealId, v);
      heldSchedule.value = heldOf(r.version, r.schedule);
    } catch {
      // The booking stands; the schedule shown is the one computed here until the tab is reopened.
    }
  }

  /** New terms were saved: the schedule is the form's again, as the server stores it under `v`. */
  function termsSaved(v: number | null, cause: VersionCause = 'terms'): void {
    // A save that changed nothing answers the same version: it keeps the cause it was written for.
    const same = v !== null && v === version ? scheduleVersion.value : null;
    batch(() => {
      seeVersion(v, same ? same.cause : cause);
      heldSchedule.value = null;
    });
  }

  function mark(id: string, unconfirmed: boolean): void {
    payments.value = payments.value.map((x) => (x.id === id ? { ...x, unconfirmed } : x));
  }

  /** Sends an unconfirmed payment again under its id: booked once, whatever happened before. */
  async function retryPayment(id: string): Promise<void> {
    const p = payments.value.find((x) => x.id === id);
    if (p?.unconfirmed && !deps.closed.value) await send(p);
  }

  /** True when the server booked the reversal (or had booked it already with the same reason). */
  async function reversePayment(paymentId: string, reasonCode: ReversalReason, note = ''): Promise<boolean> {
    const target = payments.value.find((p) => p.id === paymentId);
    // One reversal at a time: a second click while the first is on its way sends nothing.
    if (!target || !canReverse.value || reversal.value.kind === 'reversing' || !deps.api || !deps.dealId) return false;
    reversal.value = { kind: 'reversing', paymentId };
    try {
      const { reversal: r, version: v } = await deps.api.reversePayment(deps.dealId, paymentId, { reasonCode, note });
      const left = payments.value.filter((p) => p.id !== paymentId);
      // Reversing a rebuilding prepayment left a new version (the later prepayments re-applied on it):
      // the tab shows it as it shows a prepayment's; with none left rebuilding, it is the contract's
      // schedule again, which the form computes — as a reopened tab would show it (load).
      if (v !== undefined && v !== version) {
        if (left.some(rebuilds)) await fetchHeld(v, 'reversal');
        else termsSaved(v, 'reversal');
      }
      batch(() => {
        payments.value = left;
        reversedPayments.value = [
          ...reversedPayments.value,
          { ...target, reversal: { date: r.date, reasonCode: r.reasonCode, note: r.note } },
        ];
        reversal.value = { kind: 'idle' };
      });
      return true;
    } catch (e) {
      reversal.value = { kind: 'failed', paymentId, code: e instanceof ApiError ? e.reason : 'NETWORK' };
      noteClosed(e);
      return false;
    }
  }

  /** Closing the confirmation forgets its error. */
  function dismissReversalError(): void {
    if (reversal.value.kind === 'failed') reversal.value = { kind: 'idle' };
  }

  return {
    payments,
    reversedPayments,
    paymentError,
    adding,
    reversal,
    servicingPayments,
    servicingPrepayments,
    heldSchedule,
    scheduleVersion,
    termsSaved,
    canReverse,
    load,
    addPayment,
    retryPayment,
    reversePayment,
    dismissReversalError,
  };
}

export type PaymentsModel = ReturnType<typeof createPaymentsModel>;

/** A prepayment whose mode rebuilds the schedule (reduce-term, reduce-installment). */
function rebuilds(p: { prepaymentMode?: PrepaymentInput['mode'] | null | undefined }): boolean {
  return !!p.prepaymentMode && p.prepaymentMode !== 'reschedule-next';
}

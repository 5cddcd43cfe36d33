import type { Static } from '@sinclair/typebox';
import type { LoanViewBody, PaymentView as PaymentWire, ReversedPaymentView as ReversedPaymentWire } from '../../../wire/loans.js';
import type { Executor } from '../../db/executor.js';
import type { LoanInput, PaymentAllocation, Schedule, Servicing } from '../lending-types.js';
import type { LoanStatus } from '../loan.js';
import { loadLoanStateByDeal, servicingOf } from './loan-state.js';

// The view's shape is the wire's (wire/loans.ts, what the route validates and the tab reads), narrowed
// where the wire says only "JSON" and the server knows the lending core's type: the saved input, the
// servicing and the allocations.
type Narrowed<T, K extends keyof T, N> = Omit<T, K> & N;
type Allocations = { allocationAtPosting: PaymentAllocation | null };

export type PaymentView = Narrowed<
  Static<typeof PaymentWire>,
  'allocationAtPosting' | 'allocation',
  Allocations & { allocation: PaymentAllocation | null }
>;
export type ReversedPaymentView = Narrowed<Static<typeof ReversedPaymentWire>, 'allocationAtPosting', Allocations>;

/** What GET /api/v1/deals/:dealId/loan answers: `loan` is the saved input (the widget recomputes from it). */
export type LoanView = Narrowed<
  Static<typeof LoanViewBody>,
  'status' | 'loan' | 'schedule' | 'servicing' | 'payments' | 'reversedPayments',
  {
    status: LoanStatus;
    loan: LoanInput;
    schedule: Schedule;
    servicing: Servicing;
    /** Payments that count (not reversed), oldest first. */
    payments: PaymentView[];
    reversedPayments: ReversedPaymentView[];
  }
>;

/** Everything the loan tab shows for a deal as of a date; null when the deal has no loan yet. */
export async function getLoanView(db: Executor, portalId: string, dealId: number, asOf: string): Promise<LoanView | null> {
  const state = await loadLoanStateByDeal(db, portalId, dealId);
  if (!state) return null;
  const { loan, schedule, ledger } = state;
  const servicing = servicingOf(state, asOf);
  const allocations = new Map(servicing.allocations.map((a) => [a.paymentId, a]));
  const reversals = new Map(ledger.filter((e) => e.kind === 'REVERSAL' && e.reversesId).map((e) => [e.reversesId as string, e]));
  const payments: PaymentView[] = [];
  const reversedPayments: ReversedPaymentView[] = [];
  for (const e of ledger) {
    if (e.kind !== 'PAYMENT' && e.kind !== 'PREPAYMENT') continue;
    const base = {
      id: e.externalId,
      entryId: e.id,
      date: e.valueDate,
      amount: e.amount,
      method: e.method,
      reference: e.reference,
      createdAt: e.createdAt,
      allocationAtPosting: e.allocation,
      prepaymentMode: e.prepaymentMode ?? null,
    };
    const r = reversals.get(e.id);
    if (r)
      reversedPayments.push({
        ...base,
        reversal: { entryId: r.id, date: r.valueDate, reasonCode: r.reasonCode, note: r.reference, createdAt: r.createdAt },
      });
    else payments.push({ ...base, allocation: allocations.get(e.externalId) ?? null });
  }
  return {
    loanId: loan.id,
    dealId: loan.dealId,
    productId: loan.productId,
    status: loan.status,
    closedReason: loan.closedReason,
    closedAt: loan.closedAt,
    version: loan.currentScheduleVersion,
    versionReason: schedule.reason,
    updatedAt: loan.updatedAt,
    asOf,
    loan: schedule.terms,
    schedule: {
      installmentAmount: schedule.installmentAmount,
      rows: schedule.rows,
      totals: schedule.totals,
      effectiveRates: schedule.effectiveRates,
    },
    payments,
    reversedPayments,
    servicing,
  };
}

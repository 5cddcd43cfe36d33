import type { Executor } from '../../db/executor.js';
import type { LoanInput, PaymentAllocation, Schedule, Servicing } from '../lending-types.js';
import type { LoanStatus } from '../loan.js';
import { loadLoanStateByDeal, servicingOf } from './loan-state.js';

export interface PaymentView {
  id: string;
  entryId: string;
  date: string;
  amount: string;
  method: string | null;
  reference: string | null;
  createdAt: string;
  /** How the payment was allocated when it was registered (stored with the entry). */
  allocationAtPosting: PaymentAllocation | null;
  /** How it is allocated now, with later and backdated payments taken into account; null after asOf. */
  allocation: PaymentAllocation | null;
}

export interface ReversedPaymentView extends Omit<PaymentView, 'allocation'> {
  reversal: { entryId: string; date: string; reasonCode: string | null; note: string | null; createdAt: string };
}

/** What GET /api/v1/deals/:dealId/loan answers: `loan` is the saved input (the widget recomputes from it). */
export interface LoanView {
  loanId: string;
  dealId: number;
  productId: string | null;
  status: LoanStatus;
  /** Why a CLOSED loan was closed (e.g. DEAL_DELETED); null while active. A closed loan is read-only. */
  closedReason: string | null;
  closedAt: string | null;
  version: number;
  updatedAt: string;
  asOf: string;
  loan: LoanInput;
  schedule: Schedule;
  /** Payments that count (not reversed), oldest first. */
  payments: PaymentView[];
  reversedPayments: ReversedPaymentView[];
  servicing: Servicing;
}

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
    if (e.kind !== 'PAYMENT') continue;
    const base = {
      id: e.externalId,
      entryId: e.id,
      date: e.valueDate,
      amount: e.amount,
      method: e.method,
      reference: e.reference,
      createdAt: e.createdAt,
      allocationAtPosting: e.allocation,
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

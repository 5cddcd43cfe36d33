import type { Executor } from '../db-types.js';
import type { LoanInput, PaymentAllocation, Schedule, Servicing } from '../lending-types.js';
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
  /** How it is allocated now, with every later and backdated payment taken into account; null if after asOf or reversed. */
  allocation: PaymentAllocation | null;
  reversal: { entryId: string; date: string; reasonCode: string | null; note: string | null } | null;
}

export interface LoanView {
  loan: { id: string; dealId: number; productId: string | null; currency: string; principal: string; status: string; scheduleVersion: number; updatedAt: string };
  terms: LoanInput;
  schedule: Schedule;
  payments: PaymentView[];
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
  const payments: PaymentView[] = ledger
    .filter((e) => e.kind === 'PAYMENT')
    .map((e) => {
      const r = reversals.get(e.id);
      return {
        id: e.externalId,
        entryId: e.id,
        date: e.valueDate,
        amount: e.amount,
        method: e.method,
        reference: e.reference,
        createdAt: e.createdAt,
        allocationAtPosting: e.allocation,
        allocation: r ? null : (allocations.get(e.externalId) ?? null),
        reversal: r ? { entryId: r.id, date: r.valueDate, reasonCode: r.reasonCode, note: r.reference } : null,
      };
    });
  return {
    loan: { id: loan.id, dealId: loan.dealId, productId: loan.productId, currency: loan.currency, principal: loan.principal, status: loan.status, scheduleVersion: loan.currentScheduleVersion, updatedAt: loan.updatedAt },
    terms: schedule.terms,
    schedule: { installmentAmount: schedule.installmentAmount, rows: schedule.rows, totals: schedule.totals, effectiveRates: schedule.effectiveRates },
    payments,
    servicing,
  };
}

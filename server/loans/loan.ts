import type { PrepaymentModeT } from '../../wire/loans.js';
import type { LoanInput, PaymentAllocation, Schedule } from './lending-types.js';

export type LoanStatus = 'ACTIVE' | 'CLOSED';

/**
 * Why a loan was closed. DEAL_DELETED: its deal was deleted in the portal (confirmed with the
 * portal, not just an event), so the loan is read-only and no longer synced; its ledger and
 * schedule versions stay for audit. DEAL_LOST: the deal entered a stage mapped to "closed" before
 * the loan was issued (server/lifecycle).
 */
export type LoanClosedReason = 'DEAL_DELETED' | 'DEAL_LOST';

export interface Loan {
  id: string;
  portalId: string;
  dealId: number;
  productId: string | null;
  currency: string;
  principal: string;
  terms: LoanInput;
  status: LoanStatus;
  closedReason: LoanClosedReason | null;
  closedAt: string | null;
  currentScheduleVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleVersion extends Schedule {
  loanId: string;
  version: number;
  /**
   * Set on a version that prepayments rebuilt: the version (built from its terms) that servicing starts
   * from, so the prepayments already booked are never applied twice. Null: this version is its own base.
   */
  baseVersion: number | null;
  terms: LoanInput;
  reason: string;
  createdBy: number | null;
  createdAt: string;
}

export type LedgerKind = 'DISBURSEMENT' | 'PAYMENT' | 'PREPAYMENT' | 'REVERSAL' | 'ADJUSTMENT';

/** What a PREPAYMENT does to the schedule (lending README "Servicing input", `prepayments[].mode`). */
export type PrepaymentMode = PrepaymentModeT;

/** One append-only ledger line. A REVERSAL carries the negated amount and `reversesId`. */
export interface LedgerEntry {
  id: string;
  loanId: string;
  kind: LedgerKind;
  amount: string;
  currency: string;
  valueDate: string;
  externalId: string;
  requestHash: string;
  reversesId: string | null;
  reasonCode: string | null;
  method: string | null;
  reference: string | null;
  allocation: PaymentAllocation | null;
  createdBy: number | null;
  createdAt: string;
  /** A PREPAYMENT's mode; absent or null on every other kind. */
  prepaymentMode?: PrepaymentMode | null;
}

// Calls to our own backend. The page carries a short-lived session token (issued by the placement
// handler after it verified the portal's POST); it is bound to portal, user and deal, so these calls
// can only touch the deal the tab was opened for. The server re-validates everything.
//
// Renewal of an expired session (once, then the request is repeated once with the same body) is
// widgets/shared/session-client.ts, the same for every widget. A repeated payment keeps its id, so
// the server recognises it as the same payment (idempotent). The calculator uses the same renewal
// to bind its session to the deal it has just created (bindDeal).
import type {
  LoanView,
  PaymentBodyT,
  PaymentViewT,
  ReversalBodyT,
  ReversalReplyT,
  ReversedPaymentViewT,
  SaveLoanReplyT,
  ScheduleVersionReplyT,
} from '../../wire/loans.js';
import { ApiError, createSessionClient, type PortalAuth } from '../shared/session-client.js';
import type { LoanInput, PaymentInput } from './lending-types.js';

// The shapes below are the server's wire schemas (wire/loans.ts), narrowed to what the tab reads.

export { ApiError };

export interface ApiConfig {
  /** Our app origin + prefix, e.g. '' (same origin as the widget page) or 'https://app.example'. */
  baseUrl: string;
  sessionToken: string;
  /** The user's fresh portal auth (bridge.freshAuth); without it an expired session stays expired. */
  portalAuth?: () => Promise<PortalAuth>;
}

/** A payment as the server lists it (LoanView.payments); only what the tab shows or recomputes from. */
export type SavedPayment = PaymentInput & Partial<Pick<PaymentViewT, 'method' | 'reference' | 'prepaymentMode'>>;

/** The reasons the tab offers for reversing a payment; the server takes any /^[A-Z0-9_]+$/ code. */
export const REVERSAL_REASONS = ['DUPLICATE', 'WRONG_AMOUNT', 'WRONG_LOAN', 'BOUNCED'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];

/** `date`: the day the reversing entry was booked ("reversed on"). */
export type ReversalInfo = Pick<ReversedPaymentViewT['reversal'], 'date' | 'reasonCode' | 'note'>;

/** A payment that a reversing entry cancelled (LoanView.reversedPayments); it no longer counts. */
export interface SavedReversedPayment extends SavedPayment {
  reversal: ReversalInfo;
}

/** ACTIVE, or CLOSED: read-only, the server answers 409 LOAN_CLOSED to saves, payments and reversals. */
export type LoanStatus = LoanView['status'];

/** What the tab reads from GET …/loan (the server's LoanView carries more). */
/** A loan as stored: the server keeps what was posted, so a single-payment loan may have no frequency. */
export type SavedLoanTerms = Omit<LoanInput, 'frequency'> & { frequency?: LoanInput['frequency'] };

export type SavedLoan = Partial<
  Pick<LoanView, 'productId' | 'status' | 'closedReason' | 'issue' | 'version' | 'versionReason' | 'schedule'>
> & {
  loan: SavedLoanTerms;
  /** Payments that count, oldest first. */
  payments: SavedPayment[];
  reversedPayments?: SavedReversedPayment[];
};

/** The note: up to 500 characters; an empty note is not sent. The reason: one the tab offers. */
export type ReversalRequest = Omit<ReversalBodyT, 'reasonCode'> & { reasonCode: ReversalReason };

/** `replayed`: the payment had already been reversed with the same reason (the first result). */
export type ReversalReply = ReversalReplyT;

export function createApi(cfg: ApiConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  const deal = (dealId: string): string => `/api/v1/deals/${encodeURIComponent(dealId)}`;
  return {
    /** The saved loan of the deal, or null when none has been saved yet. */
    async loadLoan(dealId: string): Promise<SavedLoan | null> {
      try {
        return await client.request<SavedLoan>('GET', `${deal(dealId)}/loan`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    saveLoan(dealId: string, loan: LoanInput, productId: string | null = null): Promise<Partial<Pick<SaveLoanReplyT, 'version'>>> {
      return client.request('POST', `${deal(dealId)}/loan`, { loan, productId });
    },
    /** The payment id is made here, before sending, so a retry is recognised as the same payment. */
    /** `version`: the loan's schedule version after the booking (one more when a prepayment rebuilt it). */
    registerPayment(dealId: string, payment: PaymentBodyT): Promise<{ version?: number | undefined } | undefined> {
      return client.request('POST', `${deal(dealId)}/payments`, payment);
    },
    /** One stored schedule version (GET …/loan/schedule-versions/:version): the rows the server holds. */
    scheduleVersion(dealId: string, version: number): Promise<Pick<ScheduleVersionReplyT, 'version' | 'schedule'>> {
      return client.request('GET', `${deal(dealId)}/loan/schedule-versions/${version}`);
    },
    /**
     * Reverses a wrong payment with a new reversing entry (the payment itself is never edited).
     * Repeating it answers the first reversal, so a retry after a lost answer is harmless.
     */
    reversePayment(dealId: string, paymentId: string, req: ReversalRequest): Promise<ReversalReply> {
      const note = req.note?.trim();
      return client.request('POST', `${deal(dealId)}/payments/${encodeURIComponent(paymentId)}/reversal`, {
        reasonCode: req.reasonCode,
        ...(note ? { note } : {}),
      });
    },
    /**
     * Calculator: bind this (unbound) session to the deal the user has just created through the
     * frame. The server checks with the user's own token that they created it after the session began.
     */
    bindDeal(dealId: string): Promise<void> {
      return client.bindDeal(Number(dealId));
    },
  };
}

export type Api = ReturnType<typeof createApi>;

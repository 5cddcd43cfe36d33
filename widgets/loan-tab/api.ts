// Calls to our own backend. The page carries a short-lived session token (issued by the placement
// handler after it verified the portal's POST); it is bound to portal, user and deal, so these calls
// can only touch the deal the tab was opened for. The server re-validates everything.
//
// Renewal of an expired session (once, then the request is repeated once with the same body) is
// widgets/shared/session-client.ts, the same for every widget. A repeated payment keeps its id, so
// the server recognises it as the same payment (idempotent). The calculator uses the same renewal
// to bind its session to the deal it has just created (bindDeal).
import { ApiError, createSessionClient, type PortalAuth } from '../shared/session-client.js';
import type { LoanInput, PaymentInput } from './lending-types.js';

export { ApiError };

export interface ApiConfig {
  /** Our app origin + prefix, e.g. '' (same origin as the widget page) or 'https://app.example'. */
  baseUrl: string;
  sessionToken: string;
  /** The user's fresh portal auth (bridge.freshAuth); without it an expired session stays expired. */
  portalAuth?: () => Promise<PortalAuth>;
}

export interface SavedLoan {
  loan: LoanInput;
  productId?: string | null;
  payments: PaymentInput[];
  version?: number;
}

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
    saveLoan(dealId: string, loan: LoanInput, productId: string | null = null): Promise<{ version?: number }> {
      return client.request('POST', `${deal(dealId)}/loan`, { loan, productId });
    },
    /** The payment id is made here, before sending, so a retry is recognised as the same payment. */
    registerPayment(dealId: string, payment: PaymentInput & { method?: string; reference?: string }): Promise<unknown> {
      return client.request('POST', `${deal(dealId)}/payments`, payment);
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

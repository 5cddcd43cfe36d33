// Calls to our own backend. The page carries a short-lived session token (issued by the placement
// handler after it verified the portal's POST); it is bound to portal, user and deal, so these calls
// can only touch the deal the tab was opened for. The server re-validates everything.
import type { LoanInput, PaymentInput } from './lending-types.js';

export interface ApiConfig {
  /** Our app origin + prefix, e.g. '' (same origin as the widget page) or 'https://app.example'. */
  baseUrl: string;
  sessionToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SavedLoan {
  loan: LoanInput;
  productId?: string | null;
  payments: PaymentInput[];
  version?: number;
}

export function createApi(cfg: ApiConfig, fetchFn: typeof fetch = (i, init) => fetch(i, init)) {
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetchFn(`${cfg.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${cfg.sessionToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      throw new ApiError(res.status, String(json.error ?? 'HTTP_' + res.status), String(json.message ?? res.statusText));
    }
    return json as T;
  }
  const deal = (dealId: string): string => `/api/v1/deals/${encodeURIComponent(dealId)}`;
  return {
    /** The saved loan of the deal, or null when none has been saved yet. */
    async loadLoan(dealId: string): Promise<SavedLoan | null> {
      try {
        return await request<SavedLoan>('GET', `${deal(dealId)}/loan`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    saveLoan(dealId: string, loan: LoanInput, productId: string | null = null): Promise<{ version?: number }> {
      return request('POST', `${deal(dealId)}/loan`, { loan, productId });
    },
    /** The payment id is made here, before sending, so a retry is recognised as the same payment. */
    registerPayment(dealId: string, payment: PaymentInput & { method?: string; reference?: string }): Promise<unknown> {
      return request('POST', `${deal(dealId)}/payments`, payment);
    },
  };
}

export type Api = ReturnType<typeof createApi>;

// Calls to our own backend. The page carries a short-lived session token (issued by the placement
// handler after it verified the portal's POST); it is bound to portal, user and deal, so these calls
// can only touch the deal the tab was opened for. The server re-validates everything.
//
// Renewal: when the server says the session is no longer valid (401 SESSION_INVALID — it expired
// while the user was on the phone), we renew it once with the user's fresh portal auth from the
// frame and repeat the request once with the same body. A repeated payment keeps its id, so the
// server recognises it as the same payment (idempotent). The calculator uses the same renewal to
// bind its session to the deal it has just created (bindDeal).
import type { PortalAuth } from './bridge.js';
import type { LoanInput, PaymentInput } from './lending-types.js';

export interface ApiConfig {
  /** Our app origin + prefix, e.g. '' (same origin as the widget page) or 'https://app.example'. */
  baseUrl: string;
  sessionToken: string;
  /** The user's fresh portal auth (bridge.freshAuth); without it an expired session stays expired. */
  portalAuth?: () => Promise<PortalAuth>;
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

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

const RENEW_PATH = '/api/v1/session/renew';

function toError(a: Answer): ApiError {
  return new ApiError(a.status, String(a.json.error ?? 'HTTP_' + a.status), String(a.json.message ?? 'HTTP ' + a.status));
}

export function createApi(cfg: ApiConfig, fetchFn: typeof fetch = (i, init) => fetch(i, init)) {
  let token = cfg.sessionToken;
  let renewing: Promise<void> | null = null;

  async function exchange(method: 'GET' | 'POST', path: string, body: unknown, bearer: string): Promise<Answer> {
    const res = await fetchFn(`${cfg.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { error: 'BAD_RESPONSE', message: res.statusText };
    }
    return { status: res.status, json };
  }

  /** One renewal round trip; `dealId` only when the calculator binds its new deal. */
  async function renew(dealId?: number): Promise<void> {
    if (!cfg.portalAuth) throw new ApiError(401, 'SESSION_INVALID', 'Your session has expired. Reopen the app from Bitrix24.');
    const auth = await cfg.portalAuth();
    const a = await exchange('POST', RENEW_PATH, { auth, ...(dealId === undefined ? {} : { dealId }) }, token);
    if (a.status !== 200 || typeof a.json.sessionToken !== 'string') throw toError(a);
    token = a.json.sessionToken;
  }

  /** Renew the token `used` unless another request already did; concurrent 401s share one renewal. */
  function renewAfter(used: string): Promise<void> {
    if (used !== token) return Promise.resolve();
    renewing ??= renew().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const used = token;
    let a = await exchange(method, path, body, used);
    if (a.status === 401 && a.json.error === 'SESSION_INVALID' && cfg.portalAuth) {
      const expired = toError(a);
      try {
        await renewAfter(used);
      } catch (e) {
        throw e instanceof ApiError ? e : expired;
      }
      a = await exchange(method, path, body, token);
    }
    if (a.status < 200 || a.status >= 300) throw toError(a);
    return a.json as T;
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
    /**
     * Calculator: bind this (unbound) session to the deal the user has just created through the
     * frame. The server checks with the user's own token that they created it after the session began.
     */
    async bindDeal(dealId: string): Promise<void> {
      await renewing?.catch(() => undefined);
      await renew(Number(dealId));
    },
  };
}

export type Api = ReturnType<typeof createApi>;

// The one way a widget talks to our backend with its session (loan tab, call script, settings).
//
// A widget session is short-lived (SESSION_TTL_SEC, 15 min by default) and cannot be revoked, so
// it stays short; a screen kept open longer — an admin editing a product, a collector halfway
// through a call script — outlives it. When the server says the session is no longer valid
// (401 SESSION_INVALID) and the page sits in a portal frame, we renew it once with the user's
// fresh portal auth (POST /api/v1/session/renew, server/security/session-renewal.ts) and repeat
// the request once with the same body. Repeating is safe: requireSession refuses before a handler
// runs, so the first attempt did nothing; and money movements carry their own id anyway.
//
// Without a frame (the settings screen at /admin/products, signed in by cookie) there is no fresh
// portal auth to renew with: the 401 reaches the caller, which asks the user to sign in again.
import type { PortalAuth } from './fresh-auth.js';

export type { PortalAuth } from './fresh-auth.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `details` (e.g. which field it refused); {} when it sent none. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /**
   * The most precise code: the lending core's own (`details.lendingCode`) when the server refused
   * loan terms as LOAN_TERMS_REFUSED, else `code`. Widgets pick their texts by it.
   */
  get reason(): string {
    return typeof this.details.lendingCode === 'string' ? this.details.lendingCode : this.code;
  }
}

export interface SessionClientConfig {
  /** Our app origin + prefix, e.g. '' (same origin as the widget page) or 'https://app.example'. */
  baseUrl: string;
  /** Bearer session from the placement page; null when the browser holds it as a cookie (no frame). */
  sessionToken: string | null;
  /** The cookie session's CSRF token from the page; sent as X-CSRF-Token on every non-GET request. */
  csrfToken?: string | null;
  /** The user's fresh portal auth from the frame; without it an expired session stays expired. */
  portalAuth?: () => Promise<PortalAuth>;
  /**
   * The user's Bitrix24 language, sent as Accept-Language: the server answers errors in it, and the
   * portal's language may differ from the browser's (a Spanish interface on an English Chrome).
   */
  lang?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Answer {
  status: number;
  json: Record<string, unknown>;
  /** The body as bytes, when it was not JSON and the caller asked for bytes (a generated document). */
  blob?: Blob;
}

export const RENEW_PATH = '/api/v1/session/renew';
const EXPIRED = 'Your session has expired. Reopen the app from Bitrix24.';

function toError(a: Answer): ApiError {
  const details = a.json.details && typeof a.json.details === 'object' ? (a.json.details as Record<string, unknown>) : {};
  return new ApiError(a.status, String(a.json.error ?? `HTTP_${a.status}`), String(a.json.message ?? `HTTP ${a.status}`), details);
}

/** True for the server's "this session is no longer valid" — the one answer a renewal can fix. */
export function isSessionExpired(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401 && e.code === 'SESSION_INVALID';
}

export function createSessionClient(cfg: SessionClientConfig, fetchFn: typeof fetch = (i, init) => fetch(i, init)) {
  let token = cfg.sessionToken;
  let renewing: Promise<void> | null = null;

  async function exchange(method: Method, path: string, body: unknown, bearer: string | null, bytes = false): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    // Bytes (a payment file) go as they are; everything else is JSON.
    const binary = body instanceof Uint8Array;
    if (body !== undefined) headers['content-type'] = binary ? 'application/octet-stream' : 'application/json';
    if (cfg.csrfToken && method !== 'GET') headers['x-csrf-token'] = cfg.csrfToken;
    if (cfg.lang) headers['accept-language'] = cfg.lang;
    const res = await fetchFn(`${cfg.baseUrl}${path}`, {
      method,
      headers,
      // Outside the portal the session is an HttpOnly cookie on our origin.
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: binary ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
    });
    if (bytes && res.ok) return { status: res.status, json: {}, blob: await res.blob() };
    const text = await res.text();
    try {
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch {
      return { status: res.status, json: { error: 'BAD_RESPONSE', message: res.statusText || `HTTP ${res.status}` } };
    }
  }

  /** One renewal round trip; `dealId` only when the calculator binds the deal it has just created. */
  async function renew(dealId?: number): Promise<void> {
    if (!cfg.portalAuth) throw new ApiError(401, 'SESSION_INVALID', EXPIRED);
    const auth = await cfg.portalAuth();
    const a = await exchange('POST', RENEW_PATH, { auth, ...(dealId === undefined ? {} : { dealId }) }, token);
    if (a.status !== 200 || typeof a.json.sessionToken !== 'string') throw toError(a);
    token = a.json.sessionToken;
  }

  /** Renew the token `used` unless another request already did; concurrent 401s share one renewal. */
  function renewAfter(used: string | null): Promise<void> {
    if (used !== token) return Promise.resolve();
    renewing ??= renew().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function send(method: Method, path: string, body: unknown, bytes: boolean): Promise<Answer> {
    const used = token;
    let a = await exchange(method, path, body, used, bytes);
    if (a.status === 401 && a.json.error === 'SESSION_INVALID' && cfg.portalAuth) {
      const expired = toError(a);
      try {
        await renewAfter(used);
      } catch (e) {
        // A refused renewal says why (another user, portal gone); a frame that could not answer
        // leaves the original "expired". Either way the request is not repeated: no loop.
        throw e instanceof ApiError ? e : expired;
      }
      a = await exchange(method, path, body, token, bytes);
    }
    if (a.status < 200 || a.status >= 300) throw toError(a);
    return a;
  }

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await send(method, path, body, false)).json as T;
  }

  return {
    request,
    /** A GET whose answer is a file (a generated .docx, a preview image), with the same session handling. */
    async requestBlob(path: string): Promise<Blob> {
      return (await send('GET', path, undefined, true)).blob ?? new Blob([]);
    },
    /**
     * Calculator: bind this (unbound) session to the deal the user has just created through the
     * frame. The server checks with the user's own token that they created it after the session began.
     */
    async bindDeal(dealId: number): Promise<void> {
      await renewing?.catch(() => undefined);
      await renew(dealId);
    },
  };
}

export type SessionClient = ReturnType<typeof createSessionClient>;

// One REST call with a token we have not stored (a frame's AUTH_ID, a sign-in token). Used only to
// verify that token against a portal; everything else goes through PortalClient.
// doc: settings/how-to-call-rest-api/authorization.md (auth in the JSON body).
import { isRedirectStatus, PORTAL_MOVED } from './portal-move.js';

export type DirectCallResult<T> =
  { ok: true; result: T; envelope: Record<string, unknown> } | { ok: false; status: number; error: string; description?: string };

export function restBase(clientEndpoint: string): string {
  return clientEndpoint.replace(/\/+$/, '');
}

export function endpointFromFrame(domain: string, protocol: string | undefined): string {
  return `${protocol === '1' ? 'https' : 'http'}://${domain}/rest/`;
}

/**
 * Waits before repeating a call the portal refused for its rate limit: a person is waiting on a tab,
 * and "too many requests" is not "your token is wrong" (doc: settings/how-to-call-rest-api/limits.md —
 * QUERY_LIMIT_EXCEEDED, HTTP 503: wait and repeat). Bounded: about 4 s in all.
 */
export const RATE_LIMIT_RETRY_MS = [300, 600, 1200, 2000];

export async function callWithToken<T>(
  clientEndpoint: string,
  method: string,
  token: string,
  params: Record<string, unknown> = {},
  timeoutMs = 10_000,
  retryMs: readonly number[] = RATE_LIMIT_RETRY_MS,
): Promise<DirectCallResult<T>> {
  for (let i = 0; ; i++) {
    const r = await callOnce<T>(clientEndpoint, method, token, params, timeoutMs);
    const wait = retryMs[i];
    if (r.ok || r.error !== 'QUERY_LIMIT_EXCEEDED' || wait === undefined) return r;
    await new Promise((ok) => setTimeout(ok, wait));
  }
}

async function callOnce<T>(
  clientEndpoint: string,
  method: string,
  token: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<DirectCallResult<T>> {
  try {
    const res = await fetch(`${restBase(clientEndpoint)}/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...params, auth: token }),
      signal: AbortSignal.timeout(timeoutMs),
      // A renamed portal answers 302 (portal-move.ts): reported, never followed with the token.
      redirect: 'manual',
    });
    if (isRedirectStatus(res.status)) return { ok: false, status: res.status, error: PORTAL_MOVED };
    const text = await res.text();
    let body: { result?: T; error?: string; error_description?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ok: false, status: res.status, error: 'BAD_RESPONSE' };
    }
    if (res.ok && body.error === undefined && 'result' in body) return { ok: true, result: body.result as T, envelope: body };
    return {
      ok: false,
      status: res.status,
      error: body.error ?? 'HTTP_' + res.status,
      ...(body.error_description ? { description: body.error_description } : {}),
    };
  } catch (e) {
    return { ok: false, status: 0, error: e instanceof Error && e.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_ERROR' };
  }
}

// The OAuth server's token endpoint (doc: settings/oauth/index.md, settings/oauth/auto-renewal.md).
// Always the configured B24_OAUTH_SERVER: client_secret is never sent anywhere a portal told us.
// Sent as a form POST like the SDK does (b24jssdk.md §2.2); the docs show GET with a query string.

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in?: number | string;
  expires?: number | string;
  client_endpoint?: string;
  server_endpoint?: string;
  member_id?: string;
  scope?: string;
  status?: string;
  user_id?: number | string;
  domain?: string;
}

export type TokenResult = { ok: true; token: TokenResponse } | { ok: false; error: string; status: number };

export async function requestToken(oauthServer: string, params: Record<string, string>, timeoutMs = 10_000): Promise<TokenResult> {
  try {
    const res = await fetch(`${oauthServer.replace(/\/+$/, '')}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const body = (await res.json().catch(() => ({}))) as Partial<TokenResponse> & { error?: string };
    if (res.ok && !body.error && body.access_token && body.refresh_token) return { ok: true, token: body as TokenResponse };
    return { ok: false, error: body.error ?? `HTTP_${res.status}`, status: res.status };
  } catch (e) {
    return { ok: false, error: e instanceof Error && e.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_ERROR', status: 0 };
  }
}

/** Errors after which the refresh token can never work again. */
export function isDeadGrant(error: string): boolean {
  // invalid_client is a configuration problem of ours (wrong secret), not a dead portal: not listed.
  return error === 'invalid_grant';
}

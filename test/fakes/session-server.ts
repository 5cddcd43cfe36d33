// Test helper (not bundled: no widget imports it): our backend as the widgets' API clients see it,
// reduced to sessions. A request with a token in `valid` gets `answer(path)`; any other gets
// 401 SESSION_INVALID; POST /api/v1/session/renew hands out t2, t3, … (or `renewAnswer`). `seen`
// records which token and body each request carried, so tests can check what was repeated.
import { RENEW_PATH } from '../../widgets/shared/session-client.js';

export interface Seen {
  method: string;
  path: string;
  /** The Bearer token, or null when none was sent (cookie session). */
  bearer: string | null;
  body: unknown;
  /** The request's content type, and the byte length of a binary body. */
  contentType: string | undefined;
  bodyBytes: number | undefined;
  credentials: RequestCredentials | undefined;
}

export interface FakeAnswer {
  status: number;
  json: unknown;
}

export interface FakeOptions {
  /** Tokens the fake accepts from the start. */
  valid?: Iterable<string>;
  /** The n-th renewal's answer; undefined → success with the next token. */
  renewAnswer?: (n: number) => FakeAnswer | undefined;
  /** The answer to an authorised request; { ok: true } by default. */
  answer?: (path: string, body: unknown) => FakeAnswer;
}

export const APP_ORIGIN = 'https://app.test';

export function fakeSessionServer(o: FakeOptions = {}) {
  const valid = new Set(o.valid ?? []);
  const seen: Seen[] = [];
  let renewals = 0;
  const reply = (a: FakeAnswer) => new Response(JSON.stringify(a.json), { status: a.status });
  const fetchFn = (async (url: string, init: RequestInit) => {
    const path = url.replace(APP_ORIGIN, '');
    const auth = (init.headers as Record<string, string>).authorization;
    const bearer = auth ? auth.slice('Bearer '.length) : null;
    const contentType = (init.headers as Record<string, string>)['content-type'];
    const binary = init.body instanceof Uint8Array;
    const body = init.body && !binary ? (JSON.parse(String(init.body)) as unknown) : undefined;
    const bodyBytes = binary ? (init.body as Uint8Array).length : undefined;
    seen.push({ method: String(init.method), path, bearer, body, contentType, bodyBytes, credentials: init.credentials });
    if (path === RENEW_PATH) {
      renewals += 1;
      const custom = o.renewAnswer?.(renewals);
      if (custom) return reply(custom);
      const next = `t${renewals + 1}`;
      valid.add(next);
      return reply({ status: 200, json: { sessionToken: next, expiresAt: '2030-01-01T00:00:00.000Z', dealId: null } });
    }
    if (bearer === null || !valid.has(bearer))
      return reply({ status: 401, json: { error: 'SESSION_INVALID', message: 'Your session has expired.' } });
    return reply(o.answer?.(path, body) ?? { status: 200, json: { ok: true } });
  }) as typeof fetch;
  return {
    fetchFn,
    seen,
    valid,
    renewals: () => renewals,
    /** The [path, bearer] of each request so far. */
    trail: () => seen.map((x) => [x.path, x.bearer]),
    /** Make every token issued so far invalid, as if they all expired. */
    expireAll: () => valid.clear(),
  };
}

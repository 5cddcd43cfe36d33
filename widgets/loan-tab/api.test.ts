import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from './api.js';
import type { PortalAuth } from './bridge.js';

// The widget's side of renewal with a fake server: which token each request carried, and what body.
interface Seen {
  path: string;
  bearer: string;
  body: unknown;
}

function server(valid: Set<string>, o: { renewAnswer?: (n: number) => { status: number; json: unknown } } = {}) {
  const seen: Seen[] = [];
  let renewals = 0;
  const fetchFn = (async (url: string, init: RequestInit) => {
    const path = url.replace(/^https:\/\/app\.test/, '');
    const bearer = String((init.headers as Record<string, string>).authorization).slice(7);
    const body = init.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    seen.push({ path, bearer, body });
    const answer = (status: number, json: unknown) => new Response(JSON.stringify(json), { status });
    if (path === '/api/v1/session/renew') {
      renewals += 1;
      const custom = o.renewAnswer?.(renewals);
      if (custom) return answer(custom.status, custom.json);
      const next = `t${renewals + 1}`;
      valid.add(next);
      return answer(200, { sessionToken: next, expiresAt: '2030-01-01T00:00:00.000Z', dealId: 7 });
    }
    if (!valid.has(bearer)) return answer(401, { error: 'SESSION_INVALID', message: 'Your session has expired.' });
    return answer(200, { ok: true });
  }) as typeof fetch;
  return { seen, fetchFn, renewals: () => renewals };
}

const auth: PortalAuth = { accessToken: 'fresh', memberId: 'm', domain: 'https://portal.test' };
const loan = { principal: '1000' } as never;

describe('loan tab api: session renewal', () => {
  it('renews once on 401 SESSION_INVALID and repeats the request with the same body', async () => {
    const s = server(new Set());
    let asked = 0;
    const api = createApi({ baseUrl: 'https://app.test', sessionToken: 't1', portalAuth: async () => (asked++, auth) }, s.fetchFn);
    await api.registerPayment('7', { id: 'pay-1', date: '2025-01-10', amount: '10.00' });
    expect(asked).toBe(1);
    expect(s.seen.map((x) => [x.path, x.bearer])).toEqual([
      ['/api/v1/deals/7/payments', 't1'],
      ['/api/v1/session/renew', 't1'],
      ['/api/v1/deals/7/payments', 't2'],
    ]);
    expect(s.seen[1]!.body).toEqual({ auth });
    expect(s.seen[2]!.body).toEqual(s.seen[0]!.body); // same payment id: the server sees a repeat, not a second payment
    await api.saveLoan('7', loan);
    expect(s.seen.at(-1)!.bearer).toBe('t2');
    expect(s.renewals()).toBe(1);
  });

  it('concurrent expired requests share one renewal', async () => {
    const s = server(new Set());
    const api = createApi({ baseUrl: 'https://app.test', sessionToken: 't1', portalAuth: async () => auth }, s.fetchFn);
    await Promise.all([api.saveLoan('7', loan), api.loadLoan('7'), api.saveLoan('7', loan)]);
    expect(s.renewals()).toBe(1);
  });

  it('does not loop: a refused renewal surfaces its own error and the request is not repeated', async () => {
    const s = server(new Set(), {
      renewAnswer: () => ({ status: 403, json: { error: 'SESSION_USER_MISMATCH', message: 'another user' } }),
    });
    const api = createApi({ baseUrl: 'https://app.test', sessionToken: 't1', portalAuth: async () => auth }, s.fetchFn);
    await expect(api.saveLoan('7', loan)).rejects.toMatchObject({ status: 403, code: 'SESSION_USER_MISMATCH' });
    expect(s.seen.filter((x) => x.path.includes('/loan'))).toHaveLength(1);
  });

  it('without portal auth (or when the frame cannot give it) the 401 stays', async () => {
    const s = server(new Set());
    const plain = createApi({ baseUrl: 'https://app.test', sessionToken: 't1' }, s.fetchFn);
    await expect(plain.saveLoan('7', loan)).rejects.toBeInstanceOf(ApiError);
    const broken = createApi(
      {
        baseUrl: 'https://app.test',
        sessionToken: 't1',
        portalAuth: () => Promise.reject(new Error('JSSDK_FRAME_REFRESH_AUTH_TIMEOUT')),
      },
      s.fetchFn,
    );
    await expect(broken.saveLoan('7', loan)).rejects.toMatchObject({ status: 401, code: 'SESSION_INVALID' });
    expect(s.renewals()).toBe(0);
  });

  it('bindDeal asks the server to bind the new deal, then requests carry the bound token', async () => {
    const s = server(new Set(['t1']));
    const api = createApi({ baseUrl: 'https://app.test', sessionToken: 't1', portalAuth: async () => auth }, s.fetchFn);
    await api.bindDeal('7');
    expect(s.seen[0]).toMatchObject({ path: '/api/v1/session/renew', bearer: 't1', body: { auth, dealId: 7 } });
    await api.saveLoan('7', loan);
    expect(s.seen[1]).toMatchObject({ path: '/api/v1/deals/7/loan', bearer: 't2' });
  });
});

import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { freshAuthOf, type PortalAuth } from './fresh-auth.js';
import { ApiError, createSessionClient, isSessionExpired, RENEW_PATH } from './session-client.js';

// Every widget's side of renewal, against a fake backend: which token each request carried, with
// what body, and how many renewals it took.
const auth: PortalAuth = { accessToken: 'fresh', memberId: 'm', domain: 'https://portal.test' };
const framed = (o: { token?: string; portalAuth?: () => Promise<PortalAuth> } = {}) => ({
  baseUrl: APP_ORIGIN,
  sessionToken: o.token ?? 't1',
  portalAuth: o.portalAuth ?? (async () => auth),
});

describe('session client: renewal', () => {
  it('renews once on 401 SESSION_INVALID and repeats the request once with the same body', async () => {
    const s = fakeSessionServer();
    let asked = 0;
    const c = createSessionClient(framed({ portalAuth: async () => (asked++, auth) }), s.fetchFn);
    const body = { id: 'pay-1', amount: '10.00' };
    expect(await c.request('PUT', '/api/v1/things/1', body)).toEqual({ ok: true });
    expect(asked).toBe(1);
    expect(s.trail()).toEqual([
      ['/api/v1/things/1', 't1'],
      [RENEW_PATH, 't1'],
      ['/api/v1/things/1', 't2'],
    ]);
    expect(s.seen[1]).toMatchObject({ method: 'POST', body: { auth } });
    expect(s.seen[2]).toMatchObject({ method: 'PUT', body }); // the same body: the server sees a repeat
    await c.request('GET', '/api/v1/things');
    expect(s.seen.at(-1)!.bearer).toBe('t2');
    expect(s.renewals()).toBe(1);
  });

  it('concurrent expired requests share one renewal', async () => {
    const s = fakeSessionServer();
    const c = createSessionClient(framed(), s.fetchFn);
    await Promise.all([c.request('GET', '/a'), c.request('POST', '/b', {}), c.request('PUT', '/c', {})]);
    expect(s.renewals()).toBe(1);
    expect(s.seen.filter((x) => x.path !== RENEW_PATH && x.bearer === 't2')).toHaveLength(3);
  });

  it('renews again when the renewed session expires in its turn', async () => {
    const s = fakeSessionServer();
    const c = createSessionClient(framed(), s.fetchFn);
    await c.request('GET', '/a');
    s.expireAll();
    await c.request('GET', '/a');
    expect(s.renewals()).toBe(2);
    expect(s.seen.at(-1)!.bearer).toBe('t3');
  });

  it('does not loop: a refused renewal surfaces its own error and the request is not repeated', async () => {
    const s = fakeSessionServer({
      renewAnswer: () => ({ status: 403, json: { error: 'SESSION_USER_MISMATCH', message: 'another user' } }),
    });
    const c = createSessionClient(framed(), s.fetchFn);
    await expect(c.request('POST', '/save', {})).rejects.toMatchObject({ status: 403, code: 'SESSION_USER_MISMATCH' });
    expect(s.seen.filter((x) => x.path === '/save')).toHaveLength(1);
    // The next request tries again (the user may have fixed it, e.g. signed back in): still one renewal each.
    await expect(c.request('POST', '/save', {})).rejects.toBeInstanceOf(ApiError);
    expect(s.renewals()).toBe(2);
  });

  it('does not loop either when the renewed session is refused too: one renewal, one repeat', async () => {
    const s = fakeSessionServer({
      renewAnswer: () => ({ status: 200, json: { sessionToken: 'still-bad', expiresAt: '2030-01-01T00:00:00.000Z', dealId: null } }),
    });
    const c = createSessionClient(framed(), s.fetchFn);
    await expect(c.request('GET', '/a')).rejects.toMatchObject({ status: 401, code: 'SESSION_INVALID' });
    expect(s.trail()).toEqual([
      ['/a', 't1'],
      [RENEW_PATH, 't1'],
      ['/a', 'still-bad'],
    ]);
  });

  it('without portal auth, or when the frame cannot give it, the 401 stays', async () => {
    const s = fakeSessionServer();
    const plain = createSessionClient({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, s.fetchFn);
    await expect(plain.request('GET', '/a')).rejects.toSatisfy(isSessionExpired);
    const broken = createSessionClient(
      framed({ portalAuth: () => Promise.reject(new Error('JSSDK_FRAME_REFRESH_AUTH_TIMEOUT')) }),
      s.fetchFn,
    );
    await expect(broken.request('GET', '/a')).rejects.toMatchObject({ status: 401, code: 'SESSION_INVALID' });
    expect(s.renewals()).toBe(0);
  });

  it('other refusals are not renewals: 401 of another kind, 403, 404 come back as they are', async () => {
    const s = fakeSessionServer({
      valid: ['t1'],
      answer: (path) =>
        path === '/other-401'
          ? { status: 401, json: { error: 'PLACEMENT_AUTH_FAILED', message: 'no' } }
          : { status: 422, json: { error: 'PRODUCT_INVALID', message: 'Unknown day count', details: { field: 'dayCount' } } },
    });
    const c = createSessionClient(framed(), s.fetchFn);
    await expect(c.request('GET', '/other-401')).rejects.toMatchObject({ status: 401, code: 'PLACEMENT_AUTH_FAILED' });
    await expect(c.request('PUT', '/p', {})).rejects.toMatchObject({
      status: 422,
      code: 'PRODUCT_INVALID',
      message: 'Unknown day count',
      details: { field: 'dayCount' },
    });
    expect(s.renewals()).toBe(0);
  });

  it('a body that is not JSON becomes BAD_RESPONSE, not a crash', async () => {
    const c = createSessionClient(framed(), (async () => new Response('<html>bad gateway</html>', { status: 502 })) as typeof fetch);
    await expect(c.request('GET', '/a')).rejects.toMatchObject({ status: 502, code: 'BAD_RESPONSE' });
  });
});

describe('session client: cookie session (outside the portal)', () => {
  it('sends no bearer, lets the browser send its cookie, and cannot renew', async () => {
    const s = fakeSessionServer();
    const c = createSessionClient({ baseUrl: APP_ORIGIN, sessionToken: null }, s.fetchFn);
    await expect(c.request('PUT', '/p', { id: 'x' })).rejects.toSatisfy(isSessionExpired);
    expect(s.seen).toEqual([
      {
        method: 'PUT',
        path: '/p',
        bearer: null,
        body: { id: 'x' },
        contentType: 'application/json',
        bodyBytes: undefined,
        credentials: 'same-origin',
      },
    ]);
  });

  it("sends the page's CSRF token with every change, never with a read", async () => {
    const sent: [string, string | undefined][] = [];
    const fetchFn = (async (_url: string, init: RequestInit) => {
      sent.push([String(init.method), (init.headers as Record<string, string>)['x-csrf-token']]);
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const c = createSessionClient({ baseUrl: APP_ORIGIN, sessionToken: null, csrfToken: 'c5rf' }, fetchFn);
    await c.request('GET', '/p');
    await c.request('PUT', '/p', { id: 'x' });
    await c.request('POST', '/p', {});
    expect(sent).toEqual([
      ['GET', undefined],
      ['PUT', 'c5rf'],
      ['POST', 'c5rf'],
    ]);
  });
});

describe('session client: binding a calculator session', () => {
  it('bindDeal asks the server to bind the new deal, then requests carry the bound token', async () => {
    const s = fakeSessionServer({ valid: ['t1'] });
    const c = createSessionClient(framed(), s.fetchFn);
    await c.bindDeal(7);
    expect(s.seen[0]).toMatchObject({ path: RENEW_PATH, bearer: 't1', body: { auth, dealId: 7 } });
    await c.request('GET', '/a');
    expect(s.seen[1]).toMatchObject({ path: '/a', bearer: 't2' });
  });

  it('a refused binding is an error the caller sees', async () => {
    const s = fakeSessionServer({
      renewAnswer: () => ({ status: 403, json: { error: 'DEAL_BIND_DENIED', message: 'only the deal you have just created' } }),
    });
    const c = createSessionClient(framed(), s.fetchFn);
    await expect(c.bindDeal(7)).rejects.toMatchObject({ status: 403, code: 'DEAL_BIND_DENIED' });
  });
});

describe('freshAuthOf', () => {
  it('asks the portal for a refreshed token and names it the way the renewal route takes it', async () => {
    let refreshed = 0;
    const frame = {
      auth: {
        refreshAuth: async () => {
          refreshed += 1;
          return { access_token: 'a1', refresh_token: 'never-sent', member_id: 'm', domain: 'x.bitrix24.com' };
        },
      },
    };
    expect(await freshAuthOf(frame)).toEqual({ accessToken: 'a1', memberId: 'm', domain: 'x.bitrix24.com' });
    expect(refreshed).toBe(1);
  });
});

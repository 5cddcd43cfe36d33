import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useRouteApp } from '../../../../test/support/route-app.js';

// The applicant-check settings through the whole app: admins only, the bureau's auth header
// write-only, the blacklist imported as bytes once, refused whole when a line is unreadable, tried
// by hand, an entry removed. Nothing of a checked value in any reply but the verdict.
const ctx = useRouteApp(['pa', 'pb'], { CHECKS_ALLOW_LOCAL_URLS: 'on' });
const auth = ctx.settingsAuth;
const file = (headers: Record<string, string>, bytes: Buffer) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/checks/blacklist/file?fileName=lista.csv',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

const http = {
  urlTemplate: 'http://127.0.0.1:9/check?phone={phone}',
  method: 'GET',
  verdictPath: 'result.status',
  rejectValues: ['reject'],
  reasonPath: null,
  timeoutMs: 500,
};

describe('applicant check settings API', () => {
  it('is for portal administrators only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/checks/settings' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/checks/settings', headers: auth('pa', false) })).statusCode).toBe(403);
    expect((await file(auth('pa', false), Buffer.from('phone\n+79123456789\n'))).statusCode).toBe(403);
  });

  it('saves the bureau with a write-only auth header and refuses a bad setting beside its field', async () => {
    const put = (body: unknown) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/checks/settings', headers: auth('pa'), payload: body as object });
    const saved = await put({ country: 'RU', http, authHeader: 'X-Api-Key: k3y' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ country: 'RU', http, authHeader: 'set', blacklist: { phone: 0, document: 0 } });
    expect(saved.body).not.toContain('k3y');
    // Omitted: the header stays; null: it goes.
    expect((await put({ country: 'RU', http })).json().authHeader).toBe('set');
    const bad = await put({ country: 'RU', http: { ...http, urlTemplate: 'http://127.0.0.1:9/?x={passport}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toMatchObject({ field: 'urlTemplate' });
    expect((await put({ country: 'RU', http, authHeader: null })).json().authHeader).toBe('not set');
  });

  it('imports a blacklist once, refuses a file with an unreadable line whole, and answers a try', async () => {
    const list = iconv.encode('Телефон;Паспорт;Причина\n8 (912) 345-67-89;45 06 123456;мошенничество\n', 'win1251');
    const first = await file(auth('pa'), list);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ added: 2, already: 0, blacklist: { phone: 1, document: 1 } });
    expect((await file(auth('pa'), list)).json()).toEqual({ added: 0, already: 2, blacklist: { phone: 1, document: 1 } });
    const bad = await file(auth('pa'), Buffer.from('phone;reason\n+7 900 000 00 01;x\nnot a phone;y\n'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      error: 'BLACKLIST_REFUSED',
      details: { issues: [{ line: 3, column: 'phone', code: 'BLACKLIST_BAD_PHONE' }] },
    });
    const none = await file(auth('pa'), Buffer.from('name;city\nIvan;Perm\n'));
    expect(none.json()).toMatchObject({ error: 'BLACKLIST_REFUSED', details: { headerMissing: true } });
    // Nothing of the refused files was added; the other portal has its own (empty) list.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/checks/settings', headers: auth('pa') })).json().blacklist).toEqual({
      phone: 1,
      document: 1,
    });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/checks/settings', headers: auth('pb') })).json().blacklist).toEqual({
      phone: 0,
      document: 0,
    });

    const tried = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/checks/try',
      headers: auth('pa'),
      payload: { phone: '+7 912 345 67 89' },
    });
    expect(tried.json().verdict).toBe('reject');
    expect(tried.json().findings).toContainEqual({ source: 'blacklist', subject: 'phone', outcome: 'reject', reason: 'мошенничество' });
    expect(tried.body).not.toContain('9123456789');
    const empty = await ctx.app.inject({ method: 'POST', url: '/api/v1/checks/try', headers: auth('pa'), payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('removes one entry by its value, however written; a second removal is 404', async () => {
    const del = (value: string) =>
      ctx.app.inject({ method: 'DELETE', url: '/api/v1/checks/blacklist', headers: auth('pa'), payload: { kind: 'phone', value } });
    const r = await del('+7 (912) 345-67-89');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().blacklist).toEqual({ phone: 0, document: 1 });
    expect((await del('89123456789')).statusCode).toBe(404);
    expect((await del('abc')).statusCode).toBe(400);
  });
});

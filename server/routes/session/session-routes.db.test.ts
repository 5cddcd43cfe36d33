import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_DEAL, itemsOf } from '../../../emulator/state.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { startPlatform, TEST_ENV, type Platform } from '../../../test/support/portal-harness.js';
import { createSessionSigner } from '../../security/session.js';

// POST /api/v1/session/renew through the whole app against the emulator: the user's access token is
// checked with the portal (profile), the calculator's deal with crm.deal.get as that user.
let p: Platform;
let portalId: string;

beforeAll(async () => {
  p = await startPlatform();
  portalId = await p.install();
  p.em.state.users.push({
    id: 2,
    name: 'Olga',
    lastName: 'Manager',
    email: 'olga@portal.test',
    admin: false,
    role: 'manager',
    workPosition: 'Loan officer',
    gender: 'F',
    timeZone: 'UTC',
    departmentIds: [1],
  });
  const now = new Date().toISOString();
  await p.db.kysely
    .insertInto('portals')
    .values({
      id: 'other',
      member_id: 'm-other',
      domain: 'other.example',
      client_endpoint: 'https://other.example/rest/',
      server_endpoint: 'https://oauth.example/rest/',
      status: 'active',
      installed_at: now,
      updated_at: now,
    } as never)
    .execute();
}, 60_000);
afterAll(async () => {
  await p?.close();
});

const frameOf = (userId: number) => ({ accessToken: p.em.issueUserToken(userId).accessToken, memberId: p.em.memberId, domain: p.em.url });
const issue = (c: { userId?: number; dealId?: number; ttlSec?: number; portal?: string }) =>
  p.a.app.sessions.issue({
    portalId: c.portal ?? portalId,
    userId: c.userId ?? 1,
    isAdmin: false,
    ...(c.dealId === undefined ? {} : { dealId: c.dealId }),
    ...(c.ttlSec === undefined ? {} : { ttlSec: c.ttlSec }),
  });

async function renew(token: string, body: Record<string, unknown>) {
  const r = await p.a.app.inject({
    method: 'POST',
    url: '/api/v1/session/renew',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

async function addDealAs(userId: number, title: string): Promise<number> {
  const r = await fetch(`${p.em.url}/rest/crm.deal.add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      fields: { TITLE: title, OPPORTUNITY: '50000', CURRENCY_ID: 'RUB' },
      auth: p.em.issueUserToken(userId).accessToken,
    }),
  });
  return Number(((await r.json()) as { result: number }).result);
}

const loanOf = (dealId: number, token: string) =>
  p.a.app.inject({ method: 'GET', url: `/api/v1/deals/${dealId}/loan`, headers: { authorization: `Bearer ${token}` } });
const saveOn = (dealId: number, token: string) =>
  p.a.app.inject({
    method: 'POST',
    url: `/api/v1/deals/${dealId}/loan`,
    headers: { authorization: `Bearer ${token}` },
    payload: { loan: sampleTerms(6) },
  });

describe('session renewal', () => {
  it('an expired deal-tab session comes back for the same deal with a live portal token', async () => {
    const dealId = await addDealAs(1, 'Renewal');
    // Signed (same secret) on a clock 2 s behind: a 1-second session that lapsed a second ago, without waiting.
    const past = createSessionSigner(TEST_ENV.SESSION_SECRET, 900, () => Date.now() - 2_000);
    const old = past.issue({ portalId, userId: 1, isAdmin: false, dealId, ttlSec: 1 });
    expect((await loanOf(dealId, old)).json().error).toBe('SESSION_INVALID');
    const r = await renew(old, { auth: frameOf(1) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dealId });
    expect((await loanOf(dealId, String(r.body.sessionToken))).json().error).toBe('LOAN_NOT_FOUND');
  });

  it('refuses without a session, with a forged one, with a rejected portal token, another user or portal', async () => {
    const token = issue({ dealId: 5 });
    expect((await p.a.app.inject({ method: 'POST', url: '/api/v1/session/renew', payload: { auth: frameOf(1) } })).json().error).toBe(
      'SESSION_INVALID',
    );
    expect(await renew(`${token.split('.')[0]}.${'0'.repeat(64)}`, { auth: frameOf(1) })).toMatchObject({
      status: 401,
      body: { error: 'SESSION_INVALID' },
    });
    expect(await renew(token, { auth: { ...frameOf(1), accessToken: 'not-a-portal-token' } })).toMatchObject({
      status: 401,
      body: { error: 'PLACEMENT_AUTH_FAILED' },
    });
    expect(await renew(token, { auth: { ...frameOf(1), domain: 'https://evil.example' } })).toMatchObject({
      status: 401,
      body: { error: 'PLACEMENT_AUTH_FAILED' },
    });
    expect(await renew(token, { auth: frameOf(2) })).toMatchObject({ status: 403, body: { error: 'SESSION_USER_MISMATCH' } });
    expect(await renew(issue({ portal: 'other', dealId: 5 }), { auth: frameOf(1) })).toMatchObject({
      status: 403,
      body: { error: 'SESSION_PORTAL_MISMATCH' },
    });
    expect(await renew(token, { auth: frameOf(1), dealId: 'x' })).toMatchObject({ status: 400 });
  });

  it('binds a calculator session to the deal its user just created; the loan can then be saved on it', async () => {
    const calc = issue({});
    const dealId = await addDealAs(1, 'From the calculator');
    const r = await renew(calc, { auth: frameOf(1), dealId });
    expect(r).toMatchObject({ status: 200, body: { dealId } });
    expect((await saveOn(dealId, String(r.body.sessionToken))).statusCode).toBe(200);
    // Renewing the bound session keeps the binding, and it cannot move to another deal.
    const again = await renew(String(r.body.sessionToken), { auth: frameOf(1) });
    expect(again.body.dealId).toBe(dealId);
    const other = await addDealAs(1, 'Another');
    expect(await renew(String(again.body.sessionToken), { auth: frameOf(1), dealId: other })).toMatchObject({
      status: 403,
      body: { error: 'SESSION_ALREADY_BOUND' },
    });
  });

  it('refuses to bind a deal created by someone else, or before the session; nothing is saved', async () => {
    const byOlga = await addDealAs(2, 'Olga made this');
    const old = await addDealAs(1, 'Last week');
    const rec = itemsOf(p.em.state, ENTITY_DEAL).find((d) => d.id === old)!;
    rec.createdTime = new Date(Date.now() - 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const calc = issue({});
    expect(await renew(calc, { auth: frameOf(1), dealId: byOlga })).toMatchObject({ status: 403, body: { error: 'DEAL_BIND_DENIED' } });
    expect(await renew(calc, { auth: frameOf(1), dealId: old })).toMatchObject({ status: 403, body: { error: 'DEAL_BIND_DENIED' } });
    expect(await renew(calc, { auth: frameOf(1), dealId: 999_999 })).toMatchObject({ status: 403, body: { error: 'DEAL_BIND_DENIED' } });
    // The unbound session itself still cannot touch either deal.
    expect((await saveOn(old, calc)).statusCode).toBe(403);
    const rows = await p.db.kysely.selectFrom('loans').select('deal_id').where('portal_id', '=', portalId).execute();
    expect(rows.map((x) => Number(x.deal_id))).not.toContain(old);
    expect(rows.map((x) => Number(x.deal_id))).not.toContain(byOlga);
  });
});

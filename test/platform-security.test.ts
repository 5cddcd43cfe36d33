import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { requireSession } from '../server/security/session.js';
import { verifyFramePost } from '../server/security/verify.js';
import { saveProviderSettings } from '../server/settings/settings-repo.js';
import { installInto, startPlatform, TEST_CLIENT, type Platform } from './support/portal-harness.js';

// Verification of everything that claims to come from a portal, isolation between portals, and
// 4xx (never 500) for malformed input.

let p: Platform | undefined;
let em2: Emulator | undefined;
afterEach(async () => {
  await em2?.close();
  em2 = undefined;
  await p?.close();
  p = undefined;
});

// A stand-in for a placement handler (the placements feature owns the real ones): verify, then echo.
function testRoutes(app: FastifyInstance) {
  app.post('/t/frame', { config: { formBody: true } }, async (req) => {
    const v = await verifyFramePost(app, {
      query: req.query as Record<string, unknown>,
      body: (req.body ?? {}) as Record<string, unknown>,
    });
    return { portalId: v.portal.id, userId: v.userId, isAdmin: v.isAdmin };
  });
  app.get('/t/deals/:dealId', { preHandler: requireSession({ dealParam: 'dealId' }) }, async (req) => ({
    portalId: req.session!.portalId,
    dealId: req.session!.dealId,
  }));
}

const form = (o: Record<string, unknown>) => {
  const qs = new URLSearchParams();
  const walk = (prefix: string, v: unknown) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}[${k}]` : k, x);
    else qs.append(prefix, String(v));
  };
  walk('', o);
  return qs.toString();
};

async function counts(pl: Platform) {
  const ev = await pl.db.kysely
    .selectFrom('inbound_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const jobs = await pl.db.kysely
    .selectFrom('outbox_jobs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { events: Number(ev.n), jobs: Number(jobs.n) };
}

describe('platform security', () => {
  it('events: wrong or missing application_token → 401, nothing stored, nothing triggered', async () => {
    p = await startPlatform();
    await p.install();
    const inject = (body: Record<string, unknown>) =>
      p!.a.app.inject({
        method: 'POST',
        url: '/events',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(body),
      });
    const base = { event: 'ONCRMDEALUPDATE', data: { FIELDS: { ID: '7' } }, ts: '1700000000' };
    for (const auth of [
      { member_id: p.em.memberId, application_token: 'wrong' },
      { member_id: p.em.memberId },
      { member_id: 'unknown-member', application_token: 'x' },
      undefined,
    ]) {
      const r = await inject({ ...base, ...(auth ? { auth } : {}) });
      expect(r.statusCode).toBe(401);
      expect(r.json().error).toBe('INVALID_APPLICATION_TOKEN');
    }
    expect(await counts(p)).toEqual({ events: 0, jobs: 0 });

    // The real thing: the portal emits a deal update to our bound handler.
    p.em.emit('ONCRMDEALUPDATE', { FIELDS: { ID: '7' } });
    await p.em.idle();
    // The change also lands in the offline queue, whose ONOFFLINEEVENT queues one drain (server/lifecycle).
    const all = await p.db.kysely.selectFrom('outbox_jobs').selectAll().execute();
    expect(all.filter((j) => j.kind === 'lifecycle.drain')).toHaveLength(1);
    const jobs = all.filter((j) => j.kind !== 'lifecycle.drain');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.kind).toBe('deal.changed');
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ event: 'ONCRMDEALUPDATE', dealId: 7 });
  });

  it('the same delivery twice is recorded and enqueued once', async () => {
    p = await startPlatform();
    await p.install();
    const token = p.em.state.app!.applicationToken;
    const body = form({
      event: 'ONCRMDEALADD',
      event_handler_id: '3',
      data: { FIELDS: { ID: '9' } },
      ts: '1700000001',
      auth: { member_id: p.em.memberId, application_token: token },
    });
    for (let i = 0; i < 2; i++) {
      const r = await p.a.app.inject({
        method: 'POST',
        url: '/events',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
      expect(r.statusCode).toBe(200);
    }
    expect(await counts(p)).toEqual({ events: 1, jobs: 1 });
  });

  it('placement POST: verified with the portal; a rejected AUTH_ID or a foreign DOMAIN → 401', async () => {
    p = await startPlatform({ beforeListen: testRoutes });
    const portalId = await p.install();
    const frame = p.em.frameRequest(`${p.a.url}/t/frame`, { placement: 'CRM_DEAL_DETAIL_TAB', placementOptions: { ID: '8' } });
    const post = (body: Record<string, string>, url = frame.url) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const ok = await post(frame.body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ portalId, userId: 1, isAdmin: true });

    const bad = await post({ ...frame.body, AUTH_ID: 'not-a-token-the-portal-knows' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('PLACEMENT_AUTH_FAILED');

    const foreign = new URL(frame.url);
    foreign.searchParams.set('DOMAIN', 'evil.example.com');
    expect((await post(frame.body, foreign.toString())).status).toBe(401);
    expect((await post({ ...frame.body, member_id: 'nobody' })).status).toBe(401);
  });

  it('a session of portal A cannot read portal B; a forged or deal-mismatched session is refused', async () => {
    p = await startPlatform({ beforeListen: testRoutes, oauthHub: true });
    const a = await p.install();
    em2 = await createEmulator({ ...TEST_CLIENT, rateLimit: false });
    const b = await installInto(em2, p.a, p.db);
    expect(a).not.toBe(b);

    const sA = p.a.app.sessions.issue({ portalId: a, userId: 1, isAdmin: true, dealId: 5 });
    const view = await p.a.app.inject({ method: 'GET', url: '/admin/portal', headers: { authorization: `Bearer ${sA}` } });
    expect(view.statusCode).toBe(200);
    expect(view.json().memberId).toBe(p.em.memberId);
    expect(view.json().memberId).not.toBe(em2.memberId);

    // Swap the portal id inside A's token without the key → signature fails.
    const [payload, sig] = sA.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, portalId: b })).toString('base64url')}.${sig}`;
    const r = await p.a.app.inject({ method: 'GET', url: '/admin/portal', headers: { authorization: `Bearer ${forged}` } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toBe('SESSION_INVALID');

    expect((await p.a.app.inject({ method: 'GET', url: '/t/deals/5', headers: { authorization: `Bearer ${sA}` } })).statusCode).toBe(200);
    expect((await p.a.app.inject({ method: 'GET', url: '/t/deals/6', headers: { authorization: `Bearer ${sA}` } })).statusCode).toBe(403);
    const nonAdmin = p.a.app.sessions.issue({ portalId: a, userId: 2, isAdmin: false });
    expect(
      (await p.a.app.inject({ method: 'GET', url: '/admin/portal', headers: { authorization: `Bearer ${nonAdmin}` } })).statusCode,
    ).toBe(403);
    expect((await p.a.app.inject({ method: 'GET', url: '/admin/portal' })).statusCode).toBe(401);
  });

  it('uninstall: verified by application_token only, wipes secrets, CLEAN deletes the data', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    p.em.emit('ONCRMDEALUPDATE', { FIELDS: { ID: '1' } });
    await p.em.idle();
    const token = p.em.state.app!.applicationToken;
    const wrong = await p.a.app.inject({
      method: 'POST',
      url: '/install/callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        event: 'ONAPPUNINSTALL',
        data: { CLEAN: '1' },
        auth: { member_id: p.em.memberId, application_token: 'nope', domain: p.em.domain },
      }),
    });
    expect(wrong.statusCode).toBe(401);
    expect((await p.db.kysely.selectFrom('portals').select('status').where('id', '=', portalId).executeTakeFirstOrThrow()).status).toBe(
      'active',
    );

    const recs = await p.em.uninstallApp({ clean: true });
    expect(recs.map((r) => r.status)).toEqual([200]);
    const row = await p.db.kysely.selectFrom('portals').selectAll().where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.status).toBe('uninstalled');
    expect([row.access_token_enc, row.refresh_token_enc, row.application_token_hash, row.application_token_enc]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(await counts(p)).toEqual({ events: 0, jobs: 0 });
    // A late event with the old token is refused.
    const late = await p.a.app.inject({
      method: 'POST',
      url: '/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        event: 'ONCRMDEALUPDATE',
        data: { FIELDS: { ID: '1' } },
        auth: { member_id: p.em.memberId, application_token: token },
      }),
    });
    expect(late.statusCode).toBe(401);
  });

  it('uninstall without CLEAN keeps the data but wipes tokens and provider credentials', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    await saveProviderSettings(p.db.kysely, p.a.app.secrets, portalId, 'sms', {
      provider: 'smpp',
      settings: { host: '127.0.0.1', port: 2775, systemId: 'lender', password: 'pw-sec', sourceAddr: 'LENDER' },
      userId: 1,
    });
    await p.em.uninstallApp({ clean: false });
    const row = await p.db.kysely.selectFrom('portal_settings').selectAll().where('portal_id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.secrets).toBeNull();
    expect(row.config).toContain('lender'); // the non-secret settings stay for a reinstall
  });

  it('malformed bodies, missing fields, unknown member_id → 4xx with an error code, never 500', async () => {
    p = await startPlatform();
    await p.install();
    const cases: { url: string; type: string; payload: string }[] = [
      { url: '/events', type: 'application/json', payload: '{"event":' },
      { url: '/events', type: 'application/json', payload: '[]' },
      { url: '/events', type: 'application/x-www-form-urlencoded', payload: 'auth=1&data=2' },
      { url: '/events', type: 'application/x-www-form-urlencoded', payload: 'event=ONCRMDEALUPDATE&auth=notanobject' },
      {
        url: '/events',
        type: 'application/x-www-form-urlencoded',
        payload: form({ event: 'ONAPPUNINSTALL', auth: { member_id: 'ghost', application_token: 'x' } }),
      },
      { url: '/events', type: 'application/x-www-form-urlencoded', payload: form({ event: 'ONAPPINSTALL', auth: { member_id: 'ghost' } }) },
      { url: '/events', type: 'text/plain', payload: 'hello' },
      { url: '/install', type: 'application/x-www-form-urlencoded', payload: 'AUTH_ID=x' },
      { url: '/install?DOMAIN=127.0.0.1:1', type: 'application/x-www-form-urlencoded', payload: 'AUTH_ID=x&REFRESH_ID=y&member_id=z' },
      { url: '/install/callback', type: 'application/x-www-form-urlencoded', payload: 'event=ONAPPINSTALL' },
      {
        url: '/install/callback',
        type: 'application/x-www-form-urlencoded',
        payload: form({
          event: 'ONAPPINSTALL',
          auth: {
            member_id: 'm',
            domain: 'x',
            client_endpoint: 'not a url',
            access_token: 'a',
            refresh_token: 'r',
            application_token: 't',
          },
        }),
      },
      {
        url: '/install/callback',
        type: 'application/x-www-form-urlencoded',
        payload: form({
          event: 'ONAPPUPDATE',
          auth: { member_id: 'ghost', domain: 'x', client_endpoint: 'http://x/rest/', access_token: 'a', refresh_token: 'r' },
        }),
      },
      { url: '/install/callback', type: 'application/x-www-form-urlencoded', payload: form({ event: 'ONSOMETHING' }) },
    ];
    for (const c of cases) {
      const r = await p.a.app.inject({ method: 'POST', url: c.url, headers: { 'content-type': c.type }, payload: c.payload });
      expect(r.statusCode, `${c.url} ${c.payload}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, `${c.url} ${c.payload}`).toBeLessThan(500);
      expect(typeof r.json().error, `${c.url} ${c.payload}`).toBe('string');
    }
  });

  it('an install claiming a known member_id from another portal is refused (no takeover)', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    em2 = await createEmulator({ ...TEST_CLIENT, rateLimit: false });
    await em2.installApp({});
    const other = em2.issueUserToken(1); // valid tokens, but of another portal
    for (const event of ['ONAPPINSTALL', 'ONAPPUPDATE']) {
      const r = await p.a.app.inject({
        method: 'POST',
        url: '/install/callback',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({
          event,
          auth: {
            member_id: p.em.memberId,
            domain: other.domain,
            client_endpoint: other.clientEndpoint,
            access_token: other.accessToken,
            refresh_token: other.refreshToken,
            application_token: other.applicationToken,
          },
        }),
      });
      expect(r.statusCode, event).toBe(401);
    }
    const row = await p.db.kysely
      .selectFrom('portals')
      .select(['domain', 'client_endpoint', 'status'])
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ domain: p.em.domain, client_endpoint: `${p.em.url}/rest/`, status: 'active' });
  });

  it("a squatter cannot claim a member_id: the OAuth server names the squatter's own portal; the real portal then installs", async () => {
    p = await startPlatform({ oauthHub: true });
    em2 = await createEmulator({ ...TEST_CLIENT, rateLimit: false });
    await em2.installApp({});
    const squat = em2.issueUserToken(1); // tokens that work on the squatter's own portal only
    // The squatter's portal is a real one: the OAuth server knows its token, and names its own member_id.
    p.a.oauthHub!.add(em2);
    const r = await p.a.app.inject({
      method: 'POST',
      url: '/install/callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        event: 'ONAPPINSTALL',
        auth: {
          member_id: p.em.memberId,
          domain: squat.domain,
          client_endpoint: squat.clientEndpoint,
          access_token: squat.accessToken,
          refresh_token: squat.refreshToken,
          application_token: squat.applicationToken,
        },
      }),
    });
    expect(r.statusCode).toBe(401);
    expect(await p.db.kysely.selectFrom('portals').selectAll().execute()).toEqual([]);
    const portalId = await p.install();
    const row = await p.db.kysely
      .selectFrom('portals')
      .select(['domain', 'client_endpoint', 'status'])
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ domain: p.em.domain, client_endpoint: `${p.em.url}/rest/`, status: 'active' });
    // The stored pair is the rotated one, not the spent one: once the access token has expired (on
    // demand: the portal answers expired_token) the app's client refreshes and keeps working.
    expect(p.em.expireAccessTokens()).toBeGreaterThan(0);
    const refreshesBefore = p.em.stats().refreshes;
    const client = await p.a.app.getPortalClient(portalId);
    await expect(client.call('profile', {})).resolves.toBeTruthy();
    const after = await p.db.kysely.selectFrom('portals').select('status').where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(after.status).toBe('active');
    expect(p.em.stats().refreshes - refreshesBefore).toBe(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../server/db/test-db.js';
import { ReinstallNeeded } from '../server/portal/errors.js';
import { startApp, startPlatform, type AppUnderTest, type Platform } from '../server/portal/test-harness.js';

// Token lifetime, refresh serialisation (in-process and across two app instances on PostgreSQL),
// dead refresh tokens, and the portal's leaky bucket.

let p: Platform | undefined;
const extra: AppUnderTest[] = [];
afterEach(async () => {
  for (const a of extra.splice(0)) await a.close();
  await p?.close();
  p = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('portal client tokens', () => {
  it('keeps working across 2-second access-token expiries', async () => {
    p = await startPlatform({ emulator: { accessTtlSec: 2 } });
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    const refreshesBefore = p.em.stats().refreshes;
    const until = Date.now() + 5_500;
    let calls = 0;
    while (Date.now() < until) {
      const r = await client.call<{ ID: string }>('profile');
      expect(r.ID).toBe('1');
      calls++;
      await sleep(100);
    }
    expect(calls).toBeGreaterThan(20);
    expect(p.em.stats().refreshes - refreshesBefore).toBeGreaterThanOrEqual(2);
    expect(p.em.stats().oauthErrors.invalid_grant ?? 0).toBe(0);
  });

  it('100 concurrent calls at expiry cause exactly one refresh', async () => {
    // The portal's rate limit is off here and our bucket wide, so all 100 go out within the token's life.
    // 4 s tokens: margin for a loaded CI machine to send all 100 within one token's life.
    p = await startPlatform({ emulator: { accessTtlSec: 4 }, env: { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' } });
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    await client.call('profile');
    await sleep(4_200); // the stored token is now expired
    const before = p.em.stats().refreshes;
    const results = await Promise.all(Array.from({ length: 100 }, () => client.call<{ ID: string }>('profile')));
    expect(results.every((r) => r.ID === '1')).toBe(true);
    expect(p.em.stats().refreshes - before).toBe(1);
  });

  it('two app instances on PostgreSQL: one refresh per expiry, never invalid_grant', async () => {
    const db = await createTestDb('postgres');
    try {
      const wide = { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' };
      p = await startPlatform({ db, emulator: { accessTtlSec: 4 }, env: wide });
      const portalId = await p.install();
      const second = await startApp(db, { B24_OAUTH_SERVER: p.em.url, ...wide });
      extra.push(second);
      const c1 = await p.a.app.getPortalClient(portalId);
      const c2 = await second.app.getPortalClient(portalId);
      expect(c1).not.toBe(c2);
      const before = p.em.stats().refreshes;
      let expiries = 0;
      for (let round = 0; round < 3; round++) {
        await sleep(4_200);
        expiries++;
        const all = await Promise.all([
          ...Array.from({ length: 20 }, () => c1.call('profile')),
          ...Array.from({ length: 20 }, () => c2.call('profile')),
        ]);
        expect(all).toHaveLength(40);
      }
      const refreshes = p.em.stats().refreshes - before;
      expect(refreshes).toBe(expiries);
      expect(p.em.stats().oauthErrors.invalid_grant ?? 0).toBe(0);
    } finally {
      await p?.close();
      p = undefined;
      await db.close();
    }
  });

  it('a dead refresh token marks the portal reinstall_needed, visible to admins', async () => {
    p = await startPlatform({ emulator: { accessTtlSec: 2 } });
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    // The portal forgets every refresh token (e.g. one outlived its 180 days).
    p.em.state.tokens.refresh = {};
    await sleep(2_100);
    await expect(client.call('profile')).rejects.toBeInstanceOf(ReinstallNeeded);
    const row = await p.db.kysely.selectFrom('portals').select(['status']).where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.status).toBe('reinstall_needed');
    const session = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const res = await p.a.app.inject({ method: 'GET', url: '/admin/portal', headers: { authorization: `Bearer ${session}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('reinstall_needed');
    await expect(p.a.app.getPortalClient(portalId)).rejects.toBeInstanceOf(ReinstallNeeded);
  });

  // The portal's bucket is the documented burst 50; its drain is raised from 2/s to 20/s so the run
  // takes ~25 s instead of ~4 min. Our client is deliberately configured FASTER than the portal
  // (30/s) so that 503 QUERY_LIMIT_EXCEEDED really happens and must be absorbed.
  it('500 calls against a burst-50 bucket all complete; no 503 reaches the caller', async () => {
    p = await startPlatform({
      emulator: { rateLimit: { burst: 50, drainPerSec: 20 } },
      env: { B24_RATE_BURST: '50', B24_RATE_DRAIN: '30' },
    });
    const portalId = await p.install();
    await sleep(2_600); // let the install's calls drain
    const client = await p.a.app.getPortalClient(portalId);
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => client.call<{ ID: string }>('profile')));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    expect(results).toHaveLength(500);
    // The portal did push back: the calls above survived real 503s.
    expect(p.em.stats().rejected.QUERY_LIMIT_EXCEEDED ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from './support/test-db.js';
import { ReinstallNeeded } from '../server/portal-client/errors.js';
import { startApp, startPlatform, type AppUnderTest, type Platform } from './support/portal-harness.js';

// Token lifetime, refresh serialisation (in-process and across two app instances on PostgreSQL),
// dead refresh tokens, and the portal's leaky bucket.
//
// Only the first test lets real tokens run out on the clock (2-second tokens, ended as soon as two
// refreshes happened). The others reach expiry on demand: `expire()` is what an access token's hour
// passing looks like to both sides — the portal answers expired_token (the emulator's
// expireAccessTokens) and the app's stored expiry is in the past — without sleeping through it.

let p: Platform | undefined;
const extra: AppUnderTest[] = [];
afterEach(async () => {
  for (const a of extra.splice(0)) await a.close();
  await p?.close();
  p = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expire(platform: Platform, portalId: string, db = platform.db): Promise<void> {
  expect(platform.em.expireAccessTokens()).toBeGreaterThan(0);
  await db.kysely
    .updateTable('portals')
    .set({ token_expires_at: Date.now() - 1_000 })
    .where('id', '=', portalId)
    .execute();
}

describe('portal client tokens', () => {
  it('keeps working across 2-second access-token expiries', async () => {
    // Installed with hour-long tokens (a 2-second install token can die inside a slow install frame);
    // from the next refresh on, tokens live 2 s and run out on the real clock.
    p = await startPlatform();
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    p.em.setAccessTtlSec(2);
    await expire(p, portalId);
    const refreshesBefore = p.em.stats().refreshes;
    // Calls every 100 ms until three tokens have been replaced: the first on demand, two more on the clock.
    const until = Date.now() + 20_000;
    let calls = 0;
    while (p.em.stats().refreshes - refreshesBefore < 3 && Date.now() < until) {
      const r = await client.call<{ ID: string }>('profile');
      expect(r.ID).toBe('1');
      calls++;
      await sleep(100);
    }
    expect(calls).toBeGreaterThan(10);
    expect(p.em.stats().refreshes - refreshesBefore).toBeGreaterThanOrEqual(3);
    expect(p.em.stats().oauthErrors.invalid_grant ?? 0).toBe(0);
  });

  /** An installed portal whose token just expired, with a wide bucket (calls leave at once), and the refresh count so far. */
  async function atExpiry() {
    p = await startPlatform({ env: { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' } });
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    await client.call('profile');
    await expire(p, portalId);
    return { platform: p, client, before: p.em.stats().refreshes };
  }

  it('100 concurrent calls at expiry cause exactly one refresh', async () => {
    // The portal's rate limit is off here and our bucket wide, so all 100 go out with the dead token.
    const { client, before } = await atExpiry();
    const results = await Promise.all(Array.from({ length: 100 }, () => client.call<{ ID: string }>('profile')));
    expect(results.every((r) => r.ID === '1')).toBe(true);
    expect(p!.em.stats().refreshes - before).toBe(1);
  });

  it('a refusal of a token already replaced, however late it comes, never refreshes again', async () => {
    const { platform, client, before } = await atExpiry();
    // A leaves with the dead token and the portal answers it only after 6 s (a slow portal, a loaded
    // process); B leaves at once with the same token, is refused, and the client refreshes.
    platform.em.setFaults({ delayMs: 6_000 });
    const slow = client.call<{ ID: string }>('profile');
    await sleep(200);
    platform.em.setFaults({ delayMs: 0 });
    expect((await client.call<{ ID: string }>('profile')).ID).toBe('1');
    expect(platform.em.stats().refreshes - before).toBe(1);
    // A's refusal names the replaced token: it is retried with the current one, no second refresh.
    expect((await slow).ID).toBe('1');
    expect(platform.em.stats().refreshes - before).toBe(1);
    expect(platform.em.stats().oauthErrors.invalid_grant ?? 0).toBe(0);
  });

  it('two app instances on PostgreSQL: one refresh per expiry, never invalid_grant', async () => {
    const db = await createTestDb('postgres');
    try {
      const wide = { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' };
      p = await startPlatform({ db, env: wide });
      const portalId = await p.install();
      const second = await startApp(db, { B24_OAUTH_SERVER: p.em.url, ...wide });
      extra.push(second);
      const c1 = await p.a.app.getPortalClient(portalId);
      const c2 = await second.app.getPortalClient(portalId);
      expect(c1).not.toBe(c2);
      const before = p.em.stats().refreshes;
      let expiries = 0;
      for (let round = 0; round < 3; round++) {
        await expire(p, portalId);
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
    p = await startPlatform();
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    // The portal forgets every refresh token (e.g. one outlived its 180 days).
    p.em.state.tokens.refresh = {};
    await expire(p, portalId);
    await expect(client.call('profile')).rejects.toBeInstanceOf(ReinstallNeeded);
    const row = await p.db.kysely.selectFrom('portals').select(['status']).where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.status).toBe('reinstall_needed');
    const session = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const res = await p.a.app.inject({ method: 'GET', url: '/admin/portal', headers: { authorization: `Bearer ${session}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('reinstall_needed');
    await expect(p.a.app.getPortalClient(portalId)).rejects.toBeInstanceOf(ReinstallNeeded);
  });

  // The portal's bucket is the documented burst 50; its drain is raised from 2/s to 40/s so the run
  // takes ~11 s instead of ~4 min. Our client is deliberately configured FASTER than the portal
  // (60/s) so that 503 QUERY_LIMIT_EXCEEDED really happens and must be absorbed.
  it('500 calls against a burst-50 bucket all complete; no 503 reaches the caller', async () => {
    p = await startPlatform({
      emulator: { rateLimit: { burst: 50, drainPerSec: 40 } },
      env: { B24_RATE_BURST: '50', B24_RATE_DRAIN: '60' },
    });
    const portalId = await p.install();
    p.em.resetLimits(); // the install's calls are forgotten, as after a quiet moment
    const client = await p.a.app.getPortalClient(portalId);
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => client.call<{ ID: string }>('profile')));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    expect(results).toHaveLength(500);
    // The portal did push back: the calls above survived real 503s.
    expect(p.em.stats().rejected.QUERY_LIMIT_EXCEEDED ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

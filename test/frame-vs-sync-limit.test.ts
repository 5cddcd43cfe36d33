// A deal tab opened while our background work keeps the portal's bucket full (the fresh demo's
// first minute: 20 loans syncing at the portal's 2 req/s). doc: limits.md — one leaky bucket per
// Bitrix24 account (X = 50, Y = 2/s on non-Enterprise plans), shared by every request of our
// server, the user's-token checks of a frame included. The tab must open at once, not after a
// lucky race with the sync (server/portal-client/frame-gate.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callWithToken, RATE_LIMIT_RETRY_MS } from '../server/portal-client/direct-call.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

describe('a frame opened while the background keeps the portal bucket full', () => {
  let p: Platform | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await p?.close();
    p = undefined;
  });

  it('is verified ahead of the backlog: the tab answers 200 within the first retries, every time', async () => {
    // Our client paces its backlog at 6/s against the portal's documented 2/s: it stands for every way
    // its estimate falls behind the portal's count (other processes of the app, a client made after
    // other calls, timers late on a loaded machine). Without the gate the tab's deal check loses the
    // race and the tab answers 502 "reopen in a moment" — what the demo test met in CI.
    p = await startPlatform({
      emulator: { rateLimit: { burst: 50, drainPerSec: 2 } },
      env: { B24_RATE_BURST: '50', B24_RATE_DRAIN: '6' },
    });
    const portalId = await p.install();
    const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Opened while syncing' } }));
    p.em.resetLimits();
    const client = await p.a.app.getPortalClient(portalId);
    // Fill the portal's bucket the way a client created after other calls does: the app's
    // limiter believes it has 40 to spend, the portal already counts 10 from elsewhere.
    const user = p.em.issueUserToken(1).accessToken;
    for (let i = 0; i < 10; i++) await callWithToken(`${p.em.url}/rest/`, 'profile', user);
    // The backlog: 40 at once, then paced faster than the portal drains — the bucket stays full.
    // 80 calls keep it full for (80 + 10 - 50) / 2 = 20 s, twice the ~10 s the three tabs below take;
    // what is left after the last tab does not drain at 2/s (the bucket is emptied, below).
    const backlog = Promise.allSettled(Array.from({ length: 80 }, () => client.call('profile')));
    // The portal refusing a call is the bucket being full: the tabs open from then on.
    const refused = () => p!.em.stats().rejected.QUERY_LIMIT_EXCEEDED ?? 0;
    await bucketFull(refused, 0);

    // Each REST call made with a frame's own token (its AUTH_ID) and how many times the portal refused it.
    const frameCalls: { token: string; method: string; refusals: number }[] = [];
    const realFetch = globalThis.fetch;
    const tokenCalls = new Map<string, { token: string; method: string; refusals: number }>();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const res = await realFetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      const auth = typeof init?.body === 'string' && url.includes('/rest/') ? (JSON.parse(init.body) as { auth?: string }).auth : undefined;
      const tab = auth && frameTokens.has(auth) ? auth : undefined;
      if (tab) {
        const method = url.slice(url.indexOf('/rest/') + 6);
        const key = `${tab} ${method}`;
        let c = tokenCalls.get(key);
        if (!c) tokenCalls.set(key, (c = { token: tab, method, refusals: 0 }));
        if (res.status === 503 && ((await res.clone().json()) as { error?: string }).error === 'QUERY_LIMIT_EXCEEDED') c.refusals++;
        else frameCalls.push(c);
      }
      return res;
    });
    const frameTokens = new Set<string>();

    for (let tab = 0; tab < 3; tab++) {
      const frame = p.em.frameRequest(`${p.a.url}/placements/loan-tab`, {
        placement: 'CRM_DEAL_DETAIL_TAB',
        placementOptions: { ID: String(dealId) },
      });
      frameTokens.add(String(frame.body.AUTH_ID));
      const res = await fetch(frame.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(frame.body),
      });
      expect(res.status, await res.text()).toBe(200);
      // The frame's check retries a refused call after 0.3, 0.6, 1.2 and 2 s; with the background held
      // back the bucket has room by the second retry: no call of this tab was refused more than twice,
      // and the waits its refusals cost add up to less than 2.5 s. Counted, not timed, so a loaded
      // machine cannot fail it — without the gate each call is refused all five times (502).
      const mine = frameCalls.filter((c) => c.token === String(frame.body.AUTH_ID));
      expect(mine.map((c) => c.method)).toContain('profile');
      expect(mine.map((c) => c.refusals).filter((n) => n > 2)).toEqual([]);
      const waitedMs = mine.reduce((s, c) => s + RATE_LIMIT_RETRY_MS.slice(0, c.refusals).reduce((a, b) => a + b, 0), 0);
      expect(waitedMs).toBeLessThan(2_500);
      // The sync runs on between tabs until the portal refuses it again: the next tab meets a full bucket too.
      await bucketFull(refused, refused());
    }
    expect(p.em.stats().rejected.QUERY_LIMIT_EXCEEDED ?? 0).toBeGreaterThan(0); // the bucket really was full
    // The tabs are done; the rest of the backlog only has to finish. The portal's bucket is emptied
    // (as after a quiet moment) instead of waiting ~10 s more for it to drain at 2/s: the refusals the
    // backlog met above were already absorbed by the client's retries, which is what the check below reads.
    p.em.resetLimits();
    const settled = await backlog;
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
  }, 120_000);
});

/** Waits (polling, bounded) until the portal has refused more calls than `before`: its bucket is full. */
async function bucketFull(refused: () => number, before: number): Promise<void> {
  for (let i = 0; i < 400 && refused() <= before; i++) await new Promise((r) => setTimeout(r, 25));
  expect(refused(), 'the background never filled the bucket').toBeGreaterThan(before);
}

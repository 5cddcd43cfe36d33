import { afterEach, describe, expect, it } from 'vitest';
import { Limits } from './limits.js';
import { resolveOptions } from './options.js';
import { startInstalled, CLIENT, type Installed } from './test-support/setup.js';

describe('emulator limits and faults', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('leaky bucket: burst then refusal, drains by drainPerSec (clock passed in)', () => {
    const limits = new Limits(resolveOptions({ ...CLIENT, rateLimit: { burst: 50, drainPerSec: 2 } }, {}));
    const t0 = 1_000_000;
    for (let i = 0; i < 50; i++) expect(limits.take('app', t0)).toBe(true);
    expect(limits.take('app', t0)).toBe(false);
    expect(limits.take('other', t0)).toBe(true);
    expect(limits.take('app', t0 + 500)).toBe(true); // one slot drained
    expect(limits.take('app', t0 + 500)).toBe(false);
  });

  it('operating time per method: 429 OPERATION_TIME_LIMIT for that method only; time.operating reported', async () => {
    t = await startInstalled({ operating: { limitSec: 10, costSecByMethod: { 'crm.deal.list': 6 } } });
    const first = await t.call('crm.deal.list');
    expect((first.body.time as { operating: number }).operating).toBeGreaterThanOrEqual(6);
    expect((first.body.time as { operating_reset_at: number }).operating_reset_at).toBeGreaterThan(Date.now() / 1000);
    expect((await t.call('crm.deal.list')).status).toBe(200); // 12 s now, over the limit for the next call
    const blocked = await t.call('crm.deal.list');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('OPERATION_TIME_LIMIT');
    expect((await t.call('profile')).status).toBe(200);
  });

  it('batch counts as one request in the bucket; rejected calls are counted by code', async () => {
    t = await startInstalled({ rateLimit: { burst: 2, drainPerSec: 0.001 } });
    const b = await t.call('batch', { cmd: Array.from({ length: 10 }, () => 'profile') });
    expect(b.status).toBe(200);
    expect((await t.call('profile')).status).toBe(200);
    const r = await t.call('profile');
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
    expect(t.em.stats().rejected.QUERY_LIMIT_EXCEEDED).toBe(1);
    expect(t.em.stats().batchSubCalls).toBe(10);
  });

  it('fault injection by option and by POST /emulator/api/faults; env vars are read', async () => {
    let n = 0;
    const seq = [0.1, 0.2, 0.9, 0.9]; // error (500), error (503), pass, pass …
    t = await startInstalled({ faults: { errorRate: 0.5 }, random: () => seq[n++ % seq.length]! });
    const a = await t.call('profile');
    expect([500, 503]).toContain(a.status);
    expect(['INTERNAL_SERVER_ERROR', 'QUERY_LIMIT_EXCEEDED']).toContain(a.body.error);
    const res = await fetch(`${t.em.url}/emulator/api/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 0 }),
    });
    expect(await res.json()).toMatchObject({ errorRate: 0 });
    expect((await t.call('profile')).status).toBe(200);
    expect(t.em.stats().faultsInjected).toBe(1);
    const env = resolveOptions(CLIENT, {
      EMULATOR_FAULT_ERROR_RATE: '0.25',
      EMULATOR_FAULT_DELAY_MS: '5',
      EMULATOR_FAULT_DROP_EVENTS: '0.5',
    });
    expect(env.faults).toEqual({ errorRate: 0.25, delayMs: 5, dropEvents: 0.5 });
  });

  it('GET /emulator/api/stats and /emulator/api/state are JSON', async () => {
    t = await startInstalled();
    await t.call('profile');
    const stats = (await (await fetch(`${t.em.url}/emulator/api/stats`)).json()) as { restCalls: Record<string, number> };
    expect(stats.restCalls.profile).toBe(1);
    const state = (await (await fetch(`${t.em.url}/emulator/api/state`)).json()) as Record<string, unknown>;
    for (const k of [
      'deals',
      'contacts',
      'placements',
      'activities',
      'robots',
      'eventBindings',
      'smsSenders',
      'types',
      'items',
      'timeline',
      'todos',
      'notifications',
      'files',
    ]) {
      expect(state).toHaveProperty(k);
    }
    expect(state).not.toHaveProperty('tokens');
  });
});

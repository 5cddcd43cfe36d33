import { afterEach, describe, expect, it } from 'vitest';
import { AccessDenied, NotFound } from '../server/portal-client/errors.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// PortalClient helpers against the emulator: batch chunks to 50 and reports per-command errors,
// list pages through `next`, typed errors.

let p: Platform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

describe('portal client helpers', () => {
  it('batch chunks to 50 with per-command errors; list pages through next; typed errors', async () => {
    p = await startPlatform({ env: { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' } });
    const portalId = await p.install();
    const client = await p.a.app.getPortalClient(portalId);
    const commands: Record<string, { method: string; params?: Record<string, unknown> }> = {};
    for (let i = 0; i < 120; i++)
      commands[`d${i}`] = { method: 'crm.deal.add', params: { fields: { TITLE: `Loan ${i}`, OPPORTUNITY: '1000.00' } } };
    commands.bad = { method: 'no.such.method' };
    const before = p.em.stats().restCalls.batch ?? 0;
    const out = await client.batch<number>(commands);
    expect((p.em.stats().restCalls.batch ?? 0) - before).toBe(3);
    expect(Object.keys(out.results)).toHaveLength(120);
    expect(out.errors.bad?.code).toBe('ERROR_METHOD_NOT_FOUND');
    expect(Number(out.results.d0)).toBeGreaterThan(0);

    const deals = await client.list<{ ID: string }>('crm.deal.list', { select: ['ID'] });
    expect(deals.length).toBeGreaterThanOrEqual(120);
    expect(new Set(deals.map((d) => d.ID)).size).toBe(deals.length);

    await expect(client.call('crm.deal.get', { id: 99_999_999 })).rejects.toBeInstanceOf(NotFound);
    // A non-admin-only action with a bad argument is not a NotFound/AccessDenied: the portal's code is kept.
    const err = await client.call('crm.type.add', { fields: {} }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(AccessDenied);
    expect((err as { code: string }).code).toBe('UPSTREAM');
  });
});

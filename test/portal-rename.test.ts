// A portal renamed to a new address (settings/how-to-call-rest-api/change-domen.md): its old host
// answers 302, the OAuth server names the new client_endpoint. The app follows the OAuth server's
// answer (server/portal-client/portal-move.ts): REST calls and deal tabs keep working, no reinstall.
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { listProducts, upsertProduct } from '../server/products/product-repo.js';

describe('portal renamed to a new address', () => {
  let p: Platform | undefined;
  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  async function stored(portalId: string) {
    return p!.db.kysely
      .selectFrom('portals')
      .select(['client_endpoint', 'domain', 'status'])
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
  }

  async function openLoanTab(dealId: number): Promise<Response> {
    const frame = p!.em.frameRequest(`${p!.a.url}/placements/loan-tab`, {
      placement: 'CRM_DEAL_DETAIL_TAB',
      placementOptions: { ID: String(dealId) },
    });
    return fetch(frame.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(frame.body),
    });
  }

  it('a REST call from a client made before the rename succeeds, and the new address is stored', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Before the rename' } }));
    const client = await p.a.app.getPortalClient(portalId);
    expect(await client.call<{ ID: string }>('crm.deal.get', { id: dealId })).toMatchObject({ ID: String(dealId) });

    const oldUrl = p.em.url;
    const newUrl = await p.em.renamePortal();
    const refreshesBefore = p.em.stats().refreshes;

    expect(await client.call<{ ID: string }>('crm.deal.get', { id: dealId })).toMatchObject({ ID: String(dealId) });
    expect(await stored(portalId)).toEqual({ client_endpoint: `${newUrl}/rest/`, domain: p.em.domain, status: 'active' });
    expect(p.em.stats().refreshes).toBe(refreshesBefore + 1);
    expect(newUrl).not.toBe(oldUrl);

    // The tab opened from the renamed portal (DOMAIN = the new host) gets its session.
    const tab = await openLoanTab(dealId);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain(`"dealId":"${dealId}"`);
  });

  it('the first thing after the rename is a deal tab: it learns the new address and opens', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Tab first' } }));
    await p.em.renamePortal();

    const tab = await openLoanTab(dealId);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('widget-boot');
    expect((await stored(portalId)).domain).toBe(p.em.domain);
    // And the app's own calls go to the new address.
    const client = await p.a.app.getPortalClient(portalId);
    expect(await client.call<{ ID: string }>('crm.deal.get', { id: dealId })).toMatchObject({ ID: String(dealId) });
  });

  it('a rename to a host outside B24_PORTAL_DOMAINS is not followed: old address kept, portal marked, logged', async () => {
    const lines: string[] = [];
    const stream = { write: (l: string) => void lines.push(l) };
    p = await startPlatform({ env: { B24_PORTAL_DOMAINS: '127.0.0.1' }, logger: { level: 'warn', stream } });
    const portalId = await p.install();
    const before = await stored(portalId);
    const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Renamed away' } }));
    // 127.0.0.2 stands for a domain the operator did not list.
    const newUrl = await p.em.renamePortal({ host: '127.0.0.2' });
    const refreshesBefore = p.em.stats().refreshes;

    const client = await p.a.app.getPortalClient(portalId);
    await expect(client.call('crm.deal.get', { id: dealId })).rejects.toThrow();
    expect(await stored(portalId)).toEqual(before);
    expect(before.client_endpoint).not.toBe(`${newUrl}/rest/`);
    // The OAuth server was asked once (its rotated tokens are kept), and the portal says why.
    expect(p.em.stats().refreshes).toBe(refreshesBefore + 1);
    const row = await p.db.kysely.selectFrom('portals').select(['last_error']).where('id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.last_error).toContain('127.0.0.2');
    expect(lines.join('\n')).toMatch(/"host":"127\.0\.0\.2:\d+".*outside B24_PORTAL_DOMAINS/);

    // A tab opened from the new host is refused (its DOMAIN is not the installed portal's), not served.
    expect((await openLoanTab(dealId)).status).toBe(401);
  });

  it('an administrator who re-installs from the new address keeps the portal and its data', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const product = {
      id: 'consumer',
      name: 'Consumer',
      method: 'annuity',
      rateUnit: 'annual' as const,
      rateMin: '10',
      rateMax: '20',
      termMin: 3,
      termMax: 24,
      amountMin: '1000',
      amountMax: '500000',
      currency: 'MXN',
      fees: [],
      dayCount: 'actual/365',
      profile: null,
      active: true,
    };
    await upsertProduct(p.db.kysely, portalId, product, new Date().toISOString());
    const newUrl = await p.em.renamePortal();

    // The install page opened from the renamed portal, before the app made any call that would have
    // learned the new address: the same member_id under another domain.
    expect(await p.install()).toBe(portalId);
    expect(await stored(portalId)).toEqual({ client_endpoint: `${newUrl}/rest/`, domain: p.em.domain, status: 'active' });
    expect((await listProducts(p.db.kysely, portalId)).map((x) => x.id)).toEqual(['consumer']);
  });
});

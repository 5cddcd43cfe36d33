import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTerms } from './support/sample-terms.js';
import { scheduleItemFields } from '../server/loans/sync/target.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// The whole server path of issue 5 against the emulator: the app installed through the real flow
// (which creates the smart process and deal fields from app.manifest.json), the loan API over HTTP
// with a real session, the outbox worker running the loan.sync job through the platform's
// PortalClient (bound to our PortalGateway interface), and the portal state read back.
let p: Platform;
let portalId: string;
let entityTypeId: number;
let statusField: string;

beforeAll(async () => {
  p = await startPlatform();
  portalId = await p.install();
  const row = await p.db.kysely
    .selectFrom('portals')
    .select('schedule_entity_type_id')
    .where('id', '=', portalId)
    .executeTakeFirstOrThrow();
  entityTypeId = Number(row.schedule_entity_type_id);
  // Install created the smart process's user fields; their names come from its crm.type id.
  const types = await p.portalCall<{ types: { id: number; entityTypeId: number }[] }>('crm.type.list', { filter: { entityTypeId } });
  statusField = scheduleItemFields(types.types[0]!.id)!.status;
});
afterAll(async () => {
  await p?.close();
});

async function api(method: string, path: string, dealId: number, body?: unknown) {
  const token = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
  const r = await fetch(`${p.a.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

async function items(dealId: number) {
  const r = await p.portalCall<{ items: Record<string, unknown>[] }>('crm.item.list', {
    entityTypeId,
    filter: { parentId2: dealId },
    order: { id: 'ASC' },
  });
  return r.items;
}

describe('loan tab server flow', () => {
  it('save → items and deal fields in the portal; save shorter → in place, surplus gone; payment → statuses', async () => {
    const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Flow loan' } }));
    const saved = await api('PUT', `/api/v1/deals/${dealId}/loan`, dealId, { loan: sampleTerms(18) });
    expect(saved.status).toBe(200);
    await p.a.app.outbox.drain();
    const first = await items(dealId);
    expect(first).toHaveLength(18);
    const deal = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(deal).toMatchObject({ UF_CRM_LOAN_TERM: '18', UF_CRM_LOAN_RATE: '18' });
    expect(Number(deal.OPPORTUNITY)).toBe(100000);

    const shorter = await api('PUT', `/api/v1/deals/${dealId}/loan`, dealId, { loan: sampleTerms(12) });
    expect(shorter.status).toBe(200);
    const rows = (shorter.json.schedule as { rows: { total: string }[] }).rows;
    await p.a.app.outbox.drain();
    const second = await items(dealId);
    expect(second.map((i) => i.id)).toEqual(first.slice(0, 12).map((i) => i.id));

    const pay = await api('POST', `/api/v1/deals/${dealId}/payments`, dealId, {
      id: 'flow-1',
      date: '2024-03-15',
      amount: new Decimal(rows[0]!.total).add(rows[1]!.total).toFixed(2),
    });
    expect(pay.status).toBe(201);
    await p.a.app.outbox.drain();
    const statuses = (await items(dealId)).map((i) => i[statusField]);
    expect(statuses.slice(0, 3)).toEqual(['paid', 'paid', 'overdue']);
    const after = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(Number(after.UF_CRM_LOAN_DAYS_PAST_DUE)).toBeGreaterThan(0);
    const jobs = await p.db.kysely.selectFrom('outbox_jobs').select(['kind', 'status']).where('kind', '=', 'loan.sync').execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

// What the loan closure relies on (server/loans/sync/deal-presence.ts): a deleted deal fires
// ONCRMDEALDELETE with only its ID, and every later call on it answers the legacy empty-code
// "Not found" (doc: api-reference/crm/deals/crm-deal-get.md, crm-deal-update.md); a missing item
// answers NOT_FOUND (doc: api-reference/crm/universal/crm-item-update.md, crm-item-delete.md).
describe('emulator: deleting a deal', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('fires ONCRMDEALDELETE as a form post and answers "Not found" for the deal and NOT_FOUND for items afterwards', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALDELETE', handler: `${t.sink.url}/ev` });
    const type = (await t.call('crm.type.add', { fields: { title: 'Schedule', relations: { parent: [{ entityTypeId: 2 }] } } })).body
      .result as { type: { entityTypeId: number } };
    const entityTypeId = type.type.entityTypeId;
    const deal = (await t.call('crm.deal.add', { fields: { TITLE: 'Gone' } })).body.result as number;
    const item = (
      (await t.call('crm.item.add', { entityTypeId, fields: { title: '#1', parentId2: deal } })).body.result as { item: { id: number } }
    ).item;

    expect((await t.call('crm.deal.delete', { id: deal })).body.result).toBe(true);
    await t.em.idle();
    const ev = t.sink.requests.find((r) => r.path === '/ev')!;
    expect(ev.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
    expect(ev.body).toMatchObject({ event: 'ONCRMDEALDELETE', data: { FIELDS: { ID: String(deal) } } });

    const notFound = { error: '', error_description: 'Not found' };
    for (const [method, params] of [
      ['crm.deal.get', { id: deal }],
      ['crm.deal.update', { id: deal, fields: { TITLE: 'x' } }],
      ['crm.deal.delete', { id: deal }],
    ] as const) {
      const r = await t.call(method, params);
      expect([method, r.status, r.body]).toEqual([method, 400, notFound]);
    }
    // Inside a batch the same answer arrives per command, under result_error.
    const batch = await t.call('batch', { halt: 0, cmd: { d: `crm.deal.get?id=${deal}` } });
    expect((batch.body.result as { result_error: unknown }).result_error).toEqual({ d: notFound });

    expect((await t.call('crm.item.delete', { entityTypeId, id: item.id })).status).toBe(200);
    for (const method of ['crm.item.update', 'crm.item.delete']) {
      const r = await t.call(method, { entityTypeId, id: item.id, fields: { title: 'x' } });
      expect([method, r.status, r.body.error]).toEqual([method, 400, 'NOT_FOUND']);
    }
  });
});

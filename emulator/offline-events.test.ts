import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator offline events', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('keeps one record per object, hands out disjoint reserved sets, clears by process id', async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' });
    const id = (await t.call('crm.deal.add', { fields: { TITLE: 'A' } })).body.result as number;
    await t.call('crm.deal.update', { id, fields: { TITLE: 'B' } });
    await t.call('crm.deal.update', { id, fields: { TITLE: 'C' } });
    const other = (await t.call('crm.deal.add', { fields: { TITLE: 'D' } })).body.result as number;
    await t.call('crm.deal.update', { id: other, fields: { TITLE: 'E' } });
    const list = await t.call('event.offline.list');
    expect(list.body.total).toBe(2); // latest change per deal
    const first = await t.call('event.offline.get', { clear: 0, limit: 1 });
    const r1 = first.body.result as { process_id: string; events: { EVENT_DATA: unknown }[] };
    expect(r1.process_id).toEqual(expect.any(String));
    expect(r1.events[0]!.EVENT_DATA).toEqual({ FIELDS: { ID: String(id) } });
    const second = (await t.call('event.offline.get', { clear: 0 })).body.result as { events: unknown[] };
    expect(second.events).toHaveLength(1); // the reserved row is not handed out again
    expect((await t.call('event.offline.clear', { process_id: r1.process_id })).body.result).toBe(true);
    expect((await t.call('event.offline.list')).body.total).toBe(1);
    const webhook = t.em.createWebhook({});
    expect((await fetch(`${webhook.url}event.offline.get`)).status).toBe(403);
  });

  it("a write carrying the binding's auth_connector is not recorded, directly or in a batch; others are", async () => {
    t = await startInstalled();
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline', auth_connector: 'app1' });
    const id = (await t.call('crm.deal.add', { fields: { TITLE: 'A' } })).body.result as number;
    await t.call('crm.deal.update', { id, fields: { TITLE: 'B' }, auth_connector: 'app1' });
    await t.call('batch', { cmd: { a: `crm.deal.update?id=${id}&fields[TITLE]=C&auth_connector=app1` } });
    expect((await t.call('event.offline.list')).body.total).toBe(0);
    await t.call('crm.deal.update', { id, fields: { TITLE: 'D' }, auth_connector: 'other' });
    await t.call('crm.deal.update', { id, fields: { TITLE: 'E' } });
    const list = (await t.call('event.offline.list')).body as { total: number; result: { EVENT_DATA: unknown }[] };
    expect(list.total).toBe(1);
    expect(list.result[0]!.EVENT_DATA).toEqual({ FIELDS: { ID: String(id) } });
  });
});

// Plan limits on smart processes (crm/plan.ts): the documented errors of crm.type.add and crm.item.add.
import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator plan limits on smart processes', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a plan without smart processes answers crm.type.add with CREATE_DYNAMIC_TYPE_RESTRICTED', async () => {
    t = await startInstalled({ smartProcessLimit: 0 });
    const r = await t.call('crm.type.add', { fields: { title: 'Payment schedule' } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'CREATE_DYNAMIC_TYPE_RESTRICTED', error_description: 'Maximum number of SPAs exceeded' });
    expect(t.em.state.types).toHaveLength(0);
  });

  it('a limit of one lets the first smart process in; restricted items answer CREATE_DYNAMIC_ITEM_RESTRICTED', async () => {
    t = await startInstalled({ smartProcessLimit: 1 });
    const add = await t.call('crm.type.add', { fields: { title: 'First' } });
    expect(add.status).toBe(200);
    expect((await t.call('crm.type.add', { fields: { title: 'Second' } })).body).toMatchObject({ error: 'CREATE_DYNAMIC_TYPE_RESTRICTED' });
    const entityTypeId = (add.body.result as { type: { entityTypeId: number } }).type.entityTypeId;
    expect((await t.call('crm.item.add', { entityTypeId, fields: { title: 'ok' } })).status).toBe(200);
    t.em.state.portal.plan = { ...t.em.state.portal.plan, smartProcessItemsRestricted: true };
    const item = await t.call('crm.item.add', { entityTypeId, fields: { title: 'no' } });
    expect(item.status).toBe(400);
    expect(item.body).toMatchObject({ error: 'CREATE_DYNAMIC_ITEM_RESTRICTED' });
    // Deals are not smart processes.
    expect((await t.call('crm.item.add', { entityTypeId: 2, fields: { title: 'deal' } })).status).toBe(200);
  });
});

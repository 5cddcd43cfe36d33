// A user's own token reads only the deals their CRM role lets them read (crm/access.ts):
// crm.deal.get answers the documented 400 "Access denied", crm.item.get 400 ACCESS_DENIED.
import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator CRM read access', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a user with personal access reads their own deal and is denied another, as documented', async () => {
    t = await startInstalled();
    t.em.state.users.push({ ...t.em.state.users[0]!, id: 5, admin: false, role: 'collector', dealRead: 'own' });
    const mine = Number((await t.call('crm.deal.add', { fields: { TITLE: 'Mine', ASSIGNED_BY_ID: 5 } })).body.result);
    const other = Number((await t.call('crm.deal.add', { fields: { TITLE: 'Other', ASSIGNED_BY_ID: 1 } })).body.result);
    const token = t.em.issueUserToken(5).accessToken;

    expect((await t.call('crm.deal.get', { id: mine }, token)).status).toBe(200);
    const denied = await t.call('crm.deal.get', { id: other }, token);
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ error: '', error_description: 'Access denied' });
    const item = await t.call('crm.item.get', { entityTypeId: 2, id: other }, token);
    expect(item.status).toBe(400);
    expect(item.body).toMatchObject({ error: 'ACCESS_DENIED' });
    // The admin (the app's own token) still reads it.
    expect((await t.call('crm.deal.get', { id: other })).status).toBe(200);
  });

  it('a user without deal access is denied every deal; a missing deal is still "Not found"', async () => {
    t = await startInstalled();
    t.em.state.users.push({ ...t.em.state.users[0]!, id: 6, admin: false, role: 'manager', dealRead: 'none' });
    const id = Number((await t.call('crm.deal.add', { fields: { TITLE: 'X', ASSIGNED_BY_ID: 6 } })).body.result);
    const token = t.em.issueUserToken(6).accessToken;
    expect((await t.call('crm.deal.get', { id }, token)).body).toEqual({ error: '', error_description: 'Access denied' });
    expect((await t.call('crm.deal.get', { id: 99_999 }, token)).body).toEqual({ error: '', error_description: 'Not found' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

// crm.automation.trigger.* as api-reference/crm/automation/triggers/ says: application context and
// an administrator; CODE [a-z0-9.\-_]; add with a known CODE renames; execute is recorded in state.
describe('emulator: robot triggers of the app', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('add (and rename), list, execute recorded, delete', async () => {
    t = await startInstalled();
    expect((await t.call('crm.automation.trigger.add', { CODE: 'loan.paid_off', NAME: 'Paid' })).body.result).toBe(true);
    expect((await t.call('crm.automation.trigger.add', { CODE: 'loan.paid_off', NAME: 'Loan paid off' })).body.result).toBe(true);
    expect((await t.call('crm.automation.trigger.list')).body.result).toEqual([{ NAME: 'Loan paid off', CODE: 'loan.paid_off' }]);
    const deal = t.em.createDeal({ TITLE: 'A' });
    const run = await t.call('crm.automation.trigger.execute', { CODE: 'loan.paid_off', OWNER_TYPE_ID: 2, OWNER_ID: Number(deal.ID) });
    expect(run.body.result).toBe(true);
    expect(t.em.core.state.firedTriggers).toMatchObject([{ code: 'loan.paid_off', ownerTypeId: 2, ownerId: Number(deal.ID) }]);
    expect((await t.call('crm.automation.trigger.delete', { CODE: 'loan.paid_off' })).body.result).toBe(true);
    expect((await t.call('crm.automation.trigger.list')).body.result).toEqual([]);
  });

  it('refuses what the docs list', async () => {
    t = await startInstalled();
    const err = async (method: string, params: Record<string, unknown>, token?: string) =>
      (await t!.call(method, params, token)).body as { error: string; error_description: string };
    expect(await err('crm.automation.trigger.add', { NAME: 'x' })).toMatchObject({ error: '', error_description: 'Empty trigger code!' });
    expect(await err('crm.automation.trigger.add', { CODE: 'Due Soon', NAME: 'x' })).toMatchObject({
      error_description: 'Wrong trigger code!',
    });
    expect(await err('crm.automation.trigger.add', { CODE: 'due', NAME: ' ' })).toMatchObject({ error_description: 'Empty trigger name!' });
    expect(await err('crm.automation.trigger.delete', { CODE: 'none' })).toMatchObject({ error_description: 'Trigger not found' });
    expect(await err('crm.automation.trigger.execute', { CODE: 'none', OWNER_TYPE_ID: 2, OWNER_ID: 1 })).toMatchObject({
      error_description: 'Trigger with code none is not registered.',
    });
    await t.call('crm.automation.trigger.add', { CODE: 'due', NAME: 'Due' });
    expect(await err('crm.automation.trigger.execute', { CODE: 'due', OWNER_TYPE_ID: 3, OWNER_ID: 1 })).toMatchObject({
      error_description: 'Incorrect parameter OWNER_TYPE_ID.',
    });
    expect(await err('crm.automation.trigger.execute', { CODE: 'due', OWNER_TYPE_ID: 2, OWNER_ID: 0 })).toMatchObject({
      error_description: 'Incorrect parameter OWNER_ID.',
    });
    const user = t.em.issueUserToken(t.em.addUser().id).accessToken;
    expect(await err('crm.automation.trigger.list', {}, user)).toMatchObject({
      error: 'ACCESS_DENIED',
      error_description: 'Access denied! Admin permissions required',
    });
    const hook = t.em.createWebhook({ userId: 1 });
    const r = (await (await fetch(`${hook.url}crm.automation.trigger.list`)).json()) as Record<string, unknown>;
    expect(r).toMatchObject({ error: 'ACCESS_DENIED', error_description: 'Access denied! Application context required' });
    expect(t.em.core.state.firedTriggers).toEqual([]);
  });
});

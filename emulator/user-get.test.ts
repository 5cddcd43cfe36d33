// user.get as api-reference/user/user-get.md documents it: a filtered list (array values, prefixes),
// sorted by ID, pages of 50 with total; refused with insufficient_scope without a user scope.
import { afterEach, describe, expect, it } from 'vitest';
import { startInstalled, type Installed } from './test-support/setup.js';

describe('emulator user.get', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('filters by ID (an array value), by a prefixed key, or by keys at the top level; sorted by ID, with total', async () => {
    t = await startInstalled({ seedDemoData: true });
    const two = await t.call('user.get', { FILTER: { ID: [3, 1] } });
    expect(two.status).toBe(200);
    expect((two.body.result as { ID: string; NAME: string; LAST_NAME: string }[]).map((u) => [u.ID, u.NAME, u.LAST_NAME])).toEqual([
      ['1', 'Portal', 'Admin'],
      ['3', expect.any(String), expect.any(String)],
    ]);
    expect(two.body.total).toBe(2);
    const like = await t.call('user.get', { filter: { '%LAST_NAME': 'admi' } });
    expect((like.body.result as { ID: string }[]).map((u) => u.ID)).toEqual(['1']);
    const top = await t.call('user.get', { ID: 1 });
    expect((top.body.result as { ID: string }[]).map((u) => u.ID)).toEqual(['1']);
    const none = await t.call('user.get', { FILTER: { ID: [9999] } });
    expect(none.body).toMatchObject({ result: [], total: 0 });
  });

  it('without user, user_brief or user_basic in the token: 403 insufficient_scope', async () => {
    t = await startInstalled();
    const narrow = await t.em.installApp({ handlerUrl: `${t.sink.url}/h`, scope: ['crm'] });
    const denied = await t.call('user.get', { FILTER: { ID: [1] } }, narrow.auth.accessToken);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('insufficient_scope');
  });
});

import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { RENEW_PATH } from '../shared/session-client.js';
import { createCallScriptApi } from './api.js';

// A collector halfway through a script when the session expires: the answer goes through by the
// shared renewal (widgets/shared/session-client.ts), so they keep their place in the call.
const auth = { accessToken: 'fresh', memberId: 'm', domain: 'https://portal.test' };

describe('call-script api', () => {
  it('an answer sent after the session expired is saved through one renewal, with the same value', async () => {
    const open = { callId: 'c1', status: 'waiting', script: null, answers: { reached: 'yes' }, outcome: null, vars: {} };
    const s = fakeSessionServer({ answer: () => ({ status: 200, json: open }) });
    let asked = 0;
    const api = createCallScriptApi({ baseUrl: APP_ORIGIN, sessionToken: 't1', portalAuth: async () => (asked++, auth) }, s.fetchFn);
    expect(await api.answer('c1', 'reached', 'yes')).toEqual(open);
    expect(asked).toBe(1);
    expect(s.trail()).toEqual([
      ['/api/v1/call-scripts/c1/answers', 't1'],
      [RENEW_PATH, 't1'],
      ['/api/v1/call-scripts/c1/answers', 't2'],
    ]);
    expect(s.seen[2]!.body).toEqual({ questionId: 'reached', value: 'yes' });
    await api.finish('c1');
    expect(s.seen.at(-1)).toMatchObject({ path: '/api/v1/call-scripts/c1/finish', bearer: 't2' });
    expect(s.renewals()).toBe(1);
  });

  it('a refused renewal is shown, not retried', async () => {
    const s = fakeSessionServer({
      renewAnswer: () => ({ status: 403, json: { error: 'SESSION_USER_MISMATCH', message: 'another user' } }),
    });
    const api = createCallScriptApi({ baseUrl: APP_ORIGIN, sessionToken: 't1', portalAuth: async () => auth }, s.fetchFn);
    await expect(api.registerCall('c1')).rejects.toMatchObject({ status: 403, message: 'another user' });
    expect(s.seen.filter((x) => x.path.endsWith('/call'))).toHaveLength(1);
  });
});

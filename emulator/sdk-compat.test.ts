// The real @bitrix24/b24jssdk B24OAuth (server side) against the emulator, unchanged (b24jssdk.md §2.2, §3.4, §3.5).
import { afterEach, describe, expect, it } from 'vitest';
import { B24OAuth, AjaxError } from '@bitrix24/b24jssdk';
import { startInstalled, CLIENT, type Installed } from './test-support/setup.js';
import type { UserAuth } from './index.js';

function sdkFor(auth: UserAuth, expires = auth.expires): B24OAuth {
  const b24 = new B24OAuth(
    {
      applicationToken: auth.applicationToken,
      userId: auth.userId,
      memberId: auth.memberId,
      accessToken: auth.accessToken,
      refreshToken: auth.refreshToken,
      expires,
      expiresIn: auth.expiresIn,
      scope: auth.scope,
      domain: auth.domain,
      clientEndpoint: auth.clientEndpoint,
      serverEndpoint: auth.serverEndpoint,
      status: auth.status,
    },
    CLIENT,
    // Fail fast in tests: one attempt, no adaptive waits.
    { restrictionParams: { maxRetries: 1, adaptiveConfig: { enabled: false, thresholdPercent: 80, coefficient: 0.01, maxDelay: 0 } } },
  );
  return b24;
}

async function callError(p: Promise<unknown>): Promise<AjaxError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AjaxError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('@bitrix24/b24jssdk B24OAuth against the emulator', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('calls succeed through the documented client_endpoint (with its `//`)', async () => {
    t = await startInstalled();
    const b24 = sdkFor(t.install.auth);
    const res = await b24.actions.v2.call.make<{ ID: string; ADMIN: boolean }>({ method: 'profile' });
    expect(res.isSuccess).toBe(true);
    expect(res.getData()!.result).toMatchObject({ ID: '1', ADMIN: true });
    const batch = await b24.actions.v2.batch.make({ calls: { me: { method: 'user.current' }, scope: { method: 'scope' } } });
    expect(batch.isSuccess).toBe(true);
  });

  it('on 401 expired_token the SDK refreshes through /oauth/token/ and retries; rotation is persisted via the callback', async () => {
    t = await startInstalled({ accessTtlSec: 2 });
    // The SDK believes its token is fresh; the portal says it has expired.
    const b24 = sdkFor(t.install.auth, Math.floor(Date.now() / 1000) + 3600);
    const refreshed: string[] = [];
    b24.setCallbackRefreshAuth(async ({ authData }) => {
      refreshed.push(authData.refresh_token);
    });
    t.em.core.tokens.expireAccess(t.install.auth.accessToken);
    const res = await b24.actions.v2.call.make({ method: 'app.info' });
    expect(res.isSuccess).toBe(true);
    const stats = t.em.stats();
    expect(stats.rejected.expired_token).toBe(1);
    expect(stats.refreshes).toBe(1);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).not.toBe(t.install.auth.refreshToken);
  });

  it('with a short access lifetime the SDK refreshes by itself once the token is past its expiry', async () => {
    t = await startInstalled({ accessTtlSec: 1 });
    const b24 = sdkFor(t.install.auth);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await b24.actions.v2.call.make({ method: 'profile' });
    expect(res.isSuccess).toBe(true);
    expect(t.em.stats().refreshes).toBe(1);
  });

  it('above the bucket a call gets 503 QUERY_LIMIT_EXCEEDED', async () => {
    t = await startInstalled({ rateLimit: { burst: 3, drainPerSec: 0.01 } });
    const b24 = sdkFor(t.install.auth);
    for (let i = 0; i < 3; i++) await b24.actions.v2.call.make({ method: 'profile' });
    const err = await callError(b24.actions.v2.call.make({ method: 'profile' }));
    expect(err.status).toBe(503);
    expect(err.code).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('a used event token gets 403 ACCESS_DENIED from bizproc.event.send', async () => {
    t = await startInstalled();
    t.em.state.workflowTokens.push({ eventToken: 'wf|A1|t', workflowId: 'wf', code: 'r', used: false, logMessages: [], createdAt: '' });
    const b24 = sdkFor(t.install.auth);
    const ok = await b24.actions.v2.call.make({
      method: 'bizproc.event.send',
      params: { EVENT_TOKEN: 'wf|A1|t', RETURN_VALUES: { ok: 'Y' } },
    });
    expect(ok.isSuccess).toBe(true);
    const err = await callError(b24.actions.v2.call.make({ method: 'bizproc.event.send', params: { EVENT_TOKEN: 'wf|A1|t' } }));
    expect(err.status).toBe(403);
    expect(err.code).toBe('ACCESS_DENIED');
  });
});

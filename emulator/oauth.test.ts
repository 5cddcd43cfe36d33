import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './index.js';
import { CLIENT, startInstalled, type Installed } from './test-support/setup.js';

async function postForm(url: string, body: Record<string, string>) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe('emulator OAuth server', () => {
  let t: Installed | undefined;
  let bare: Emulator | undefined;
  afterEach(async () => {
    await t?.close();
    await bare?.close();
    t = undefined;
    bare = undefined;
  });

  it('rotates refresh tokens: the new pair works, the used refresh token gives invalid_grant', async () => {
    t = await startInstalled();
    const r1 = await postForm(`${t.em.url}/oauth/token/`, {
      grant_type: 'refresh_token',
      ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
      refresh_token: t.install.auth.refreshToken,
    });
    expect(r1.status).toBe(200);
    expect(Object.keys(r1.body).sort()).toEqual(
      [
        'access_token',
        'client_endpoint',
        'domain',
        'expires',
        'expires_in',
        'member_id',
        'refresh_token',
        'scope',
        'server_endpoint',
        'status',
        'user_id',
      ].sort(),
    );
    expect(r1.body.client_endpoint).toBe(`${t.em.url}/rest/`);
    expect(r1.body.member_id).toBe(t.em.memberId);
    const again = await fetch(
      `${t.em.url}/oauth/token/?grant_type=refresh_token&client_id=${CLIENT.clientId}&client_secret=${CLIENT.clientSecret}&refresh_token=${t.install.auth.refreshToken}`,
    );
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    const ok = await t.call('profile', {}, String(r1.body.access_token));
    expect(ok.status).toBe(200);
    expect(t.em.stats().refreshes).toBe(1);
  });

  it('answers invalid_client (401) for a wrong secret', async () => {
    t = await startInstalled();
    const r = await postForm(`${t.em.url}/oauth/token/`, {
      grant_type: 'refresh_token',
      client_id: CLIENT.clientId,
      client_secret: 'wrong',
      refresh_token: t.install.auth.refreshToken,
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
  });

  it('authorize redirects with code, state, domain, member_id, scope, server_domain; the code is single-use', async () => {
    bare = await createEmulator({ ...CLIENT, redirectUri: 'http://app.test/oauth/callback' });
    await bare.installApp({});
    const r = await fetch(`${bare.url}/oauth/authorize/?client_id=${CLIENT.clientId}&state=xyz`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const loc = new URL(r.headers.get('location')!);
    expect(loc.origin + loc.pathname).toBe('http://app.test/oauth/callback');
    expect([...loc.searchParams.keys()].sort()).toEqual(['code', 'domain', 'member_id', 'scope', 'server_domain', 'state']);
    expect(loc.searchParams.get('state')).toBe('xyz');
    const q = `grant_type=authorization_code&client_id=${CLIENT.clientId}&client_secret=${CLIENT.clientSecret}&code=${loc.searchParams.get('code')}`;
    const tok = await fetch(`${bare.url}/oauth/token/?${q}`);
    expect(tok.status).toBe(200);
    expect(((await tok.json()) as Record<string, unknown>).user_id).toBe(1);
    const reuse = await fetch(`${bare.url}/oauth/token/?${q}`);
    expect(reuse.status).toBe(400);
  });

  it('gives 401 expired_token once the access token has expired', async () => {
    t = await startInstalled();
    t.em.core.tokens.expireAccess(t.token);
    const r = await t.call('profile');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('expired_token');
    const unknown = await t.call('profile', {}, 'nope');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('NO_AUTH_FOUND');
  });
});

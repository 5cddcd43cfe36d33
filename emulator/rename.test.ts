// A renamed portal (rename.ts, doc: settings/how-to-call-rest-api/change-domen.md): the old address
// answers 302 to the new one, the OAuth server stays put and its refresh answer names the new
// client_endpoint, and REST works on the new address.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT, startInstalled, type Installed } from './test-support/setup.js';

describe('emulator portal rename', () => {
  let t: Installed | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('old host 302 → new host; the refresh answer carries the new client_endpoint', async () => {
    t = await startInstalled();
    const oldUrl = t.em.url;
    const newUrl = await t.em.renamePortal();
    expect(newUrl).not.toBe(oldUrl);
    expect(t.em.url).toBe(newUrl);
    expect(t.em.oauthUrl).toBe(oldUrl);

    const moved = await fetch(`${oldUrl}/rest/profile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: t.token }),
      redirect: 'manual',
    });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe(`${newUrl}/rest/profile`);

    const refreshed = await fetch(`${oldUrl}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        refresh_token: t.install.auth.refreshToken,
      }).toString(),
    });
    const body = (await refreshed.json()) as Record<string, string>;
    expect(body.client_endpoint).toBe(`${newUrl}/rest/`);
    expect(body.server_endpoint).toBe(`${oldUrl}/rest/`);

    const profile = await t.call('profile', {}, body.access_token);
    expect(profile.status).toBe(200);
    expect(t.em.frameRequest('http://app.test/x').query.DOMAIN).toBe(t.em.domain);
  });
});

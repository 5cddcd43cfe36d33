import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './support/portal-harness.js';

// Sign-in from a plain browser tab: authorization-code flow through the portal's /oauth/authorize/
// and the OAuth server's /oauth/token/, ending in a session cookie that opens /admin/portal.

let p: Platform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

describe('platform sign-in', () => {
  it('admin signs in through the portal and sees the portal status', async () => {
    p = await startPlatform();
    await p.install();
    p.em.core.opts.redirectUri = `${p.a.url}/auth/callback`;

    const login = await fetch(`${p.a.url}/auth/login?portal=${encodeURIComponent(p.em.domain)}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.origin).toBe(p.em.url);
    expect(authorize.pathname).toBe('/oauth/authorize/');
    const jar = cookiesOf(login);

    const consent = await fetch(authorize, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callback = consent.headers.get('location')!;
    expect(callback.startsWith(`${p.a.url}/auth/callback?`)).toBe(true);

    const done = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.join('; ') } });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/admin/products');
    const session = cookiesOf(done).find((c) => c.startsWith('b24l_session='));
    expect(session).toBeDefined();

    const view = await fetch(`${p.a.url}/admin/portal`, { headers: { cookie: session! } });
    expect(view.status).toBe(200);
    const body = (await view.json()) as { memberId: string; status: string };
    expect(body).toMatchObject({ memberId: p.em.memberId, status: 'active' });
  });

  it('refuses a callback without the state cookie, and an unknown portal', async () => {
    p = await startPlatform();
    await p.install();
    p.em.core.opts.redirectUri = `${p.a.url}/auth/callback`;
    const login = await fetch(`${p.a.url}/auth/login?portal=${encodeURIComponent(p.em.domain)}`, { redirect: 'manual' });
    const consent = await fetch(login.headers.get('location')!, { redirect: 'manual' });
    const noCookie = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
    expect(noCookie.status).toBe(401);
    expect(((await noCookie.json()) as { error: string }).error).toBe('UNAUTHORIZED');
    const unknown = await fetch(`${p.a.url}/auth/login?portal=nowhere.example.com`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { UserAuth } from '../emulator/index.js';
import { readPortalTokens } from '../server/portals/portal-token-repo.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// No install takeover: an employee of the portal (valid token, not an administrator) cannot re-install
// or update the app on any path; the portal's tokens, application_token and data stay as they were,
// and its real events are still accepted. An administrator's update binds the handlers again, and
// ONAPPUNINSTALL still reaches us afterwards. Robots run as the admin who installed the app.

let p: Platform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

const lifecycleBody = (event: string, auth: UserAuth, o: { applicationToken?: string; refreshToken?: string } = {}) =>
  new URLSearchParams({
    event,
    'data[VERSION]': '2',
    'data[PREVIOUS_VERSION]': '1',
    'data[LANGUAGE_ID]': 'en',
    'auth[access_token]': auth.accessToken,
    'auth[refresh_token]': o.refreshToken ?? auth.refreshToken,
    'auth[expires_in]': String(auth.expiresIn),
    'auth[domain]': auth.domain,
    'auth[client_endpoint]': auth.clientEndpoint,
    'auth[server_endpoint]': auth.serverEndpoint,
    'auth[member_id]': auth.memberId,
    'auth[application_token]': o.applicationToken ?? auth.applicationToken,
    'auth[scope]': auth.scope,
    'auth[user_id]': '1',
  });

async function portalRow(pl: Platform, portalId: string) {
  return pl.db.kysely
    .selectFrom('portals')
    .select([
      'access_token_enc',
      'refresh_token_enc',
      'application_token_hash',
      'token_version',
      'installer_user_id',
      'status',
      'domain',
      'client_endpoint',
    ])
    .where('id', '=', portalId)
    .executeTakeFirstOrThrow();
}

/** Jobs made from events, without the offline-queue drains ONOFFLINEEVENT adds beside them (server/lifecycle). */
async function jobCount(pl: Platform): Promise<number> {
  const r = await pl.db.kysely
    .selectFrom('outbox_jobs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '!=', 'lifecycle.drain')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('install guard', () => {
  it('an employee cannot take over the installation on any path; the portal keeps working', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const before = await portalRow(p, portalId);
    const employee = p.em.addUser();
    const callback = (body: URLSearchParams) => fetch(`${p!.a.url}/install/callback`, { method: 'POST', body });

    // 1. The install frame POST, opened by the employee (their own valid tokens).
    const frame = p.em.frameRequest(`${p.a.url}/install`, { userId: employee.id });
    const viaFrame = await fetch(frame.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...frame.body, APPLICATION_TOKEN: 'attacker-app-token' }),
    });
    expect(viaFrame.status).toBe(403);
    expect(((await viaFrame.json()) as { error: string }).error).toBe('INSTALL_FORBIDDEN');

    // 2. ONAPPINSTALL and 3. ONAPPUPDATE with the employee's tokens and an application_token of their choosing.
    for (const event of ['ONAPPINSTALL', 'ONAPPUPDATE']) {
      const r = await callback(lifecycleBody(event, p.em.issueUserToken(employee.id), { applicationToken: 'attacker-app-token' }));
      expect(r.status, event).toBe(403);
      expect(((await r.json()) as { error: string }).error).toBe('INSTALL_FORBIDDEN');
      // ... and with the real application_token (every user who opens the app receives it).
      const r2 = await callback(lifecycleBody(event, p.em.issueUserToken(employee.id)));
      expect(r2.status, event).toBe(403);
    }

    // An administrator's valid access token with a garbage refresh token: refused, nothing stored.
    const garbage = await callback(lifecycleBody('ONAPPUPDATE', p.em.issueUserToken(1), { refreshToken: 'garbage-refresh-token' }));
    expect(garbage.status).toBe(401);

    expect(await portalRow(p, portalId)).toEqual(before);

    // A forged uninstall with the attacker's application_token does nothing.
    const forgedUninstall = await callback(
      new URLSearchParams({
        event: 'ONAPPUNINSTALL',
        'data[CLEAN]': '1',
        'auth[member_id]': p.em.memberId,
        'auth[application_token]': 'attacker-app-token',
      }),
    );
    expect(forgedUninstall.status).toBe(401);
    // ... and with the real application_token, which every user who opens the app receives: the portal
    // still answers the app, so it was not uninstalled.
    const knownTokenUninstall = await callback(
      new URLSearchParams({
        event: 'ONAPPUNINSTALL',
        'data[CLEAN]': '1',
        'auth[member_id]': p.em.memberId,
        'auth[application_token]': p.em.state.app!.applicationToken,
      }),
    );
    expect(knownTokenUninstall.status).toBe(409);
    expect(((await knownTokenUninstall.json()) as { error: string }).error).toBe('UNINSTALL_NOT_CONFIRMED');
    const { access_token_enc: _a, refresh_token_enc: _r, token_version: _v, ...stable } = before;
    expect(await portalRow(p, portalId)).toMatchObject(stable);

    // The real portal's events are still accepted.
    const jobs = await jobCount(p);
    p.em.emit('ONCRMDEALUPDATE', { FIELDS: { ID: '7' } });
    await p.em.idle();
    expect(await jobCount(p)).toBe(jobs + 1);
  });

  it("an administrator's update re-binds the handlers, stores the confirmed tokens, and ONAPPUNINSTALL still reaches us", async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const before = await portalRow(p, portalId);
    const bound = p.em.state.eventBindings.map((b) => `${b.event} ${b.handler}`).sort();
    const records = await p.em.updateApp({ version: 2 });
    expect(records.map((r) => r.status)).toEqual([200]);
    // The portal dropped every handler on update; the app bound them again while handling ONAPPUPDATE.
    expect(p.em.state.eventBindings.map((b) => `${b.event} ${b.handler}`).sort()).toEqual(bound);
    const after = await portalRow(p, portalId);
    expect(Number(after.token_version)).toBeGreaterThan(Number(before.token_version));
    expect(after.application_token_hash).toBe(before.application_token_hash);

    const deliveries = await p.em.uninstallApp({ clean: false });
    expect(deliveries.map((d) => d.status)).toEqual([200]);
    expect((await portalRow(p, portalId)).status).toBe('uninstalled');
  });

  it('a re-install whose two paths (frame POST, ONAPPINSTALL) arrive together spends the refresh token once and keeps a live pair', async () => {
    p = await startPlatform();
    const portalId = await p.install();
    const auth = p.em.issueUserToken(1);
    const frame = p.em.frameRequest(`${p.a.url}/install`);
    const refreshesBefore = p.em.stats().refreshes;
    const [viaFrame, viaEvent] = await Promise.all([
      fetch(frame.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...frame.body, AUTH_ID: auth.accessToken, REFRESH_ID: auth.refreshToken }),
      }),
      fetch(`${p.a.url}/install/callback`, { method: 'POST', body: lifecycleBody('ONAPPINSTALL', auth) }),
    ]);
    expect([viaFrame.status, viaEvent.status]).toEqual([200, 200]);
    expect(p.em.stats().refreshes).toBe(refreshesBefore + 1);
    const stored = await readPortalTokens(p.db.kysely, p.a.app.secrets, portalId);
    expect(stored!.refreshToken).not.toBe(auth.refreshToken);
    expect(p.em.state.tokens.refresh[stored!.refreshToken]).toBeDefined();
  });

  it('robots and activities run as the administrator who installed the app', async () => {
    p = await startPlatform();
    const admin = p.em.addUser({ admin: true });
    const res = await p.em.installApp({ handlerUrl: `${p.a.url}/install/callback`, installUrl: `${p.a.url}/install`, userId: admin.id });
    expect([res.installEvent?.status, res.installFrame?.status]).toEqual([200, 200]);
    const registered = [...p.em.state.robots, ...p.em.state.activities];
    expect(registered.length).toBeGreaterThan(0);
    expect(new Set(registered.map((r) => r.authUserId))).toEqual(new Set([admin.id]));
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import qs from 'qs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, createOAuthHub, type Emulator, type OAuthHub } from './index.js';
import { CLIENT, startInstalled, type Installed } from './test-support/setup.js';

// What an app needs from the portal to guard its install: who is an administrator (user.admin,
// a non-admin employee with a valid token), which portal a token belongs to (the OAuth server's
// app.info), and handlers that the app binds while handling ONAPPUPDATE surviving the update.

let t: Installed | undefined;
let em2: Emulator | undefined;
let hub: OAuthHub | undefined;
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
  await hub?.close();
  hub = undefined;
  await em2?.close();
  em2 = undefined;
  await t?.close();
  t = undefined;
});

describe('emulator: install guard facts', () => {
  it('user.admin and profile tell an administrator from an employee whose token is just as valid', async () => {
    t = await startInstalled();
    const employee = t.em.addUser();
    const boss = t.em.addUser({ admin: true });
    const asEmployee = t.em.issueUserToken(employee.id).accessToken;
    expect((await t.call('user.admin')).body.result).toBe(true);
    expect((await t.call('user.admin', {}, asEmployee)).body.result).toBe(false);
    expect((await t.call('profile', {}, asEmployee)).body.result).toMatchObject({ ID: String(employee.id), ADMIN: false });
    expect((await t.call('crm.deal.list', {}, asEmployee)).status).toBe(200);
    expect((await t.call('user.admin', {}, t.em.issueUserToken(boss.id).accessToken)).body.result).toBe(true);
  });

  it("the OAuth server's app.info names the installation the token belongs to", async () => {
    t = await startInstalled();
    const r = await t.call('app.info');
    expect(r.body.result).toMatchObject({ CODE: CLIENT.clientId, INSTALLED: true });
    expect(r.body.install).toMatchObject({ member_id: t.em.memberId, client_endpoint: `${t.em.url}/rest/`, domain: t.em.domain });
    expect((await t.call('app.info', {}, 'not-a-token')).status).toBe(401);
  });

  it('one OAuth server for two portals: each token is answered by the portal that issued it', async () => {
    t = await startInstalled();
    em2 = await createEmulator({ ...CLIENT, rateLimit: false });
    await em2.installApp({});
    hub = await createOAuthHub([t.em, em2]);
    for (const em of [t.em, em2]) {
      const auth = em.issueUserToken(1);
      const info = (await (
        await fetch(`${hub.url}/rest/app.info`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ auth: auth.accessToken }),
        })
      ).json()) as { install: { member_id: string } };
      expect(info.install.member_id).toBe(em.memberId);
      const refreshed = await fetch(`${hub.url}/oauth/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
          refresh_token: auth.refreshToken,
        }),
      });
      expect(refreshed.status).toBe(200);
      expect(((await refreshed.json()) as { member_id: string }).member_id).toBe(em.memberId);
    }
    const garbage = await fetch(
      `${hub.url}/oauth/token/?grant_type=refresh_token&client_id=${CLIENT.clientId}&client_secret=${CLIENT.clientSecret}&refresh_token=nope`,
    );
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('update: handlers are gone before ONAPPUPDATE is handled, so what the app binds then stays; ONAPPUNINSTALL reaches it after API access is gone', async () => {
    t = await startInstalled();
    const seen: string[] = [];
    let updateToken = '';
    // An app that, like ours, binds its handlers again while handling ONAPPUPDATE.
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = qs.parse(raw) as { event: string; auth: Record<string, string> };
        seen.push(body.event);
        const done = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        if (body.event === 'ONAPPUNINSTALL') {
          // The app's API access is already gone when the uninstall event is handled.
          void fetch(`${t!.em.url}/rest/app.info`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ auth: updateToken }),
          }).then((r) => {
            seen.push(`app.info ${r.status}`);
            done();
          }, done);
          return;
        }
        if (body.event !== 'ONAPPUPDATE') return done();
        updateToken = body.auth.access_token ?? '';
        void fetch(`${t!.em.url}/rest/event.bind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ event: 'ONAPPUNINSTALL', handler: `${url}/app`, auth: body.auth.access_token }),
        }).then(done, done);
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await t.call('event.bind', { event: 'ONAPPUPDATE', handler: `${url}/app` });
    await t.call('event.bind', { event: 'ONCRMDEALUPDATE', handler: `${url}/app` });
    const records = await t.em.updateApp({ version: 2 });
    expect(records.map((r) => r.status)).toEqual([200]);
    expect(t.em.state.eventBindings.map((b) => b.event)).toEqual(['ONAPPUNINSTALL']);
    await t.em.uninstallApp({ clean: true });
    expect(seen).toEqual(['ONAPPUPDATE', 'ONAPPUNINSTALL', 'app.info 401']);
  });
});

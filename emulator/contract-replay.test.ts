// Contract replay: every request/response example of shared/bitrix24/fixtures (the official docs' payloads)
// is replayed against the emulator and the SHAPES are compared (keys, value types, status codes).
// The folder is read in place from ../shared beside the project and never copied into it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReplayContext, type ReplayContext } from './contract/context.js';
import { NOT_REPLAYED, REST_CASES } from './contract/cases.js';
import { sameKeys, shapeDiff, statusFromNote } from './contract/shape.js';
import { startInstalled, CLIENT, type Installed } from './test-support/setup.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = resolve(projectRoot, '../shared/bitrix24/fixtures');

interface Fixture {
  _note?: string;
  payload: unknown;
}

function load(rel: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8')) as Fixture;
}

function listFixtures(dir = FIXTURES): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFixtures(full) : name.endsWith('.json') ? [relative(FIXTURES, full)] : [];
  });
}

/** Fixtures replayed by the event/frame/oauth tests below (REST cases are listed in contract/cases.ts). */
const OTHER_COVERED = [
  'oauth/token-authorization-code.response.json',
  'oauth/token-refresh.response.json',
  'oauth/token-error-payment-required.response.json',
  'install/oauth-authorize.redirect-query.json',
  'install/frame-open.default.request.json',
  'placements/CRM_DEAL_DETAIL_TAB.handler-request.json',
  'placements/CRM_DEAL_DETAIL_ACTIVITY.handler-request.json',
  'placements/CRM_DEAL_DETAIL_TOOLBAR.handler-request.json',
  'placements/CRM_DEAL_LIST_MENU.handler-request.json',
  'rest/time-with-operating.example.json',
  'events/ONAPPINSTALL.payload.json',
  'events/ONAPPUNINSTALL.payload.json',
  'events/ONAPPUPDATE.payload.json',
  'events/ONAPPTEST.payload.json',
  'events/ONCRMDEALADD.payload.json',
  'events/ONCRMDEALADD.app.payload.json',
  'events/ONCRMDEALUPDATE.payload.json',
  'events/ONCRMDEALDELETE.payload.json',
  'events/ONCRMCONTACTADD.real-capture.payload.json',
  'events/ONCRMDYNAMICITEMADD.payload.json',
  'events/ONCRMDYNAMICITEMUPDATE.payload.json',
  'events/ONCRMDYNAMICITEMDELETE.payload.json',
  'events/ONOFFLINEEVENT.payload.json',
];

/** Event auth: tokens are optional per the docs (refresh_token only for some events); the rest must be there. */
function eventDiff(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const exp = { ...expected };
  if (typeof exp.auth === 'object' && exp.auth !== null) {
    const { refresh_token: _r, ...auth } = exp.auth as Record<string, unknown>;
    exp.auth = auth;
  } else delete exp.auth; // ONAPPTEST example elides auth as "(...)"
  // On the wire every value is a string; compare keys only for scalars.
  // An empty list can only travel as an empty value.
  const stringify = (v: unknown): unknown =>
    Array.isArray(v) && v.length === 0
      ? ''
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringify(x)]))
        : String(v);
  return shapeDiff(stringify(exp), actual);
}

if (!existsSync(FIXTURES)) {
  describe('contract replay', () => {
    it('shared/bitrix24/fixtures not found — contract replay not run', () => {
      expect.fail(`shared/bitrix24/fixtures not found at ${FIXTURES} — contract replay not run`);
    });
  });
} else {
  describe('contract replay: every fixture is accounted for', () => {
    it('is replayed below or listed as not replayed with a reason', () => {
      const covered = new Set([
        ...REST_CASES.flatMap((c) => [c.response, ...(c.request ? [c.request] : [])]),
        ...OTHER_COVERED,
        ...Object.keys(NOT_REPLAYED),
      ]);
      const missing = listFixtures().filter((f) => !covered.has(f));
      expect(missing).toEqual([]);
    });
  });

  describe('contract replay: REST request/response fixtures', () => {
    let ctx: ReplayContext;
    beforeAll(async () => {
      ctx = await createReplayContext();
    });
    afterAll(async () => ctx.close());

    for (const c of REST_CASES) {
      it(`${c.method} ↔ ${c.response}${c.request ? ` (body ${c.request})` : ''}`, async () => {
        await c.prepare?.(ctx);
        const params = c.request ? (load(c.request).payload as Record<string, unknown>) : (c.params?.(ctx) ?? {});
        const res = await ctx.call(c.method, params, c.auth);
        const fixture = load(c.response);
        const expected = fixture.payload as Record<string, unknown>;
        if ('error' in expected) {
          const status = statusFromNote(fixture._note);
          if (status) expect(res.status).toBe(status);
          else expect(res.status).toBeGreaterThanOrEqual(400);
          expect(sameKeys(expected, res.body)).toEqual([]);
          expect(typeof res.body.error).toBe('string');
          return;
        }
        expect(res.body.error, JSON.stringify(res.body)).toBeUndefined();
        expect(res.status).toBe(statusFromNote(fixture._note) ?? 200);
        expect(shapeDiff(expected, res.body, { ignore: c.ignore })).toEqual([]);
        if (c.saveAs) ctx.ids[c.saveAs] = res.body.result as number;
      });
    }
  });

  describe('contract replay: OAuth, install, frame POSTs, events', () => {
    let t: Installed;
    beforeAll(async () => {
      t = await startInstalled({ redirectUri: 'http://app.test/oauth' }, { withUi: true });
      t.em.finishInstall();
    });
    afterAll(async () => t.close());

    it('token responses (refresh and authorization code)', async () => {
      const q = (o: Record<string, string>) =>
        new URLSearchParams({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...o });
      const refresh = await fetch(
        `${t.em.url}/oauth/token/?${q({ grant_type: 'refresh_token', refresh_token: t.install.auth.refreshToken })}`,
      );
      expect(refresh.status).toBe(200);
      expect(shapeDiff(load('oauth/token-refresh.response.json').payload, await refresh.json())).toEqual([]);
      const redirect = await fetch(`${t.em.url}/oauth/authorize/?client_id=${CLIENT.clientId}&state=s1`, { redirect: 'manual' });
      const query = Object.fromEntries(new URL(redirect.headers.get('location')!).searchParams);
      expect(sameKeys(load('install/oauth-authorize.redirect-query.json').payload as Record<string, unknown>, query)).toEqual([]);
      const code = await fetch(`${t.em.url}/oauth/token/?${q({ grant_type: 'authorization_code', code: query.code! })}`);
      expect(shapeDiff(load('oauth/token-authorization-code.response.json').payload, await code.json())).toEqual([]);
    });

    it('PAYMENT_REQUIRED from the token endpoint once the paid period is over', async () => {
      await fetch(`${t.em.url}/emulator/api/app`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"paymentExpired":true}',
      });
      const q = new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        refresh_token: 'x',
      });
      const r = await fetch(`${t.em.url}/oauth/token/?${q}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(
        sameKeys(
          load('oauth/token-error-payment-required.response.json').payload as Record<string, unknown>,
          (await r.json()) as Record<string, unknown>,
        ),
      ).toEqual([]);
      expect(((await t.call('app.info')).body.result as Record<string, unknown>).PAYMENT_EXPIRED).toBe('Y');
      await fetch(`${t.em.url}/emulator/api/app`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"paymentExpired":false}',
      });
    });

    it('install page frame POST and placement handler POSTs', () => {
      const frame = t.sink.requests.find((r) => r.path === '/install')!;
      const fx = load('install/frame-open.default.request.json').payload as {
        query: Record<string, unknown>;
        body: Record<string, unknown>;
      };
      expect(sameKeys(fx.query, frame.query)).toEqual([]);
      expect(sameKeys(fx.body, frame.body)).toEqual([]);
      for (const code of ['CRM_DEAL_DETAIL_TAB', 'CRM_DEAL_DETAIL_ACTIVITY', 'CRM_DEAL_DETAIL_TOOLBAR', 'CRM_DEAL_LIST_MENU']) {
        const p = load(`placements/${code}.handler-request.json`).payload as {
          query: Record<string, unknown>;
          body: Record<string, string>;
        };
        const options = JSON.parse(p.body.PLACEMENT_OPTIONS!) as Record<string, unknown>;
        const req = t.em.frameRequest(`${t.sink.url}/tab`, {
          userId: 1,
          placement: code,
          placementOptions: { ID: '1', URI: '/crm/deal/details/1/' },
        });
        expect(sameKeys(p.query, req.query)).toEqual([]);
        expect(sameKeys(p.body, req.body)).toEqual([]);
        expect(typeof req.body.PLACEMENT_OPTIONS).toBe('string');
        expect(shapeDiff(options, JSON.parse(req.body.PLACEMENT_OPTIONS!))).toEqual([]);
      }
    });

    it('time object with operating', async () => {
      const r = await t.call('profile');
      expect(shapeDiff(load('rest/time-with-operating.example.json').payload, { time: r.body.time })).toEqual([]);
    });

    it('event payloads (install, CRM, smart process, test)', async () => {
      const ev = (name: string) => t.sink.requests.filter((r) => r.path === '/ev' && r.body.event === name).at(-1)!.body;
      expect(
        eventDiff(
          load('events/ONAPPINSTALL.payload.json').payload as Record<string, unknown>,
          t.sink.requests.find((r) => r.path === '/install-handler')!.body,
        ),
      ).toEqual([]);
      for (const e of [
        'ONCRMDEALADD',
        'ONCRMDEALUPDATE',
        'ONCRMDEALDELETE',
        'ONCRMCONTACTADD',
        'ONCRMDYNAMICITEMADD',
        'ONCRMDYNAMICITEMUPDATE',
        'ONCRMDYNAMICITEMDELETE',
        'ONAPPTEST',
      ]) {
        await t.call('event.bind', { event: e, handler: `${t.sink.url}/ev` });
      }
      const deal = (await t.call('crm.deal.add', { fields: { TITLE: 'E' } })).body.result as number;
      await t.call('crm.deal.update', { id: deal, fields: { TITLE: 'E2' } });
      await t.call('crm.deal.delete', { id: deal });
      await t.call('crm.contact.add', { fields: { NAME: 'C' } });
      const type = (await t.call('crm.type.add', { fields: { title: 'T' } })).body.result as { type: { entityTypeId: number } };
      const entityTypeId = type.type.entityTypeId;
      const item = (await t.call('crm.item.add', { entityTypeId, fields: { title: 'I' } })).body.result as { item: { id: number } };
      await t.call('crm.item.update', { entityTypeId, id: item.item.id, fields: { title: 'I2' } });
      await t.call('crm.item.delete', { entityTypeId, id: item.item.id });
      await t.call('event.test', { any: 'data' });
      await t.em.idle();
      const pairs: [string, string][] = [
        ['events/ONCRMDEALADD.payload.json', 'ONCRMDEALADD'],
        ['events/ONCRMDEALADD.app.payload.json', 'ONCRMDEALADD'],
        ['events/ONCRMDEALUPDATE.payload.json', 'ONCRMDEALUPDATE'],
        ['events/ONCRMDEALDELETE.payload.json', 'ONCRMDEALDELETE'],
        ['events/ONCRMCONTACTADD.real-capture.payload.json', 'ONCRMCONTACTADD'],
        ['events/ONCRMDYNAMICITEMADD.payload.json', 'ONCRMDYNAMICITEMADD'],
        ['events/ONCRMDYNAMICITEMUPDATE.payload.json', 'ONCRMDYNAMICITEMUPDATE'],
        ['events/ONCRMDYNAMICITEMDELETE.payload.json', 'ONCRMDYNAMICITEMDELETE'],
        ['events/ONAPPTEST.payload.json', 'ONAPPTEST'],
      ];
      for (const [file, name] of pairs) expect(eventDiff(load(file).payload as Record<string, unknown>, ev(name)), file).toEqual([]);
    });

    it('ONOFFLINEEVENT when the offline queue changes', async () => {
      await t.call('event.bind', { event: 'ONCRMDEALADD', event_type: 'offline' });
      await t.call('event.bind', { event: 'ONOFFLINEEVENT', handler: `${t.sink.url}/offline` });
      await t.call('crm.deal.add', { fields: { TITLE: 'Queued' } });
      await t.em.idle();
      const got = t.sink.requests.find((r) => r.path === '/offline')!.body;
      expect(eventDiff(load('events/ONOFFLINEEVENT.payload.json').payload as Record<string, unknown>, got)).toEqual([]);
    });

    it('update and uninstall events', async () => {
      await t.call('event.bind', { event: 'ONAPPUPDATE', handler: `${t.sink.url}/upd` });
      await t.em.updateApp({ version: 2 });
      const upd = t.sink.requests.find((r) => r.path === '/upd')!.body;
      expect(eventDiff(load('events/ONAPPUPDATE.payload.json').payload as Record<string, unknown>, upd)).toEqual([]);
      expect((upd.auth as Record<string, unknown>).refresh_token).toEqual(expect.any(String));
      await t.call('event.bind', { event: 'ONAPPUNINSTALL', handler: `${t.sink.url}/un` });
      await t.em.uninstallApp({ clean: false });
      const un = t.sink.requests.find((r) => r.path === '/un')!.body;
      const fx = load('events/ONAPPUNINSTALL.payload.json').payload as Record<string, unknown>;
      expect(eventDiff(fx, un)).toEqual([]);
      expect(sameKeys(fx.auth as Record<string, unknown>, un.auth as Record<string, unknown>)).toEqual([]);
    });
  });
}

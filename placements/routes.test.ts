import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseBracketForm } from '../server/form-body.js';
import { placementDescriptors, toPlacementBind } from './index.js';
import { parsePlacementOptions } from './frame-post.js';
import { placementRoutes, type SessionRequest } from './routes.js';

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'widgets-dist-'));
  mkdirSync(join(dir, 'loan-tab'));
  writeFileSync(join(dir, 'loan-tab', 'loan-tab-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'loan-tab', 'loan-tab-def456.css'), 'body{}');
  writeFileSync(
    join(dir, 'loan-tab', 'manifest.json'),
    JSON.stringify({
      'widgets/loan-tab/main.tsx': {
        file: 'loan-tab/loan-tab-abc123.js',
        css: ['loan-tab/loan-tab-def456.css'],
        isEntry: true,
        dynamicImports: ['widgets/loan-tab/i18n/ru.ts', 'widgets/loan-tab/i18n/es.ts'],
      },
      'widgets/loan-tab/i18n/ru.ts': { file: 'loan-tab/ru-111.js' },
      'widgets/loan-tab/i18n/es.ts': { file: 'loan-tab/es-222.js' },
    }),
  );
  mkdirSync(join(dir, 'call-script'));
  writeFileSync(join(dir, 'call-script', 'call-script-abc123.js'), 'console.log(2)');
  writeFileSync(
    join(dir, 'call-script', 'manifest.json'),
    JSON.stringify({ 'widgets/call-script/main.tsx': { file: 'call-script/call-script-abc123.js', isEntry: true } }),
  );
  return dir;
}

async function build(
  verifyOk = true,
  dealAccess: (dealId: number) => Promise<boolean> = async () => true,
  initialLoan?: (portalId: string, dealId: number) => Promise<unknown>,
) {
  const sessions: SessionRequest[] = [];
  const dealChecks: { userId: number; dealId: number; token: unknown }[] = [];
  const app = Fastify();
  await app.register(formbody, { parser: parseBracketForm });
  await app.register(placementRoutes, {
    distDir: fakeDist(),
    descriptors: placementDescriptors,
    verifyPlacement: async (post) => {
      if (!verifyOk || post.body.AUTH_ID !== 'good') throw Object.assign(new Error('no'), { status: 401, userMessage: 'Could not verify' });
      return { portalId: 'p1', userId: 7, isAdmin: false };
    },
    canReadDeal: async (post, verifying, dealId) => {
      const v = await verifying;
      dealChecks.push({ userId: v.userId, dealId, token: post.body.AUTH_ID });
      return (await dealAccess(dealId)) ? { id: dealId, currencyId: 'MXN', opportunity: '15000.00' } : null;
    },
    ...(initialLoan ? { initialLoan } : {}),
    issueSession: (c) => {
      sessions.push(c);
      return 'sess.token';
    },
  });
  return { app, sessions, dealChecks };
}

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const query = '?DOMAIN=portal.test&PROTOCOL=1&LANG=es&APP_SID=sid1';

describe('placementRoutes', () => {
  it('serves the tab with assets, a deal-bound session and frame-ancestors for the portal', async () => {
    const { app, sessions } = await build();
    const res = await app.inject({
      method: 'POST',
      url: `/placements/loan-tab${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        AUTH_ID: 'good',
        member_id: 'm1',
        PLACEMENT: 'CRM_DEAL_DETAIL_TAB',
        PLACEMENT_OPTIONS: '{"ID":"42","URI":"/crm/deal/details/42/"}',
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe('frame-ancestors https://portal.test');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<script type="module" src="/widgets/loan-tab/loan-tab-abc123.js">');
    expect(res.body).toContain('<link rel="stylesheet" href="/widgets/loan-tab/loan-tab-def456.css">');
    // LANG=es: that dictionary is fetched with the entry, the others not at all.
    expect(res.body).toContain('<link rel="modulepreload" href="/widgets/loan-tab/es-222.js">');
    expect(res.body).not.toContain('ru-111.js');
    const boot = JSON.parse(/id="widget-boot">(.*)<\/script>/.exec(res.body)?.[1] ?? '{}') as Record<string, unknown>;
    expect(boot).toMatchObject({ widget: 'loan-tab', sessionToken: 'sess.token', dealId: '42', lang: 'es' });
    expect(sessions[0]).toMatchObject({ portalId: 'p1', userId: 7, dealId: 42 });
  });

  it('puts the deal as the access check read it and the saved loan in the page; a loan it cannot read is left to the widget', async () => {
    const saved = { loan: { principal: '15000' }, payments: [], version: 3 };
    const post = (app: Awaited<ReturnType<typeof build>>['app']) =>
      app.inject({
        method: 'POST',
        url: `/placements/loan-tab${query}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
      });
    const bootOf = (body: string) => JSON.parse(/id="widget-boot">(.*)<\/script>/.exec(body)?.[1] ?? '{}') as Record<string, unknown>;
    const loans: [string, number][] = [];
    const ok = await build(true, undefined, async (portalId, dealId) => {
      loans.push([portalId, dealId]);
      return saved;
    });
    const boot = bootOf((await post(ok.app)).body);
    expect(boot.deal).toEqual({ currencyId: 'MXN', opportunity: '15000.00' });
    expect(boot.loan).toEqual(saved);
    expect(loans).toEqual([['p1', 42]]);

    const none = bootOf((await post((await build(true, undefined, async () => null)).app)).body);
    expect(none.loan).toBeNull();
    const failing = await post(
      (
        await build(true, undefined, async () => {
          throw new Error('db down');
        })
      ).app,
    );
    expect(failing.statusCode).toBe(200);
    expect(bootOf(failing.body)).not.toHaveProperty('loan');
  });

  it('refuses a POST the portal does not vouch for, without a session', async () => {
    const { app, sessions } = await build(false);
    const res = await app.inject({
      method: 'POST',
      url: `/placements/loan-tab${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'forged', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Could not verify');
    expect(res.body).not.toContain('widget-boot');
    expect(sessions).toHaveLength(0);
  });

  it("needs a deal id for the tab but not for the calculator; '' options are tolerated", async () => {
    const { app, sessions } = await build();
    const tab = await app.inject({
      method: 'POST',
      url: `/placements/loan-tab${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '' }),
    });
    expect(tab.statusCode).toBe(400);
    const calc = await app.inject({
      method: 'POST',
      url: `/placements/calculator${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_LIST_MENU', PLACEMENT_OPTIONS: '' }),
    });
    expect(calc.statusCode).toBe(200);
    expect(sessions.at(-1)).not.toHaveProperty('dealId');
  });

  it('asks the portal, as the user, about the POSTed deal before a deal-bound session', async () => {
    const { app, sessions, dealChecks } = await build();
    const res = await app.inject({
      method: 'POST',
      url: `/placements/call-script${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
    });
    expect(res.statusCode).toBe(200);
    expect(dealChecks).toEqual([{ userId: 7, dealId: 42, token: 'good' }]);
    expect(sessions[0]).toMatchObject({ dealId: 42 });
  });

  it.each([
    ['es', 'No tiene acceso a esta negociación'],
    ['ru', 'У вас нет доступа к этой сделке'],
    ['en', 'You do not have access to this deal'],
  ])('refuses a deal the user cannot read, in their language (%s), without a session', async (lang, text) => {
    const { app, sessions } = await build(true, async () => false);
    for (const path of ['/placements/loan-tab', '/placements/call-script']) {
      const res = await app.inject({
        method: 'POST',
        url: `${path}?DOMAIN=portal.test&PROTOCOL=1&LANG=${lang}&APP_SID=sid1`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(text);
      expect(res.body).not.toContain('widget-boot');
    }
    expect(sessions).toHaveLength(0);
  });

  it('answers 502 without a session when the portal does not answer the deal check; the calculator is not checked', async () => {
    const { app, sessions, dealChecks } = await build(true, async () => {
      throw new Error('portal down');
    });
    const tab = await app.inject({
      method: 'POST',
      url: `/placements/loan-tab${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
    });
    expect(tab.statusCode).toBe(502);
    expect(tab.body).toContain('Bitrix24 no confirmó');
    expect(sessions).toHaveLength(0);
    const calc = await app.inject({
      method: 'POST',
      url: `/placements/calculator${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ AUTH_ID: 'good', member_id: 'm1', PLACEMENT: 'CRM_DEAL_LIST_MENU', PLACEMENT_OPTIONS: '{"ID":"42"}' }),
    });
    expect(calc.statusCode).toBe(200);
    expect(dealChecks).toHaveLength(1);
  });

  it('serves hashed assets and nothing outside the dist folder', async () => {
    const { app } = await build();
    const ok = await app.inject({ method: 'GET', url: '/widgets/loan-tab/loan-tab-abc123.js' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/javascript');
    expect(ok.headers['cache-control']).toContain('immutable');
    for (const url of ['/widgets/loan-tab/manifest.json', '/widgets/../package.json', '/widgets/loan-tab/..%2F..%2Fpackage.json']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });
});

describe('placement descriptors', () => {
  it('bind the deal tab and the calculator with titles in ru/en/es', () => {
    const binds = placementDescriptors.map((d) => toPlacementBind(d, 'https://app.example/'));
    expect(binds[0]).toMatchObject({ PLACEMENT: 'CRM_DEAL_DETAIL_TAB', HANDLER: 'https://app.example/placements/loan-tab', TITLE: 'Loan' });
    expect(binds[0]?.LANG_ALL.ru?.TITLE).toBe('Заём');
    expect(binds[0]?.LANG_ALL.es?.TITLE).toBe('Préstamo');
    expect(binds[1]?.PLACEMENT).toBe('CRM_DEAL_LIST_MENU');
  });

  it('parse PLACEMENT_OPTIONS strings, objects, junk and empty', () => {
    expect(parsePlacementOptions('{"ID":"8061","URI":"/x"}')).toEqual({ ID: '8061', URI: '/x' });
    expect(parsePlacementOptions('')).toEqual({});
    expect(parsePlacementOptions('not json')).toEqual({});
    expect(parsePlacementOptions(undefined)).toEqual({});
    expect(parsePlacementOptions('[1,2]')).toEqual({});
  });

  it('match app.manifest.json (what install binds) in code, handler and titles', () => {
    const manifest = JSON.parse(readFileSync('app.manifest.json', 'utf8')) as {
      placements: { placement: string; handler: string; title: Record<string, string> }[];
    };
    for (const d of placementDescriptors) {
      const m = manifest.placements.find((p) => p.placement === d.placement && p.handler === d.handlerPath); // two deal tabs share a code
      expect(m, d.placement).toBeDefined();
      expect(m?.handler).toBe(d.handlerPath);
      expect(m?.title).toEqual(d.titles);
    }
  });
});

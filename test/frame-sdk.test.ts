// The real @bitrix24/b24jssdk 2.2.0 `initializeB24Frame()` inside a deal-tab iframe of the emulator's
// portal page (b24jssdk.md §4): init handshake, placement info, resize, deny lists, a CORS REST call
// from the frame, and the 401 expired_token → refreshAuth-through-the-parent → retry path.
import type { FastifyInstance } from 'fastify';
import type { Frame, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetAliases } from '../widgets/build-aliases.js';
import { launchChromium, startHarness, type Browser, type Harness } from './frame-harness.js';

// A page that does nothing but start the SDK and keep the frame for the test to drive.
async function buildProbe(): Promise<string> {
  const entry =
    "import { initializeB24Frame } from '@bitrix24/b24jssdk';\n" +
    'window.__b24 = initializeB24Frame();\n' +
    'window.__b24.then(() => { window.__ready = true; }, (e) => { window.__initError = String(e); });\n';
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    // The SDK as the widgets ship it (luxon and axios replaced).
    resolve: { alias: widgetAliases },
    build: { write: false, minify: false, rollupOptions: { input: 'virtual:probe' } },
    plugins: [
      { name: 'probe', resolveId: (id) => (id === 'virtual:probe' ? '\0probe' : null), load: (id) => (id === '\0probe' ? entry : null) },
    ],
  })) as Rollup.RollupOutput;
  const chunk = out.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('probe did not build');
  return chunk.code;
}

interface ProbePost {
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

const PROBE_PAGE =
  '<!doctype html><html><body style="margin:0"><div id="probe" style="height:300px">probe</div><script type="module" src="/probe/probe.js"></script></body></html>';

/** The probe answers any POST under /probe/ (tab, app page) and records what the portal sent. */
function probeRoutes(probe: string, posts: ProbePost[]) {
  return (app: FastifyInstance) => {
    app.post('/probe/:page', async (req, reply) => {
      posts.push({ query: req.query as Record<string, unknown>, body: req.body as Record<string, unknown> });
      return reply.type('text/html').send(PROBE_PAGE);
    });
    app.get('/probe/probe.js', async (_req, reply) => reply.type('text/javascript').send(probe));
  };
}

type B24Window = { __b24: Promise<import('@bitrix24/b24jssdk').B24Frame>; __ready?: boolean };
type PortalWindow = { __portalLog: { method: string; answered: boolean }[] };

let probe = '';

describe('b24jssdk frame inside the emulator portal page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let frame: Frame;
  let dealId: number;
  const posts: ProbePost[] = [];

  beforeAll(async () => {
    probe = await buildProbe();
    h = await startHarness({ extraRoutes: probeRoutes(probe, posts) });
    dealId = await h.addDeal({ title: 'Probe deal', opportunity: '1000', currencyId: 'USD' });
    const placementId = await h.bind('CRM_DEAL_DETAIL_TAB', '/probe/tab', { en: 'Probe', ru: 'Проба', es: 'Prueba' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${h.em.url}/crm/deal/details/${dealId}/?tab=${placementId}&lang=en`);
    await page.waitForFunction(() =>
      (window as unknown as { __portalLog?: { method: string; answered: boolean }[] }).__portalLog?.some(
        (e) => e.method === 'getInitData' && e.answered,
      ),
    );
    const f = page.frames().find((x) => x.url().startsWith(h.appUrl));
    if (!f) throw new Error('probe frame not found');
    frame = f;
    await frame.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('loads the tab by a form POST like the portal and initialises from window.name + getInitData', async () => {
    const info = await frame.evaluate(async () => {
      const b = await (window as unknown as { __b24: Promise<import('@bitrix24/b24jssdk').B24Frame> }).__b24;
      return {
        name: window.name,
        placement: b.placement.placement,
        options: b.placement.options as Record<string, string>,
        lang: b.getLang(),
        sid: b.getAppSid(),
        admin: b.auth.isAdmin,
      };
    });
    expect(info.name).toBe(`${h.em.domain}|0|${info.sid}`);
    expect(info.placement).toBe('CRM_DEAL_DETAIL_TAB');
    expect(info.options.ID).toBe(String(dealId));
    expect(info.lang).toBe('en');
    expect(info.admin).toBe(true);
    const post = posts.at(-1)!;
    expect(post.query).toMatchObject({ DOMAIN: h.em.domain, PROTOCOL: '0', LANG: 'en', APP_SID: info.sid });
    expect(post.body).toMatchObject({ member_id: h.em.memberId, PLACEMENT: 'CRM_DEAL_DETAIL_TAB', status: 'L' });
    expect(typeof post.body.PLACEMENT_OPTIONS).toBe('string');
    expect(JSON.parse(String(post.body.PLACEMENT_OPTIONS))).toEqual({ ID: String(dealId), URI: `/crm/deal/details/${dealId}/` });
    expect(String(post.body.AUTH_ID)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('resizes the iframe in the parent', async () => {
    await frame.evaluate(async () => {
      const b = await (window as unknown as { __b24: Promise<import('@bitrix24/b24jssdk').B24Frame> }).__b24;
      await b.parent.resizeWindow(640, 777);
    });
    expect(await page.$eval('iframe.portal-frame', (el) => (el as HTMLIFrameElement).style.height)).toBe('777px');
  });

  it('leaves setTitle unanswered in a deal tab (the SDK resolves it itself after ~900 ms)', async () => {
    const before = await page.title();
    const res = await frame.evaluate(async () => {
      const b = await (window as unknown as { __b24: Promise<import('@bitrix24/b24jssdk').B24Frame> }).__b24;
      return (await b.parent.setTitle('Hijacked')) as unknown;
    });
    expect(res).toMatchObject({ isSafely: true });
    expect(await page.title()).toBe(before);
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.find((e) => e.method === 'setTitle')).toMatchObject({ answered: false });
  });

  it('never answers im* commands (fire-and-forget)', async () => {
    await frame.evaluate(async () => {
      const b = await (window as unknown as B24Window).__b24;
      await b.parent.imCallTo(1, false);
    });
    const log = await page.evaluate(() => (window as unknown as PortalWindow).__portalLog);
    expect(log.find((e) => e.method === 'imCallTo')).toMatchObject({ answered: false });
  });

  it('calls REST from the frame across origins (CORS) and refreshes an expired token through the parent', async () => {
    const call = () =>
      frame.evaluate(async () => {
        const b = await (window as unknown as { __b24: Promise<import('@bitrix24/b24jssdk').B24Frame> }).__b24;
        const r = await b.actions.v2.call.make<{ ID: string | number }>({ method: 'profile' });
        const auth = b.auth.getAuthData();
        return {
          ok: r.isSuccess,
          id: String((r.getData() as { result: { ID: string | number } }).result.ID),
          token: auth ? auth.access_token : '',
        };
      });
    const first = await call();
    expect(first).toMatchObject({ ok: true, id: '1' });
    expect(h.em.stats().restCalls.profile).toBeGreaterThanOrEqual(1);

    h.em.core.tokens.expireAccess(first.token);
    const second = await call();
    expect(second.ok).toBe(true);
    expect(second.token).not.toBe(first.token);
    expect(h.em.stats().rejected.expired_token).toBeGreaterThanOrEqual(1);
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.filter((e) => e.method === 'refreshAuth' && e.answered).length).toBeGreaterThanOrEqual(1);
  });

  it('lists the REST calls made from the frame in the portal log view', async () => {
    const logs = await browser.context.newPage();
    await logs.goto(`${h.em.url}/portal-ui/logs?lang=ru`);
    expect(await logs.textContent('h1')).toBe('Журнал');
    expect(await logs.textContent('table')).toContain('profile');
    await logs.close();
  });
});

describe('the app page (DEFAULT) in install mode', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let frame: Frame;
  const posts: ProbePost[] = [];

  beforeAll(async () => {
    if (!probe) probe = await buildProbe();
    h = await startHarness({ extraRoutes: probeRoutes(probe, posts) });
    // Reinstall as an app with UI: until installFinish it is in install mode and its widgets are hidden.
    await h.em.installApp({ installUrl: `${h.appUrl}/probe/app` });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(`${h.em.url}/marketplace/app/?lang=es`);
    const f = await page.waitForEvent('framenavigated', { predicate: (x) => x.url().startsWith(`${h.appUrl}/probe/app`) });
    frame = f;
    await frame.waitForFunction(() => (window as unknown as B24Window).__ready === true);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('starts with INSTALL and FIRST_RUN (the SDK sends setInstall and waits for it), PLACEMENT DEFAULT without options', async () => {
    const info = await frame.evaluate(async () => {
      const b = await (window as unknown as B24Window).__b24;
      return {
        placement: b.placement.placement,
        options: b.placement.options as unknown,
        install: b.isInstallMode,
        firstRun: b.isFirstRun,
        lang: b.getLang(),
      };
    });
    expect(info).toMatchObject({ placement: 'DEFAULT', install: true, firstRun: true, lang: 'es' });
    expect(posts.at(-1)?.body.PLACEMENT).toBe('DEFAULT');
    const log = await page.evaluate(() => (window as unknown as PortalWindow).__portalLog);
    expect(log.find((e) => e.method === 'setInstall')).toMatchObject({ answered: true });
    expect(h.em.state.app?.installed).toBe(false);
  });

  it('installFinish marks the app installed and reloads the page instead of answering', async () => {
    await frame.evaluate(() => {
      void (window as unknown as B24Window).__b24.then((b) => b.installFinish());
    });
    await page.waitForURL(/install_finished=Y/);
    expect(h.em.state.app?.installed).toBe(true);
  });
});

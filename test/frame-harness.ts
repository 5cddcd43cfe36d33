// End-to-end rig for the frame tests: the emulator (portal + its portal page), a small app server
// with our placementRoutes, and headless Chromium. The app server verifies placement POSTs the way
// the platform does — by asking the portal whether AUTH_ID is good — without needing a database.
// Its sessions are placeholders (`test-session-N`, recorded in `sessions`): no renew route, no loans
// API stands behind them, so what a widget does with its session (save, renew, bind a deal) is not
// tested here but on the real platform (test/support/portal-harness.ts startPlatform, e.g.
// test/loan-tab-session.test.ts) — one code path for sessions, not a second fake of it.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { ENTITY_DEAL, itemsOf } from '../emulator/state.js';
import { placementDescriptors, toPlacementBind } from '../placements/index.js';
import type { FramePost } from '../placements/frame-post.js';
import { placementRoutes, type VerifiedFrame } from '../placements/routes.js';
import { dealSeenByUser } from '../server/security/deal-origin.js';
import { parseBracketForm } from '../server/form-body.js';
import { chromiumBrowser } from './support/chromium.js';

export interface RestResult {
  status: number;
  body: Record<string, unknown>;
}

export interface Harness {
  em: Emulator;
  app: FastifyInstance;
  appUrl: string;
  adminToken: string;
  call(method: string, params?: Record<string, unknown>, token?: string): Promise<RestResult>;
  addDeal(fields: { title: string; opportunity: string; currencyId: string }): Promise<number>;
  bind(placement: string, handlerPath: string, titles: Record<string, string>): Promise<number>;
  bindOurPlacements(): Promise<void>;
  sessions: { portalId: string; userId: number; dealId?: number }[];
  close(): Promise<void>;
}

export async function startHarness(o: { extraRoutes?: (app: FastifyInstance) => void | Promise<void> } = {}): Promise<Harness> {
  const em = await createEmulator({ clientId: 'local.loantab0000001.00000001', clientSecret: 'secret', rateLimit: false });
  const sessions: Harness['sessions'] = [];
  const verifyPlacement = async (post: FramePost): Promise<VerifiedFrame> => {
    const authId = String(post.body.AUTH_ID ?? '');
    const fail = (why: string) =>
      Object.assign(new Error(why), { status: 401, userMessage: 'Could not verify this request with Bitrix24.' });
    if (post.query.DOMAIN !== em.domain || post.body.member_id !== em.memberId) throw fail('unknown portal');
    const r = await fetch(`${em.url}/rest/profile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: authId }),
    });
    if (!r.ok) throw fail(`portal rejected AUTH_ID (${r.status})`);
    const body = (await r.json()) as { result?: { ID?: string | number; ADMIN?: boolean } };
    return { portalId: em.memberId, userId: Number(body.result?.ID ?? 0), isAdmin: body.result?.ADMIN === true };
  };
  const app = Fastify({ logger: false });
  await app.register(formbody, { parser: parseBracketForm });
  await app.register(placementRoutes, {
    verifyPlacement,
    // The same check the app makes (server/security/deal-origin.ts), against the emulator.
    canReadDeal: async (post, _verifying, dealId) => dealSeenByUser(`${em.url}/rest/`, String(post.body.AUTH_ID ?? ''), dealId),
    issueSession: (c) => {
      sessions.push(c);
      return `test-session-${sessions.length}`;
    },
  });
  if (o.extraRoutes) await o.extraRoutes(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const appUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  const install = await em.installApp({});
  em.finishInstall();
  const adminToken = install.auth.accessToken;
  const call = async (method: string, params: Record<string, unknown> = {}, token = adminToken): Promise<RestResult> => {
    const r = await fetch(`${em.url}/rest/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, auth: token }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const bind = async (placement: string, handlerPath: string, titles: Record<string, string>): Promise<number> => {
    const langAll = Object.fromEntries(Object.entries(titles).map(([l, t]) => [l, { TITLE: t }]));
    const r = await call('placement.bind', {
      PLACEMENT: placement,
      HANDLER: new URL(handlerPath, appUrl).toString(),
      TITLE: titles.en,
      LANG_ALL: langAll,
    });
    if (r.status !== 200) throw new Error(`placement.bind: ${JSON.stringify(r.body)}`);
    const bound = em.state.placements.filter((p) => p.placement === placement);
    return bound[bound.length - 1]?.id ?? 0;
  };
  return {
    em,
    app,
    appUrl,
    adminToken,
    call,
    sessions,
    async addDeal(fields) {
      const r = await call('crm.deal.add', {
        fields: { TITLE: fields.title, OPPORTUNITY: fields.opportunity, CURRENCY_ID: fields.currencyId },
      });
      if (r.status === 200 && r.body.result) return Number(r.body.result);
      // The emulator's CRM slice may not be there yet: put the deal into its state directly.
      const list = itemsOf(em.state, ENTITY_DEAL);
      const id = list.reduce((m, d) => Math.max(m, d.id), 0) + 1;
      list.push({
        id,
        entityTypeId: ENTITY_DEAL,
        title: fields.title,
        opportunity: Number(fields.opportunity),
        currencyId: fields.currencyId,
        stageId: 'NEW',
      });
      return id;
    },
    bind,
    async bindOurPlacements() {
      for (const d of placementDescriptors) {
        const p = toPlacementBind(d, appUrl);
        await call('placement.bind', { ...p });
      }
    },
    async close() {
      await app.close();
      await em.close();
    },
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh browser context, as a new user's browser: its own cookies and storage, 1280 × 900.
 * `locale`: the browser's language (navigator.language, Intl defaults), as a user in es-MX or ru-RU has it.
 */
export async function launchChromium(o: { locale?: string } = {}): Promise<Browser> {
  const browser = await chromiumBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(o.locale ? { locale: o.locale } : {}) });
  return {
    context,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

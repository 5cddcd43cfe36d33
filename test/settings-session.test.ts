// The settings screen outlives its session. In the portal (the app's DEFAULT page through the real
// frame protocol) an admin who took longer than the session's life still saves the product: the
// widget renews its session with the user's fresh portal auth, and admin rights come from the portal
// at that moment — an admin demoted meanwhile gets "only an administrator" instead. Outside the
// portal (/admin/products, cookie session, no frame) there is nothing to renew with: the screen asks
// to sign in again in another tab, keeps the form, and Save then goes through with the new cookie.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsPlacement } from '../placements/settings.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import type { SessionClaims } from '../server/security/session.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { sessionsOnTestClock, type SessionClock } from './session-clock.js';

// 60-second sessions on a server clock the test moves (test/session-clock.ts; placement POST, renewal
// and /auth/callback all sign through it). `shortSessions = false` lets a sign-in live normally when a
// test needs it to.
const TTL_SEC = 60;
let clock: SessionClock;
const expire = () => clock.expire();

describe('settings screen sessions', () => {
  let p: Platform;
  let browser: Browser;
  let portalId: string;
  let shortSessions = true;
  const issued: SessionClaims[] = [];

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    p = await startPlatform({
      beforeListen: (app) => {
        clock = sessionsOnTestClock(app.sessions, {
          ttlSec: TTL_SEC,
          onIssue: (claims) => issued.push(claims),
          short: () => shortSessions,
        });
      },
    });
    portalId = await p.install();
    // The app card's "handler path": the portal opens the app (DEFAULT) at our settings page.
    p.em.state.app!.appUrl = `${p.a.url}${settingsPlacement.handlerPath}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  const admin = () => p.em.state.users.find((u) => u.id === 1)!;

  async function openApp(): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', {
      predicate: (f) => f.url().startsWith(`${p.a.url}${settingsPlacement.handlerPath}`),
    });
    await page.goto(`${p.em.url}/marketplace/app/?user=1&lang=en`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"][data-can-edit="yes"]');
    return { page, frame };
  }

  async function fillProduct(scope: Page | Frame, id: string, name: string): Promise<void> {
    await scope.click('button:has-text("Add product")');
    const form = scope.locator('[data-testid="product-form"]');
    await form.locator('input[name="id"]').fill(id);
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="rateMin"]').fill('12');
    await form.locator('input[name="rateMax"]').fill('24');
  }

  async function storedIds(): Promise<string[]> {
    const token = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const r = await fetch(`${p.a.url}/api/v1/products?includeInactive=true`, { headers: { authorization: `Bearer ${token}` } });
    return ((await r.json()) as { products: { id: string }[] }).products.map((x) => x.id);
  }

  it('in the portal: an admin saves a product after the session expired, through one renewal', async () => {
    const { page, frame } = await openApp();
    expect(issued.at(-1)).toEqual({ portalId, userId: 1, isAdmin: true });
    const before = issued.length;
    await fillProduct(frame, 'slow-1', 'Edited over a coffee');
    expire();
    await frame.click('[data-testid="product-form"] button[type="submit"]');
    await frame.waitForSelector('.st-ok:has-text("Saved")');
    await frame.waitForSelector('tr[data-product="slow-1"]');
    expect(await frame.locator('[role=alert]').count()).toBe(0);
    expect(issued.length).toBe(before + 1); // the renewal: same portal and user, still admin, no deal
    expect(issued.at(-1)).toEqual({ portalId, userId: 1, isAdmin: true });
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.some((e) => e.method === 'refreshAuth' && e.answered)).toBe(true);
    expect(await storedIds()).toContain('slow-1');
    await page.screenshot({ path: 'test-results/settings-renewed.png', fullPage: true });
    await page.close();
  });

  it('in the portal: an admin demoted while the session was expired gets no admin session back', async () => {
    const { page, frame } = await openApp();
    await fillProduct(frame, 'demoted-1', 'Never stored');
    admin().admin = false;
    try {
      expire();
      await frame.click('[data-testid="product-form"] button[type="submit"]');
      await frame.waitForSelector('.st-problem:has-text("Only a portal administrator")');
      expect(issued.at(-1)).toEqual({ portalId, userId: 1, isAdmin: false });
      expect(await storedIds()).not.toContain('demoted-1');
    } finally {
      admin().admin = true;
    }
    await page.close();
  });

  it('outside the portal: an expired sign-in asks to sign in again, keeps the form, and Save then goes through', async () => {
    p.em.core.opts.redirectUri = `${p.a.url}/auth/callback`;
    const page = await browser.context.newPage();
    // /auth/callback redirects to /admin/products with the (2-second) cookie session.
    await page.goto(`${p.a.url}/auth/login?portal=${encodeURIComponent(p.em.domain)}`);
    expect(new URL(page.url()).pathname).toBe('/admin/products');
    await page.waitForSelector('main[data-ready="yes"][data-can-edit="yes"]');
    await fillProduct(page, 'web-2', 'Typed while signed out');
    expire();
    await page.click('[data-testid="product-form"] button[type="submit"]');
    const problem = page.locator('.st-problem');
    await expect.poll(() => problem.textContent()).toMatch(/sign-in has expired/);
    expect(await page.locator('[data-testid="product-form"] input[name="name"]').inputValue()).toBe('Typed while signed out');
    await page.screenshot({ path: 'test-results/settings-signed-out.png', fullPage: true });

    // The link opens this page in a new tab: signed out, it is the sign-in form.
    shortSessions = false;
    const popup = browser.context.waitForEvent('page');
    await page.click('[data-testid="sign-in-again"]');
    const signIn = await popup;
    await signIn.waitForSelector('input[name="portal"]');
    await signIn.fill('input[name="portal"]', p.em.domain);
    await signIn.click('button[type="submit"]');
    await signIn.waitForSelector('main[data-ready="yes"]');
    await signIn.close();

    await page.click('[data-testid="product-form"] button[type="submit"]');
    await page.waitForSelector('.st-ok:has-text("Saved")');
    expect(await storedIds()).toContain('web-2');
    await page.close();
  });
});

// Issue 5, the two halves that need a live session: (1) the tab outlives its session — the widget
// renews it silently with the user's fresh portal auth and the save goes through; (2) the calculator
// from the deal list creates a deal as the user, binds its session to that deal and saves the loan
// on it — the portal then holds the deal with the loan's fields and the schedule items linked to it.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './support/portal-harness.js';
import type { SessionClaims } from '../server/security/session.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { sessionsOnTestClock, type SessionClock } from './session-clock.js';

// Sessions on a server clock the test moves (test/session-clock.ts: the placement POST and the renewal
// route both sign through it) — expiry without 3 s of real waiting each time. 20 s, not 60: the
// calculator's deal binding compares the session's issue time on that clock with the deal's creation
// time on the emulator's real one (DEAL_CREATE_SKEW_SEC, 120 s), so this file's three moves (63 s) stay
// inside it, while a slow page still has 20 s of real time before a session lapses on its own.
const TTL_SEC = 20;
let clock: SessionClock;
const expire = () => clock.expire();

describe('loan tab sessions', () => {
  let p: Platform;
  let browser: Browser;
  let portalId: string;
  let entityTypeId: number;
  let dealId: number;
  const issued: SessionClaims[] = [];

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    p = await startPlatform({
      beforeListen: (app) => {
        clock = sessionsOnTestClock(app.sessions, { ttlSec: TTL_SEC, onIssue: (claims) => issued.push(claims) });
      },
    });
    portalId = await p.install();
    const row = await p.db.kysely
      .selectFrom('portals')
      .select('schedule_entity_type_id')
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    entityTypeId = Number(row.schedule_entity_type_id);
    dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Loan for Ann', OPPORTUNITY: '24000', CURRENCY_ID: 'USD' } }));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  async function items(parent: number): Promise<Record<string, unknown>[]> {
    const r = await p.portalCall<{ items: Record<string, unknown>[] }>('crm.item.list', {
      entityTypeId,
      filter: { parentId2: parent },
      order: { id: 'ASC' },
    });
    return r.items;
  }

  async function openFrame(page: Page, path: string, open: () => Promise<void>): Promise<Frame> {
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}${path}`) });
    await open();
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return frame;
  }

  it('a save after the session expired goes through by renewal; so does a payment, once', async () => {
    const page = await browser.context.newPage();
    const frame = await openFrame(page, '/placements/loan-tab', async () => {
      await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=/placements/loan-tab&lang=en`);
    });
    const before = issued.length;
    expect(issued.at(-1)).toMatchObject({ dealId, userId: 1 });

    await frame.fill('input[name=installments]', '6');
    expire();
    await frame.click('button:has-text("Save")');
    await frame.waitForSelector('.lt-ok:has-text("Saved")');
    expect(issued.length).toBe(before + 1); // one renewal, for the same deal and user
    expect(issued.at(-1)).toMatchObject({ portalId, userId: 1, dealId });
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.some((e) => e.method === 'refreshAuth' && e.answered)).toBe(true);
    await p.a.app.outbox.drain();
    expect(await items(dealId)).toHaveLength(6);

    expire();
    await frame.fill('input[name=paymentAmount]', '100');
    await frame.click('button:has-text("Add payment")');
    await frame.waitForSelector('[data-testid=payments] tbody tr');
    await expect.poll(() => issued.length).toBe(before + 2);
    await expect.poll(() => frame.locator('[role=alert]').count()).toBe(0);
    const token = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
    // The row is shown at once (optimistic); the server books it when the renewed request lands.
    const booked = async () =>
      (
        (await (await fetch(`${p.a.url}/api/v1/deals/${dealId}/loan`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
          payments: unknown[];
        }
      ).payments.length;
    await expect.poll(booked).toBe(1);
    await page.screenshot({ path: 'test-results/loan-tab-renewed.png', fullPage: true });
    await page.close();
  });

  it('the calculator creates a deal as the user and saves the loan on it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${p.em.url}/crm/deal/list/?lang=en`);
    const frame = await openFrame(page, '/placements/calculator', () => page.click('button[data-open-frame]:has-text("Loan calculator")'));
    expect(issued.at(-1)).not.toHaveProperty('dealId');
    await frame.fill('input[name=amount]', '75000');
    await frame.fill('input[name=installments]', '10');
    await frame.fill('input[name=clientFirstName]', 'Ann');
    expire(); // the calculator's own session has expired by the time the user decides
    await frame.click('button:has-text("Create deal")');
    const note = await frame.waitForSelector('[data-testid=deal-created]');
    expect(await note.getAttribute('data-loan-saved')).toBe('yes');
    expect(await note.textContent()).toMatch(/Deal created #\d+ · the loan is saved on it/);
    const newId = Number(await note.getAttribute('data-deal-id'));
    expect(newId).toBeGreaterThan(dealId);
    expect(issued.at(-1)).toMatchObject({ portalId, userId: 1, dealId: newId });
    expect(await frame.locator('button:has-text("Create deal")').count()).toBe(0); // one deal per calculation

    await p.a.app.outbox.drain();
    const deal = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: newId });
    expect(deal).toMatchObject({ CREATED_BY_ID: '1', UF_CRM_LOAN_TERM: '10' });
    expect(Number(deal.OPPORTUNITY)).toBe(75000);
    expect(await items(newId)).toHaveLength(10);

    // "Open deal": the portal opens the card in its own slider (BX24.openPath), not in a new tab.
    await frame.click('button:has-text("Open deal")');
    const slider = page.locator(`.portal-slider[data-open-path="/crm/deal/details/${newId}/"]`);
    await slider.waitFor();
    expect(await slider.locator('iframe').getAttribute('src')).toContain('lang=en');
    await page.screenshot({ path: 'test-results/loan-calculator-deal-created.png', fullPage: true });
    await page.close();
  });
});

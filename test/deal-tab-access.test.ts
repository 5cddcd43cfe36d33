// The deal tabs (loan tab, call script, documents) bind a session to the deal the portal POSTed only after the
// portal shows THAT user the deal (crm.deal.get with their own token). A collector whose CRM role
// reads only their own deals opens another's deal card in the emulator's portal page: the tab says
// so in their language and no session is issued; their own deal opens as usual.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callScriptPlacement } from '../server/activities/call-script/placement.js';
import { documentsTabPlacement } from '../placements/documents-tab.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import type { SessionClaims } from '../server/security/session.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

const COLLECTOR = 5;

describe('deal tabs check the deal with the portal as the user', () => {
  let p: Platform;
  let browser: Browser;
  let ownDeal: number;
  let otherDeal: number;
  const issued: SessionClaims[] = [];

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    p = await startPlatform({
      beforeListen: (app) => {
        const issue = app.sessions.issue.bind(app.sessions);
        app.sessions.issue = (claims) => {
          issued.push(claims);
          return issue(claims);
        };
      },
    });
    await p.install();
    const admin = p.em.state.users[0]!;
    p.em.state.users.push({ ...admin, id: COLLECTOR, name: 'Rosa', admin: false, role: 'collector', dealRead: 'own' });
    const add = async (title: string, assignedBy: number) =>
      Number(
        await p.portalCall('crm.deal.add', {
          fields: { TITLE: title, OPPORTUNITY: '9000', CURRENCY_ID: 'MXN', ASSIGNED_BY_ID: assignedBy },
        }),
      );
    ownDeal = await add('Rosa’s client', COLLECTOR);
    otherDeal = await add('Someone else’s client', 1);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  async function openTab(path: string, dealId: number, lang: string): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}${path}`) });
    await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=${path}&lang=${lang}&user=${COLLECTOR}`);
    const frame = await navigated;
    await frame.waitForLoadState();
    return { page, frame };
  }

  it('the loan tab of a deal the collector cannot read says so (es) and issues no session', async () => {
    const before = issued.length;
    const { page, frame } = await openTab('/placements/loan-tab', otherDeal, 'es');
    await expect.poll(async () => (await frame.textContent('body')) ?? '').toContain('No tiene acceso a esta negociación');
    expect(await frame.$('main')).toBeNull();
    expect(issued.length).toBe(before);
    await page.close();
  });

  it('the call-script tab of that deal says so too (ru), no session', async () => {
    const before = issued.length;
    const { page, frame } = await openTab(callScriptPlacement.handlerPath, otherDeal, 'ru');
    await expect.poll(async () => (await frame.textContent('body')) ?? '').toContain('У вас нет доступа к этой сделке');
    expect(issued.length).toBe(before);
    await page.close();
  });

  it('the Documents tab of that deal says so too (es), no session — the application and its scans stay out of reach', async () => {
    const before = issued.length;
    const { page, frame } = await openTab(documentsTabPlacement.handlerPath, otherDeal, 'es');
    await expect.poll(async () => (await frame.textContent('body')) ?? '').toContain('No tiene acceso a esta negociación');
    expect(await frame.$('main')).toBeNull();
    expect(issued.length).toBe(before);
    await page.close();
  });

  it("the collector's own deal opens with a session bound to it", async () => {
    const { page, frame } = await openTab('/placements/loan-tab', ownDeal, 'en');
    await frame.waitForSelector('main[data-ready="yes"]');
    expect(issued.at(-1)).toMatchObject({ userId: COLLECTOR, dealId: ownDeal });
    await page.close();
  });
});

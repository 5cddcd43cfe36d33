// The real platform with the app installed in the emulator and a headless Chromium, as the loan-tab
// e2e tests that save, pay and reverse use it: the deal card opens the tab through the placement
// POST the platform verifies, and the portal's schedule items are read back with crm.item.list.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { LoanProduct } from '../server/products/product.js';
import type { LoanView } from '../server/loans/operations/get-loan-view.js';
import { upsertProduct } from '../server/products/product-repo.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

export interface LoanTabRig {
  p: Platform;
  browser: Browser;
  portalId: string;
  /** The "Payment schedule" smart process install created. */
  entityTypeId: number;
  /** The deal card with the Loan tab open and computed, in the given language. */
  openTab(dealId: number, lang?: string): Promise<{ page: Page; frame: Frame }>;
  /** A new deal in the portal, its Loan tab open in `lang`, the page at the viewport's size. */
  openNewDeal(deal: NewDeal, lang: string, viewport: Viewport): Promise<{ dealId: number; page: Page; frame: Frame }>;
  /** The loan as the tab's API answers it (200) to a session of user 1 on the deal: what the server stored. */
  loanView(dealId: number): Promise<LoanView>;
  /** The deal's schedule items in the portal, oldest first. */
  items(dealId: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface NewDeal {
  title: string;
  opportunity: string;
  currency: string;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface LoanTabRigOptions {
  /** The browser's locale (es-MX, ru-RU); Chromium's default when absent. */
  locale?: string;
  seedDemoData?: boolean;
  /** The loan products the portal offers (as the admin saved them), for the tab's product list. */
  products?: LoanProduct[];
}

/** `seedDemoData`: the emulator's demo portal (its Loans pipeline and stages), for the lifecycle's tab tests. */
export async function startLoanTabRig(o: LoanTabRigOptions = {}): Promise<LoanTabRig> {
  await ensureWidgetsBuilt();
  mkdirSync('test-results', { recursive: true });
  const p = await startPlatform(o.seedDemoData ? { emulator: { seedDemoData: true } } : {});
  const portalId = await p.install();
  const row = await p.db.kysely
    .selectFrom('portals')
    .select('schedule_entity_type_id')
    .where('id', '=', portalId)
    .executeTakeFirstOrThrow();
  const entityTypeId = Number(row.schedule_entity_type_id);
  for (const product of o.products ?? []) await upsertProduct(p.db.kysely, portalId, product, new Date().toISOString());
  const browser = await launchChromium(o);
  async function openTab(dealId: number, lang = 'ru') {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}/placements/loan-tab`) });
    await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=/placements/loan-tab&lang=${lang}`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return { page, frame };
  }
  return {
    p,
    browser,
    portalId,
    entityTypeId,
    openTab,
    async openNewDeal(deal, lang, viewport) {
      const fields = { TITLE: deal.title, OPPORTUNITY: deal.opportunity, CURRENCY_ID: deal.currency };
      const dealId = Number(await p.portalCall('crm.deal.add', { fields }));
      const { page, frame } = await openTab(dealId, lang);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      return { dealId, page, frame };
    },
    async loanView(dealId) {
      const token = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
      const res = await fetch(`${p.a.url}/api/v1/deals/${dealId}/loan`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as LoanView;
    },
    async items(dealId) {
      const r = await p.portalCall<{ items: Record<string, unknown>[] }>('crm.item.list', {
        entityTypeId,
        filter: { parentId2: dealId },
        order: { id: 'ASC' },
      });
      return r.items;
    },
    async close() {
      await browser.close();
      await p.close();
    },
  };
}

/**
 * Inside a describe: one rig for its tests (in the browser locale, if given), closed after them; read it
 * through the getter. A describe's own beforeAll registered after this call finds the rig started.
 */
export function useLoanTabRig(o: LoanTabRigOptions = {}): () => LoanTabRig {
  let rig: LoanTabRig | undefined;
  beforeAll(async () => {
    rig = await startLoanTabRig(o);
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });
  return () => rig!;
}

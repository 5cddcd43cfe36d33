// The real platform with the app installed in the emulator and a headless Chromium, as the loan-tab
// e2e tests that save, pay and reverse use it: the deal card opens the tab through the placement
// POST the platform verifies, and the portal's schedule items are read back with crm.item.list.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Frame, Page } from 'playwright-core';
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
  /** The deal's schedule items in the portal, oldest first. */
  items(dealId: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** `seedDemoData`: the emulator's demo portal (its Loans pipeline and stages), for the lifecycle's tab tests. */
export async function startLoanTabRig(o: { locale?: string; seedDemoData?: boolean } = {}): Promise<LoanTabRig> {
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
  const browser = await launchChromium(o);
  return {
    p,
    browser,
    portalId,
    entityTypeId,
    async openTab(dealId, lang = 'ru') {
      const page = await browser.context.newPage();
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}/placements/loan-tab`) });
      await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=/placements/loan-tab&lang=${lang}`);
      const frame = await navigated;
      await frame.waitForSelector('main[data-ready="yes"]');
      return { page, frame };
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

/** Inside a describe: one rig for its tests in the browser locale, closed after them; read it through the getter. */
export function useLoanTabRig(locale: string): () => LoanTabRig {
  let rig: LoanTabRig | undefined;
  beforeAll(async () => {
    rig = await startLoanTabRig({ locale });
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });
  return () => rig!;
}

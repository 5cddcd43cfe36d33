// Issue 5 "done when", browser half, against the real app: the platform installs the app into the
// emulator (placements from app.manifest.json), the deal card opens the tab through the placement
// POST that the platform verifies against the portal, and the tab's Save and payment buttons go
// through our API with the session the page was given. The portal then holds one smart-process item
// per installment; saving a shorter loan updates them in place without duplicates.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../server/portal/test-harness.js';
import { upsertProduct } from '../server/products/repository.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

describe('loan tab saves through our API', () => {
  let p: Platform;
  let browser: Browser;
  let portalId: string;
  let entityTypeId: number;
  let dealId: number;

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    p = await startPlatform();
    portalId = await p.install();
    const row = await p.db.kysely
      .selectFrom('portals')
      .select('schedule_entity_type_id')
      .where('id', '=', portalId)
      .executeTakeFirstOrThrow();
    entityTypeId = Number(row.schedule_entity_type_id);
    dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Заём Петрову', OPPORTUNITY: '120000', CURRENCY_ID: 'RUB' } }));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  async function openTab(): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}/placements/loan-tab`) });
    await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=/placements/loan-tab&lang=ru`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return { page, frame };
  }

  async function items(): Promise<Record<string, unknown>[]> {
    const r = await p.portalCall<{ items: Record<string, unknown>[] }>('crm.item.list', {
      entityTypeId,
      filter: { parentId2: dealId },
      order: { id: 'ASC' },
    });
    return r.items;
  }

  async function save(frame: Frame): Promise<void> {
    await frame.click('button:has-text("Сохранить")');
    await frame.waitForSelector('.lt-ok:has-text("Сохранено")');
    await p.a.app.outbox.drain();
  }

  it('save → N items linked to the deal; shorter save → updated in place, surplus removed', async () => {
    const { page, frame } = await openTab();
    await frame.fill('input[name=installments]', '18');
    await save(frame);
    const first = await items();
    expect(first).toHaveLength(18);

    await frame.fill('input[name=installments]', '12');
    await save(frame);
    const second = await items();
    expect(second.map((i) => i.id)).toEqual(first.slice(0, 12).map((i) => i.id));
    const deal = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(deal.UF_CRM_LOAN_TERM).toBe('12');
    await page.screenshot({ path: 'test-results/loan-tab-saved-ru.png', fullPage: true });
    await page.close();
  });

  it('registers a payment from the tab, and a reopened tab shows the saved loan and the payment', async () => {
    const { page, frame } = await openTab();
    expect(await frame.inputValue('input[name=installments]')).toBe('12');
    await frame.fill('input[name=paymentAmount]', '5000');
    await frame.selectOption('select[name=paymentMethod]', 'transfer');
    await frame.fill('input[name=paymentReference]', 'п/п 17');
    await frame.click('button:has-text("Добавить платёж")');
    await frame.waitForSelector('[data-testid=payments] tbody tr');
    await expect.poll(() => frame.locator('[role=alert]').count()).toBe(0);
    await page.close();

    const again = await openTab();
    await again.frame.waitForSelector('[data-testid=payments] tbody tr');
    expect(await again.frame.locator('[data-testid=payments] tbody tr').count()).toBe(1);
    const token = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
    const view = (await (
      await fetch(`${p.a.url}/api/v1/deals/${dealId}/loan`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      payments: { amount: string; method: string; reference: string }[];
    };
    expect(view.payments).toEqual([expect.objectContaining({ amount: '5000.00', method: 'transfer', reference: 'п/п 17' })]);
    await again.page.close();
  });

  it('offers the portal products; a rate outside the product range is shown inline and cannot be saved', async () => {
    await upsertProduct(
      p.db.kysely,
      portalId,
      {
        id: 'consumer-rub',
        name: 'Потребительский',
        method: 'annuity',
        rateUnit: 'annual',
        rateMin: '12',
        rateMax: '30',
        termMin: 6,
        termMax: 24,
        amountMin: '10000',
        amountMax: '500000',
        currency: 'RUB',
        fees: [],
        dayCount: 'actual/365',
        profile: null,
        active: true,
      },
      new Date().toISOString(),
    );
    const { page, frame } = await openTab();
    await frame.selectOption('select[name=product]', 'consumer-rub');
    expect(await frame.inputValue('input[name=rate]')).toBe('12');
    await frame.fill('input[name=rate]', '45');
    await expect.poll(() => frame.locator('.lt-field__error').first().textContent()).toContain('Вне диапазона ставок продукта (12–30)');
    expect(await frame.isDisabled('button:has-text("Сохранить")')).toBe(true);
    await frame.fill('input[name=rate]', '20');
    await save(frame);
    const token = p.a.app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
    const view = (await (
      await fetch(`${p.a.url}/api/v1/deals/${dealId}/loan`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      productId: string | null;
    };
    expect(view.productId).toBe('consumer-rub');
    await page.close();
  });
});

// Issue 5 "done when", browser half, against the real app: the platform installs the app into the
// emulator (placements from app.manifest.json), the deal card opens the tab through the placement
// POST that the platform verifies against the portal, and the tab's Save and payment buttons go
// through our API with the session the page was given. The portal then holds one smart-process item
// per installment; saving a shorter loan updates them in place without duplicates.
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProduct } from '../server/products/product-repo.js';
import { startLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';

describe('loan tab saves through our API', () => {
  let rig: LoanTabRig;
  let p: LoanTabRig['p'];
  let portalId: string;
  let dealId: number;

  beforeAll(async () => {
    rig = await startLoanTabRig();
    ({ p, portalId } = rig);
    dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Заём Петрову', OPPORTUNITY: '120000', CURRENCY_ID: 'RUB' } }));
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  });

  const openTab = () => rig.openTab(dealId);
  const items = () => rig.items(dealId);

  async function save(frame: Frame): Promise<void> {
    await frame.click('button:text-is("Сохранить")');
    // New terms on the deal's loan once it has a payment are shown for confirmation first.
    const asked = frame.locator('[data-testid=reterm-confirm]');
    await Promise.race([asked.waitFor(), frame.waitForSelector('.lt-ok:has-text("Сохранено")')]);
    if (await asked.isVisible()) await frame.click('button:text-is("Сохранить новые условия")');
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

// Issue 5 end to end in Chromium: the emulator's deal card opens our "Loan" tab through the real
// placement POST and frame protocol; the tab recomputes in the browser as the user types, fits the
// iframe to its content, and speaks the portal's language and the deal's currency.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startHarness, type Browser, type Harness } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

describe('loan tab in the deal card', () => {
  let h: Harness;
  let browser: Browser;
  const deals: Record<'en' | 'ru' | 'es', number> = { en: 0, ru: 0, es: 0 };

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    h = await startHarness();
    await h.bindOurPlacements();
    deals.en = await h.addDeal({ title: 'Loan for Ann', opportunity: '10000', currencyId: 'USD' });
    deals.ru = await h.addDeal({ title: 'Заём Иванову', opportunity: '250000', currencyId: 'RUB' });
    deals.es = await h.addDeal({ title: 'Préstamo Pérez', opportunity: '50000', currencyId: 'MXN' });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openTab(lang: 'en' | 'ru' | 'es'): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${h.appUrl}/placements/loan-tab`) });
    await page.goto(`${h.em.url}/crm/deal/details/${deals[lang]}/?tab=/placements/loan-tab&lang=${lang}`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return { page, frame };
  }

  it('loads through the frame protocol, recomputes on a rate change and fits the frame', async () => {
    const { page, frame } = await openTab('en');
    expect(h.sessions.at(-1)).toMatchObject({ dealId: deals.en, userId: 1 });
    await expect.poll(() => frame.locator('[data-testid=schedule] tbody tr').count()).toBe(12);
    const installment = await frame.textContent('[data-testid=installment]');
    const interest = await frame.textContent('[data-testid=total-interest]');
    expect(installment).toMatch(/^\$[\d,]+\.\d\d$/);

    await frame.fill('input[name=rate]', '30');
    await expect.poll(() => frame.textContent('[data-testid=installment]')).not.toBe(installment);
    expect(await frame.textContent('[data-testid=total-interest]')).not.toBe(interest);

    // The tab asked the portal to resize the iframe to its content (resizeWindow answered).
    await expect
      .poll(async () => parseInt(await page.$eval('iframe.portal-frame', (el) => (el as HTMLIFrameElement).style.height || '0'), 10))
      .toBeGreaterThan(600);
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.some((e) => e.method === 'resizeWindow' && e.answered)).toBe(true);
    // The deal's currency came from crm.deal.get made by the SDK from inside the frame (CORS).
    expect(h.em.stats().restCalls['crm.deal.get'] ?? 0).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: 'test-results/loan-tab-en.png', fullPage: true });
    await page.close();
  });

  it('what-if: a larger future payment lowers the interest at once; reset brings the plan back', async () => {
    const { page, frame } = await openTab('en');
    const interest = await frame.textContent('[data-testid=total-interest]');
    await frame.check('input[name=whatIf]');
    const cell = frame.locator('[data-testid=schedule] tbody tr').nth(2).locator('input:not([type=date])');
    await cell.fill('5000');
    await cell.press('Tab');
    await expect.poll(() => frame.textContent('[data-testid=total-interest]')).not.toBe(interest);
    const whatIf = Number((await frame.textContent('[data-testid=total-interest]'))?.replace(/[^\d.]/g, ''));
    expect(whatIf).toBeLessThan(Number(interest?.replace(/[^\d.]/g, '')));
    await frame.click('button:has-text("Reset what-if")');
    await expect.poll(() => frame.textContent('[data-testid=total-interest]')).toBe(interest);
    await page.close();
  });

  it('shows bad input inline in the user language', async () => {
    const { page, frame } = await openTab('en');
    await frame.fill('input[name=amount]', '-100');
    await expect.poll(() => frame.locator('.lt-field__error').first().textContent()).toMatch(/negative|greater than zero/i);
    await frame.fill('input[name=amount]', '5000');
    await expect.poll(() => frame.locator('.lt-field__error').count()).toBe(0);
    await page.close();
  });

  it('speaks Russian with roubles and Spanish with pesos', async () => {
    const ru = await openTab('ru');
    expect(await ru.frame.textContent('h3')).toBe('График платежей');
    expect(await ru.frame.textContent('[data-testid=installment]')).toMatch(/^[\d\s\u00a0\u202f]+,\d\d\s₽$/);
    expect(await ru.frame.textContent('.lt-summary')).toContain('ПСК');
    // ПСК is computed after a typing pause (it is the slow part), then shown with a decimal comma.
    await expect.poll(() => ru.frame.textContent('[data-testid=effective-rate]')).toMatch(/^\d+,\d+\s%$/);
    await ru.page.screenshot({ path: 'test-results/loan-tab-ru.png', fullPage: true });
    await ru.page.close();

    const es = await openTab('es');
    expect(await es.frame.textContent('h3')).toBe('Tabla de amortización');
    expect(await es.frame.textContent('[data-testid=installment]')).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await es.frame.textContent('.lt-summary')).toContain('CAT');
    await expect.poll(() => es.frame.textContent('[data-testid=effective-rate]')).toMatch(/^\d+\.\d\s%$/);
    expect(await es.page.textContent('.portal-tab[data-placement-id]')).toBe('Préstamo');
    await es.page.screenshot({ path: 'test-results/loan-tab-es.png', fullPage: true });
    await es.page.close();
  });

  // What this covers: the calculator opens from the list's row menu and creates the deal AS THE USER
  // through the frame. This rig's sessions are placeholders with no API behind them (no renew route,
  // no loans API, no portal record — frame-harness.ts), so the calculator's next step, binding its
  // session to the new deal and saving the loan there, cannot succeed here and is not asserted. The
  // full calculator flow, saving included, runs on the real platform in test/loan-tab-session.test.ts.
  it('the calculator from the deal list row menu turns its result into a new deal', async () => {
    h.em.state.portal.baseCurrency = 'MXN';
    const page = await browser.context.newPage();
    await page.goto(`${h.em.url}/crm/deal/list/?lang=en`);
    const before = (await h.call('crm.deal.list', {})).body.total;
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${h.appUrl}/placements/calculator`) });
    await page.click('button[data-open-frame]:has-text("Loan calculator")');
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    expect(await frame.textContent('h2')).toBe('Loan calculator');
    // No deal to take a currency from: the portal's base currency (crm.currency.base.get).
    expect(await frame.textContent('label:has(input[name=amount])')).toContain('MXN');
    expect(await frame.locator('button:has-text("Save")').count()).toBe(0);
    await frame.fill('input[name=amount]', '75000');
    await frame.fill('input[name=clientFirstName]', 'Ann'); // a deal is made for a client (test/calculator-deal-list.test.ts)
    await frame.click('button:has-text("Create deal")');
    const created = await frame.waitForSelector('[data-testid=deal-created]');
    expect(await created.textContent()).toMatch(/^Deal created #\d+/);
    const newId = Number(await created.getAttribute('data-deal-id'));
    const deal = (await h.call('crm.deal.get', { id: newId })).body.result as Record<string, unknown>;
    expect(Number(deal.OPPORTUNITY)).toBe(75000);
    expect(deal.CURRENCY_ID).toBe('MXN');
    expect((await h.call('crm.deal.list', {})).body.total).toBe(Number(before) + 1);
    expect(h.sessions.at(-1)).not.toHaveProperty('dealId');
    await page.close();
  });
});

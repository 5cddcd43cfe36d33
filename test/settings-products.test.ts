// Issue 5 §3 in a real browser: the app's own page (placement DEFAULT — what Bitrix24 opens from the
// left menu at the app URL <PUBLIC_URL>/placements/settings) hosted by the emulator's portal page
// through the real frame protocol; the platform verifies the POST and issues the session. An admin
// creates a product (inline errors first, in the user's language), the API then lists it; a
// non-admin sees a read-only list and the server refuses their write with 403. Outside the portal
// the same screen opens at /admin/products after /auth/login.
import { mkdirSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import type { AppUnderTest } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

/** Whether an empty input's placeholder is wider than the room inside it (cut off on screen). */
function placeholderCut(input: Locator): Promise<boolean> {
  return input.evaluate((el: HTMLInputElement) => {
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return ctx.measureText(el.placeholder).width > room;
  });
}

describe('loan products settings', () => {
  let portal: SettingsPortal;
  let em: Emulator;
  let a: AppUnderTest;
  let portalId: string;
  let browser: Browser;
  const NON_ADMIN = 2;

  beforeAll(async () => {
    portal = await startSettingsPortal();
    ({ em, a, portalId } = portal);
    expect(em.state.users.find((u) => u.id === NON_ADMIN)?.admin).toBe(false);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function openApp(userId: number, lang: string, width = 1280): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await portal.open(page, lang, 'main[data-ready="yes"]', userId);
    return { page, frame };
  }

  async function apiProducts(isAdmin: boolean): Promise<{ status: number; products: Record<string, unknown>[] }> {
    const token = a.app.sessions.issue({ portalId, userId: 1, isAdmin });
    const r = await fetch(`${a.url}/api/v1/products${isAdmin ? '?includeInactive=true' : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await r.json()) as { products?: Record<string, unknown>[] };
    return { status: r.status, products: body.products ?? [] };
  }

  it('an admin creates a product in the DEFAULT page: inline errors in Russian, then saved and listed by the API', async () => {
    const { page, frame } = await openApp(1, 'ru');
    await frame.waitForSelector('main[data-can-edit="yes"]');
    await frame.click('button:has-text("Добавить продукт")');
    const form = frame.locator('[data-testid="product-form"]');
    await form.locator('input[name="id"]').fill('mfo-30');
    await form.locator('button[type="submit"]').click();
    // Nothing was sent: the name and rates are missing, shown under each field in Russian.
    await expect.poll(() => form.locator('[role="alert"]').allTextContents()).toContain('Заполните поле');
    expect(await form.locator('.st-error').textContent()).toBe('Проверьте выделенные поля.');

    await form.locator('input[name="name"]').fill('Микрозаём до зарплаты');
    await form.locator('input[name="rateMin"]').fill('0,8');
    await form.locator('input[name="rateMax"]').fill('0,5');
    await expect.poll(() => form.locator('[role="alert"]').allTextContents()).toContain('Не больше верхней границы');
    await page.screenshot({ path: 'test-results/settings-products-errors.png', fullPage: true });
    await form.locator('input[name="rateMax"]').fill('0,8');
    await form.locator('select[name="rateUnit"]').selectOption('daily');
    await form.locator('input[name="termMin"]').fill('1');
    await form.locator('input[name="termMax"]').fill('30');
    await form.locator('input[name="amountMin"]').fill('1 000');
    await form.locator('input[name="amountMax"]').fill('30000');
    await form.locator('input[name="currency"]').fill('rub');
    await form.locator('select[name="method"]').selectOption('single-payment');
    await form.locator('select[name="dayCount"]').selectOption('actual/365');
    await form.locator('select[name="profile"]').selectOption('RU-MFO');
    await form.locator('button:has-text("Добавить комиссию")').click();
    await form.locator('input[name="fee-0-name"]').fill('Выдача');
    await form.locator('input[name="fee-0-value"]').fill('1,5');
    // Issue 13: a 5,5 % late fee on overdue principal and interest, and 5 days before arrears count.
    await form.locator('input[name="delinquencyGraceDays"]').fill('5');
    await form.locator('button:has-text("Добавить штраф")').click();
    const late = form.locator('[data-late-fee="0"]');
    await late.locator('input[name="late-0-name"]').fill('Штраф за просрочку');
    await late.locator('select[name="late-0-kind"]').selectOption('percent');
    await late.locator('input[name="late-0-value"]').fill('5,5');
    await late.locator('select[name="late-0-base"]').selectOption('principal+interest');
    expect(await late.locator('select[name="late-0-base"] option:checked').textContent()).toBe('основного долга и процентов');
    await late.locator('input[name="late-0-grace"]').fill('400');
    await expect.poll(() => late.locator('[role="alert"]').allTextContents()).toEqual(['Целое число дней от 0 до 365']);
    await late.locator('input[name="late-0-grace"]').fill('3');
    await page.screenshot({ path: 'test-results/settings-products-ru-late-fees.png', fullPage: true });
    await form.locator('button[type="submit"]').click();

    await frame.waitForSelector('.st-ok:has-text("Сохранено")');
    await frame.waitForSelector('tr[data-product="mfo-30"]');
    await page.screenshot({ path: 'test-results/settings-products-admin.png', fullPage: true });

    const listed = await apiProducts(false);
    expect(listed.status).toBe(200);
    expect(listed.products).toContainEqual({
      id: 'mfo-30',
      name: 'Микрозаём до зарплаты',
      method: 'single-payment',
      rateUnit: 'daily',
      rateMin: '0.8',
      rateMax: '0.8',
      termMin: 1,
      termMax: 30,
      amountMin: '1000',
      amountMax: '30000',
      currency: 'RUB',
      fees: [{ name: 'Выдача', percent: '1.5', at: 'disbursement' }],
      dayCount: 'actual/365',
      profile: 'RU-MFO',
      payoffInterest: 'pro-rata',
      catBasis: null,
      lateFees: [{ name: 'Штраф за просрочку', percent: '5.5', base: 'principal+interest', graceDays: 3 }],
      lateFeesWaivable: false,
      installmentStep: null,
      annuityMode: null,
      delinquencyGraceDays: 5,
      active: true,
    });

    // Deactivating keeps the product (loans refer to it) but the loan tab no longer gets it.
    await frame.click('tr[data-product="mfo-30"] button');
    await frame.locator('[data-testid="product-form"] input[name="active"]').uncheck();
    await frame.click('[data-testid="product-form"] button[type="submit"]');
    await frame.waitForSelector('tr[data-product="mfo-30"] .st-badge:not(.st-badge--on)');
    expect((await apiProducts(false)).products.map((p) => p.id)).not.toContain('mfo-30');
    expect((await apiProducts(true)).products.find((p) => p.id === 'mfo-30')?.active).toBe(false);
    await page.close();
  });

  it('an es-MX admin types amounts the Mexican way: "3,000"–"50,000" is stored and listed as thousands with cents; "1.000" is refused beside the field', async () => {
    const { page, frame } = await openApp(1, 'es');
    await frame.waitForSelector('main[data-can-edit="yes"]');
    await frame.click('button:has-text("Agregar producto")');
    const form = frame.locator('[data-testid="product-form"]');
    await form.locator('input[name="id"]').fill('mx-personal');
    await form.locator('input[name="name"]').fill('Préstamo personal');
    await form.locator('input[name="rateMin"]').fill('45.5');
    await form.locator('input[name="rateMax"]').fill('90');
    // The empty currency's placeholder shows whole ("Moneda de la negociación", not cut off).
    expect(await placeholderCut(form.locator('input[name="currency"]'))).toBe(false);
    // User trial: "el del préstamo" was cut off in "Pagos en múltiplos de" at desktop.
    expect(await form.locator('input[name="installmentStep"]').getAttribute('placeholder')).toBe('el del préstamo');
    expect(await placeholderCut(form.locator('input[name="installmentStep"]'))).toBe(false);
    await form.locator('label:has(input[name="installmentStep"])').screenshot({ path: '/tmp/shots-coll/product-step-es-desktop.png' });
    expect(await form.locator('select[name="dayCount"] option[value="actual/actual-isda"]').textContent()).toBe(
      'Días reales / días del año (ISDA)',
    );
    await form.locator('input[name="currency"]').fill('MXN');
    await form.locator('input[name="amountMin"]').fill('1.000');
    await expect.poll(() => form.locator('[role="alert"]').allTextContents()).toContain('¿Miles o decimales? Escriba 15,000 o 15.50');
    expect(await form.locator('input[name="amountMin"]').inputValue()).toBe('1.000');
    await form.locator('input[name="amountMin"]').fill('3,000');
    await form.locator('input[name="amountMax"]').fill('50,000');
    // Issue 13: the payoff charges the whole current period; CAT timed by periods, as Banxico does.
    expect(await form.locator('select[name="payoffInterest"] option[value="whole-period"]').textContent()).toBe('Todo el periodo en curso');
    await form.locator('select[name="payoffInterest"]').selectOption('whole-period');
    await form.locator('select[name="catBasis"]').selectOption('periods');
    // Issue 13 item 7: installments in multiples of 10 pesos, level payment with Fineract's cent adjustment.
    await form.locator('input[name="installmentStep"]').fill('10');
    await form.locator('select[name="annuityMode"]').selectOption('fineract');
    // Labelled by what it does (the user trial: "Fineract" is jargon to a credit manager).
    expect(await form.locator('select[name="annuityMode"] option:checked').textContent()).toBe('Días reales, centavos en la última cuota');
    expect(await form.locator('select[name="annuityMode"]').innerText()).not.toContain('Fineract');
    // The Mexican "comisión por pago tardío": 1,500.50 pesos plus 16 % IVA, after 3 days of grace.
    await form.locator('button:has-text("Agregar comisión por pago tardío")').click();
    const late = form.locator('[data-late-fee="0"]');
    await late.locator('input[name="late-0-name"]').fill('Pago tardío');
    await late.locator('input[name="late-0-value"]').fill('1,500.50');
    await late.locator('input[name="late-0-vat"]').fill('16');
    await late.locator('input[name="late-0-grace"]').fill('3');
    expect(await late.locator('select[name="late-0-kind"] option:checked').textContent()).toBe('monto fijo');
    // Issue 13 item 7: the product lets a manager waive them on a loan (all or nothing).
    await form.locator('label:has-text("Un gestor puede condonarlas en un préstamo") input[name="lateFeesWaivable"]').check();
    await page.screenshot({ path: 'test-results/settings-products-es-mx-form.png', fullPage: true });
    await form.locator('[data-testid="late-fees"]').screenshot({ path: '/tmp/shots-loantab/product-late-fees-es-desktop.png' });
    await form.locator('button[type="submit"]').click();
    await frame.waitForSelector('tr[data-product="mx-personal"]');
    expect((await frame.locator('tr[data-product="mx-personal"]').textContent())?.replace(/\u00a0/g, ' ')).toContain(
      '3,000.00 – 50,000.00',
    );
    expect((await apiProducts(false)).products.find((p) => p.id === 'mx-personal')).toMatchObject({
      rateMin: '45.5',
      amountMin: '3000',
      amountMax: '50000',
      payoffInterest: 'whole-period',
      catBasis: 'periods',
      lateFees: [{ name: 'Pago tardío', amount: '1500.5', vatPercent: '16', graceDays: 3 }],
      lateFeesWaivable: true,
      installmentStep: '10',
      annuityMode: 'fineract',
      delinquencyGraceDays: null,
    });
    await page.screenshot({ path: 'test-results/settings-products-es-mx.png', fullPage: true });
    await page.close();
  });

  it('es at 390 px: the products fit the phone — each product stacked with its labels, "Editar" on screen, no sideways scroll', async () => {
    const { page, frame } = await openApp(1, 'es', 390);
    await frame.waitForSelector('main[data-can-edit="yes"] tr[data-product="mx-personal"]');
    const row = frame.locator('tr[data-product="mx-personal"]');
    expect(await row.locator('td[data-label="Moneda"]').textContent()).toBe('MXN');
    const edit = row.locator('button:has-text("Editar")');
    await page.screenshot({ path: 'test-results/settings-products-es-390.png', fullPage: true });
    const box = await edit.boundingBox();
    expect(box && box.x + box.width <= 390).toBe(true);
    // Neither the portal's page nor the app's frame scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // The product's servicing settings read back in the form, on the phone too.
    await edit.click();
    const form = frame.locator('[data-testid="product-form"]');
    expect(await form.locator('select[name="payoffInterest"]').inputValue()).toBe('whole-period');
    expect(await form.locator('select[name="catBasis"]').inputValue()).toBe('periods');
    // The late fee reads back as stored (typed back unchanged), its IVA beside it.
    expect(await form.locator('input[name="late-0-value"]').inputValue()).toBe('1500.5');
    expect(await form.locator('input[name="late-0-vat"]').inputValue()).toBe('16');
    expect(await form.locator('input[name="lateFeesWaivable"]').isChecked()).toBe(true);
    expect(await form.locator('input[name="installmentStep"]').inputValue()).toBe('10');
    expect(await form.locator('select[name="annuityMode"]').inputValue()).toBe('fineract');
    await form.screenshot({ path: '/tmp/shots-loantab/product-form-es-phone.png' });
    await form.locator('[data-testid="late-fees"]').screenshot({ path: '/tmp/shots-loantab/product-late-fees-es-phone.png' });
    const vatBox = await form.locator('input[name="late-0-vat"]').boundingBox();
    expect(vatBox && vatBox.x + vatBox.width <= 390).toBe(true);
    await page.screenshot({ path: 'test-results/settings-products-es-390-form.png', fullPage: true });
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.close();
  });

  it('a ru-RU admin sets installments "in multiples of" 1 000 ₽ and the level-payment rule, on the desktop and at 390 px; a single payment hides both', async () => {
    mkdirSync('/tmp/shots-audit13', { recursive: true });
    const { page, frame } = await openApp(1, 'ru');
    await frame.waitForSelector('main[data-can-edit="yes"]');
    await frame.click('button:has-text("Добавить продукт")');
    const form = frame.locator('[data-testid="product-form"]');
    await form.locator('input[name="id"]').fill('ru-annuity');
    await form.locator('input[name="name"]').fill('Потребительский заём');
    await form.locator('input[name="rateMin"]').fill('20');
    await form.locator('input[name="rateMax"]').fill('90');
    await form.locator('input[name="currency"]').fill('RUB');
    await form.locator('select[name="method"]').selectOption('annuity');
    // The labels a Russian admin reads beside the fields.
    expect(await form.locator('label:has(input[name="installmentStep"])').textContent()).toContain('Платёж кратен');
    expect(await form.locator('input[name="installmentStep"]').getAttribute('placeholder')).toBe('как в займе');
    expect(await placeholderCut(form.locator('input[name="installmentStep"]'))).toBe(false);
    expect(await form.locator('select[name="annuityMode"] option:checked').textContent()).toBe('Выбирается в займе');
    // Typed the Russian way, with a space between thousands.
    await form.locator('input[name="installmentStep"]').fill('1 000');
    await form.locator('select[name="annuityMode"]').selectOption('resolved');
    expect(await form.locator('select[name="annuityMode"] option:checked').textContent()).toBe('По фактическим дням периодов');
    await form.screenshot({ path: '/tmp/shots-audit13/product-rounding-ru-desktop.png' });
    await form.locator('button[type="submit"]').click();
    await frame.waitForSelector('tr[data-product="ru-annuity"]');
    expect((await apiProducts(false)).products.find((p) => p.id === 'ru-annuity')).toMatchObject({
      method: 'annuity',
      installmentStep: '1000',
      annuityMode: 'resolved',
    });
    await page.close();

    // On the phone the product reads back; a single payment shows neither setting (lending applies neither).
    const phone = await openApp(1, 'ru', 390);
    await phone.frame.waitForSelector('main[data-can-edit="yes"] tr[data-product="ru-annuity"]');
    await phone.frame.locator('tr[data-product="ru-annuity"] button').click();
    const f2 = phone.frame.locator('[data-testid="product-form"]');
    expect(await f2.locator('input[name="installmentStep"]').inputValue()).toBe('1000');
    expect(await f2.locator('select[name="annuityMode"] option:checked').textContent()).toBe('По фактическим дням периодов');
    const stepBox = await f2.locator('input[name="installmentStep"]').boundingBox();
    const modeBox = await f2.locator('select[name="annuityMode"]').boundingBox();
    expect(stepBox && stepBox.x + stepBox.width <= 390).toBe(true);
    expect(modeBox && modeBox.x + modeBox.width <= 390).toBe(true);
    expect(await phone.frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await f2.screenshot({ path: '/tmp/shots-audit13/product-rounding-ru-phone.png' });
    await f2.locator('select[name="method"]').selectOption('single-payment');
    expect(await f2.locator('input[name="installmentStep"]').count()).toBe(0);
    expect(await f2.locator('select[name="annuityMode"]').count()).toBe(0);
    await phone.page.close();
  });

  it('a non-admin sees a read-only list with a clear message in Spanish, and the server refuses their save', async () => {
    const admin = a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const seeded = await fetch(`${a.url}/api/v1/products/consumo-12`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'consumo-12',
        name: 'Consumo 12 meses',
        method: 'annuity',
        rateUnit: 'annual',
        rateMin: '30',
        rateMax: '60',
        termMin: 3,
        termMax: 12,
        dayCount: '30/360',
        profile: 'MX',
        currency: 'MXN',
      }),
    });
    expect(seeded.status).toBe(200);

    const { page, frame } = await openApp(NON_ADMIN, 'es');
    await frame.waitForSelector('main[data-can-edit="no"]');
    expect(await frame.locator('[data-testid="read-only"]').textContent()).toContain('Solo un administrador del portal');
    expect(await frame.locator('tr[data-product="consumo-12"]').textContent()).toContain('Consumo 12 meses');
    expect(await frame.locator('button:has-text("Agregar producto")').count()).toBe(0);
    expect(await frame.locator('tr[data-product] button').count()).toBe(0);

    // The page's own session, used as a crafted request: the server says no.
    const refused = await frame.evaluate(async () => {
      const boot = JSON.parse(document.getElementById('widget-boot')!.textContent!) as { sessionToken: string };
      const r = await fetch('/api/v1/products/hack', {
        method: 'PUT',
        headers: { authorization: `Bearer ${boot.sessionToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'hack',
          name: 'x',
          method: 'annuity',
          rateUnit: 'annual',
          rateMin: '1',
          rateMax: '2',
          termMin: 1,
          termMax: 2,
          dayCount: '30/360',
        }),
      });
      return { status: r.status, body: (await r.json()) as { error: string } };
    });
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ error: 'FORBIDDEN' }) as unknown });
    expect((await apiProducts(true)).products.map((p) => p.id)).not.toContain('hack');
    await page.screenshot({ path: 'test-results/settings-products-readonly.png', fullPage: true });
    await page.close();
  });

  it('outside the portal: /admin/products asks to sign in, then after /auth/login shows the same screen', async () => {
    em.core.opts.redirectUri = `${a.url}/auth/callback`;
    const page = await browser.context.newPage();
    const anon = await page.goto(`${a.url}/admin/products?lang=en`);
    expect(anon?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('sign in with your portal address');

    await page.goto(`${a.url}/auth/login?portal=${encodeURIComponent(em.domain)}`);
    const res = await page.goto(`${a.url}/admin/products?lang=en`);
    expect(res?.status()).toBe(200);
    await page.waitForSelector('main[data-ready="yes"][data-can-edit="yes"]');
    await page.click('button:has-text("Add product")');
    const form = page.locator('[data-testid="product-form"]');
    await form.locator('input[name="id"]').fill('web-1');
    await form.locator('input[name="name"]').fill('Signed-in product');
    await form.locator('input[name="rateMin"]').fill('12');
    await form.locator('input[name="rateMax"]').fill('24');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-product="web-1"]');
    expect((await apiProducts(false)).products.map((p) => p.id)).toContain('web-1');
    await page.close();
  });
});

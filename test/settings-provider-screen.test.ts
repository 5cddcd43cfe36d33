// Issue 11 deliver 8 in a real browser: the app page's SMS gateway and payout provider screen, as a
// portal admin in es-MX and ru-RU browser locales, on a desktop and at 390 px. The admin chooses a
// provider, fills its settings with numbers written their way, tests the connection against a local
// SMSC and a local OpenPay (the outcome in their language), saves; the password is never shown back
// and is kept when left empty. Every check reads what is on screen; screenshots in test-results/.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenpay, type FakeOpenpay } from './fakes/openpay-server.js';
import { startFakeSmsc, type FakeSmsc } from './fakes/smsc.js';
import type { AppUnderTest } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SMPP_PASSWORD = 'Pw7x!q2z';

describe('SMS and payout providers on the app page', () => {
  let portal: SettingsPortal;
  let a: AppUnderTest;
  let portalId: string;
  let smsc: FakeSmsc;
  let openpay: FakeOpenpay;

  beforeAll(async () => {
    smsc = await startFakeSmsc({ systemId: 'lender', password: SMPP_PASSWORD });
    openpay = await startFakeOpenpay();
    portal = await startSettingsPortal();
    ({ a, portalId } = portal);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
    await smsc?.close();
    await openpay?.close();
  });

  async function openApp(browser: Browser, lang: string, phone = false): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    const frame = await portal.open(page, lang, '[data-testid="providers"][data-ready="yes"]');
    return { page, frame };
  }

  async function stored(): Promise<{ kind: string; provider: string; config: Record<string, unknown>; secrets: Record<string, string> }[]> {
    const token = a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const r = await fetch(`${a.url}/api/v1/settings/providers`, { headers: { authorization: `Bearer ${token}` } });
    return ((await r.json()) as { settings: never[] }).settings;
  }

  /**
   * The same screen opened on a phone (390 × 844): neither the portal page nor the app frame scrolls
   * sideways, and each card's Save button lies inside the phone's width.
   */
  async function fitsPhone(browser: Browser, lang: string, name: string): Promise<void> {
    const { page, frame } = await openApp(browser, lang, true);
    const sideways = (doc: Frame | Page) => doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
    expect(await sideways(frame)).toBeLessThanOrEqual(0);
    for (const card of await frame.locator('.st-provider').all()) {
      const save = card.locator('button[type="submit"]');
      await save.scrollIntoViewIfNeeded();
      const box = await save.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: `test-results/${name}`, fullPage: true });
    await page.close();
  }

  it('es-MX: an admin sets up SMPP and OpenPay, tests both, saves; the password is kept, never shown', async () => {
    const browser = await launchChromium({ locale: 'es-MX' });
    try {
      const { page, frame } = await openApp(browser, 'es');
      const sms = frame.locator('.st-provider[data-kind="sms"]');
      expect(await sms.locator('[data-testid="last-saved"]').textContent()).toBe('Aún sin configurar.');
      await sms.locator('select[name="provider"]').selectOption('smpp');
      await sms.locator('input[name="host"]').fill('127.0.0.1');
      await sms.locator('input[name="systemId"]').fill('lender');
      await sms.locator('input[name="sourceAddr"]').fill('LENDER');
      await sms.locator('summary').click();
      // Defaults are written the Mexican way; a comma that is not a thousands group is refused.
      expect(await sms.locator('input[name="timeoutMs"]').inputValue()).toBe('10,000');
      // …but a port is not a quantity: plain, as the SMSC's papers write it, never "2,775".
      expect(await sms.locator('input[name="port"]').inputValue()).toBe('2775');
      await sms.locator('input[name="port"]').fill('1,5');
      await sms.locator('button[type="submit"]').click();
      await expect.poll(() => sms.locator('[role="alert"]').allTextContents()).toEqual(['Complete este campo', 'Un número entero']);
      await sms.locator('input[name="port"]').fill(String(smsc.port)); // as the SMSC's papers write it
      await sms.locator('input[name="timeoutMs"]').fill('2,000');
      await sms.locator('input[name="enquireLinkMs"]').fill('0');

      await sms.locator('input[name="password"]').fill('wrong');
      await sms.locator('button:has-text("Probar conexión")').click();
      await sms.locator('[data-testid="test-result"]').waitFor();
      expect(await sms.locator('[data-testid="test-result"]').getAttribute('data-ok')).toBe('no');
      expect(await sms.locator('[data-testid="test-result"]').textContent()).toMatch(/^El proveedor rechazó estas credenciales\./);
      await sms.locator('input[name="password"]').fill(SMPP_PASSWORD);
      await sms.locator('button:has-text("Probar conexión")').click();
      await expect.poll(() => sms.locator('[data-testid="test-result"]').textContent()).toMatch(/^La conexión funciona\./);
      await page.screenshot({ path: 'test-results/settings-providers-es-test.png', fullPage: true });

      await sms.locator('button[type="submit"]').click();
      await sms.locator('.st-ok:has-text("Guardado")').waitFor();
      // Saved today, written dd/mm/aaaa as in Mexico; the password field is empty and says it is kept.
      const today = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      expect(today).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(await sms.locator('[data-testid="last-saved"]').textContent()).toContain(`Guardado por última vez: ${today}`);
      expect(await sms.locator('input[name="password"]').inputValue()).toBe('');
      expect(await sms.locator('.st-field__hint').first().textContent()).toMatch(/^Guardado y conservado/);
      expect(await frame.content()).not.toContain(SMPP_PASSWORD);

      const pay = frame.locator('.st-provider[data-kind="payments"]');
      await pay.locator('select[name="provider"]').selectOption('openpay');
      await pay.locator('input[name="merchantId"]').fill(openpay.merchantId);
      await pay.locator('input[name="privateKey"]').fill(openpay.privateKey);
      await pay.locator('summary').click();
      await pay.locator('input[name="baseUrl"]').fill(openpay.baseUrl);
      await pay.locator('button:has-text("Probar conexión")').click();
      await expect.poll(() => pay.locator('[data-testid="test-result"]').textContent()).toMatch(/^La conexión funciona\./);
      await pay.locator('button[type="submit"]').click();
      await pay.locator('.st-ok:has-text("Guardado")').waitFor();
      await page.screenshot({ path: 'test-results/settings-providers-es.png', fullPage: true });

      expect(await stored()).toEqual([
        expect.objectContaining({ kind: 'payments', provider: 'openpay', secrets: { privateKey: 'set' } }),
        expect.objectContaining({
          kind: 'sms',
          provider: 'smpp',
          config: expect.objectContaining({ port: smsc.port, timeoutMs: 2000 }),
          secrets: { password: 'set' },
        }),
      ]);
      expect(openpay.payouts).toHaveLength(0);
      await page.close();
      await fitsPhone(browser, 'es', 'settings-providers-es-390.png');
    } finally {
      await browser.close();
    }
  });

  it('ru-RU: the saved gateway is shown in Russian formats; a change saved without retyping the password keeps it', async () => {
    const browser = await launchChromium({ locale: 'ru-RU' });
    try {
      const { page, frame } = await openApp(browser, 'ru');
      const sms = frame.locator('.st-provider[data-kind="sms"]');
      const today = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
      expect(today).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(await sms.locator('[data-testid="last-saved"]').textContent()).toContain(`Последнее сохранение: ${today}`);
      expect(await sms.locator('select[name="provider"]').inputValue()).toBe('smpp');
      expect(await sms.locator('input[name="password"]').inputValue()).toBe('');
      expect(await sms.locator('.st-field__hint').first().textContent()).toMatch(/^Сохранён: оставьте пустым/);
      await sms.locator('summary').click();
      expect((await sms.locator('input[name="timeoutMs"]').inputValue()).replace(/\s/g, ' ')).toBe('2 000');
      // The port is not a quantity: plain digits, as the admin typed it, not "37 445".
      expect(await sms.locator('input[name="port"]').inputValue()).toBe(String(smsc.port));

      await sms.locator('input[name="timeoutMs"]').fill('3 000');
      await sms.locator('button:has-text("Проверить подключение")').click();
      await expect.poll(() => sms.locator('[data-testid="test-result"]').textContent()).toMatch(/^Подключение работает\./);
      await sms.locator('button[type="submit"]').click();
      await sms.locator('.st-ok:has-text("Сохранено")').waitFor();
      const smpp = (await stored()).find((s) => s.kind === 'sms')!;
      expect(smpp).toMatchObject({ config: { timeoutMs: 3000 }, secrets: { password: 'set' } });

      // The kept password still binds: tested from the stored settings after the save.
      const binds = smsc.binds;
      await sms.locator('button:has-text("Проверить подключение")').click();
      await expect.poll(() => sms.locator('[data-testid="test-result"]').textContent()).toMatch(/^Подключение работает\./);
      expect(smsc.binds).toBe(binds + 1);

      const pay = frame.locator('.st-provider[data-kind="payments"]');
      await pay.locator('select[name="provider"]').selectOption('manual');
      await pay.locator('button:has-text("Проверить подключение")').click();
      await expect.poll(() => pay.locator('[data-testid="test-result"]').textContent()).toMatch(/^Ручным выплатам подключение не нужно\./);
      await page.screenshot({ path: 'test-results/settings-providers-ru.png', fullPage: true });
      await page.close();
      await fitsPhone(browser, 'ru', 'settings-providers-ru-390.png');
    } finally {
      await browser.close();
    }
  });
});

// The applicant-check section of the app's page, in a real browser inside the emulator's portal, as
// a Mexican and a Russian administrator use it: the blacklist file refused whole with its bad line
// named, then added; a phone tried the way people type it; one entry removed; the bureau's address
// refused beside its field when it points at the server's own network. Desktop and 390 px.
import iconv from 'iconv-lite';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

describe('applicant checks on the app page', () => {
  let portal: SettingsPortal;
  let browserMx: Browser;
  let browserRu: Browser;

  beforeAll(async () => {
    portal = await startSettingsPortal({ emulator: { seedDemoData: false } });
    browserMx = await launchChromium({ locale: 'es-MX' });
    browserRu = await launchChromium({ locale: 'ru-RU' });
  }, 120_000);

  afterAll(async () => {
    await browserMx?.close();
    await browserRu?.close();
    await portal?.close();
  });

  async function openApp(lang: 'es' | 'ru', width: number): Promise<{ page: Page; frame: Frame }> {
    const page = await (lang === 'es' ? browserMx : browserRu).context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await portal.open(page, lang, '[data-testid="applicant-checks"][data-ready="yes"]');
    return { page, frame };
  }

  const scrollsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('es-MX, desktop: a bad file refused whole, a good one added, a phone tried as typed, an entry removed', async () => {
    const { page, frame } = await openApp('es', 1280);
    const s = frame.locator('[data-testid="applicant-checks"]');
    await s.locator('select[name="check-country"]').selectOption('MX');
    await s.locator('button[name="check-save"]').click();
    await expect.poll(() => s.locator('.st-ok').first().textContent()).toContain('Guardado');

    const file = s.locator('input[name="blacklistFile"]');
    await file.setInputFiles({
      name: 'lista.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Teléfono,Motivo\n55 1234 5678,fraude\nsin número,x\n'),
    });
    const refused = s.locator('[data-testid="blacklist-refused"]');
    await expect.poll(() => refused.textContent()).toContain('No se agregó nada');
    expect(await refused.locator('tbody td').allTextContents()).toEqual(['3', 'Teléfono', 'No es un número de teléfono']);
    expect(await s.locator('[data-testid="blacklist-counts"]').textContent()).toBe('Teléfonos en la lista: 0. Documentos: 0.');

    const good = iconv.encode('Teléfono;CURP;Motivo\n(55) 1234-5678;GOMC800101HDFXXX09;fraude con identidad\n', 'win1252');
    await file.setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: good });
    await expect.poll(() => s.locator('[data-testid="blacklist-added"]').textContent()).toBe('Agregados: 2. Ya estaban: 0.');
    expect(await s.locator('[data-testid="blacklist-counts"]').textContent()).toBe('Teléfonos en la lista: 1. Documentos: 1.');

    await s.locator('input[name="try-phone"]').fill('+52 1 55 1234 5678');
    await s.locator('button[name="try-now"]').click();
    const result = s.locator('[data-testid="check-result"]');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('reject');
    expect(await result.locator('strong').textContent()).toBe('Rechazado');
    expect(await result.locator('li').first().textContent()).toBe('Lista negra, teléfono: en la lista — fraude con identidad');
    await page.screenshot({ path: 'test-results/settings-checks-es-1280.png', fullPage: true });

    await s.locator('input[name="remove-value"]').fill('55 1234 5678');
    await s.locator('form:has(input[name="remove-value"]) button[type="submit"]').click();
    await expect.poll(() => s.locator('[data-testid="blacklist-removed"]').textContent()).toContain('Quitado.');
    expect(await s.locator('[data-testid="blacklist-counts"]').textContent()).toBe('Teléfonos en la lista: 0. Documentos: 1.');
    await page.close();
  });

  it('es-MX, 390 px: the bureau pointed at a local address is refused beside the address, what was typed stays', async () => {
    const { page, frame } = await openApp('es', 390);
    const s = frame.locator('[data-testid="applicant-checks"]');
    await s.locator('input[name="check-enabled"]').check();
    const url = s.locator('input[name="check-urlTemplate"]');
    await url.fill('https://192.168.0.10/buro?tel={phone}');
    await s.locator('input[name="check-rejectValues"]').fill('rechazo');
    await s.locator('button[name="check-save"]').click();
    const err = s.locator('.st-field--error .st-field__error');
    await expect
      .poll(() => err.textContent())
      .toBe('Una dirección https en internet; solo se pueden rellenar {phone}, {document} y {dealId}.');
    expect(await url.inputValue()).toBe('https://192.168.0.10/buro?tel={phone}');
    expect(await scrollsSideways(frame)).toBe(false);
    await s.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings-checks-es-390.png', fullPage: true });
    await page.close();
  });

  it('ru-RU, 390 px: a Russian list and a phone typed with the trunk 8', async () => {
    const { page, frame } = await openApp('ru', 390);
    const s = frame.locator('[data-testid="applicant-checks"]');
    await s.locator('select[name="check-country"]').selectOption('RU');
    await s.locator('button[name="check-save"]').click();
    await expect.poll(() => s.locator('.st-ok').first().textContent()).toContain('Сохранено');
    const list = iconv.encode('Телефон;Паспорт;Причина\n+7 912 345-67-89;45 06 123456;мошенничество\n', 'win1251');
    await s.locator('input[name="blacklistFile"]').setInputFiles({ name: 'список.csv', mimeType: 'text/csv', buffer: list });
    await expect.poll(() => s.locator('[data-testid="blacklist-added"]').textContent()).toBe('Добавлено: 2. Уже были в списке: 0.');
    await s.locator('input[name="try-phone"]').fill('8 (912) 345-67-89');
    await s.locator('button[name="try-now"]').click();
    const result = s.locator('[data-testid="check-result"]');
    await expect.poll(() => result.locator('strong').textContent()).toBe('Отказ');
    expect(await result.locator('li').first().textContent()).toBe('Чёрный список, телефон: в списке — мошенничество');
    expect(await scrollsSideways(frame)).toBe(false);
    await page.screenshot({ path: 'test-results/settings-checks-ru-390.png', fullPage: true });
    await page.close();
  });
});

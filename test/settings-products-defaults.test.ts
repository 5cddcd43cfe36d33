// Issue 15 follow-up (audit): the products screen in the app page, opened by a Russian and a Mexican
// admin (browser locales ru-RU and es-MX, portal language ru / es), on the desktop and at 390 px.
// The CAT timing's empty choice names what the product really falls back to — a rouble product
// without a profile is timed by calendar days, not "as Mexico" — and both grace-days fields say in
// one line what their days do.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SHOTS = '/tmp/shots-minors';

const CASES = [
  {
    locale: 'ru-RU',
    lang: 'ru',
    add: 'Добавить продукт',
    addLate: 'Добавить штраф',
    currency: 'RUB',
    noProfile: 'Без профиля: по календарным дням',
    mx: 'Как в профиле (Мексика: по периодам)',
    ruMfo: 'Как в профиле (Россия, МФО: по календарным дням)',
    graceHint: 'Дни просрочки (DPD) считаются через столько дней после даты платежа; пусто — со следующего дня',
    lateGraceHint: 'Начисляется, только когда платёж просрочен дольше стольких дней',
  },
  {
    locale: 'es-MX',
    lang: 'es',
    add: 'Agregar producto',
    addLate: 'Agregar comisión por pago tardío',
    currency: 'MXN',
    noProfile: 'Sin perfil: por días naturales',
    mx: 'Según el perfil (México: por periodos)',
    ruMfo: 'Según el perfil (Rusia, microfinanzas: por días naturales)',
    graceHint: 'Los días de atraso (DPD) cuentan pasados estos días desde el vencimiento; vacío: desde el día siguiente',
    lateGraceHint: 'Se cobra solo cuando el pago lleva más de estos días de atraso',
  },
] as const;

describe('products screen: the CAT default and the grace-days hints', () => {
  let portal: SettingsPortal;
  const browsers = new Map<string, Browser>();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    for (const c of CASES) browsers.set(c.locale, await launchChromium({ locale: c.locale }));
  }, 120_000);

  afterAll(async () => {
    for (const b of browsers.values()) await b.close();
    await portal?.close();
  });

  async function openApp(locale: string, lang: string, width: number): Promise<{ page: Page; frame: Frame }> {
    const page = await browsers.get(locale)!.context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await portal.open(page, lang, 'main[data-ready="yes"][data-can-edit="yes"]');
    return { page, frame };
  }

  for (const c of CASES) {
    for (const width of [1280, 390]) {
      it(`${c.locale} at ${width} px: the default CAT timing follows the profile chosen; each grace-days field says what its days do`, async () => {
        const { page, frame } = await openApp(c.locale, c.lang, width);
        await frame.click(`button:has-text("${c.add}")`);
        const form = frame.locator('[data-testid="product-form"]');
        await form.locator('input[name="currency"]').fill(c.currency);
        const catDefault = form.locator('select[name="catBasis"] option[value=""]');
        // No profile: the core times CAT by calendar days whatever the currency.
        expect(await catDefault.textContent()).toBe(c.noProfile);
        expect(await form.locator('select[name="catBasis"] option:checked').textContent()).toBe(c.noProfile);
        await form.locator('select[name="profile"]').selectOption('MX');
        expect(await catDefault.textContent()).toBe(c.mx);
        await form.locator('select[name="profile"]').selectOption('RU-MFO');
        expect(await catDefault.textContent()).toBe(c.ruMfo);
        await form.locator('select[name="profile"]').selectOption('');
        expect(await catDefault.textContent()).toBe(c.noProfile);

        const grace = form.locator('label:has(input[name="delinquencyGraceDays"])');
        expect(await grace.locator('.st-field__hint').textContent()).toBe(c.graceHint);
        await form.locator(`button:has-text("${c.addLate}")`).click();
        const lateGrace = form.locator('label:has(input[name="late-0-grace"])');
        expect(await lateGrace.locator('.st-field__hint').textContent()).toBe(c.lateGraceHint);
        // A typo still shows its error in place of the hint, and the typed text stays.
        await form.locator('input[name="delinquencyGraceDays"]').fill('4,5');
        await expect.poll(() => grace.locator('[role="alert"]').count()).toBe(1);
        expect(await grace.locator('.st-field__hint').count()).toBe(0);
        expect(await form.locator('input[name="delinquencyGraceDays"]').inputValue()).toBe('4,5');
        await form.locator('input[name="delinquencyGraceDays"]').fill('5');
        await expect.poll(() => grace.locator('.st-field__hint').count()).toBe(1);

        // Hints stay inside the phone's width; nothing scrolls sideways.
        for (const l of [grace, lateGrace]) {
          const box = await l.locator('.st-field__hint').boundingBox();
          expect(box && box.x + box.width <= width).toBe(true);
        }
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        await grace.scrollIntoViewIfNeeded();
        await form.screenshot({ path: `${SHOTS}/product-form-${c.locale}-${width}.png` });
        await page.close();
      });
    }
  }
});

// The lender's company name on the app page, in a real browser as a portal admin in es-MX and ru-RU
// browser locales, on a desktop and at 390 × 844: the name is set, survives a reload, and a name
// over the server's 120 characters is refused beside the field in the user's language with what was
// typed kept. Every check reads what is on screen; screenshots in test-results/.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    name: 'Financiera Ñandú SA de CV',
    tooLong: 'Préstamos '.repeat(13),
    refusal: 'Máximo 120 caracteres',
    saved: 'Guardado',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    name: 'МФО «Быстрые займы»',
    tooLong: 'Займы '.repeat(21),
    refusal: 'Не больше 120 символов',
    saved: 'Сохранено',
  },
] as const;

describe("the lender's company name on the app page", () => {
  let portal: SettingsPortal;

  beforeAll(async () => {
    portal = await startSettingsPortal();
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  const openApp = (page: Page, lang: string) => portal.open(page, lang, '[data-testid="lender"][data-ready="yes"]');

  async function storedName(): Promise<string> {
    const r = await fetch(`${portal.a.url}/api/v1/settings/lender`, { headers: { authorization: portal.adminBearer() } });
    return ((await r.json()) as { companyName: string }).companyName;
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: the name is saved and shown after a reload; a too-long one is refused beside the field, kept`, async () => {
        expect(c.tooLong.length).toBeGreaterThan(120);
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          let frame = await openApp(page, c.lang);
          const section = () => frame.locator('[data-testid="lender"]');
          const input = () => section().locator('input[name="companyName"]');
          const name = `${c.name} ${size}`;
          await input().fill(name);
          await section().locator('button[type="submit"]').click();
          await section().locator(`.st-ok:has-text("${c.saved}")`).waitFor();
          expect(await storedName()).toBe(name);

          // A fresh load of the portal page, as a reload would do.
          frame = await openApp(page, c.lang);
          expect(await input().inputValue()).toBe(name);

          await input().fill(c.tooLong);
          await section().locator('button[type="submit"]').click();
          const alert = section().locator('.st-field [role="alert"]');
          await expect.poll(() => alert.textContent()).toBe(c.refusal);
          expect(await input().inputValue()).toBe(c.tooLong);
          expect(await section().locator('.st-ok').count()).toBe(0);
          expect(await storedName()).toBe(name);

          // The section fits the phone: no sideways scroll, Save within its width.
          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          const save = section().locator('button[type="submit"]');
          await save.scrollIntoViewIfNeeded();
          const box = await save.boundingBox();
          expect(box).not.toBeNull();
          if (phone) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
          await section().screenshot({ path: `test-results/settings-lender-${c.lang}-${size}.png` });
          await page.close();
        } finally {
          await browser.close();
        }
      }, 90_000);
    }
  }
});

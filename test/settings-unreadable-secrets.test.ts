// Secrets sealed at rest whose ciphertext was altered outside the app (issue: trust), as the portal
// admin meets them on the app page: the SMS gateway's token and the bureau's auth header are marked
// "could not be read — type it again" beside their fields, the page itself opens (no 5xx) — es-MX on a
// desktop, ru-RU at 390 px. Screenshots in test-results/.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCheckSettings } from '../server/checks/check-repo.js';
import { saveProviderSettings } from '../server/settings/settings-repo.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { tamperSealed } from './support/tamper.js';

const CASES = [
  {
    lang: 'es',
    locale: 'es-MX',
    width: 1280,
    token: 'No se pudo leer el valor guardado (se alteró fuera de la aplicación). Escríbalo de nuevo y guarde.',
    header: 'No se pudo leer el encabezado guardado (se alteró fuera de la aplicación). Escríbalo de nuevo y guarde.',
  },
  {
    lang: 'ru',
    locale: 'ru-RU',
    width: 390,
    token: 'Сохранённое значение не читается (его изменили в обход приложения). Введите его заново и сохраните.',
    header: 'Сохранённый заголовок не читается (его изменили в обход приложения). Введите его заново и сохраните.',
  },
] as const;

describe('secrets altered at rest, on the app page', () => {
  let sp: SettingsPortal;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    sp = await startSettingsPortal();
    const { db, portalId } = sp;
    const box = sp.a.app.secrets;
    await saveProviderSettings(db.kysely, box, portalId, 'sms', {
      provider: 'twilio',
      settings: { accountSid: `AC${'1'.repeat(32)}`, authToken: 'tw-secret-token-0123', from: '+15005550006' },
      userId: 1,
    });
    const http = {
      urlTemplate: 'https://bureau.example/check?doc={document}',
      method: 'GET' as const,
      verdictPath: 'decision',
      rejectValues: ['DENY'],
      reasonPath: null,
      timeoutMs: 5000,
      authHeader: 'Authorization: Bearer bureau-secret',
    };
    await saveCheckSettings(db.kysely, box, portalId, { country: 'MX', http }, { userId: 1, now: new Date() });
    const sms = await db.kysely.selectFrom('portal_settings').select('secrets').where('kind', '=', 'sms').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('portal_settings')
      .set({ secrets: tamperSealed(sms.secrets!) })
      .where('kind', '=', 'sms')
      .execute();
    const check = await db.kysely.selectFrom('check_settings').select('http_auth_enc').executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('check_settings')
      .set({ http_auth_enc: tamperSealed(check.http_auth_enc!) })
      .execute();
  }, 120_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await sp?.close();
  });

  async function openApp(locale: string, lang: string, width: number): Promise<{ page: Page; frame: Frame }> {
    const browser = await launchChromium({ locale });
    browsers.push(browser);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await sp.open(page, lang, '[data-testid="providers"][data-ready="yes"]');
    await frame.waitForSelector('[data-testid="applicant-checks"][data-ready="yes"]');
    return { page, frame };
  }

  for (const c of CASES) {
    it(`${c.locale}, ${c.width} px: the gateway token and the bureau header are marked to be typed again`, async () => {
      const { page, frame } = await openApp(c.locale, c.lang, c.width);
      const sms = frame.locator('.st-provider[data-kind="sms"]');
      const token = sms.locator('label:has(input[name="authToken"]) [role="alert"]');
      expect((await token.textContent())?.trim()).toBe(c.token);
      const header = frame.locator('[data-testid="applicant-checks"] label:has(input[name="check-authHeader"]) [role="alert"]');
      expect((await header.textContent())?.trim()).toBe(c.header);
      await sms.screenshot({ path: `test-results/unreadable-token-${c.lang}-${c.width}.png` });
      await header.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/unreadable-secrets-${c.lang}-${c.width}.png`, fullPage: true });
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.close();
    });
  }
});

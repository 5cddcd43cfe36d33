// The forwarders of the mail section (issue 16 item 4), in a real browser as a portal admin in es-MX
// and ru-RU browser locales, on a desktop and at 390 × 844: the admin types our staff who may forward
// a bank's decision, a slip ("ana.lopez@" or the same address twice) is named beside the list in the
// user's language with everything typed kept and nothing stored; fixed, Save stores them lower-cased
// and a reload shows them one a line. Every check reads what is on screen; screenshots in
// test-results/ (and SHOTS_DIR when set).
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    title: 'Quién puede reenviar la decisión de un banco',
    invalid: '"ana.lopez@" no es una dirección de correo',
    twice: '"jefe.credito@lender.mx" aparece dos veces en la lista',
    hint: 'firmado por su dominio (DKIM/DMARC)',
    saved: 'Guardado',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    title: 'Кто может пересылать решение банка',
    invalid: '«ana.lopez@» — не адрес электронной почты',
    twice: '«jefe.credito@lender.mx» указан дважды',
    hint: 'подписано вашим доменом (DKIM/DMARC)',
    saved: 'Сохранено',
  },
] as const;

const SHOTS = process.env.SHOTS_DIR;

describe('the forwarders on the app page', () => {
  let portal: SettingsPortal;

  beforeAll(async () => {
    portal = await startSettingsPortal();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  async function storedForwarders(): Promise<string[] | undefined> {
    const r = await fetch(`${portal.a.url}/api/v1/settings/mail`, { headers: { authorization: portal.adminBearer() } });
    return ((await r.json()) as { settings: { forwarders: string[] } | null }).settings?.forwarders;
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: a bad or repeated forwarder is named beside the list; fixed, they are saved and shown again`, async () => {
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          let frame = await portal.open(page, c.lang, '[data-testid="mail"][data-ready="yes"]');
          let section = frame.locator('[data-testid="mail"]');
          const input = (name: string) => section.locator(`[name="${name}"]`);
          const shot = async (name: string) => {
            const path = `settings-mail-forwarders-${c.lang}-${size}-${name}.png`;
            await section.screenshot({ path: `test-results/${path}` });
            if (SHOTS) await section.screenshot({ path: `${SHOTS}/${path}` });
          };
          const before = await storedForwarders();
          await input('smtp.host').fill('smtp.lender.mx');
          await input('smtp.fromAddress').fill('credito@lender.mx');
          await input('imap.host').fill('imap.lender.mx');
          await input('imap.user').fill('credito');
          await input('imap.password').fill('imap-Secret-2');
          const fieldset = section.locator('[data-testid="mail-forwarders"]');
          expect(await fieldset.locator('legend').innerText()).toBe(c.title);
          expect(await fieldset.innerText()).toContain(c.hint);

          const list = input('forwarders');
          await list.fill('Ana.Lopez@Lender.mx\nana.lopez@');
          await section.locator('button[type="submit"]').click();
          const alert = fieldset.locator('[role="alert"]');
          await expect.poll(() => alert.textContent()).toBe(c.invalid);
          expect(await list.inputValue()).toBe('Ana.Lopez@Lender.mx\nana.lopez@');
          await shot('invalid');

          await list.fill('Ana.Lopez@Lender.mx\njefe.credito@lender.mx\nJefe.Credito@lender.mx');
          expect(await alert.count()).toBe(0);
          await section.locator('button[type="submit"]').click();
          await expect.poll(() => alert.textContent()).toBe(c.twice);
          expect(await storedForwarders()).toEqual(before);

          await list.fill('Ana.Lopez@Lender.mx\njefe.credito@lender.mx');
          await section.locator('button[type="submit"]').click();
          await section.locator(`[data-testid="mail-saved"]:has-text("${c.saved}")`).waitFor();
          expect(await storedForwarders()).toEqual(['ana.lopez@lender.mx', 'jefe.credito@lender.mx']);

          // Opened again: the list as stored, one a line.
          frame = await portal.open(page, c.lang, '[data-testid="mail"][data-ready="yes"]');
          section = frame.locator('[data-testid="mail"]');
          expect(await input('forwarders').inputValue()).toBe('ana.lopez@lender.mx\njefe.credito@lender.mx');

          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          const box = await input('forwarders').boundingBox();
          expect(box).not.toBeNull();
          if (phone) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
          await input('forwarders').scrollIntoViewIfNeeded();
          await shot('saved');
          await page.close();
        } finally {
          await browser.close();
        }
      }, 120_000);
    }
  }
});

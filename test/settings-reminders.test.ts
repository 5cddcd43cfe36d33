// The reminder section of the app page, in a real browser as a portal admin in es-MX and ru-RU
// browser locales, on a desktop and at 390 × 844: the portal's rules are typed as the admin would
// (MX quiet hours "9" to "23:00" refused beside the hours by CONDUSEF's 22:00, an unknown zone refused
// by the server beside the zone; a RU moved day "31.02.2026" refused naming that day), everything
// typed stays, and the fixed values are stored; a product gets its own rules (a to-do for the
// employee three days before, an SMS the day after), a second rule on the same day refused beside it;
// its SMS picker lists only the reminder texts (no approval or payout-done SMS).
// Every check reads what is on screen; screenshots in /tmp/shots-reminders/.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProduct } from '../server/products/product-repo.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { sampleProduct } from './support/sample-product.js';

const SHOTS = '/tmp/shots-reminders';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    product: 'Préstamo de nómina',
    quietLaw: 'Debe estar entre las 07:00 y las 22:00 y empezar antes de terminar',
    zone: 'Zona horaria desconocida',
    duplicate: 'Otra regla cae el mismo día',
    saved: 'Guardado',
    own: 'Reglas propias',
    todo: 'Tarea en la negociación',
    reminderTitle: 'Recordatorio de pago',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    product: 'Займ до зарплаты',
    badDay: 'Не дата: 31.02.2026. Пишите как 09.01.2026',
    zone: 'Неизвестный часовой пояс',
    duplicate: 'Другое правило приходится на тот же день',
    saved: 'Сохранено',
    own: 'Свои правила',
    todo: 'Дело в сделке',
    reminderTitle: 'Напоминание о платеже',
  },
] as const;

interface Stored {
  settings: { law: string; timeZone: string; offsets: number[]; quietHours: unknown; holidays: string[] | null } | null;
  products: { productId: string; rules: unknown }[];
}

describe('the reminder settings on the app page', () => {
  let portal: SettingsPortal;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  async function stored(): Promise<Stored> {
    const r = await fetch(`${portal.a.url}/api/v1/settings/reminders`, { headers: { authorization: portal.adminBearer() } });
    return (await r.json()) as Stored;
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: the portal's rules and a product's own rules, each refusal beside its field, what was typed kept`, async () => {
        const productId = `pdl-${c.lang}-${size}`;
        await upsertProduct(
          portal.db.kysely,
          portal.portalId,
          sampleProduct(productId, { name: `${c.product} ${size}` }),
          new Date().toISOString(),
        );
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          const frame = await portal.open(page, c.lang, '[data-testid="reminders"][data-ready="yes"]');
          const section = frame.locator('[data-testid="reminders-portal"]');
          const input = (name: string) => section.locator(`[name="${name}"]`);
          const save = async () => {
            await section.locator('button[type="submit"]').click();
          };
          await input('offsets').fill('-3, 0, 1, 7, 30');

          if (c.lang === 'es') {
            await input('law').selectOption('MX');
            await input('timeZone').fill('Marte/Olimpo');
            await input('quietFrom').fill('9');
            await input('quietTo').fill('23:00');
            await save();
            const law = section.locator('[data-testid="quiet-hours"] [role="alert"]');
            await expect.poll(() => law.textContent()).toBe(c.quietLaw);
            expect(await input('quietTo').inputValue()).toBe('23:00');
            await section.screenshot({ path: `${SHOTS}/portal-${c.lang}-${size}-refused.png` });
            await input('quietTo').fill('21:00');
            await save();
            // The zone is the server's to judge: its refusal lands beside the zone.
            const zoneAlert = section.locator('.st-field:has([name="timeZone"]) [role="alert"]');
            await expect.poll(() => zoneAlert.textContent()).toContain(c.zone);
            expect(await input('timeZone').inputValue()).toBe('Marte/Olimpo');
            await input('timeZone').fill('America/Mexico_City');
            await save();
            await section.locator(`[data-testid="reminders-saved"]:has-text("${c.saved}")`).waitFor();
            expect((await stored()).settings).toMatchObject({
              law: 'MX',
              timeZone: 'America/Mexico_City',
              offsets: [-3, 0, 1, 7, 30],
              quietHours: { fromMinute: 540, toMinute: 1260 },
            });
            expect(await input('quietFrom').inputValue()).toBe('09:00');
          } else {
            await input('law').selectOption('RU');
            await input('timeZone').fill('Europe/Moscow');
            const days = input('holidays');
            // The default list is there, in the way Russians write dates.
            await section.locator('button:has-text("Официальный список")').click();
            expect(await days.inputValue()).toContain('09.01.2026');
            await days.fill('09.01.2026\n31.02.2026\n31.12.2026');
            await save();
            const alert = section.locator('[data-testid="holidays"] .st-field [role="alert"]');
            await expect.poll(() => alert.textContent()).toBe(c.badDay);
            expect(await days.inputValue()).toBe('09.01.2026\n31.02.2026\n31.12.2026');
            await section.screenshot({ path: `${SHOTS}/portal-${c.lang}-${size}-refused.png` });
            await days.fill('09.01.2026\n09.03.2026\n31.12.2026');
            await save();
            await section.locator(`[data-testid="reminders-saved"]:has-text("${c.saved}")`).waitFor();
            expect((await stored()).settings).toMatchObject({
              law: 'RU',
              timeZone: 'Europe/Moscow',
              holidays: ['2026-01-09', '2026-03-09', '2026-12-31'],
            });
          }
          await section.screenshot({ path: `${SHOTS}/portal-${c.lang}-${size}.png` });

          // The product's own rules.
          const card = frame.locator(`[data-testid="reminder-product-${productId}"]`);
          await card.scrollIntoViewIfNeeded();
          expect(await card.innerText()).toContain(`${c.product} ${size}`);
          await card.locator(`label:has-text("${c.own}") input`).check();
          const rule = (i: number, what: string) => card.locator(`[name="rule-${i}-${what}"]`);
          // The SMS picker offers only the texts written about an installment, titled in the admin's language.
          const offered = await rule(0, 'sms')
            .locator('option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          expect(offered).toEqual(['', 'overdue-notice', 'payment-reminder', 'payment-reminder-translit']);
          expect(await rule(0, 'sms').locator('option[value="payment-reminder"]').textContent()).toBe(c.reminderTitle);
          // Row 0 starts as "1 day after, overdue notice".
          await card.locator('button:has-text("' + (c.lang === 'es' ? 'Agregar regla' : 'Добавить правило') + '")').click();
          await rule(1, 'when').selectOption('before');
          await rule(1, 'days').fill('3');
          await rule(1, 'sms').selectOption('');
          await rule(1, 'employee').selectOption('todo');
          await card.locator('button:has-text("' + (c.lang === 'es' ? 'Agregar regla' : 'Добавить правило') + '")').click();
          await rule(2, 'days').fill('1');
          await card.locator('button[type="submit"]').click();
          const dup = card.locator('[data-testid="rule-2"] [role="alert"]');
          await expect.poll(() => dup.textContent()).toBe(c.duplicate);
          expect(await rule(1, 'employee').inputValue()).toBe('todo');
          await card.screenshot({ path: `${SHOTS}/product-${c.lang}-${size}-refused.png` });
          await card.locator('[data-testid="rule-2"] button.st-rule__remove').click();
          await card.locator('button[type="submit"]').click();
          await card.locator(`[data-testid="product-rules-saved"]:has-text("${c.saved}")`).waitFor();
          const mine = (await stored()).products.find((p) => p.productId === productId);
          expect(mine?.rules).toEqual([
            { offsetDays: -3, smsTemplate: null, employee: 'todo' },
            { offsetDays: 1, smsTemplate: 'overdue-notice', employee: null },
          ]);
          // Saved rules come back in day order: the to-do three days before is now the first row, and says so.
          expect(await rule(0, 'employee').locator('option:checked').textContent()).toBe(c.todo);

          // The section fits the phone: no sideways scroll, the buttons within its width.
          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          const submit = card.locator('button[type="submit"]');
          const box = await submit.boundingBox();
          expect(box).not.toBeNull();
          if (phone) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
          await card.screenshot({ path: `${SHOTS}/product-${c.lang}-${size}.png` });
          await page.close();
        } finally {
          await browser.close();
        }
      }, 120_000);
    }
  }
});

// The banks directory on the app page, in a real browser in es-MX and ru-RU browser locales, on a
// desktop and at 390 × 844: a portal admin adds a bank — an invalid e-mail is refused beside its input
// in the admin's language with everything typed kept; then two e-mails, a phone, the allowed senders,
// DKIM, a band typed as percentages the admin's way, the bank's own message (an unknown placeholder
// refused beside its text) and two required fields picked from the searchable checklist; saved, reloaded, seen in the list and back in the form. A bank whose stored contacts were
// altered at rest shows the warning that saving replaces them; a bank's language picked without texts is
// saved and shown after reload; a non-admin reads the list only. Every
// check reads what is on screen; screenshots in /tmp/shots-banks/.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankView } from '../wire/documents.js';
import { twoFieldCatalog } from './support/doc-catalog-fixture.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SHOTS = '/tmp/shots-banks';
const READY = '[data-testid="doc-banks"][data-ready="yes"]';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    badEmail: 'No es un correo electrónico: ana@',
    badPlaceholder: 'La aplicación no conoce {{monto}}; use los marcadores de arriba',
    search: 'acreditado',
    bandMax: '110.5',
    count: (n: number) => `${n} elegidos`,
    saved: 'Se guardó el banco',
    policy: 'DKIM, 90–110.5 %',
    unreadable: 'No se pudieron leer los contactos guardados de este banco',
    readOnly: 'Solo un administrador del portal puede cambiar los bancos.',
    bankLang: { value: 'en', shown: 'Inglés' },
    currency: { typed: 'mxn', stored: 'MXN' },
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    badEmail: 'Это не адрес e-mail: ana@',
    badPlaceholder: 'Подстановки {{monto}} нет; используйте перечисленные выше',
    search: 'ФИО',
    bandMax: '110,5',
    count: (n: number) => `Выбрано: ${n}`,
    saved: 'сохранён',
    policy: 'DKIM, 90–110,5 %',
    unreadable: 'Сохранённые контакты этого банка не удалось прочитать',
    readOnly: 'Менять банки может только администратор портала.',
    bankLang: { value: 'es', shown: 'Испанский' },
    currency: { typed: 'rub', stored: 'RUB' },
  },
] as const;

/** A page in Chromium in that browser locale, at 390 × 844 when `phone`. */
async function inBrowser(locale: string, phone: boolean, run: (page: Page) => Promise<void>): Promise<void> {
  const browser: Browser = await launchChromium({ locale });
  try {
    const page = await browser.context.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await run(page);
    await page.close();
  } finally {
    await browser.close();
  }
}

const sideways = (doc: Frame | Page) => doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the banks directory on the app page', () => {
  let portal: SettingsPortal;
  const api = <T>(method: string, path: string, body?: unknown): Promise<T> => portal.adminApi<T>(method, path, body);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    await api('PUT', '/api/v1/documents/catalog/draft', { fields: twoFieldCatalog });
    await api('POST', '/api/v1/documents/catalog/publish');
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: a bad e-mail refused beside its input, then the bank saved with contacts, policy and fields, seen after reload`, async () => {
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          let frame = await portal.open(page, c.lang, READY);
          let section = frame.locator('[data-testid="doc-banks"]');
          const input = (name: string) => section.locator(`[name="bank-${name}"]`);
          const errorOf = (name: string) => section.locator(`.st-field:has([name="bank-${name}"]) [role="alert"]`);
          const name = `Banco ${c.lang} ${size}`;

          await input('add').click();
          await input('name').fill(name);
          await input('emails').fill('credito@banco.mx\nana@');
          await input('phones').fill('+52 55 1234 5678');
          await input('replySenders').fill('@banco.mx');
          await input('band-min').fill('90');
          await input('band-max').fill(c.bandMax);
          await input('message-subject').fill('#{{deal}}: {{client}}');
          await input('message-body').fill('{{bank}}: {{monto}}');
          await input('save').click();
          await expect.poll(() => errorOf('emails').textContent()).toBe(c.badEmail);
          expect(await errorOf('message-body').textContent()).toBe(c.badPlaceholder);
          // Nothing typed was lost, and nothing was stored.
          expect(await input('name').inputValue()).toBe(name);
          expect(await input('band-max').inputValue()).toBe(c.bandMax);
          expect((await api<{ banks: BankView[] }>('GET', '/api/v1/documents/banks')).banks.some((b) => b.name === name)).toBe(false);
          await section.screenshot({ path: `${SHOTS}/banks-${c.lang}-${size}-refused.png` });

          await input('emails').fill('credito@banco.mx, ana.ruiz@banco.mx');
          await input('message-body').fill('{{bank}}: {{amount}}, {{term}}');
          // The deals the bank takes: the Documents tab pre-ticks it only on deals in this currency.
          await input('deal-currencies').fill(c.currency.typed);
          await section.locator('[name="bank-authentication"][value="dkim"]').check();
          await input('field-search').fill(c.search);
          await section.locator('[data-code="borrower.full_name"] input').check();
          await input('field-search').fill('');
          await section.locator('[data-section="Loan"] summary').click();
          await section.locator('[data-code="loan.amount"] input').check();
          expect(await section.locator('[data-testid="bank-required-count"]').textContent()).toBe(c.count(2));
          await section.screenshot({ path: `${SHOTS}/banks-${c.lang}-${size}-form.png` });
          if (phone) expect(await sideways(frame)).toBeLessThanOrEqual(0);
          await input('save').click();
          await section.locator('[data-testid="bank-saved"]').waitFor();
          expect(await section.locator('[data-testid="bank-saved"]').textContent()).toContain(c.saved);

          const stored = (await api<{ banks: BankView[] }>('GET', '/api/v1/documents/banks')).banks.find((b) => b.name === name);
          expect(stored).toMatchObject({
            emails: ['credito@banco.mx', 'ana.ruiz@banco.mx'],
            phones: ['+52 55 1234 5678'],
            replySenders: ['@banco.mx'],
            requiredFields: ['borrower.full_name', 'loan.amount'],
            replyPolicy: { authentication: 'dkim', bandMin: '0.9', bandMax: '1.105' },
            messageTemplate: { lang: c.lang, subject: '#{{deal}}: {{client}}', body: '{{bank}}: {{amount}}, {{term}}' },
            dealCurrencies: [c.currency.stored],
          });

          // Reloaded: the list shows it, and its form opens as it was typed.
          frame = await portal.open(page, c.lang, READY);
          section = frame.locator('[data-testid="doc-banks"]');
          const row = section.locator(`tr[data-bank="${name}"]`);
          const text = await row.innerText();
          expect(text).toContain('credito@banco.mx, ana.ruiz@banco.mx');
          expect(text).toContain('+52 55 1234 5678');
          expect(text).toContain(c.policy);
          await row.locator('[name="bank-edit"]').click();
          expect(await input('emails').inputValue()).toBe('credito@banco.mx\nana.ruiz@banco.mx');
          expect(await input('band-min').inputValue()).toBe('90');
          expect(await input('message-body').inputValue()).toBe('{{bank}}: {{amount}}, {{term}}');
          expect(await input('band-max').inputValue()).toBe(c.bandMax);
          expect(await input('deal-currencies').inputValue()).toBe(c.currency.stored);
          expect(await section.locator('[name="bank-authentication"][value="dkim"]').isChecked()).toBe(true);
          expect(await section.locator('[data-testid="bank-required-count"]').textContent()).toBe(c.count(2));
          await section.screenshot({ path: `${SHOTS}/banks-${c.lang}-${size}-reloaded.png` });
          if (phone) expect(await sideways(frame)).toBeLessThanOrEqual(0);
          await page.close();
        } finally {
          await browser.close();
        }
      }, 120_000);
    }

    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      // The user trial: a bank's language picked without typing any texts was not saved, and the bank
      // was then written to in the sender's language. Now the language alone is saved (its default message).
      it(`${c.locale} ${size}: the bank's language picked without texts is saved and shows after reload`, async () => {
        const name = `Lengua ${c.lang} ${size}`;
        await api('POST', '/api/v1/documents/banks', { name, emails: ['x@lengua.mx'], replySenders: [], phones: [], requiredFields: [] });
        await inBrowser(c.locale, phone, async (page) => {
          let frame = await portal.open(page, c.lang, READY);
          let section = frame.locator('[data-testid="doc-banks"]');
          const langSelect = () => section.locator('[name="bank-message-lang"]');
          const shownLang = () => langSelect().evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
          await section.locator(`tr[data-bank="${name}"] [name="bank-edit"]`).click();
          await langSelect().selectOption(c.bankLang.value);
          expect(await section.locator('[name="bank-message-subject"]').inputValue()).toBe('');
          await section.locator('[name="bank-save"]').click();
          await section.locator('[data-testid="bank-saved"]').waitFor();
          const stored = (await api<{ banks: BankView[] }>('GET', '/api/v1/documents/banks')).banks.find((b) => b.name === name);
          expect(stored?.messageTemplate).toEqual({ lang: c.bankLang.value });

          frame = await portal.open(page, c.lang, READY);
          section = frame.locator('[data-testid="doc-banks"]');
          await section.locator(`tr[data-bank="${name}"] [name="bank-edit"]`).click();
          expect(await shownLang()).toBe(c.bankLang.shown);
          await section.locator('[data-testid="bank-message"]').screenshot({ path: `${SHOTS}/banks-${c.lang}-${size}-lang-reloaded.png` });
          if (phone) expect(await sideways(frame)).toBeLessThanOrEqual(0);
        });
      }, 120_000);
    }

    it(`${c.locale}: contacts unreadable at rest are a warning that saving replaces them; a non-admin only reads the list`, async () => {
      const { bank } = await api<{ bank: BankView }>('POST', '/api/v1/documents/banks', {
        name: `Altered ${c.lang}`,
        emails: ['x@altered.mx'],
        replySenders: [],
        phones: [],
        requiredFields: [],
      });
      await portal.db.kysely
        .updateTable('document_banks')
        .set({ contacts_enc: 'v1.tampered' })
        .where('portal_id', '=', portal.portalId)
        .where('id', '=', bank.id)
        .execute();
      const browser: Browser = await launchChromium({ locale: c.locale });
      try {
        const page = await browser.context.newPage();
        const frame = await portal.open(page, c.lang, READY);
        const section = frame.locator('[data-testid="doc-banks"]');
        await section.locator(`tr[data-bank="Altered ${c.lang}"] [name="bank-edit"]`).click();
        expect(await section.locator('[data-testid="bank-unreadable"]').textContent()).toContain(c.unreadable);
        await section.screenshot({ path: `${SHOTS}/banks-${c.lang}-unreadable.png` });

        const other = await browser.context.newPage();
        const readOnly = await portal.open(other, c.lang, READY, 2);
        const list = readOnly.locator('[data-testid="doc-banks"]');
        expect(await list.locator('[data-testid="banks-read-only"]').textContent()).toBe(c.readOnly);
        expect(await list.locator(`tr[data-bank="Altered ${c.lang}"]`).count()).toBe(1);
        expect(await list.locator('[name="bank-add"], [name="bank-edit"]').count()).toBe(0);
        await list.screenshot({ path: `${SHOTS}/banks-${c.lang}-read-only.png` });
      } finally {
        await browser.close();
      }
    }, 120_000);
  }
});

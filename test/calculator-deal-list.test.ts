// Issue 11 deliver 6: the calculator from the deal list as a credit manager meets it, in es-MX and
// ru-RU, on a desktop and on a 390×844 phone. Through the emulator's portal page and the real
// platform: choose a currency and see the rate named CAT / ПСК, type the amount the local way,
// find or create the client, create the deal — it lands in the lender's pipeline (the list row's),
// linked to the client, titled in the user's language and locale, and opens in the portal's slider.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStages } from '../emulator/crm/stages.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

const LENDER_PIPELINE = 7;
const ENTITY_DEAL = 2;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

interface Case {
  locale: 'es-MX' | 'ru-RU';
  lang: 'es' | 'ru';
  viewport: { width: number; height: number };
  /** The portal's base currency and the one the manager switches to. */
  base: string;
  other: string;
  /** Rate names expected before and after the switch. */
  rateBefore: string;
  rateAfter: string;
  amountTyped: string;
  menuTitle: string;
  titleExpected: string;
  pipelineLabel: string;
}

const CASES: Case[] = [
  {
    locale: 'es-MX',
    lang: 'es',
    viewport: { width: 1280, height: 900 },
    base: 'USD',
    other: 'MXN',
    rateBefore: 'Tasa efectiva anual',
    rateAfter: 'Costo Anual Total (CAT)',
    amountTyped: '15,000.50',
    menuTitle: 'Calculadora de préstamos',
    titleExpected: 'Préstamo $15,000.50 · Ana López',
    pipelineLabel: 'Embudo',
  },
  {
    locale: 'es-MX',
    lang: 'es',
    viewport: { width: 390, height: 844 },
    base: 'MXN',
    other: 'USD',
    rateBefore: 'Costo Anual Total (CAT)',
    rateAfter: 'Tasa efectiva anual',
    amountTyped: '15,000.50',
    menuTitle: 'Calculadora de préstamos',
    titleExpected: 'Préstamo USD 15,000.50 · Ana López',
    pipelineLabel: 'Embudo',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    viewport: { width: 1280, height: 900 },
    base: 'USD',
    other: 'RUB',
    rateBefore: 'Эффективная годовая ставка',
    rateAfter: 'Полная стоимость кредита (ПСК)',
    amountTyped: '15 000,50',
    menuTitle: 'Кредитный калькулятор',
    titleExpected: 'Заём 15 000,50 ₽ · Иван Петров',
    pipelineLabel: 'Воронка',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    viewport: { width: 390, height: 844 },
    base: 'RUB',
    other: 'USD',
    rateBefore: 'Полная стоимость кредита (ПСК)',
    rateAfter: 'Эффективная годовая ставка',
    amountTyped: '15 000,50',
    menuTitle: 'Кредитный калькулятор',
    titleExpected: 'Заём 15 000,50 $ · Иван Петров',
    pipelineLabel: 'Воронка',
  },
];

describe('calculator from the deal list', () => {
  let p: Platform;
  let rowDealId: number;
  let anaId: number;

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    mkdirSync('test-results', { recursive: true });
    p = await startPlatform();
    await p.install();
    // The lender works in its own pipeline; the deal list row the calculator is opened from is in it.
    p.em.state.categories.push({ id: LENDER_PIPELINE, entityTypeId: ENTITY_DEAL, name: 'Préstamos / Займы', sort: 200, isDefault: false });
    addStages(p.em.core, ENTITY_DEAL, LENDER_PIPELINE, [
      ['NEW', 'Solicitud', 'process', '#2FC6F6'],
      ['WON', 'Pagado', 'success', '#7BD500'],
      ['LOSE', 'Rechazado', 'failure', '#FF5752'],
    ]);
    p.em.state.portal.currencies = ['USD', 'MXN', 'RUB'];
    rowDealId = Number(
      await p.portalCall('crm.deal.add', {
        fields: { TITLE: 'Row deal', OPPORTUNITY: '1000', CURRENCY_ID: 'USD', CATEGORY_ID: LENDER_PIPELINE },
      }),
    );
    anaId = Number(
      await p.portalCall('crm.contact.add', {
        fields: { NAME: 'Ana', LAST_NAME: 'López', PHONE: [{ VALUE: '+525512345678', VALUE_TYPE: 'MOBILE' }] },
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await p?.close();
  });

  async function openCalculator(page: Page, c: Case): Promise<Frame> {
    await page.goto(`${p.em.url}/crm/deal/list/?lang=${c.lang}`);
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${p.a.url}/placements/calculator`) });
    await page.locator(`tr:has(td:text-is("${rowDealId}")) button[data-open-frame]:has-text("${c.menuTitle}")`).click();
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return frame;
  }

  async function rateLabel(frame: Frame, expected: string): Promise<void> {
    await frame.waitForSelector(`.lt-summary .lt-kpi__label:text-is("${expected}")`);
    await expect.poll(async () => plain(await frame.textContent('[data-testid=effective-rate]'))).toMatch(/\d %$/);
  }

  for (const c of CASES) {
    it(`${c.locale} ${c.viewport.width}×${c.viewport.height}: currency, ${c.rateAfter}, local amount, client, deal in the lender's pipeline`, async () => {
      p.em.state.portal.baseCurrency = c.base;
      const browser: Browser = await launchChromium({ locale: c.locale });
      try {
        const page = await browser.context.newPage();
        await page.setViewportSize(c.viewport);
        const frame = await openCalculator(page, c);
        const shot = `test-results/calculator-${c.locale}-${c.viewport.width}`;

        // The portal's base currency first, the others the portal and products allow after it.
        expect(await frame.inputValue('select[name=currency]')).toBe(c.base);
        expect(await frame.locator('select[name=currency] option').allTextContents()).toEqual([
          c.base,
          ...['USD', 'MXN', 'RUB'].filter((x) => x !== c.base),
        ]);
        await frame.fill('input[name=amount]', c.amountTyped);
        await rateLabel(frame, c.rateBefore);
        await frame.selectOption('select[name=currency]', c.other);
        await rateLabel(frame, c.rateAfter);
        // What was typed survives the currency change, read the local way.
        expect(await frame.inputValue('input[name=amount]')).toBe(c.amountTyped);
        // The pipeline of the list the calculator was opened from.
        expect(await frame.inputValue('select[name=pipeline]')).toBe(String(LENDER_PIPELINE));

        // No client yet: the button waits and says why, in the user's language; nothing is created.
        expect(await frame.isDisabled('main > header button.lt-button')).toBe(true);
        await frame.waitForSelector('[data-testid=create-blocked]');

        let contactId: number;
        if (c.lang === 'es') {
          await frame.fill('input[name=clientSearch]', '+52 55 1234 5678');
          await frame.click('[data-testid=client-picker] button[type=submit]');
          await frame.click('[data-testid=client-hits] button:has-text("Ana López")');
          await frame.waitForSelector('[data-testid=client-chosen]:has-text("Ana López")');
          contactId = anaId;
        } else {
          await frame.fill('input[name=clientSearch]', 'Петров-Нет');
          await frame.click('[data-testid=client-picker] button[type=submit]');
          await frame.waitForSelector('text=Клиент не найден');
          await frame.fill('input[name=clientFirstName]', 'Иван');
          await frame.fill('input[name=clientLastName]', 'Петров');
          await frame.fill('input[name=clientPhone]', '+79161234567');
          contactId = 0;
        }
        // Nothing of the calculator's set-up sticks out of a phone's frame.
        const overflow = await frame.evaluate(() => {
          const el = document.querySelector('[data-testid=calculator-setup]');
          return el ? el.getBoundingClientRect().right - document.documentElement.clientWidth : 0;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await frame.locator('[data-testid=create-blocked]').count()).toBe(0);
        await page.screenshot({ path: `${shot}-filled.png`, fullPage: true });

        await frame.click('main > header button.lt-button');
        const note = await frame.waitForSelector('[data-testid=deal-created]');
        expect(await note.getAttribute('data-loan-saved')).toBe('yes');
        const newId = Number(await note.getAttribute('data-deal-id'));
        const deal = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: newId });
        expect(deal.CATEGORY_ID).toBe(String(LENDER_PIPELINE));
        expect(deal.CURRENCY_ID).toBe(c.other);
        expect(Number(deal.OPPORTUNITY)).toBe(15000.5);
        expect(plain(String(deal.TITLE))).toBe(c.titleExpected);
        if (contactId === 0) {
          const made = await p.portalCall<Array<{ ID: string }>>('crm.contact.list', { filter: { PHONE: '+79161234567' }, select: ['ID'] });
          expect(made.length).toBeGreaterThan(0);
          contactId = Number(made.at(-1)?.ID);
        }
        expect(Number(deal.CONTACT_ID)).toBe(contactId);

        // The new deal opens in the portal's own slider, in the user's language.
        await frame.click(`[data-testid=deal-created] ~ button`);
        const slider = page.locator(`.portal-slider[data-open-path="/crm/deal/details/${newId}/"]`);
        await slider.waitFor();
        const card = page.frameLocator(`.portal-slider[data-open-path="/crm/deal/details/${newId}/"] iframe`);
        await card.locator('h1').waitFor();
        expect(plain(await card.locator('h1').textContent())).toBe(c.titleExpected);
        expect(await card.locator('html').getAttribute('lang')).toBe(c.lang);
        expect(await card.locator('th:has-text("' + c.pipelineLabel + '")').count()).toBe(1);
        expect(await card.locator('[data-field=pipeline]').textContent()).toBe('Préstamos / Займы');
        expect(plain(await card.locator('[data-field=contact]').textContent())).toBe(c.lang === 'es' ? 'Ana López' : 'Иван Петров');
        await page.screenshot({ path: `${shot}-deal.png`, fullPage: true });
        await page.close();
      } finally {
        await browser.close();
      }
    }, 120_000);
  }
});

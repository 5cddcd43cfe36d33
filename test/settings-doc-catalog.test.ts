// The documents' field catalog on the app page, in a real browser as a portal admin in es-MX and
// ru-RU browser locales, on a desktop and at 390 × 844: the published version and its fields by
// section; a new field typed with a bad code, a code already used and a missing label — each refused
// beside its input in the admin's language, nothing typed lost; then stored with its minimum typed the
// way the admin writes numbers; a label changed; Publish makes a new version and says what it added
// and renamed; the new field is in the published version. Its source is chosen, not typed: a loan figure
// from a list named in the admin's language, a company's field by its code (UF_CRM_… too). Every check
// reads what is on screen; screenshots in /tmp/shots-docsadmin/ and (the source) /tmp/shots-company/.
import { mkdirSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogField } from '../wire/document-catalog.js';
import { twoFieldCatalog } from './support/doc-catalog-fixture.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SHOTS = '/tmp/shots-docsadmin';
const SOURCE_SHOTS = '/tmp/shots-company';
const LIST_SHOTS = '/tmp/shots-catlist';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    seededLabel: 'Nombre del acreditado',
    published: 'Publicado: versión',
    badCode: 'Palabras en minúsculas unidas por puntos, como borrower.first_name',
    duplicate: 'Otro campo ya tiene este código',
    required: 'Obligatorio',
    min: '15,000.50',
    label: 'Ingreso mensual',
    added: 'Agregados',
    renamed: 'Renombrados',
    publishedVersion: 'Se publicó la versión',
    loan: 'Crédito',
    principal: 'Monto (capital)',
    cat: 'Costo Anual Total (CAT)',
    company: 'Empresa',
    listType: 'Lista (filas de tabla)',
    moneyType: 'Importe',
    employment: 'Empleo e ingresos',
    needsRows: 'Una lista necesita sus campos por fila',
    twoRows: '2 campos por fila',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    seededLabel: 'ФИО заёмщика',
    published: 'Опубликовано: версия',
    badCode: 'Слова латиницей в нижнем регистре через точку, например borrower.first_name',
    duplicate: 'Этот код уже есть у другого поля',
    required: 'Обязательное поле',
    min: '15 000,50',
    label: 'Ежемесячный доход',
    added: 'Добавлены',
    renamed: 'Переименованы',
    publishedVersion: 'Опубликована версия',
    loan: 'Заём',
    principal: 'Сумма (основной долг)',
    cat: 'Совокупная годовая стоимость (CAT)',
    company: 'Компания',
    listType: 'Список (строки таблицы)',
    moneyType: 'Сумма',
    employment: 'Работа и доход',
    needsRows: 'Списку нужны поля строки',
    twoRows: 'полей в строке: 2',
  },
] as const;

describe('the document field catalog on the app page', () => {
  let portal: SettingsPortal;

  const api = <T>(method: string, path: string, body?: unknown): Promise<T> => portal.adminApi<T>(method, path, body);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(SOURCE_SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    await api('PUT', '/api/v1/documents/catalog/draft', { fields: twoFieldCatalog });
    await api('POST', '/api/v1/documents/catalog/publish');
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** The catalog section on the app page, as an admin in the case's browser locale, on a desktop or a phone. */
  async function withCatalog(
    c: (typeof cases)[number],
    phone: boolean,
    body: (page: Page, frame: Frame, section: Locator) => Promise<void>,
  ): Promise<void> {
    const browser: Browser = await launchChromium({ locale: c.locale });
    try {
      const page = await browser.context.newPage();
      if (phone) await page.setViewportSize({ width: 390, height: 844 });
      const frame = await portal.open(page, c.lang, '[data-testid="doc-catalog"][data-ready="yes"]');
      await body(page, frame, frame.locator('[data-testid="doc-catalog"]'));
      await page.close();
    } finally {
      await browser.close();
    }
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: a new field refused beside its inputs, then stored, renamed one, published with what it changed`, async () => {
        await withCatalog(c, phone, async (page, frame, section) => {
          const input = (name: string) => section.locator(`[name="catalog-${name}"]`);
          const errorOf = (name: string) => section.locator(`.st-field:has([name="catalog-${name}"]) [role="alert"]`);
          const before = (await api<{ versions: { version: number }[] }>('GET', '/api/v1/documents/catalog/versions')).versions.length;

          expect(await section.locator('[data-testid="catalog-status"]').innerText()).toContain(`${c.published} ${before}`);
          expect(await section.locator('[data-section="Borrower"] tr[data-code="borrower.full_name"]').innerText()).toContain(
            c.seededLabel,
          );
          await section.screenshot({ path: `${SHOTS}/catalog-${c.lang}-${size}-published.png` });

          const code = `income.monthly_${c.lang}_${size}`;
          await section.locator('[name="catalog-add"]').click();
          await input('code').fill('Income Monthly');
          // A usual section code: its heading reads in the admin's language, the code beside it.
          await input('section').fill('employment');
          await input('ru').fill('Ежемесячный доход');
          await input('en').fill('Monthly income');
          await input('type').selectOption('money');
          await input('min').fill(c.min);
          await section.locator('[name="catalog-save"]').click();
          await expect.poll(() => errorOf('code').textContent()).toBe(c.badCode);
          expect(await errorOf('es').textContent()).toBe(c.required);
          await section.screenshot({ path: `${SHOTS}/catalog-${c.lang}-${size}-refused.png` });

          await input('code').fill('borrower.full_name');
          await section.locator('[name="catalog-save"]').click();
          await expect.poll(() => errorOf('code').textContent()).toBe(c.duplicate);
          // Nothing typed was lost.
          expect(await input('min').inputValue()).toBe(c.min);
          expect(await input('en').inputValue()).toBe('Monthly income');

          // The source is chosen: a loan figure from a list in the admin's language, no code to type…
          await input('sourceKind').selectOption({ label: c.loan });
          expect(await input('sourceField').count()).toBe(0);
          const figures = await input('sourceFigure').locator('option:not([disabled])').allInnerTexts();
          expect(figures).toHaveLength(10);
          expect(figures).toContain(c.cat);
          await input('sourceFigure').selectOption({ label: c.principal });
          expect(await input('sourceFigure').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(c.principal);
          await section.locator('[data-testid="catalog-form"]').screenshot({ path: `${SOURCE_SHOTS}/source-${c.lang}-${size}-loan.png` });
          // …and a company field typed as its code; the figure does not carry over as a code.
          await input('sourceKind').selectOption({ label: c.company });
          expect(await input('sourceField').inputValue()).toBe('');
          await input('sourceField').fill('UF_CRM_MONTHLY_INCOME');

          await input('code').fill(code);
          await input('es').fill('Ingreso mensual');
          await section.locator('[name="catalog-save"]').click();
          const row = section.locator(`[data-section="employment"] tr[data-code="${code}"]`);
          await row.waitFor();
          expect(await section.locator('[data-section="employment"] h3').innerText()).toBe(`${c.employment} employment`);
          expect(await section.locator('[data-section="Borrower"] h3').innerText()).toBe('Borrower');
          expect(await row.innerText()).toContain(c.label);
          expect(await row.innerText()).toContain(`${c.company}: UF_CRM_MONTHLY_INCOME`);
          await section.screenshot({ path: `${SOURCE_SHOTS}/source-${c.lang}-${size}-row.png` });
          const draft = await api<{ fields: CatalogField[] }>('GET', '/api/v1/documents/catalog/draft');
          const stored = draft.fields.find((f) => f.code === code);
          expect(stored?.validation).toEqual({ min: '15000.5' });
          expect(stored?.source).toEqual({ kind: 'company', field: 'UF_CRM_MONTHLY_INCOME' });

          // Rename a published field in the admin's own language.
          await section.locator('tr[data-code="borrower.full_name"] [name="catalog-edit"]').click();
          const renamed = `${c.seededLabel} (${size})`;
          await input(c.lang).fill(renamed);
          await section.locator('[name="catalog-save"]').click();
          await section.locator('[data-testid="catalog-form"]').waitFor({ state: 'detached' });

          // Before Publish the screen says what it will do; after it, nothing is pending.
          const pending = section.locator('[data-testid="catalog-pending"]');
          expect(await pending.locator('[data-change="added"]').innerText()).toBe(`${c.added}: ${code} (${c.label})`);
          expect(await pending.locator('[data-change="relabelled"]').innerText()).toBe(`${c.renamed}: borrower.full_name (${renamed})`);
          await section.screenshot({ path: `${SHOTS}/catalog-${c.lang}-${size}-pending.png` });
          await section.locator('[name="catalog-publish"]').click();
          const result = section.locator('[data-testid="catalog-published"]');
          await result.waitFor();
          expect(await result.innerText()).toContain(`${c.publishedVersion} ${before + 1}.`);
          // Named with their labels in the published version, as soon as it has loaded.
          await expect.poll(() => result.locator('[data-change="added"]').innerText()).toBe(`${c.added}: ${code} (${c.label})`);
          await expect
            .poll(() => result.locator('[data-change="relabelled"]').innerText())
            .toBe(`${c.renamed}: borrower.full_name (${renamed})`);
          await expect.poll(() => section.locator('[data-testid="catalog-status"]').innerText()).toContain(`${c.published} ${before + 1}`);
          await expect.poll(() => pending.count()).toBe(0);
          const latest = await api<{ fields: CatalogField[] }>('GET', `/api/v1/documents/catalog/versions/${before + 1}`);
          expect(latest.fields.map((f) => f.code)).toContain(code);

          // The section fits the phone: no sideways scroll, Publish within its width.
          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          const publish = section.locator('[name="catalog-publish"]');
          await publish.scrollIntoViewIfNeeded();
          const box = await publish.boundingBox();
          if (phone) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
          await section.screenshot({ path: `${SHOTS}/catalog-${c.lang}-${size}-after-publish.png` });
        });
      }, 120_000);
    }
  }

  // A list (co-borrowers) with its row fields typed inline: a bad row code refused beside that row's
  // input with what was typed kept, then stored and published; screenshots in /tmp/shots-catlist/.
  for (const [c, phone] of [
    [cases[0], false],
    [cases[1], true],
  ] as const) {
    const size = phone ? '390' : 'desktop';
    it(`${c.locale} ${size}: a list field with two row fields added inline, published`, async () => {
      mkdirSync(LIST_SHOTS, { recursive: true });
      await withCatalog(c, phone, async (_page, frame, section) => {
        const input = (name: string) => section.locator(`[name="catalog-${name}"]`);
        const row = (i: number) => section.locator(`[data-testid="catalog-rows"] [data-row="${i}"]`);
        const rowInput = (i: number, name: string) => row(i).locator(`[name="catalog-row-${name}"]`);
        const rowError = (i: number, name: string) => row(i).locator(`.st-field:has([name="catalog-row-${name}"]) [role="alert"]`);
        const before = (await api<{ versions: { version: number }[] }>('GET', '/api/v1/documents/catalog/versions')).versions.length;

        const code = `coborrowers_${c.lang}_${size}`;
        await section.locator('[name="catalog-add"]').click();
        await input('code').fill(code);
        await input('section').fill('Borrower');
        await input('ru').fill('Созаёмщики');
        await input('en').fill('Co-borrowers');
        await input('es').fill('Coacreditados');
        await input('type').selectOption({ label: c.listType });
        // A list with no rows is refused beside the type.
        await section.locator('[name="catalog-save"]').click();
        await expect.poll(() => section.locator('.st-field:has([name="catalog-type"]) [role="alert"]').textContent()).toBe(c.needsRows);

        await section.locator('[name="catalog-row-add"]').click();
        await section.locator('[name="catalog-row-add"]').click();
        await rowInput(0, 'code').fill('Full Name');
        await rowInput(0, 'ru').fill('ФИО');
        await rowInput(0, 'en').fill('Full name');
        await rowInput(0, 'es').fill('Nombre completo');
        await rowInput(0, 'required').check();
        await rowInput(1, 'code').fill('income');
        await rowInput(1, 'ru').fill('Доход');
        await rowInput(1, 'en').fill('Income');
        await rowInput(1, 'type').selectOption({ label: c.moneyType });
        await section.locator('[name="catalog-save"]').click();
        await expect.poll(() => rowError(0, 'code').textContent()).toBe(c.badCode);
        expect(await rowError(1, 'es').textContent()).toBe(c.required);
        // Nothing typed was lost.
        expect(await rowInput(0, 'es').inputValue()).toBe('Nombre completo');
        expect(await rowInput(1, 'type').inputValue()).toBe('money');
        await section.locator('[data-testid="catalog-form"]').screenshot({ path: `${LIST_SHOTS}/list-${c.lang}-${size}-refused.png` });

        await rowInput(0, 'code').fill('full_name');
        await rowInput(1, 'es').fill('Ingreso');
        await section.locator('[name="catalog-save"]').click();
        const listed = section.locator(`tr[data-code="${code}"]`);
        await listed.waitFor();
        expect(await listed.innerText()).toContain(c.twoRows);

        await section.locator('[name="catalog-publish"]').click();
        const result = section.locator('[data-testid="catalog-published"]');
        await result.waitFor();
        expect(await result.innerText()).toContain(`${c.publishedVersion} ${before + 1}.`);
        await expect.poll(() => section.locator('[data-testid="catalog-status"]').innerText()).toContain(`${c.published} ${before + 1}`);
        const latest = await api<{ fields: CatalogField[] }>('GET', `/api/v1/documents/catalog/versions/${before + 1}`);
        expect(latest.fields.find((f) => f.code === code)?.item).toEqual([
          { code: 'full_name', label: { ru: 'ФИО', en: 'Full name', es: 'Nombre completo' }, type: 'text', section: '', required: true },
          { code: 'income', label: { ru: 'Доход', en: 'Income', es: 'Ingreso' }, type: 'money', section: '' },
        ]);

        // Opened again from the published catalog, the rows read back into their inputs.
        await listed.locator('[name="catalog-edit"]').click();
        expect(await rowInput(1, 'code').inputValue()).toBe('income');
        expect(await rowInput(0, 'required').isChecked()).toBe(true);
        expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
          0,
        );
        await section.locator('[data-testid="catalog-form"]').screenshot({ path: `${LIST_SHOTS}/list-${c.lang}-${size}-published.png` });
        await section.locator('[name="catalog-cancel"]').click();
      });
    }, 120_000);
  }
});

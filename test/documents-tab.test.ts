// The Documents tab as a credit manager meets it, in Chromium with es-MX and ru-RU browser locales, on
// a desktop and on a 390×844 phone, opened from the emulator's deal card (placement POST verified,
// deal read with the user's token): the application opens pinned to the published catalog, amounts
// typed the way people write them ("15,000.50", "15 000,50") are stored exactly, one bank's override
// shows as overridden while the other fields say "from base", the per-bank completeness the server
// counts goes down as fields are filled, "reset to base" undoes the override, and a wrong value gets
// the server's message in the user's language next to the field, keeping what was typed.
// Screenshots go to $DOCUMENTS_TAB_SHOTS (default a temp dir).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBank, DOCUMENTS_TAB_SHOTS as SHOTS, openDocumentsTab, useDocumentsTabRig } from './support/documents-tab-rig.js';

interface Case {
  locale: 'es-MX' | 'ru-RU';
  lang: 'es' | 'ru';
  currency: string;
  income: { typed: string; stored: string; shown: string };
  term: string;
  birth: string;
  override: string;
  /** The completeness chips before anything is filled, and after income and term. */
  before: [string, string];
  after: [string, string];
  overridden: string;
  inherited: string;
  reset: string;
  wrong: { typed: string; message: string };
  /** A day that does not exist, typed the user's way: the message shows a date written the same way. */
  noSuchDay: { typed: string; message: string };
}

const CASES: Case[] = [
  {
    locale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    income: { typed: '15,000.50', stored: '15000.50', shown: '15,000.50' },
    term: '12',
    birth: '14/03/1985',
    override: '18',
    before: ['Banco Azteca Demo: faltan 4 campos', 'Banco Norte Demo: faltan 3 campos'],
    after: ['Banco Azteca Demo: falta 1 campo', 'Banco Norte Demo: falta 1 campo'],
    overridden: 'sobrescrito',
    inherited: 'de la base',
    reset: 'Volver a la base',
    wrong: { typed: 'doce', message: 'El campo «Plazo, meses» debe ser: un número.' },
    noSuchDay: { typed: '31/02/1985', message: 'El campo «Fecha de nacimiento» debe ser: una fecha que exista, p. ej. 31/12/1985.' },
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    income: { typed: '15 000,50', stored: '15000.50', shown: '15 000,50' },
    term: '12',
    birth: '14.03.1985',
    override: '18',
    before: ['Banco Azteca Demo: не заполнено 4 поля', 'Banco Norte Demo: не заполнено 3 поля'],
    after: ['Banco Azteca Demo: не заполнено 1 поле', 'Banco Norte Demo: не заполнено 1 поле'],
    overridden: 'переопределено',
    inherited: 'из базовых',
    reset: 'Вернуть базовое',
    wrong: { typed: 'двенадцать', message: 'Поле «Срок, месяцев» должно быть: число.' },
    noSuchDay: { typed: '31.02.1985', message: 'Поле «Дата рождения» должно быть: существующая дата, например 31.12.1985.' },
  },
];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('documents tab in es-MX and ru-RU', () => {
  const bankIds: string[] = [];

  // What an administrator did in the app settings: the demo's catalog, published (the rig), and two
  // banks needing different fields.
  const rig = useDocumentsTabRig();
  const { api } = rig;

  beforeAll(async () => {
    for (const [name, requiredFields] of [
      ['Banco Azteca Demo', ['borrower.full_name', 'borrower.monthly_income', 'loan.term_months', 'borrower.birth_date']],
      ['Banco Norte Demo', ['borrower.monthly_income', 'loan.term_months', 'loan.purpose']],
    ] as const) {
      bankIds.push(await addBank(rig, { name, emails: ['credito@banco.example'], replySenders: ['@banco.example'], requiredFields }));
    }
  }, 180_000);

  const openTab = (c: Case, vp: (typeof VIEWPORTS)[number], dealId: number) =>
    openDocumentsTab(rig.browser, rig.p, { locale: c.locale, lang: c.lang, width: vp.width, height: vp.height, dealId });

  const text = (s: string) => s.replace(/\u00a0|\u202f/g, ' ').trim();

  for (const c of CASES) {
    for (const vp of VIEWPORTS) {
      it(`${c.locale} ${vp.name}: base values typed as people write them, one bank overridden, completeness per bank, errors beside the field`, async () => {
        const dealId = Number(
          await rig.p.portalCall('crm.deal.add', {
            fields: { TITLE: `Solicitud ${c.lang}`, OPPORTUNITY: '150000', CURRENCY_ID: c.currency },
          }),
        );
        const { page, frame } = await openTab(c, vp, dealId);
        const chips = async () => (await frame.locator('.dt-chip').allInnerTexts()).map(text);
        const field = (code: string) => frame.locator(`.dt-field[data-code="${code}"]`);
        const input = (code: string) => field(code).locator('input').first();
        // The tab's name in the deal card is in the portal's language.
        expect(await page.locator('.portal-tab', { hasText: c.lang === 'es' ? 'Documentos' : 'Документы' }).count()).toBe(1);
        expect(await chips()).toEqual(c.before);
        // СНИЛС is a Russian deal's field (the catalog's dealCurrencies): a peso deal does not list it empty.
        expect(await field('borrower.snils').count()).toBe(c.currency === 'RUB' ? 1 : 0);

        // Base values: an amount as the user's language writes it, a term; Tab leaves the field and saves it.
        await input('borrower.monthly_income').fill(c.income.typed);
        await input('borrower.monthly_income').press('Tab');
        await expect.poll(chips).not.toEqual(c.before);
        await input('loan.term_months').fill(c.term);
        await input('loan.term_months').press('Tab');
        await input('borrower.birth_date').fill(c.birth);
        await input('borrower.birth_date').press('Tab');
        await expect.poll(chips).toEqual(c.after);
        expect(await input('borrower.birth_date').inputValue()).toBe(c.birth);
        expect(text(await input('borrower.monthly_income').inputValue())).toBe(c.income.shown);
        const stored = (await api('GET', `/api/v1/deals/${dealId}/documents/values`, { dealId })) as { base: Record<string, unknown> };
        expect(stored.base['borrower.monthly_income']).toEqual({ amount: c.income.stored, currency: c.currency });
        expect(stored.base['loan.term_months']).toBe('12');
        expect(stored.base['borrower.birth_date']).toBe('1985-03-14');

        // A wrong value: the server's message in the user's language, under that field; the text stays;
        // the right value typed over it clears the message.
        const refusedThenFixed = async (code: string, wrong: { typed: string; message: string }, right: string, shot?: string) => {
          await input(code).fill(wrong.typed);
          await input(code).press('Tab');
          await expect
            .poll(() =>
              field(code)
                .locator('.dt-field__error')
                .innerText()
                .catch(() => ''),
            )
            .toBe(wrong.message);
          expect(await input(code).inputValue()).toBe(wrong.typed);
          if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
          await input(code).fill(right);
          await input(code).press('Tab');
          await expect.poll(() => field(code).locator('.dt-field__error').count()).toBe(0);
        };
        await refusedThenFixed('loan.term_months', c.wrong, c.term, `${c.locale}-${vp.name}-error.png`);
        // A day that does not exist: the message's example is a date as the user writes it, not ISO.
        await refusedThenFixed('borrower.birth_date', c.noSuchDay, c.birth, `${c.locale}-${vp.name}-no-such-day.png`);

        // Bank Norte: every value inherited; overriding the term marks it, only for that bank.
        await frame.locator('.dt-scope__tab', { hasText: 'Banco Norte Demo' }).click();
        expect(text(await field('loan.term_months').locator('.dt-badge').innerText())).toBe(c.inherited);
        await input('loan.term_months').fill(c.override);
        await input('loan.term_months').press('Tab');
        await expect.poll(async () => text(await field('loan.term_months').locator('.dt-badge').innerText())).toBe(c.overridden);
        expect(text(await field('borrower.monthly_income').locator('.dt-badge').innerText())).toBe(c.inherited);
        // The purpose Norte needs: chosen for this bank only, its completeness reaches zero.
        await field('loan.purpose').locator('select').selectOption({ index: 1 });
        await expect
          .poll(async () => (await chips())[1])
          .toBe(c.lang === 'es' ? 'Banco Norte Demo: completo' : 'Banco Norte Demo: всё заполнено');
        await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-override.png`), fullPage: true });
        const values = (await api('GET', `/api/v1/deals/${dealId}/documents/values`, { dealId })) as {
          banks: { bankId: string; values: { code: string; value: unknown; source: string }[]; missing: string[] }[];
        };
        const term = (bankId: string) => values.banks.find((b) => b.bankId === bankId)!.values.find((v) => v.code === 'loan.term_months');
        expect(term(bankIds[1]!)).toEqual({ code: 'loan.term_months', value: '18', source: 'override' });
        expect(term(bankIds[0]!)).toEqual({ code: 'loan.term_months', value: '12', source: 'base' });

        // Reset to base: the bank sees the base value again.
        await field('loan.term_months').locator('.dt-reset', { hasText: c.reset }).click();
        await expect.poll(async () => text(await field('loan.term_months').locator('.dt-badge').innerText())).toBe(c.inherited);
        expect(await input('loan.term_months').inputValue()).toBe(c.term);
        await page.context().close();
      }, 120_000);
    }
  }

  for (const [c, vp] of [
    [CASES[0]!, VIEWPORTS[0]],
    [CASES[1]!, VIEWPORTS[1]],
  ] as const) {
    it(`${c.locale} ${vp.name}: the client's scan is uploaded in the tab and kept; a file that is not a scan is refused beside it`, async () => {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Escaneos', OPPORTUNITY: '1000', CURRENCY_ID: c.currency } }),
      );
      const { page, frame } = await openTab(c, vp, dealId);
      const field = frame.locator('.dt-field[data-code="borrower.id_scan"]');
      const file = field.locator('input[type=file]');
      await file.setInputFiles({ name: 'contrato.docx', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a scan') });
      await expect
        .poll(() =>
          field
            .locator('.dt-field__error')
            .innerText()
            .catch(() => ''),
        )
        .toBe(c.lang === 'es' ? 'El escaneo debe ser un archivo PDF, JPEG o PNG.' : 'Скан должен быть файлом PDF, JPEG или PNG.');
      const name = c.lang === 'es' ? 'INE Ana López.pdf' : 'Паспорт Иванова.pdf';
      await file.setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await expect.poll(() => field.locator('.dt-scan__name').allInnerTexts()).toEqual([name]);
      await expect.poll(() => field.locator('.dt-field__error').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-scan.png`), fullPage: true });
      const kept = (await api('GET', `/api/v1/deals/${dealId}/documents/scans`, { dealId })) as { scans: { fileName: string }[] };
      expect(kept.scans.map((x) => x.fileName)).toEqual([name]);
      await page.context().close();
    }, 120_000);
  }

  for (const [c, vp] of [
    [CASES[0]!, VIEWPORTS[1]],
    [CASES[1]!, VIEWPORTS[0]],
  ] as const) {
    it(`${c.locale} ${vp.name}: a newer catalog is announced, its diff shown by label, and the application moves only when asked`, async () => {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Versión', OPPORTUNITY: '1000', CURRENCY_ID: c.currency } }),
      );
      // The application opens pinned to the latest version; then the admin publishes a newer one that
      // adds an interest rate and drops a field.
      const opened = (await api('POST', `/api/v1/deals/${dealId}/documents/application`, { dealId })) as {
        application: { catalogVersion: number };
      };
      const from = opened.application.catalogVersion;
      const dropped = c.lang === 'es' ? { code: 'borrower.married', label: 'Casado(a)' } : { code: 'loan.insurance', label: 'Страхование' };
      const current = (await api('GET', `/api/v1/documents/catalog/versions/${from}`)) as { fields: { code: string }[] };
      const next = [
        ...current.fields.filter((f) => f.code !== dropped.code),
        {
          code: `loan.rate_${c.lang}`,
          label: { en: 'Annual rate', ru: 'Годовая ставка', es: 'Tasa anual' },
          type: 'number',
          section: 'loan',
        },
      ];
      await api('PUT', '/api/v1/documents/catalog/draft', { admin: true, body: { fields: next } });
      const { version: to } = (await api('POST', '/api/v1/documents/catalog/publish', { admin: true })) as { version: number };
      expect(to).toBe(from + 1);

      const { page, frame } = await openTab(c, vp, dealId);
      const banner = frame.locator('.dt-banner');
      expect(text(await banner.locator('.dt-banner__text').innerText())).toBe(
        c.lang === 'es'
          ? `Hay una versión más nueva del catálogo de campos (v${to}); esta solicitud usa la v${from}.`
          : `Есть новая версия каталога полей (v${to}); заявка заполняется по v${from}.`,
      );
      // Still on the old version until the user moves it: the dropped field is there, the rate is not.
      expect(await frame.locator(`.dt-field[data-code="${dropped.code}"]`).count()).toBe(1);
      await banner.locator('.dt-review').click();
      expect(text(await banner.locator('.dt-diff__added').innerText())).toBe(
        c.lang === 'es' ? 'Agregados: Tasa anual' : 'Добавлены: Годовая ставка',
      );
      expect(text(await banner.locator('.dt-diff__removed').innerText())).toContain(dropped.label);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-version.png`), fullPage: true });
      await banner.locator('.dt-move').click();
      await expect.poll(() => frame.locator('.dt-banner').count()).toBe(0);
      expect(await frame.locator(`.dt-field[data-code="loan.rate_${c.lang}"]`).count()).toBe(1);
      expect(await frame.locator(`.dt-field[data-code="${dropped.code}"]`).count()).toBe(0);
      expect(text(await frame.locator('.dt-version').innerText())).toBe(c.lang === 'es' ? `catálogo v${to}` : `каталог v${to}`);
      await page.context().close();
    }, 120_000);
  }
});

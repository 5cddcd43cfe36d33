// The Documents tab beside the deal's saved loan, in Chromium with es-MX and ru-RU, desktop and 390 px:
// the amount and the term (loan-sourced in the demo's catalog) show the saved loan's figures while
// nothing is typed; a typed amount that is not the loan's is said to differ, with the loan's value, and
// "Use the loan's" clears it. A user trial saw «Сумма 50 000,00» and «Срок, месяцев 12» there after the
// loan tab had saved 150 000 over 18 payments, with nothing to say so. Screenshots in $DOCUMENTS_TAB_SHOTS.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTerms } from './support/sample-terms.js';
import { DOCUMENTS_TAB_SHOTS as SHOTS, openDocumentsTab, useDocumentsTabRig } from './support/documents-tab-rig.js';
import { seen as text, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    locale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    stale: '50,000.00',
    amountFromLoan: 'Del préstamo guardado de la negociación: 150,000.00 MXN.',
    termFromLoan: 'Del préstamo guardado de la negociación: 18.',
    differs: 'Difiere del préstamo guardado (150,000.00 MXN): los documentos toman lo escrito aquí.',
    useLoan: 'Usar el del préstamo',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    stale: '50 000,00',
    amountFromLoan: 'Из сохранённого займа сделки: 150 000,00 RUB.',
    termFromLoan: 'Из сохранённого займа сделки: 18.',
    differs: 'Отличается от сохранённого займа (150 000,00 RUB): в документы пойдёт введённое здесь.',
    useLoan: 'Взять из займа',
  },
] as const;

describe('documents tab: values that follow the saved loan', () => {
  const rig = useDocumentsTabRig();
  const { api } = rig;

  for (const c of CASES)
    for (const vp of VIEWPORTS) {
      it(`${c.locale} ${vp.name}: the loan's amount and term shown; a typed amount that differs says so; "use the loan's" clears it`, async () => {
        const dealId = Number(
          await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez', OPPORTUNITY: '50000', CURRENCY_ID: c.currency } }),
        );
        await api('PUT', `/api/v1/deals/${dealId}/loan`, {
          dealId,
          body: { loan: sampleTerms(18, { principal: '150000', currency: c.currency, rate: { annualPercent: '24.5' } }) },
        });
        const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { locale: c.locale, lang: c.lang, ...vp, dealId });
        const field = (code: string) => frame.locator(`.dt-field[data-code="${code}"]`);
        const source = (code: string) => field(code).locator('.dt-source');
        expect(text(await source('loan.amount').innerText())).toBe(c.amountFromLoan);
        expect(text(await source('loan.term_months').innerText())).toBe(c.termFromLoan);

        // An amount typed before the loan was saved (the trial's 50 000): said to differ, with the loan's.
        const amount = field('loan.amount').locator('input').first();
        await amount.fill(c.stale);
        await amount.press('Tab');
        await expect.poll(async () => text(await source('loan.amount').innerText())).toContain(c.differs);
        expect(await source('loan.amount').getAttribute('class')).toContain('dt-source--differs');
        await page.screenshot({ path: join(SHOTS, `loan-values-${c.locale}-${vp.name}-differs.png`), fullPage: true });
        await source('loan.amount').locator('.dt-use-loan', { hasText: c.useLoan }).click();
        await expect.poll(async () => text(await source('loan.amount').innerText())).toBe(c.amountFromLoan);
        expect(await amount.inputValue()).toBe('');
        const stored = await api<{ base: Record<string, unknown>; loan?: Record<string, unknown> }>(
          'GET',
          `/api/v1/deals/${dealId}/documents/values`,
          { dealId },
        );
        expect(stored.base['loan.amount']).toBeUndefined();
        expect(stored.loan).toMatchObject({ 'loan.amount': { amount: '150000', currency: c.currency }, 'loan.term_months': '18' });
        await page.screenshot({ path: join(SHOTS, `loan-values-${c.locale}-${vp.name}-from-loan.png`), fullPage: true });
        await page.context().close();
      }, 120_000);
    }
});

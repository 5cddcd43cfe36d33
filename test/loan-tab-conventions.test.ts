// Issue 13 in the browser: a credit manager types a down payment and "pay this much a month until
// done" the way they write money (es-MX, ru-RU), at desktop width and on a 390 px phone; the tab shows
// installment 1 on the disbursement day, the derived term, and saves the loan with its product's
// payoff interest mode, which the loan API then applies.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleProduct } from './support/sample-product.js';
import { useLoanTabRig } from './loan-tab-rig.js';
import { seen, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    profile: 'MX',
    save: 'Guardar',
    saved: 'Guardado',
    amount: '25,000',
    down: '2,500.50',
    downShown: '2,500.50',
    fixed: '2,500',
    line: ['liquidación con el interés de todo el periodo', 'Los fija el producto'],
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    profile: null,
    save: 'Сохранить',
    saved: 'Сохранено',
    amount: '25 000',
    down: '2 500,50',
    downShown: '2 500,50',
    fixed: '2 500',
    line: ['досрочно — проценты за весь период', 'Задано продуктом'],
  },
] as const;

const rowCells = async (frame: Frame, i: number) =>
  (await frame.locator('[data-testid=schedule] tbody tr').nth(i).locator('td').allTextContents()).map(seen);

for (const c of CASES) {
  describe(`loan tab down payment and fixed payment in ${c.browserLocale}`, () => {
    const product = sampleProduct('whole', {
      name: 'Whole period',
      currency: c.currency,
      profile: c.profile,
      payoffInterest: 'whole-period',
    });
    const rigOf = useLoanTabRig({ locale: c.browserLocale, products: [{ ...product, catBasis: null }] });

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: the down payment is installment 1 on the disbursement day; a fixed payment derives the term; saved with the product's payoff mode`, async () => {
        const rig = rigOf();
        const deal = { title: `Enganche ${vp.name}`, opportunity: '25000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        await frame.selectOption('select[name=product]', 'whole');
        // The product's payoff rule is not the tab's default: named under the terms, with where it is set.
        const line = seen(await frame.locator('[data-testid=conventions]').innerText());
        for (const part of c.line) expect(line).toContain(part);
        await frame.fill('input[name=amount]', c.amount);
        await frame.fill('input[name=rate]', '24');
        await frame.fill('input[name=downPayment]', c.down);
        const disbursement = await frame.inputValue('input[name=disbursementDate]');
        await expect.poll(async () => (await rowCells(frame, 0))[3]).toBe(c.downShown);
        expect((await rowCells(frame, 0))[2]).toBe('0'); // no days have run
        await frame.fill('input[name=fixedPayment]', c.fixed);
        // 22,499.50 at 24 % on actual days with 2,500 a month: eleven installments, the last smaller.
        await expect.poll(async () => seen(await frame.locator('[data-testid=derived-term]').textContent())).toBe('11');
        await expect.poll(() => frame.locator('.lt-field__error').count()).toBe(0);
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        await page.screenshot({ path: `test-results/conventions-${c.lang}-${vp.name}.png`, fullPage: true });

        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        const view = await rig.loanView(dealId);
        expect(view.loan).toMatchObject({ downPayment: { amount: '2500.50' }, fixedPayment: '2500.00', payoffInterest: 'whole-period' });
        expect(view.schedule.rows[0]).toMatchObject({ dueDate: disbursement, principal: '2500.50' });
        expect(view.schedule.rows).toHaveLength(12); // the down payment and the eleven
        expect(Number(view.schedule.rows[11]!.total)).toBeLessThan(2500);
      });
    }
  });
}

// Issue 13 in the browser: the admin's product carries a late fee (MX: a fixed "comisión por pago
// tardío" plus IVA; RU: a fixed штраф) and a delinquency grace; a credit manager picks the product on
// a loan disbursed months ago and sees, under each overdue installment, the fee it was charged and
// on which day — es-MX and ru-RU, desktop and 390 px. Saving keeps the product's settings in the loan.
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
    lateFees: [{ name: 'Pago tardío', amount: '250', vatPercent: '16', graceDays: 3 }],
    // 250 pesos plus 16 % IVA, as the tab writes money in Mexico.
    charge: /^Pago tardío .+: 250\.00 \+ IVA 40\.00$/,
    save: 'Guardar',
    saved: 'Guardado',
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    profile: null,
    lateFees: [{ amount: '1500.5', graceDays: 3 }],
    charge: /^штраф .+: 1 500,50$/,
    save: 'Сохранить',
    saved: 'Сохранено',
  },
] as const;

/** A disbursement `days` before today (the tab services as of today), as the date input takes it. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

for (const c of CASES) {
  describe(`loan tab late fees per installment in ${c.browserLocale}`, () => {
    const product = sampleProduct('late', { rateMin: '24', currency: c.currency, profile: c.profile, lateFees: [...c.lateFees] });
    const rigOf = useLoanTabRig({ locale: c.browserLocale, products: [{ ...product, delinquencyGraceDays: 5 }] });

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: each overdue installment shows the late fee it was charged; saved with the product's late fees and grace`, async () => {
        const rig = rigOf();
        const deal = { title: `Mora ${vp.name}`, opportunity: '12000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        await frame.selectOption('select[name=product]', 'late');
        await frame.fill('input[name=amount]', c.lang === 'es' ? '12,000' : '12 000');
        // Three months and a bit ago: installments 1–3 are overdue past the fee's 3 days of grace.
        await frame.fill('input[name=disbursementDate]', daysAgo(100));
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        const rows = frame.locator('[data-testid=schedule] tbody tr');
        await expect.poll(async () => seen(await rows.nth(0).locator('.lt-charge').textContent())).toMatch(c.charge);
        for (const i of [1, 2]) expect(seen(await rows.nth(i).locator('.lt-charge').textContent())).toMatch(c.charge);
        // Not yet due: no fee.
        expect(await rows.nth(5).locator('.lt-charge').count()).toBe(0);
        await page.screenshot({ path: `test-results/late-fees-${c.lang}-${vp.name}.png`, fullPage: true });
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        const view = await rig.loanView(dealId);
        expect(view.loan).toMatchObject({ lateFees: c.lateFees, delinquency: { graceDays: 5 } });
      });
    }
  });
}

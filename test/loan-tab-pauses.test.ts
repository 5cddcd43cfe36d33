// Issue 13 item 7 in the browser: a collector pauses a loan's delinquency — a court stay that began a
// month before today's call (backdated) — and sees days past due drop by the paused days at once; a
// pause that overlaps it is refused beside the field, keeping what was typed; Save stores the pause
// with the loan; removing it brings the days back. es-MX and ru-RU, desktop and 390 px.
import { describe, expect, it } from 'vitest';
import { sampleProduct } from './support/sample-product.js';
import { useLoanTabRig } from './loan-tab-rig.js';
import { seen, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    amount: '12,000',
    courtStay: 'Suspensión judicial',
    overlap: 'Se cruza con una pausa ya registrada',
    noPauses: /^Sin pausas/,
    save: 'Guardar',
    saved: 'Guardado',
    remove: 'Quitar',
    add: 'Agregar pausa',
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    amount: '12 000',
    courtStay: 'Приостановка судом',
    overlap: 'Пересекается с уже добавленной паузой',
    noPauses: /^Пауз нет/,
    save: 'Сохранить',
    saved: 'Сохранено',
    remove: 'Убрать',
    add: 'Добавить паузу',
  },
] as const;

/** A day `days` before today (the tab services as of today), as a date input takes it. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

for (const c of CASES) {
  describe(`loan tab delinquency pauses in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale, products: [sampleProduct('std', { rateMin: '24', currency: c.currency })] });

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: a backdated court stay takes its days out of days past due; an overlap is refused; saved; removed`, async () => {
        const rig = rigOf();
        const deal = { title: `Pausa ${vp.name}`, opportunity: '12000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        await frame.selectOption('select[name=product]', 'std');
        await frame.fill('input[name=amount]', c.amount);
        await frame.fill('input[name=disbursementDate]', daysAgo(100));
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        const dpd = frame.locator('[data-testid=days-past-due]');
        await expect.poll(async () => Number(await dpd.textContent())).toBeGreaterThan(60);
        const before = Number(await dpd.textContent());
        const pauses = frame.locator('[data-testid=pauses]');
        expect(seen(await pauses.locator('p.lt-muted').first().textContent())).toMatch(c.noPauses);

        // The stay began 60 days ago and was lifted 30 days ago: entered today, backdated.
        await frame.fill('input[name=pauseFrom]', daysAgo(60));
        await frame.fill('input[name=pauseTo]', daysAgo(30));
        await frame.selectOption('select[name=pauseReason]', 'court-stay');
        await frame.click(`button:has-text("${c.add}")`);
        await expect.poll(async () => Number(await dpd.textContent())).toBe(before - 30);
        expect(seen(await pauses.locator('li').first().textContent())).toContain(c.courtStay);

        // A second pause inside the first: refused next to its start, what was typed stays.
        await frame.fill('input[name=pauseFrom]', daysAgo(45));
        await frame.click(`button:has-text("${c.add}")`);
        await frame.waitForSelector(`.lt-field__error:has-text("${c.overlap}")`);
        expect(await frame.inputValue('input[name=pauseFrom]')).toBe(daysAgo(45));
        expect(await pauses.locator('li').count()).toBe(1);
        await page.screenshot({ path: `test-results/pauses-${c.lang}-${vp.name}.png`, fullPage: true });
        await pauses.screenshot({ path: `test-results/pauses-section-${c.lang}-${vp.name}.png` });
        expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        const read = () => rig.loanView(dealId);
        expect((await read()).loan).toMatchObject({
          delinquency: { pauses: [{ from: daysAgo(60), to: daysAgo(30), reason: 'court-stay' }] },
        });

        await pauses.locator(`button:has-text("${c.remove}")`).click();
        await expect.poll(async () => Number(await dpd.textContent())).toBe(before);
        await expect.poll(() => pauses.locator('li').count()).toBe(0);
        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        expect((await read()).loan.delinquency?.pauses ?? []).toEqual([]);
      });
    }
  });
}

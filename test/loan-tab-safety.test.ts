// Issue 11 (deliver 5), in the browser: a credit manager in Mexico City or Moscow, at desktop width
// and on a 390×844 phone, on the real platform and the emulator's deal card. A refused payment is
// corrected without retyping, a re-term of a loan with payments is confirmed after seeing what
// changes, an overpayment is confirmed after seeing the payoff and the credit, and then the tab
// says the loan is paid off and shows the credit balance. On the phone nothing scrolls sideways
// and Save is on screen. What is asserted is the text the user sees.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLoanTabRig } from './loan-tab-rig.js';
import { fixSeparatorInPlace, LOCALES, seen, VIEWPORTS } from './loan-tab-viewports.js';

type LocaleCase = (typeof LOCALES)[keyof typeof LOCALES] & {
  book: string;
  paidOff: string;
  credit: string;
  retermConfirm: string;
  /** The term line of the re-term confirmation (12 → 6 payments). */
  termChange: string;
  amount: string;
  overpayment: string;
};

const CASES: LocaleCase[] = [
  {
    ...LOCALES['es-MX'],
    book: 'Registrar el pago',
    paidOff: 'Préstamo liquidado',
    credit: 'Saldo a favor',
    retermConfirm: 'Guardar las nuevas condiciones',
    termChange: 'Pagos: 12 → 6',
    amount: '15,000',
    overpayment: '99,999',
  },
  {
    ...LOCALES['ru-RU'],
    book: 'Провести платёж',
    paidOff: 'Заём погашен',
    credit: 'Переплата',
    retermConfirm: 'Сохранить новые условия',
    termChange: 'Платежей: 12 → 6',
    amount: '15 000',
    overpayment: '99 999',
  },
];

for (const c of CASES) {
  describe(`loan tab payment safety in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });
    const { typed: refused, refusal, fixKey, fixed } = c.ambiguous;

    async function shot(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: `test-results/safety-${c.lang}-${name}.png`, fullPage: true });
    }

    /** The tab's frame within the phone's width, nothing in it scrolls sideways, Save on screen. */
    async function fitsPhone(page: Page, frame: Frame): Promise<void> {
      const box = await page.locator('iframe').first().boundingBox();
      expect(box).not.toBeNull();
      await expect.poll(async () => (await page.locator('iframe').first().boundingBox())!.width).toBeLessThanOrEqual(390);
      const { scroll, client } = await frame.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
      const save = await frame.locator(`button:text-is("${c.save}")`).boundingBox();
      expect(save).not.toBeNull();
      expect(save!.x + save!.width).toBeLessThanOrEqual(390);
      for (const testId of ['payoff', 'to-be-current']) {
        const kpi = await frame.locator(`[data-testid=${testId}]`).boundingBox();
        expect(kpi!.x + kpi!.width).toBeLessThanOrEqual(390);
      }
    }

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: a refused payment corrected in place, a re-term and an overpayment confirmed, paid off`, async () => {
        const rig = rigOf();
        const deal = { title: `Safety ${c.lang} ${vp.name}`, opportunity: '15000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        await frame.fill('input[name=amount]', c.amount);
        if (vp.name === 'phone') await fitsPhone(page, frame);
        // A cleared field says why and keeps the last good schedule: the page does not collapse.
        const frameHeight = async () => (await page.locator('iframe').first().boundingBox())!.height;
        const tall = await frameHeight();
        await frame.fill('input[name=amount]', '');
        await frame.waitForSelector('[data-testid=issues]');
        expect(await frame.locator('[data-testid=total-principal]').count()).toBe(1);
        expect(await frameHeight()).toBeGreaterThan(tall * 0.8);
        await frame.fill('input[name=amount]', c.amount);
        await expect.poll(() => frame.locator('[data-testid=issues]').count()).toBe(0);
        if (vp.name === 'desktop') {
          // A what-if payment out of range says why and keeps the schedule and its Reset: the way back.
          await frame.check('input[name=whatIf]');
          await frame.fill('input[name=whatIf-3]', '1');
          await frame.press('input[name=whatIf-3]', 'Tab');
          await frame.waitForSelector('[data-testid=issues]');
          await frame.click(`button:text-is("${c.resetWhatIf}")`);
          await expect.poll(() => frame.locator('[data-testid=issues]').count()).toBe(0);
          await frame.uncheck('input[name=whatIf]');
        }
        await frame.click(`button:text-is("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:text-is("${c.saved}")`);

        // Refused beside the field, the text kept; one key fixes it and the same text is booked.
        const payField = frame.locator('label.lt-field:has(input[name=paymentAmount])');
        await frame.fill('input[name=paymentAmount]', refused);
        await frame.click(`button:text-is("${c.addPayment}")`);
        await expect.poll(async () => (await payField.locator('.lt-field__error').textContent()) ?? '').toMatch(refusal);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(refused);
        expect(await frame.locator('[role=alert].lt-error').count()).toBe(0);
        await fixSeparatorInPlace(frame, 'input[name=paymentAmount]', fixKey);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(fixed);
        await frame.click(`button:text-is("${c.addPayment}")`);
        const rows = frame.locator('[data-testid=payments] tbody tr');
        await expect.poll(() => rows.count()).toBe(1);
        await expect.poll(() => payField.locator('.lt-field__error').count()).toBe(0);
        await expect.poll(() => frame.inputValue('input[name=paymentAmount]')).toBe('');

        // "Saved" goes on the next edit; new terms on a loan with a payment are shown before saving.
        await frame.fill('input[name=installments]', '6');
        await expect.poll(() => frame.locator(`.lt-ok:text-is("${c.saved}")`).count()).toBe(0);
        await frame.click(`button:text-is("${c.save}")`);
        const reterm = frame.locator('[data-testid=reterm-confirm]');
        await reterm.waitFor();
        expect(seen(await reterm.textContent())).toContain(c.termChange);
        await shot(page, `${vp.name}-reterm`);
        await frame.click(`button:text-is("${c.retermConfirm}")`);
        await frame.waitForSelector(`.lt-ok:text-is("${c.saved}")`);
        expect(await reterm.count()).toBe(0);

        // Beyond the payoff: asked first, with the payoff and the credit; then paid off with the credit shown.
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        await frame.fill('input[name=paymentAmount]', c.overpayment);
        await frame.click(`button:text-is("${c.addPayment}")`);
        const ask = frame.locator('[data-testid=overpayment-confirm]');
        await ask.waitFor();
        expect(seen(await ask.textContent())).toContain(c.credit);
        expect(await rows.count()).toBe(1);
        await shot(page, `${vp.name}-overpayment`);
        await frame.click(`button:text-is("${c.book}")`);
        await expect.poll(() => rows.count()).toBe(2);
        await expect.poll(async () => seen(await frame.locator('[data-testid=paid-off]').textContent())).toBe(c.paidOff);
        const credit = seen(await frame.locator('[data-testid=credit-balance]').textContent());
        expect(credit).toMatch(/\d/);
        expect(seen(await frame.locator('[data-testid=payoff]').textContent())).toMatch(/^\D*0[.,]00\D*$/);
        if (vp.name === 'phone') await fitsPhone(page, frame);
        await shot(page, `${vp.name}-paid-off`);

        // The server agrees: nothing outstanding, the excess is the credit balance.
        const view = await rig.loanView(dealId);
        expect(view.servicing.outstanding.total).toBe('0.00');
        expect(Number(view.servicing.creditBalance)).toBeGreaterThan(0);
        await page.close();
      }, 150_000);
    }
  });
}

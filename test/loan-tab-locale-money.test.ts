// Issue 11 (deliver 2), browser half: money typed the way a credit manager in Mexico City or Moscow
// writes it. Chromium runs in the user's locale (es-MX / ru-RU) on the real platform and the emulator's
// deal card, at desktop width and on a 390×844 phone. What is asserted is what the user sees: the
// schedule's principal, the booked payment's row, the refusal beside the field with the typed text kept.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLoanTabRig } from './loan-tab-rig.js';
import { fixSeparatorInPlace, LOCALES, seen, VIEWPORTS } from './loan-tab-viewports.js';

type LocaleCase = (typeof LOCALES)[keyof typeof LOCALES] & {
  /** Typed amount → the schedule's principal total as the tab shows it. */
  amounts: [string, string][];
  payment: string;
  booked: string;
  /** A what-if payment for installment 3 as typed, and as the cell then shows it. */
  whatIf: [string, string];
};

const CASES: LocaleCase[] = [
  {
    ...LOCALES['es-MX'],
    amounts: [
      ['15,000', '15,000.00'],
      ['15,000.50', '15,000.50'],
    ],
    payment: '1,000',
    booked: '1,000.00',
    whatIf: ['2,000', '2,000.00'],
  },
  {
    ...LOCALES['ru-RU'],
    amounts: [
      ['15 000,50', '15 000,50'],
      ['45 000', '45 000,00'],
      ['15\u202f000,50', '15 000,50'],
    ],
    payment: '1 000',
    booked: '1 000,00',
    whatIf: ['2 000', '2 000,00'],
  },
];

for (const c of CASES) {
  describe(`loan tab money typed in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });
    const { typed: refused, refusal, fixKey, fixed } = c.ambiguous;

    async function principalShown(frame: Frame): Promise<string> {
      return seen(await frame.locator('[data-testid=total-principal]').textContent());
    }

    async function typeAmount(frame: Frame, typed: string, expected: string): Promise<void> {
      await frame.fill('input[name=amount]', typed);
      await expect.poll(() => principalShown(frame)).toBe(expected);
      await expect.poll(() => frame.locator('label.lt-field:has(input[name=amount]) .lt-field__error').count()).toBe(0);
    }

    async function shot(page: Page, frame: Frame, name: string): Promise<void> {
      await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
      await page.screenshot({ path: `test-results/money-${c.lang}-${name}.png`, fullPage: true });
    }

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: amounts and payments typed as the user writes them; a refused payment is fixed in place`, async () => {
        const rig = rigOf();
        const deal = { title: `Money ${c.lang} ${vp.name}`, opportunity: '10000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        expect(await frame.evaluate(() => navigator.language)).toBe(c.browserLocale);

        for (const [typed, expected] of c.amounts) await typeAmount(frame, typed, expected);
        // The app's own output typed back: the schedule total exactly as the tab shows it, currency sign,
        // no-break spaces and all.
        const ownTotal = (await frame.locator('[data-testid=total-total]').textContent()) ?? '';
        await frame.fill('input[name=amount]', ownTotal);
        await expect.poll(async () => seen(ownTotal).includes(await principalShown(frame))).toBe(true);
        await expect.poll(() => frame.locator('label.lt-field:has(input[name=amount]) .lt-field__error').count()).toBe(0);
        await typeAmount(frame, c.amounts[0]![0], c.amounts[0]![1]);

        if (vp.name === 'desktop') {
          // What-if: a cell refuses what it cannot read, keeps it and says why; a typed amount applies.
          await frame.check('input[name=whatIf]');
          const cell = 'input[name=whatIf-3]';
          await frame.fill(cell, refused);
          await frame.press(cell, 'Tab');
          await expect.poll(async () => (await frame.locator(`td:has(${cell}) .lt-cell-error`).textContent()) ?? '').toMatch(refusal);
          expect(await frame.inputValue(cell)).toBe(refused);
          await shot(page, frame, 'what-if-refused');
          await frame.fill(cell, c.whatIf[0]);
          await frame.press(cell, 'Tab');
          await expect.poll(async () => seen(await frame.inputValue(cell))).toBe(c.whatIf[1]);
          await expect.poll(() => frame.locator('.lt-cell-error').count()).toBe(0);
          await frame.click(`button:has-text("${c.resetWhatIf}")`);
          await frame.uncheck('input[name=whatIf]');
        }

        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);

        // The first payment is held on its way to the server while the user types the next amount:
        // the server's answer must not wipe what they typed meanwhile (it did, and this test raced on it).
        let release = (): void => undefined;
        const held = new Promise<void>((r) => (release = r));
        await page.route(
          (url) => /\/payments$/.test(url.pathname),
          async (route) => {
            await held;
            await route.continue();
          },
          { times: 1 },
        );
        await frame.fill('input[name=paymentAmount]', c.payment);
        await frame.click(`button:has-text("${c.addPayment}")`);
        const rows = frame.locator('[data-testid=payments] tbody tr');
        await expect.poll(() => rows.count()).toBe(1);
        await expect.poll(async () => seen(await rows.first().locator('td').nth(1).textContent())).toBe(c.booked);
        await frame.waitForSelector('form[aria-busy=true]');
        await frame.fill('input[name=paymentAmount]', refused);
        release();
        await frame.waitForSelector(`button:has-text("${c.addPayment}"):not([disabled])`);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(refused);

        // Refused beside the field; the text stays; one key fixes it and the same text is booked.
        const payField = frame.locator('label.lt-field:has(input[name=paymentAmount])');
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(async () => (await payField.locator('.lt-field__error').textContent()) ?? '').toMatch(refusal);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(refused);
        expect(await rows.count()).toBe(1);
        await shot(page, frame, `${vp.name}-refused`);
        if (vp.name === 'phone') {
          const box = await payField.locator('.lt-field__error').boundingBox();
          const input = await payField.locator('input').boundingBox();
          // Beside the field: right under its input, not at the top of the tab.
          expect(box && input && box.y >= input.y && box.y - (input.y + input.height) < 40).toBe(true);
        }

        await fixSeparatorInPlace(frame, 'input[name=paymentAmount]', fixKey);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(fixed);
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(() => rows.count()).toBe(2);
        await expect.poll(() => payField.locator('.lt-field__error').count()).toBe(0);
        expect(seen(await rows.nth(1).locator('td').nth(1).textContent())).toBe(seen(c.booked.replace(/^1/, '2')));
        await shot(page, frame, `${vp.name}-booked`);

        const view = await rig.loanView(dealId);
        expect(view.loan.principal).toBe(c.currency === 'MXN' ? '15000.00' : '15000.50');
        expect(view.payments.map((p) => p.amount)).toEqual(['1000.00', '2000.00']);
        await page.close();
      }, 120_000);
    }
  });
}

// Issue 13 item 4, slice 4, browser half: a credit manager in Mexico City or Moscow books a prepayment
// from the loan tab's payment form, choosing what it does (reduce term / reduce installment / pay
// ahead). Chromium in the user's locale (es-MX / ru-RU) on the real platform and the emulator's deal
// card, desktop and a 390×844 phone. Asserted is what the user sees: the mode's explanation, the
// refusal of a prepayment over the payoff beside the amount with the typed text kept, and the booked
// reduce-term prepayment; the server then holds a shorter schedule as a new version. After a
// reduce-installment one (issue 13) the summary's installment, labelled as the one now in force with
// the contract's beside it, is the installment the table's rows show; CAT / ПСК stays the contract's.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loanViewOf, sixMonthLoanTab } from './loan-tab-prepayment-support.js';
import { useLoanTabRig } from './loan-tab-rig.js';
import { LOCALES, seen, VIEWPORTS } from './loan-tab-viewports.js';

/** An amount as read on screen without its currency sign: the summary writes "$2,630.00", the table "2,630.00". */
const amountOf = (s: string | null): string =>
  seen(s)
    .replace(/[^\d.,\s]/g, '')
    .trim();

type LocaleCase = (typeof LOCALES)[keyof typeof LOCALES] & {
  reduceTermHint: string;
  /** More than the loan's payoff, as typed, and the refusal beside the amount. */
  over: string;
  overRefusal: string;
  /** The prepayment as the user types it, and its row as the tab lists it. */
  prepayment: string;
  booked: string;
  version: string;
  /** After a reduce-installment prepayment: the summary's labels for the figures now in force. */
  currentInstallment: string;
  contract: string;
  rateHint: string;
};

const CASES: LocaleCase[] = [
  {
    ...LOCALES['es-MX'],
    reduceTermHint: 'Misma cuota, menos cuotas: el préstamo termina antes.',
    over: '100,000.00',
    overRefusal: 'Mayor que la liquidación en esta fecha',
    prepayment: '15,000.50',
    booked: '15,000.50',
    version: 'Versión de la tabla de amortización 2 · recalculada tras un prepago',
    currentInstallment: 'Cuota actual',
    contract: 'Contrato',
    rateHint: 'La del contrato: se informa al firmar y un pago anticipado no la cambia.',
  },
  {
    ...LOCALES['ru-RU'],
    reduceTermHint: 'Платёж прежний, платежей меньше: заём закончится раньше.',
    over: '100 000,00',
    overRefusal: 'Больше полного погашения на эту дату',
    prepayment: '15 000,50',
    booked: '15 000,50',
    version: 'Версия графика 2 · график пересчитан после досрочного погашения',
    currentInstallment: 'Текущий платёж',
    contract: 'По договору',
    rateHint: 'По договору: раскрывается при подписании, досрочное погашение её не меняет.',
  },
];

for (const c of CASES) {
  describe(`loan tab books a prepayment in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });

    async function shot(page: Page, frame: Frame, name: string): Promise<void> {
      await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
      await page.screenshot({ path: `test-results/prepayment-${c.lang}-${name}.png`, fullPage: true });
    }

    const loanView = (dealId: number) => loanViewOf(rigOf(), dealId);

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: a prepayment over the payoff is refused beside the amount; a reduce-term one is booked`, async () => {
        const { dealId, page, frame } = await sixMonthLoanTab(rigOf(), c, `Prepayment ${c.lang} ${vp.name}`, vp);
        expect(await frame.evaluate(() => navigator.language)).toBe(c.browserLocale);
        const before = await loanView(dealId);
        expect(before.schedule.rows).toHaveLength(6);

        // The mode appears with the choice "prepayment", reduce term first, each with its explanation.
        expect(await frame.locator('[data-testid=prepayment-mode]').count()).toBe(0);
        await frame.check('input[name=paymentKind][value=prepayment]');
        const modes = frame.locator('[data-testid=prepayment-mode]');
        await modes.waitFor();
        expect(await modes.locator('input[name=prepaymentMode]').count()).toBe(3);
        expect(await frame.isChecked('input[name=prepaymentMode][value=reduce-term]')).toBe(true);
        expect(seen(await modes.locator('label:has(input[value=reduce-term]) .lt-choice__hint').textContent())).toBe(c.reduceTermHint);

        // Over the payoff: the server refuses; the reason stands beside the amount, the text stays.
        const payField = frame.locator('label.lt-field:has(input[name=paymentAmount])');
        const rows = frame.locator('[data-testid=payments] tbody tr');
        await frame.fill('input[name=paymentAmount]', c.over);
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(async () => seen(await payField.locator('.lt-field__error').textContent())).toBe(c.overRefusal);
        expect(await frame.inputValue('input[name=paymentAmount]')).toBe(c.over);
        expect(await rows.count()).toBe(0);
        // Still a prepayment, reduce term: the choice is kept with the text.
        expect(await frame.isChecked('input[name=paymentKind][value=prepayment]')).toBe(true);
        await shot(page, frame, `${vp.name}-over-payoff`);
        if (vp.name === 'phone') {
          const box = await payField.locator('.lt-field__error').boundingBox();
          const input = await payField.locator('input').boundingBox();
          expect(box && input && box.y >= input.y && box.y - (input.y + input.height) < 40).toBe(true);
        }

        await frame.fill('input[name=paymentAmount]', c.prepayment);
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(() => rows.count()).toBe(1);
        await expect.poll(() => payField.locator('.lt-field__error').count()).toBe(0);
        expect(seen(await rows.first().locator('td').nth(1).textContent())).toBe(c.booked);
        // The schedule on screen is the one the server now holds: its new version, fewer installments.
        const scheduleRows = frame.locator('[data-testid=schedule][data-complete=yes] tbody tr');
        await expect.poll(async () => seen(await frame.locator('[data-testid=schedule-version]').textContent())).toBe(c.version);
        const after = await loanView(dealId);
        expect(after.version).toBe(before.version + 1);
        expect(after.schedule.rows.length).toBeLessThan(6);
        await expect.poll(() => scheduleRows.count()).toBe(after.schedule.rows.length);
        await shot(page, frame, `${vp.name}-booked`);
        await page.close();
      }, 120_000);
      it(`${vp.name}: after a reduce-installment prepayment the summary's installment is the one in the table`, async () => {
        const rig = rigOf();
        const { dealId, page, frame } = await sixMonthLoanTab(rig, c, `Reduce installment ${c.lang} ${vp.name}`, vp);
        const summary = frame.locator('[data-testid=summary]');
        const installment = summary.locator('[data-testid=installment]');
        const contractInstallment = seen(await installment.textContent());

        await frame.check('input[name=paymentKind][value=prepayment]');
        await frame.check('input[name=prepaymentMode][value=reduce-installment]');
        await frame.fill('input[name=paymentAmount]', c.prepayment);
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(async () => seen(await frame.locator('[data-testid=schedule-version]').textContent())).toBe(c.version);
        const scheduleRows = frame.locator('[data-testid=schedule][data-complete=yes] tbody tr');
        const after = await loanView(dealId);
        expect(after.version).toBe(2);
        // Same dates, lower installments: the table still has 6 rows, now the server's version 2.
        await expect.poll(() => scheduleRows.count()).toBe(6);

        // The summary says which figure is which: the installment now in force, the contract's under it.
        const kpi = summary.locator('.lt-kpi:has([data-testid=installment])');
        await expect.poll(async () => seen(await kpi.locator('.lt-kpi__label').textContent())).toBe(c.currentInstallment);
        expect(seen(await kpi.locator('.lt-kpi__hint').textContent())).toBe(`${c.contract}: ${contractInstallment}`);
        const current = amountOf(await installment.textContent());
        expect(current).not.toBe(amountOf(contractInstallment));
        // It is the table's installment: the rows after the period the prepayment fell in (that one carries
        // the principal it took off; the last one takes the rounding) show the same amount.
        const totals = (await scheduleRows.locator('td.lt-cell--total').allTextContents()).map(amountOf);
        const ahead = totals.filter((t, i) => i < totals.length - 1 && t === current);
        expect(ahead.length).toBeGreaterThanOrEqual(3);
        expect(seen(await summary.locator('[data-testid=payments-count]').textContent())).toBe('6');
        // The portal's schedule items hold the same installment (the sync writes the version's rows).
        const digits = (s: string): string => s.replace(/\D/g, '');
        await rig.p.a.app.outbox.drain();
        await expect
          .poll(async () => (await rig.items(dealId)).map((i) => digits(Number(i.opportunity).toFixed(2))).slice(1, -1), {
            timeout: 20_000,
          })
          .toEqual([digits(current), digits(current), digits(current), digits(current)]);
        // Reopened (the page carries the loan), the tab reads the same version: the same installment now in force.
        const again = await rig.openTab(dealId, c.lang);
        await expect
          .poll(async () => amountOf(await again.frame.locator('[data-testid=summary] [data-testid=installment]').textContent()))
          .toBe(current);
        await again.page.close();
        // CAT / ПСК stays the contract's, and the summary says why.
        expect(seen(await summary.locator('[data-testid=rate-hint]').textContent())).toBe(c.rateHint);
        await shot(page, frame, `${vp.name}-reduce-installment`);
        // The table itself, in view (a full-page shot leaves off-screen blocks unpainted: content-visibility).
        await frame
          .locator('[data-testid=schedule]')
          .screenshot({ path: `test-results/prepayment-${c.lang}-${vp.name}-reduce-installment-table.png` });
        await page.close();
      }, 120_000);
    }
  });
}

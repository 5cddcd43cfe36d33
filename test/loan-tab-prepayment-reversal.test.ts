// Issue 13 follow-up, browser half: a credit manager in Mexico City or Moscow booked a reduce-term
// prepayment by mistake, then a reduce-installment one on top; they reverse the first from the loan
// tab's payment list. Chromium in the user's locale (es-MX / ru-RU) on the real platform and the
// emulator's deal card, desktop and a 390×844 phone. Asserted is what the user sees: the row says it is
// a prepayment and what it did, the confirmation says the schedule will be rebuilt, and afterwards the
// prepayment is under reversed, the table and the summary show the server's new schedule version (the
// later prepayment re-applied: all six dates, lower installments), and a reopened tab shows it too.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loanViewOf, sixMonthLoanTab } from './loan-tab-prepayment-support.js';
import { useLoanTabRig } from './loan-tab-rig.js';
import { LOCALES, seen, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    ...LOCALES['es-MX'],
    first: '15,000.50',
    second: '5,000.00',
    reduceTerm: 'Prepago: Reducir el plazo',
    reduceInstallment: 'Prepago: Reducir la cuota',
    reverse: 'Reversar',
    confirmTitle: 'Reversar prepago',
    hint: 'La tabla se recalcula sin él; los prepagos posteriores se aplican de nuevo.',
    reason: 'Préstamo equivocado',
    version: (n: number, cause: 'prepayment' | 'reversal') =>
      `Versión de la tabla de amortización ${n} · ${cause === 'prepayment' ? 'recalculada tras un prepago' : 'recalculada tras un reverso'}`,
    currentInstallment: 'Cuota actual',
  },
  {
    ...LOCALES['ru-RU'],
    first: '15 000,50',
    second: '5 000,00',
    reduceTerm: 'Досрочное погашение: Сократить срок',
    reduceInstallment: 'Досрочное погашение: Уменьшить платёж',
    reverse: 'Сторнировать',
    confirmTitle: 'Сторнировать досрочное погашение',
    hint: 'График пересчитается без него; более поздние досрочные погашения применятся заново.',
    reason: 'Платёж по другому займу',
    version: (n: number, cause: 'prepayment' | 'reversal') =>
      `Версия графика ${n} · ${cause === 'prepayment' ? 'график пересчитан после досрочного погашения' : 'график пересчитан после сторно'}`,
    currentInstallment: 'Текущий платёж',
  },
];

/** Digits only: "$2,630.00" and "2 630,00 ₽" both read 263000. */
const digits = (s: string | null): string => seen(s).replace(/\D/g, '');

for (const c of CASES) {
  describe(`loan tab reverses a prepayment in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });

    const loanView = (dealId: number) => loanViewOf(rigOf(), dealId);

    async function prepay(frame: Frame, amount: string, mode: string, rowsAfter: number): Promise<void> {
      await frame.check('input[name=paymentKind][value=prepayment]');
      await frame.check(`input[name=prepaymentMode][value=${mode}]`);
      await frame.fill('input[name=paymentAmount]', amount);
      await frame.click(`button:has-text("${c.addPayment}")`);
      await expect.poll(() => frame.locator('[data-testid=payments] tr[data-payment-id]').count()).toBe(rowsAfter);
    }

    async function shot(page: Page, frame: Frame, name: string): Promise<void> {
      await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
      await page.screenshot({ path: `test-results/prepayment-reversal-${c.lang}-${name}.png`, fullPage: true });
    }

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: the reversed prepayment moves under reversed; table and summary show the new version, reopened too`, async () => {
        const rig = rigOf();
        const { dealId, page, frame } = await sixMonthLoanTab(rig, c, `Prepayment reversal ${c.lang} ${vp.name}`, vp);
        expect(await frame.evaluate(() => navigator.language)).toBe(c.browserLocale);
        const versionLabel = frame.locator('[data-testid=schedule-version]');

        // The mistake, then a prepayment on top of it.
        await prepay(frame, c.first, 'reduce-term', 1);
        await expect.poll(async () => seen(await versionLabel.textContent())).toBe(c.version(2, 'prepayment'));
        await prepay(frame, c.second, 'reduce-installment', 2);
        await expect.poll(async () => seen(await versionLabel.textContent())).toBe(c.version(3, 'prepayment'));
        expect((await loanView(dealId)).schedule.rows.length).toBeLessThan(6);

        // Each row says it is a prepayment and what it did: the manager finds the wrong one.
        const rows = frame.locator('[data-testid=payments] tr[data-payment-id]');
        const wrong = rows.filter({ hasText: c.reduceTerm });
        expect(await wrong.count()).toBe(1);
        await wrong.locator('button[name=reverse]').click();
        const confirm = frame.locator('[data-testid=reversal-confirm]');
        await confirm.waitFor();
        expect(seen(await confirm.locator('.lt-reversal__title').textContent())).toMatch(new RegExp(`^${c.confirmTitle}: .* · .*15`));
        expect(seen(await confirm.locator('[data-testid=reversal-hint]').textContent())).toBe(c.hint);
        await frame.selectOption('select[name=reversalReason]', 'WRONG_LOAN');
        await shot(page, frame, `${vp.name}-confirm`);
        await confirm.locator('button[type=submit]').click();

        // Under reversed, with its mode; only the later prepayment counts.
        const reversed = frame.locator('[data-testid=reversed-payments] tr[data-payment-id]');
        await expect.poll(() => reversed.count()).toBe(1);
        expect(seen(await reversed.first().textContent())).toContain(c.reduceTerm);
        expect(seen(await reversed.first().textContent())).toContain(c.reason);
        expect(await rows.count()).toBe(1);
        expect(seen(await rows.first().textContent())).toContain(c.reduceInstallment);
        expect(await frame.locator('[role=alert]').count()).toBe(0);

        // The server's new version: the later prepayment re-applied on the contract, all six dates kept.
        const after = await loanView(dealId);
        expect(after.version).toBe(4);
        expect(after.schedule.rows).toHaveLength(6);
        await expect.poll(async () => seen(await versionLabel.textContent())).toBe(c.version(4, 'reversal'));
        const scheduleRows = frame.locator('[data-testid=schedule][data-complete=yes] tbody tr');
        await expect.poll(() => scheduleRows.count()).toBe(6);
        const summary = frame.locator('[data-testid=summary]');
        const kpi = summary.locator('.lt-kpi:has([data-testid=installment])');
        expect(seen(await kpi.locator('.lt-kpi__label').textContent())).toBe(c.currentInstallment);
        expect(digits(await summary.locator('[data-testid=installment]').textContent())).toBe(digits(after.schedule.installmentAmount));
        expect(seen(await summary.locator('[data-testid=payments-count]').textContent())).toBe('6');
        await shot(page, frame, `${vp.name}-reversed`);
        await frame
          .locator('[data-testid=schedule]')
          .screenshot({ path: `test-results/prepayment-reversal-${c.lang}-${vp.name}-table.png` });

        // The portal's schedule items follow through the outbox: six again.
        await rig.p.a.app.outbox.drain();
        await expect.poll(async () => (await rig.items(dealId)).length, { timeout: 20_000 }).toBe(6);

        // Reopened, the tab reads the same version and lists the prepayment under reversed.
        await page.close();
        const again = await rig.openTab(dealId, c.lang);
        await again.page.setViewportSize({ width: vp.width, height: vp.height });
        await expect
          .poll(async () => seen(await again.frame.locator('[data-testid=schedule-version]').textContent()))
          .toBe(c.version(4, 'reversal'));
        expect(digits(await again.frame.locator('[data-testid=summary] [data-testid=installment]').textContent())).toBe(
          digits(after.schedule.installmentAmount),
        );
        expect(await again.frame.locator('[data-testid=reversed-payments] tr[data-payment-id]').count()).toBe(1);
        await shot(again.page, again.frame, `${vp.name}-reopened`);

        // The last rebuilding prepayment reversed too: the rows are the contract's again (the form's),
        // yet the loan is on a fifth version, and the line above the schedule says which and why.
        await again.frame.locator('[data-testid=payments] button[name=reverse]').click();
        await again.frame.selectOption('select[name=reversalReason]', 'DUPLICATE');
        await again.frame.locator('[data-testid=reversal-confirm] button[type=submit]').click();
        await expect.poll(() => again.frame.locator('[data-testid=reversed-payments] tr[data-payment-id]').count()).toBe(2);
        const line = again.frame.locator('[data-testid=schedule-version]');
        await expect.poll(async () => seen(await line.textContent())).toBe(c.version(5, 'reversal'));
        expect((await loanView(dealId)).version).toBe(5);
        // The contract's six rows, computed by the form, under the line.
        await expect.poll(() => again.frame.locator('[data-testid=schedule][data-complete=yes] tbody tr').count()).toBe(6);
        await again.frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        await again.frame
          .locator('section.lt-section', { has: line })
          .screenshot({ path: `test-results/prepayment-reversal-${c.lang}-${vp.name}-last-reversed.png` });
        await again.page.close();
        const last = await rig.openTab(dealId, c.lang);
        await last.page.setViewportSize({ width: vp.width, height: vp.height });
        await expect
          .poll(async () => seen(await last.frame.locator('[data-testid=schedule-version]').textContent()))
          .toBe(c.version(5, 'reversal'));
        await last.page.close();
      }, 150_000);
    }
  });
}

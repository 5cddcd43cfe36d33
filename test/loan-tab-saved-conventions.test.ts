// A loan saved through the loan API with conventions the tab has no field for — interest per period,
// 30/360, half-even rounding, a contract signed before the disbursement and two fees (an opening one
// and a percent per installment) — opened in its deal's Loan tab in es-MX and ru-RU, at desktop width
// and on a 390 px phone: the tab shows the installment, the total and every payment of the stored
// schedule (and of the portal's schedule items), names the conventions in one line under the terms,
// and a Save from the tab leaves them as the API stored them (non-negotiable 5).
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../lending/dates.js';
import { formatters } from '../widgets/loan-tab/format.js';
import { addMonthsIso } from '../widgets/loan-tab/terms-form.js';
import { useLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';
import { seen, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    fee: 'apertura',
    line: ['Calculado con:', 'interés por periodo', '30/360', 'redondeo: mitad al par', 'contrato del', '2 comisiones'],
    save: 'Guardar',
    saved: 'Guardado',
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    fee: 'выдача',
    line: ['Условия расчёта:', 'проценты за период', '30/360', 'округление: банковское', 'договор от', '2 комиссии'],
    save: 'Сохранить',
    saved: 'Сохранено',
  },
] as const;

const today = new Date().toISOString().slice(0, 10);

function apiLoan(currency: string, feeName: string) {
  const disbursementDate = addDays(today, -20);
  return {
    principal: '120000',
    currency,
    contractDate: addDays(disbursementDate, -3),
    disbursementDate,
    method: 'annuity',
    rate: { annualPercent: '38.5' },
    installments: 12,
    frequency: { unit: 'month', every: 1 },
    firstDueDate: addMonthsIso(disbursementDate, 1),
    dayCount: '30/360',
    interest: 'periodic',
    rounding: { mode: 'half-even' },
    fees: [
      { name: feeName, amount: '1500', at: 'disbursement', withheld: true },
      { name: 'seguro', percent: '0.35', at: 'installment' },
    ],
  };
}

/** The loan as stored, through the loan API as a robot or an import would call it (PUT …/loan). */
async function putLoan(rig: LoanTabRig, dealId: number, loan: ReturnType<typeof apiLoan>): Promise<void> {
  const token = rig.p.a.app.sessions.issue({ portalId: rig.portalId, userId: 1, dealId, isAdmin: false });
  const r = await fetch(`${rig.p.a.url}/api/v1/deals/${dealId}/loan`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ loan, productId: null }),
  });
  expect(r.status).toBe(200);
}

const rowTotals = async (frame: Frame) =>
  (await frame.locator('[data-testid=schedule] tbody td.lt-cell--total').allTextContents()).map(seen);

/** What of the stored loan the tab must not change: its conventions, amounts by value. */
const conventionsOf = (l: Record<string, unknown>) => {
  const fees = (l.fees as { amount?: string; percent?: string }[]).map((f) => ({
    ...f,
    ...(f.amount ? { amount: Number(f.amount) } : {}),
    ...(f.percent ? { percent: Number(f.percent) } : {}),
  }));
  return { contractDate: l.contractDate, dayCount: l.dayCount, interest: l.interest, rounding: l.rounding, fees };
};

for (const c of CASES) {
  describe(`a loan saved through the API with its own conventions, in the Loan tab in ${c.browserLocale}`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });
    const fmt = formatters(c.lang, c.currency);

    for (const vp of VIEWPORTS) {
      it(`${vp.name}: the tab shows the stored schedule, names its conventions, and Save keeps them`, async () => {
        const rig = rigOf();
        const fields = { TITLE: `Convenciones ${vp.name}`, OPPORTUNITY: '120000', CURRENCY_ID: c.currency };
        const dealId = Number(await rig.p.portalCall('crm.deal.add', { fields }));
        const loan = apiLoan(c.currency, c.fee);
        await putLoan(rig, dealId, loan);
        await rig.p.a.app.outbox.drain();
        const stored = await rig.loanView(dealId);
        const items = await rig.items(dealId);

        const { page, frame } = await rig.openTab(dealId, c.lang);
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await frame.waitForSelector('[data-testid=schedule][data-complete=yes]');
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');

        // The figures are the stored schedule's, and the portal's items say the same.
        expect(seen(await frame.locator('[data-testid=installment]').textContent())).toBe(
          seen(fmt.money(stored.schedule.installmentAmount ?? 'none')),
        );
        expect(seen(await frame.locator('[data-testid=total-to-pay]').textContent())).toBe(
          seen(fmt.money(stored.schedule.totals.total ?? 'none')),
        );
        const shown = await rowTotals(frame);
        expect(shown).toEqual(stored.schedule.rows.map((r) => seen(fmt.number(r.total))));
        expect(items.map((i) => Number(i.opportunity))).toEqual(stored.schedule.rows.map((r) => Number(r.total)));

        // One line under the terms names what is not the tab's default; nothing in it is editable.
        const line = frame.locator('[data-testid=conventions]');
        await line.waitFor();
        const text = seen(await line.innerText());
        for (const part of c.line) expect(text).toContain(part);
        expect(await line.locator('input, select, button').count()).toBe(0);
        // At 390 px the line wraps inside the page instead of running off it.
        expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(
          true,
        );
        // The fee field edits the opening fee (the second, per installment, is the line's).
        expect(seen(await frame.inputValue('input[name=feeAmount]'))).toMatch(/^1[ ,]?500([.,]00)?$/);
        await page.screenshot({ path: `test-results/saved-conventions-${c.lang}-${vp.name}.png`, fullPage: true });
        // The line and the figures under it as the screen shows them (the full page skips off-screen rows).
        await line.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/saved-conventions-${c.lang}-${vp.name}-line.png` });

        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        const after = await rig.loanView(dealId);
        expect(conventionsOf(after.loan as unknown as Record<string, unknown>)).toEqual(conventionsOf(loan));
        expect(after.schedule.totals).toEqual(stored.schedule.totals);
        expect(after.schedule.rows.map((r) => r.total)).toEqual(stored.schedule.rows.map((r) => r.total));
        await page.close();
      });
    }
  });
}

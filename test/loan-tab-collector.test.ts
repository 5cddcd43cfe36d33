// User trial (es-MX deal 8, ru-RU): on an overdue loan "to be current" already held the installment
// due today, whose chip said "upcoming"; "next payment" showed the arrears total; a partly paid overdue
// installment showed its full amount. Now, as a collector reads it: arrears ("past due") apart from
// what falls due today, "to be current today" = both, the next payment = the installment due today
// alone, its chip "due today", and a partly paid installment says what is still owed on it. Chromium in
// es-MX and ru-RU, desktop and 390 px; the figures on screen are compared with the loan API's servicing
// (the one the CRM sync writes) formatted as the tab formats them.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../lending/dates.js';
import { insertDealLifecycle, saveStageMap } from '../server/lifecycle/repo.js';
import { formatters } from '../widgets/loan-tab/format.js';
import { useLoanTabRig } from './loan-tab-rig.js';
import { LOCALES, seen, VIEWPORTS } from './loan-tab-viewports.js';

const today = new Date().toISOString().slice(0, 10);
const WORDS = {
  'es-MX': {
    notIssued: /^Aún no desembolsado/,
    dueToday: 'vence hoy',
    overdue: 'vencido',
    pastDue: 'Vencido',
    toBeCurrent: 'Para estar al corriente hoy',
    owed: /^debe [\d,.]+ de [\d,.]+$/,
  },
  'ru-RU': {
    notIssued: /^Заём ещё не выдан/,
    dueToday: 'срок сегодня',
    overdue: 'просрочен',
    pastDue: 'Просрочено',
    toBeCurrent: 'Чтобы войти в график сегодня',
    owed: /^осталось [\d ,]+ из [\d ,]+$/,
  },
} as const;

const text = async (frame: Frame, testId: string) => seen(await frame.locator(`[data-testid=${testId}]`).first().textContent());
/** The status chip of installment n in the schedule. */
const chip = (frame: Frame, n: number) => frame.locator(`[data-testid=schedule] tbody tr:nth-child(${n}) .lt-badge`).first().textContent();

for (const locale of ['es-MX', 'ru-RU'] as const) {
  const c = LOCALES[locale];
  const w = WORDS[locale];
  describe(`loan tab as a collector reads it, ${locale}`, () => {
    const rigOf = useLoanTabRig({ locale });
    for (const vp of VIEWPORTS) {
      it(`${vp.name}: past due apart from today's installment, next payment = today's installment, what is left on a part-paid one`, async () => {
        const rig = rigOf();
        const deal = { title: `Cobranza ${c.lang} ${vp.name}`, opportunity: '30000', currency: c.currency };
        const { dealId, page, frame } = await rig.openNewDeal(deal, c.lang, vp);
        // Disbursed three months ago, monthly: installments 1 and 2 past due, 3 due today.
        await frame.fill('input[name=disbursementDate]', addMonths(today, -3));
        await frame.fill('input[name=firstDueDate]', addMonths(today, -2));
        await frame.click(`button:has-text("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        await frame.fill('input[name=paymentDate]', addMonths(today, -2));
        await frame.fill('input[name=paymentAmount]', c.lang === 'es' ? '1,000' : '1 000');
        await frame.click(`button:has-text("${c.addPayment}")`);
        await expect.poll(() => frame.locator('[data-testid=payments] tr[data-payment-id]').count()).toBe(1);
        await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
        const s = (await rig.loanView(dealId)).servicing as unknown as {
          pastDue: string;
          toBeCurrent: string;
          nextPayment: { n: number; dueDate: string; amount: string };
          installments: { n: number; outstanding: string; ownDue: string; ownOutstanding: string; status: string }[];
        };
        const fmt = formatters(c.lang, c.currency);
        const [one, two, three] = s.installments;
        expect([one!.status, two!.status, three!.status]).toEqual(['overdue', 'overdue', 'due']);
        await expect.poll(() => text(frame, 'past-due')).toBe(seen(fmt.money(s.pastDue)));
        expect(await text(frame, 'to-be-current')).toBe(seen(fmt.money(s.toBeCurrent)));
        // The next payment is installment 3's own amount, due today — not the arrears added to it.
        expect(s.nextPayment.n).toBe(3);
        expect(s.nextPayment.dueDate).toBe(today);
        expect(await text(frame, 'next-payment')).toBe(seen(`${fmt.money(three!.outstanding)} · ${fmt.date(today)}`));
        expect(await text(frame, 'next-payment')).not.toContain(seen(fmt.money(s.toBeCurrent)));
        expect(await frame.locator(`.lt-kpi__label:text-is("${w.pastDue}")`).count()).toBe(1);
        expect(await frame.locator(`.lt-kpi__label:text-is("${w.toBeCurrent}")`).count()).toBe(1);
        expect(seen(await chip(frame, 3))).toBe(w.dueToday);
        expect(seen(await chip(frame, 1))).toBe(w.overdue);
        // Installment 1 paid in part: what is still owed of what was due, beside its chip.
        const owed = await text(frame, 'owed-1');
        expect(owed).toMatch(w.owed);
        expect(owed).toContain(seen(fmt.number(one!.ownOutstanding)));
        expect(owed).toContain(seen(fmt.number(one!.ownDue)));
        expect(await frame.locator('[data-testid=owed-2]').count()).toBe(0);
        const box = await frame.locator('[data-testid=owed-1]').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
        await page.screenshot({ path: `test-results/collector-${c.lang}-${vp.name}.png`, fullPage: true });
        await frame.locator('[data-testid=servicing]').screenshot({ path: `test-results/collector-${c.lang}-${vp.name}-figures.png` });
        for (const n of [1, 3])
          await frame
            .locator(`[data-testid=schedule] tbody tr:nth-child(${n})`)
            .screenshot({ path: `test-results/collector-${c.lang}-${vp.name}-row${n}.png` });
        await page.close();
      }, 120_000);

      it(`${vp.name}: a loan whose deal has not reached the issued stage says so, with no payment form, arrears or payoff`, async () => {
        const rig = rigOf();
        const deal = { title: `Solicitud ${c.lang} ${vp.name}`, opportunity: '30000', currency: c.currency };
        const first = await rig.openNewDeal(deal, c.lang, vp);
        await first.frame.click(`button:has-text("${c.save}")`);
        await first.frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        await first.page.close();
        // The pipeline maps a stage to "issued" (server/lifecycle); the deal, as the app last saw it, is at NEW.
        const nowIso = new Date().toISOString();
        await saveStageMap(
          rig.p.db.kysely,
          rig.portalId,
          0,
          { onStage: { ISSUED: 'ISSUED' }, toStage: { overdue: [] }, payoutOnIssue: false },
          { userId: 1, nowIso },
        );
        await insertDealLifecycle(rig.p.db.kysely, rig.portalId, { dealId: first.dealId, categoryId: 0, stageId: 'NEW', nowIso });
        expect((await rig.loanView(first.dealId)).issue).toBe('not-issued');
        const { page, frame } = await rig.openTab(first.dealId, c.lang);
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await frame.waitForSelector('[data-testid=schedule]');
        expect(seen(await frame.locator('[data-testid=not-issued]').textContent())).toMatch(w.notIssued);
        await expect.poll(() => frame.locator('[data-testid=servicing]').count()).toBe(0);
        await expect.poll(() => frame.locator('input[name=paymentAmount]').count()).toBe(0);
        expect(await frame.locator('[data-testid=schedule] .lt-badge').count()).toBe(0);
        const box = await frame.locator('[data-testid=not-issued]').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
        await page.screenshot({ path: `test-results/collector-not-issued-${c.lang}-${vp.name}.png`, fullPage: true });
        await frame
          .locator('[data-testid=not-issued]')
          .screenshot({ path: `test-results/collector-not-issued-${c.lang}-${vp.name}-notice.png` });
        await page.close();
      }, 120_000);
    }
  });
}

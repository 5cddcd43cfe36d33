// Issue 14 item 1 in Chromium: a deal moved in the portal to the stage mapped to "offer fixed" has
// its terms frozen. The credit manager (es-MX or ru-RU browser, desktop and a 390 px phone) types a
// new amount the way they write money and presses Save: the refusal stands beside the form in their
// language, naming the stage that fixed the offer and the one to go back to; what they typed stays;
// nothing is saved. Moving the deal back to that earlier stage in the portal lets the same save through.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { enqueue } from '../server/jobs/outbox.js';
import { defaultLoanDeps, isoDay } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { findLoanByDeal } from '../server/loans/loan-repo.js';
import { getDealLifecycle } from '../server/lifecycle/repo.js';
import { adminApi, appWorker, settleJobs, useJumpingClock } from './support/app-jobs.js';
import { sampleTerms } from './support/sample-terms.js';
import { startLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';
import { seen, VIEWPORTS } from './loan-tab-viewports.js';

interface Case {
  browserLocale: string;
  lang: string;
  currency: string;
  principal: string;
  /** The portal's stage names in its language (the demo seeds them in English). */
  names: Record<string, string>;
  save: string;
  saved: string;
  typed: string;
  savedPrincipal: string;
  refusal: string;
}

const CASES: Case[] = [
  {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    principal: '12000',
    names: { UNDERWRITING: 'Análisis de crédito', APPROVED: 'Aprobado' },
    save: 'Guardar',
    saved: 'Guardado',
    typed: '15,000.50',
    savedPrincipal: '15000.50',
    refusal:
      'No se pudo guardar: Las condiciones quedaron fijadas en la etapa «Aprobado»; para cambiarlas, regrese la negociación a la etapa «Análisis de crédito».',
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    principal: '120000',
    names: { UNDERWRITING: 'Андеррайтинг', APPROVED: 'Одобрено' },
    save: 'Сохранить',
    saved: 'Сохранено',
    typed: '150 000,50',
    savedPrincipal: '150000.50',
    refusal: 'Не удалось сохранить: Условия зафиксированы на этапе «Одобрено»; чтобы изменить их, верните сделку на этап «Андеррайтинг».',
  },
];

for (const c of CASES) {
  describe(`a fixed offer refuses new terms in the loan tab (${c.browserLocale})`, () => {
    let rig: LoanTabRig;
    let p: LoanTabRig['p'];
    let portalId: string;
    let worker: OutboxWorker;
    let cat: number;
    const st = (code: string) => `C${cat}:${code}`;
    const settle = () => settleJobs(p, worker, 400, 10_000);
    let realClock: () => void = () => undefined;

    beforeAll(async () => {
      // The drain of the portal's deal events runs 1.5 s after a busy one (lifecycle/jobs.ts): on the
      // jumping clock settle() moves Date to it instead of waiting — 12 settles, ~1.6 s each, before.
      realClock = useJumpingClock();
      rig = await startLoanTabRig({ locale: c.browserLocale, seedDemoData: true });
      ({ p, portalId } = rig);
      worker = appWorker(p);
      const cats = await p.portalCall<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 });
      cat = cats.categories.find((x) => x.id !== 0)!.id;
      // The pipeline in the portal's language: crm.status.update renames (api-reference/crm/status/crm-status-update.md).
      const statuses = await p.portalCall<{ ID: string; STATUS_ID: string }[]>('crm.status.list', {
        filter: { ENTITY_ID: `DEAL_STAGE_${cat}` },
      });
      for (const [code, name] of Object.entries(c.names)) {
        const row = statuses.find((s) => s.STATUS_ID === st(code))!;
        await p.portalCall('crm.status.update', { id: row.ID, fields: { NAME: name } });
      }
      const map = {
        onStage: { [st('APPROVED')]: 'OFFER_FIXED', [st('ISSUED')]: 'ISSUED' },
        toStage: { overdue: [] },
        payoutOnIssue: false,
      };
      expect((await adminApi(p, portalId)('PUT', `/api/v1/settings/stage-maps/${cat}`, map)).status).toBe(200);
    }, 120_000);

    afterAll(async () => {
      await rig?.close();
      realClock();
    });

    /** The deal card's Loan tab at the viewport's size. */
    async function openTab(dealId: number, width: number, height: number): Promise<{ page: Page; frame: Frame }> {
      const opened = await rig.openTab(dealId, c.lang);
      await opened.page.setViewportSize({ width, height });
      return opened;
    }

    for (const vp of VIEWPORTS)
      it(`${vp.name}: refused beside the form with the typed amount kept; moved back, the same save goes through`, async () => {
        const today = isoDay(new Date());
        const deal = p.em.createDeal({
          TITLE: `Oferta ${vp.name}`,
          CATEGORY_ID: cat,
          STAGE_ID: st('UNDERWRITING'),
          CURRENCY_ID: c.currency,
        });
        const dealId = Number(deal.ID ?? deal.id);
        const terms = sampleTerms(6, { currency: c.currency, principal: c.principal, contractDate: today, disbursementDate: today });
        delete (terms as { firstDueDate?: string }).firstDueDate;
        await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) }));
        await settle();
        // A person moves the deal to "Approved" (offer fixed) in the portal; the drain fixes the offer.
        p.em.updateDeal(dealId, { STAGE_ID: st('APPROVED') });
        await settle();
        expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.offerVersion).toBe(1);

        const { page, frame } = await openTab(dealId, vp.width, vp.height);
        await frame.fill('input[name=amount]', c.typed);
        await frame.click(`button:text-is("${c.save}")`);
        const refusal = frame.locator('[data-testid=terms-frozen]');
        await refusal.waitFor();
        expect(seen(await refusal.textContent())).toBe(c.refusal);
        expect(await frame.inputValue('input[name=amount]')).toBe(c.typed);
        // Beside the form: the refusal sits right above the amount field.
        const [box, field] = [await refusal.boundingBox(), await frame.locator('input[name=amount]').boundingBox()];
        expect(box!.y).toBeLessThan(field!.y);
        expect(field!.y - (box!.y + box!.height)).toBeLessThan(120);
        await page.screenshot({ path: `test-results/offer-fixed-${c.lang}-${vp.name}.png`, fullPage: true });
        const still = (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
        expect([still.principal, still.currentScheduleVersion]).toEqual([c.principal, 1]);

        // Back to the stage before the offer: the terms are open again (read from the portal at save).
        p.em.updateDeal(dealId, { STAGE_ID: st('UNDERWRITING') });
        await frame.click(`button:text-is("${c.save}")`);
        await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
        expect(await refusal.count()).toBe(0);
        const saved = (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
        expect([saved.principal, saved.currentScheduleVersion]).toEqual([c.savedPrincipal, 2]);
        await page.close();
        await settle();
      }, 120_000);
  });
}

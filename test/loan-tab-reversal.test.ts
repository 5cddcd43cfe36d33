// Issue 5, "reversal of a wrong payment is a new reversing entry, never an edit", from the tab on the
// real platform (the same rig as loan-tab-save.test.ts): a payment registered in the tab and then
// reversed from it leaves the portal's schedule items and the deal's loan fields as they were before
// the payment; the reopened tab lists it under reversed and offers no second reversal. And a closed
// loan (its deal deleted) opens read-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleItemFields } from '../server/loans/sync/target.js';
import { demoPortfolioPlan, seedDemoPortfolio } from '../scripts/demo/portfolio.js';
import { startLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';
import { VIEWPORTS } from './loan-tab-viewports.js';

const DEAL_FIELDS = [
  'UF_CRM_LOAN_NEXT_DUE_DATE',
  'UF_CRM_LOAN_NEXT_AMOUNT',
  'UF_CRM_LOAN_BALANCE',
  'UF_CRM_LOAN_DAYS_PAST_DUE',
  'UF_CRM_LOAN_STATUS',
];

describe('loan tab reverses a payment', () => {
  let rig: LoanTabRig;
  let p: LoanTabRig['p'];
  let portalId: string;
  /** The crm.item name of the installment status field install created. */
  let statusField: string;

  beforeAll(async () => {
    rig = await startLoanTabRig();
    ({ p, portalId } = rig);
    const types = await p.portalCall<{ types: { id: number }[] }>('crm.type.list', { filter: { entityTypeId: rig.entityTypeId } });
    statusField = scheduleItemFields(types.types[0]!.id)!.status;
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  });

  const addDeal = async (title: string): Promise<number> =>
    Number(await p.portalCall('crm.deal.add', { fields: { TITLE: title, OPPORTUNITY: '60000', CURRENCY_ID: 'RUB' } }));
  const openTab = (dealId: number, lang?: string) => rig.openTab(dealId, lang);

  /** What the sync writes on each schedule item: its user fields, stage, amount and title. */
  async function itemState(dealId: number): Promise<Record<string, unknown>[]> {
    return (await rig.items(dealId)).map((i) =>
      Object.fromEntries(Object.entries(i).filter(([k]) => k.startsWith('ufCrm') || ['id', 'title', 'opportunity', 'stageId'].includes(k))),
    );
  }

  async function dealState(dealId: number): Promise<Record<string, unknown>> {
    const deal = await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId });
    return Object.fromEntries(DEAL_FIELDS.map((f) => [f, deal[f]]));
  }

  const statuses = (items: Record<string, unknown>[]): unknown[] => items.map((i) => i[statusField]);

  /** The payments and reversals booked on the deal's loan. */
  const ledger = (dealId: number) =>
    p.db.kysely
      .selectFrom('ledger_entries as e')
      .innerJoin('loans as l', (j) => j.onRef('l.id', '=', 'e.loan_id').onRef('l.portal_id', '=', 'e.portal_id'))
      .select(['e.kind', 'e.amount', 'e.reason_code'])
      .where('l.portal_id', '=', portalId)
      .where('l.deal_id', '=', dealId)
      .where('e.kind', 'in', ['PAYMENT', 'REVERSAL'])
      .orderBy('e.id')
      .execute();

  it('register → reverse from the tab: items back to upcoming, deal fields as before; reopened, the payment is under reversed', async () => {
    const dealId = await addDeal('Заём Сидорову');
    const { page, frame } = await openTab(dealId);
    await frame.fill('input[name=installments]', '6');
    await frame.click('button:has-text("Сохранить")');
    await frame.waitForSelector('.lt-ok:has-text("Сохранено")');
    await p.a.app.outbox.drain();
    const itemsBefore = await itemState(dealId);
    const dealBefore = await dealState(dealId);
    expect(statuses(itemsBefore)).toEqual(Array(6).fill('upcoming'));

    await frame.fill('input[name=paymentAmount]', '15000');
    await frame.selectOption('select[name=paymentMethod]', 'transfer');
    await frame.fill('input[name=paymentReference]', 'п/п 88');
    await frame.click('button:has-text("Добавить платёж")');
    const row = frame.locator('[data-testid=payments] tr[data-payment-id]');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.first().textContent()).toContain('п/п 88');
    await expect.poll(async () => (await ledger(dealId)).length).toBe(1);
    await p.a.app.outbox.drain();
    const itemsPaid = await itemState(dealId);
    expect(statuses(itemsPaid)).not.toEqual(statuses(itemsBefore));
    expect(await dealState(dealId)).not.toEqual(dealBefore);

    let reversalRequests = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/reversal')) reversalRequests += 1;
    });
    await frame.click('button:has-text("Сторнировать")');
    const confirm = frame.locator('[data-testid=reversal-confirm]');
    await confirm.waitFor();
    await frame.selectOption('select[name=reversalReason]', 'WRONG_AMOUNT');
    await frame.fill('input[name=reversalNote]', 'сумма ошибочна');
    await page.screenshot({ path: 'test-results/loan-tab-reversal-confirm-ru.png', fullPage: true });
    // A double click books one reversal: the button is disabled while the first is on its way.
    await confirm.locator('button[type=submit]').dblclick();
    await frame.waitForSelector('[data-testid=reversed-payments] tr[data-payment-id]');
    expect(await row.count()).toBe(0);
    expect(await frame.locator('[data-testid=reversed-payments]').textContent()).toContain('Неверная сумма · сумма ошибочна');
    expect(await frame.locator('[role=alert]').count()).toBe(0);
    expect(reversalRequests).toBe(1);
    expect((await ledger(dealId)).map((e) => [e.kind, e.reason_code])).toEqual([
      ['PAYMENT', null],
      ['REVERSAL', 'WRONG_AMOUNT'],
    ]);

    await p.a.app.outbox.drain();
    expect(await itemState(dealId)).toEqual(itemsBefore);
    expect(await dealState(dealId)).toEqual(dealBefore);
    await page.screenshot({ path: 'test-results/loan-tab-reversed-ru.png', fullPage: true });
    await page.close();

    const again = await openTab(dealId);
    await again.frame.waitForSelector('[data-testid=reversed-payments] tr[data-payment-id]');
    expect(await again.frame.locator('[data-testid=payments]').count()).toBe(0);
    expect(await again.frame.locator('button:has-text("Сторнировать")').count()).toBe(0);
    expect(await again.frame.locator('[data-testid=reversed-payments] tbody tr').count()).toBe(1);
    await again.page.close();
  });

  it("the demo's reversed payment on a RU loan: the reason in the viewer's language (ru, es), the seeded note in Russian only", async () => {
    const dealId = await addDeal('Демо: сторно');
    const today = new Date().toISOString().slice(0, 10);
    const plans = demoPortfolioPlan([{ id: dealId, stage: 'REPAYING', currency: 'RUB', amount: '60000' }], today);
    expect((await seedDemoPortfolio(p.db.kysely, portalId, plans)).failed).toEqual([]);
    const note = 'Банк прислал этот перевод в выписке дважды';
    for (const [lang, reason] of [
      ['ru', 'Платёж учтён дважды'],
      ['es', 'Pago duplicado'],
    ] as const) {
      for (const v of VIEWPORTS) {
        const { page, frame } = await openTab(dealId, lang);
        await page.setViewportSize({ width: v.width, height: v.height });
        const cell = frame.locator('[data-testid=reversed-payments] tbody tr td').nth(2);
        await cell.waitFor();
        expect(await cell.innerText()).toBe(`${reason} · ${note}`);
        expect(await frame.locator('[data-testid=reversed-payments]').innerText()).not.toMatch(/booked twice/i);
        await frame
          .locator('[data-testid=reversed-payments]')
          .screenshot({ path: `test-results/loan-tab-demo-reversal-${lang}-${v.name}.png` });
        await page.close();
      }
    }
  });

  it('a closed loan (its deal deleted) opens read-only: banner, no Save, no payment, no reversal; what-if still works', async () => {
    const dealId = await addDeal('Closed loan');
    const { page, frame } = await openTab(dealId, 'en');
    await frame.click('button:has-text("Save")');
    await frame.waitForSelector('.lt-ok:has-text("Saved")');
    await frame.fill('input[name=paymentAmount]', '1000');
    await frame.click('button:has-text("Add payment")');
    await expect.poll(async () => (await ledger(dealId)).length).toBe(1);
    await page.close();
    // The deal-deleted job closes the loan like this (server/events/deal-deleted.db.test.ts); the
    // emulator has no recycle bin to bring the deal back, so the loan is closed in the database.
    await p.db.kysely
      .updateTable('loans')
      .set({ status: 'CLOSED', closed_reason: 'DEAL_DELETED', closed_at: new Date().toISOString() })
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .execute();

    const closed = await openTab(dealId, 'en');
    const banner = await closed.frame.waitForSelector('[data-testid=loan-closed]');
    expect(await banner.textContent()).toBe('This loan is closed: its deal was deleted. It is shown read-only.');
    expect(await closed.frame.locator('[data-testid=payments] tr[data-payment-id]').count()).toBe(1);
    for (const label of ['Save', 'Add payment', 'Reverse'])
      expect(await closed.frame.locator(`button:has-text("${label}")`).count()).toBe(0);
    // Before the payment's date it has no allocation yet, and is listed all the same.
    await closed.frame.fill('input[name=asOf]', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await expect.poll(() => closed.frame.locator('[data-testid=payments] tr[data-payment-id] td').nth(4).textContent()).toBe('—');
    expect(await closed.frame.locator('[data-testid=payments] tr[data-payment-id]').count()).toBe(1);
    await closed.frame.check('input[name=whatIf]');
    await closed.frame.locator('.lt-input--cell').first().waitFor();
    await closed.page.screenshot({ path: 'test-results/loan-tab-closed-en.png', fullPage: true });
    await closed.page.close();
  });
});

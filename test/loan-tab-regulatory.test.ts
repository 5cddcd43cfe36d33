// Issue 11 §4: loans under a regulatory profile, worked in the tab the way their users do — a Mexican
// single-payment loan (MX: IVA on interest, CAT) in es-MX, a Russian microloan (RU-MFO: caps, the
// statutory allocation order) in ru-RU. Before, the payments block stayed "…" forever for both, the
// method select was blank for the single payment and IVA was shown nowhere. Each test reads the
// figures on screen and compares them with what the loan API (the same servicing the CRM sync
// writes) says, formatted as the tab formats them.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoanView } from '../server/loans/operations/get-loan-view.js';
import { scheduleItemFields, scheduleSplitFields } from '../server/loans/sync/target.js';
import { upsertProduct } from '../server/products/product-repo.js';
import type { LoanProduct } from '../server/products/product.js';
import { formatters, type Formatters } from '../widgets/loan-tab/format.js';
import { startLoanTabRig, type LoanTabRig } from './loan-tab-rig.js';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const text = async (frame: Frame, testId: string) => ((await frame.locator(`[data-testid=${testId}]`).textContent()) ?? '').trim();

/** The payments block on screen equals the servicing the loan API answers, figure by figure. */
async function expectPaymentsBlock(frame: Frame, view: LoanView, fmt: Formatters, loanStatusWord: string): Promise<void> {
  const s = view.servicing;
  await expect.poll(() => text(frame, 'payoff'), { timeout: 10_000 }).toBe(fmt.money(s.payoff.amount));
  expect(await text(frame, 'days-past-due')).toBe(String(s.daysPastDue));
  expect(await text(frame, 'penalty')).toBe(fmt.money(s.penaltyOutstanding));
  expect(await text(frame, 'to-be-current')).toBe(fmt.money(s.toBeCurrent));
  expect(await text(frame, 'past-due')).toBe(fmt.money(s.pastDue));
  // The single payment is past due: it is all arrears, nothing falls due later (README "The loan tab as a collector reads it").
  const next = s.nextPayment;
  expect(await text(frame, 'next-payment')).toBe(next ? `${fmt.money(next.amount)} · ${fmt.date(next.dueDate)}` : '—');
  expect(await text(frame, 'loan-status')).toBe(loanStatusWord);
  expect(await frame.locator('[data-testid=servicing] .lt-kpi__value:text-is("…")').count()).toBe(0);
}

async function saveAndPay(
  frame: Frame,
  p: LoanTabRig['p'],
  words: { save: string; saved: string; add: string },
  pay: { date: string; amount: string },
) {
  await frame.click(`button:has-text("${words.save}")`);
  await frame.waitForSelector(`.lt-ok:has-text("${words.saved}")`);
  await frame.fill('input[name=paymentDate]', pay.date);
  await frame.fill('input[name=paymentAmount]', pay.amount);
  await frame.click(`button:has-text("${words.add}")`);
  await expect.poll(() => frame.locator('[data-testid=payments] tr[data-payment-id]').count()).toBe(1);
  await p.a.app.outbox.drain();
}

function product(over: Partial<LoanProduct>): LoanProduct {
  return {
    id: 'x',
    name: 'x',
    method: 'annuity',
    rateUnit: 'annual',
    rateMin: '10',
    rateMax: '90',
    termMin: 1,
    termMax: 24,
    amountMin: null,
    amountMax: null,
    currency: null,
    fees: [],
    dayCount: 'actual/365',
    profile: null,
    active: true,
    ...over,
  };
}

/** A platform with the app installed in a portal speaking `locale`'s language, a browser in `locale` and one product offered. */
async function rigWithProduct(locale: string, p: LoanProduct): Promise<LoanTabRig> {
  const rig = await startLoanTabRig({ locale });
  // The portal's language, as app.info answers it (LANGUAGE_ID): the schedule items are written in it.
  rig.p.em.core.state.app!.languageId = locale.slice(0, 2);
  await upsertProduct(rig.p.db.kysely, rig.portalId, p, new Date().toISOString());
  return rig;
}

/** A new deal with its Loan tab open, the product chosen and the amount typed. */
async function newLoan(rig: LoanTabRig, deal: { title: string; amount: string; currency: string; lang: string; productId: string }) {
  const dealId = Number(
    await rig.p.portalCall('crm.deal.add', { fields: { TITLE: deal.title, OPPORTUNITY: deal.amount, CURRENCY_ID: deal.currency } }),
  );
  const { page, frame } = await rig.openTab(dealId, deal.lang);
  await frame.selectOption('select[name=product]', deal.productId);
  await frame.fill('input[name=amount]', deal.amount);
  return { dealId, page, frame };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

describe('an MX single-payment loan in es-MX: IVA, CAT and a filled payments block', () => {
  let rig: LoanTabRig;
  beforeAll(async () => {
    rig = await rigWithProduct(
      'es-MX',
      product({
        id: 'mx-pago-unico',
        name: 'Pago único 30 días',
        method: 'single-payment',
        rateMin: '90',
        currency: 'MXN',
        profile: 'MX',
        termMax: 1,
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('shows IVA as its own column, names the CAT, offers the method, and fills days past due, penalty, to-be-current and payoff', async () => {
    const { dealId, page, frame } = await newLoan(rig, {
      title: 'Préstamo López',
      amount: '15000',
      currency: 'MXN',
      lang: 'es',
      productId: 'mx-pago-unico',
    });
    await frame.fill('input[name=disbursementDate]', daysAgo(45));
    await frame.fill('input[name=firstDueDate]', daysAgo(15));
    // The product's method is shown, not a blank select.
    expect(await frame.inputValue('select[name=method]')).toBe('single-payment');
    expect(await frame.locator('select[name=method]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(
      'Pago único',
    );
    await saveAndPay(frame, rig.p, { save: 'Guardar', saved: 'Guardado', add: 'Agregar pago' }, { date: daysAgo(8), amount: '5000' });

    const view = await rig.loanView(dealId);
    const fmt = formatters('es', 'MXN');
    const row = view.schedule.rows[0]!;
    // IVA has its own column, so the single row adds up on screen: capital + interés + comisiones + IVA = pago.
    expect(await frame.locator('[data-testid=schedule] thead th').allTextContents()).toContain('IVA');
    expect(row.vat).toBeDefined();
    const cells = (await frame.locator('[data-testid=schedule] tbody tr').first().locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(3, 8)).toEqual([
      fmt.number(row.principal),
      fmt.number(row.interest),
      fmt.number(row.fees),
      fmt.number(row.vat!),
      fmt.number(row.total),
    ]);
    expect(await text(frame, 'total-vat')).toBe(fmt.number(view.schedule.totals.vat!));
    expect(await frame.locator('.lt-kpi__label', { hasText: 'Costo Anual Total (CAT)' }).count()).toBe(1);
    await expect.poll(() => text(frame, 'effective-rate')).toMatch(/^\d[\d,]*\.\d+ %$/);

    // The payment's row adds up on screen too: interés + capital + comisiones + IVA + moratorio = monto.
    const a = view.payments[0]!.allocation!;
    // The tab services the loan in the browser after it loads: the row reads "…" until then.
    const payRow = async () =>
      (await frame.locator('[data-testid=payments] tr[data-payment-id] td').allTextContents()).map((c) => c.trim());
    await expect
      .poll(async () => (await payRow()).slice(4, 9))
      .toEqual([a.interest, a.principal, a.fees, a.vat, a.penalty].map((x) => fmt.number(x)));
    expect([a.interest, a.principal, a.fees, a.vat, a.penalty].reduce((s, x) => s + Math.round(Number(x) * 100), 0)).toBe(500_000);
    expect(view.servicing.daysPastDue).toBe(15);
    expect(Number(view.servicing.penaltyOutstanding)).toBeGreaterThan(0);
    await expectPaymentsBlock(frame, view, fmt, 'vencido');
    await shot(page, 'loan-tab-mx-single-payment-es');

    // The schedule item carries the IVA and the status in the tab's words.
    const types = await rig.p.portalCall<{ types: { id: number }[] }>('crm.type.list', { filter: { entityTypeId: rig.entityTypeId } });
    const split = scheduleSplitFields(types.types[0]!.id)!;
    const [item] = await rig.items(dealId);
    expect(Number(item![split.vat])).toBe(Number(row.vat));
    expect(item!.title).toBe(`№1/1 · ${fmt.date(row.dueDate)} · ${fmt.money(row.total)}`);
    const itemFields = scheduleItemFields(types.types[0]!.id)!;
    expect(item![itemFields.status]).toBe('vencido');
    await page.close();
  });
});

describe('an RU-MFO microloan in ru-RU: statutory allocation, penalty cap and a filled payments block', () => {
  let rig: LoanTabRig;
  beforeAll(async () => {
    rig = await rigWithProduct(
      'ru-RU',
      product({
        id: 'mfo-zp',
        name: 'До зарплаты',
        rateUnit: 'daily',
        rateMin: '0.5',
        rateMax: '0.8',
        termMin: 2,
        termMax: 6,
        currency: 'RUB',
        profile: 'RU-MFO',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('fills the block with the loan’s own penalty; a what-if penalty above the cap is refused beside the field', async () => {
    const { dealId, page, frame } = await newLoan(rig, {
      title: 'Заём Петрову',
      amount: '30000',
      currency: 'RUB',
      lang: 'ru',
      productId: 'mfo-zp',
    });
    await frame.fill('input[name=rate]', '0.8');
    await frame.fill('input[name=installments]', '6');
    await frame.fill('input[name=every]', '2');
    await frame.selectOption('select[name=unit]', 'week');
    await frame.fill('input[name=disbursementDate]', daysAgo(90));
    await frame.fill('input[name=firstDueDate]', daysAgo(76));
    await saveAndPay(
      frame,
      rig.p,
      { save: 'Сохранить', saved: 'Сохранено', add: 'Добавить платёж' },
      { date: daysAgo(60), amount: '8000' },
    );

    const view = await rig.loanView(dealId);
    const fmt = formatters('ru', 'RUB');
    // RU-MFO fixes the statutory order of 353-FZ art. 5 p. 20 and a penalty inside its cap.
    expect(view.servicing.allocationOrder).toBe('ru-statutory-2024');
    // The loan's saved rate, written the Russian way.
    expect(await frame.inputValue('input[name=penaltyRate]')).toBe('0,05');
    expect(await frame.locator('.lt-kpi__label', { hasText: 'ПСК' }).count()).toBe(1);
    await expectPaymentsBlock(frame, view, fmt, 'просрочен');
    // The allocation the tab shows for the payment is the server's.
    const a = view.payments[0]!.allocation!;
    const payRow = (await frame.locator('[data-testid=payments] tr[data-payment-id] td').allTextContents()).map((c) => c.trim());
    expect(payRow.slice(4, 8)).toEqual([fmt.number(a.interest), fmt.number(a.principal), fmt.number(a.fees), fmt.number(a.penalty)]);
    await shot(page, 'loan-tab-ru-mfo-ru');

    // 0.1 % a day is 36.5 % a year: above RU-MFO's 20 % while interest accrues. Said beside the field.
    await frame.fill('input[name=penaltyRate]', '0,1');
    await expect
      .poll(() => frame.locator('.lt-field', { has: frame.locator('input[name=penaltyRate]') }).textContent())
      .toContain('Неустойка выше законного предела');
    expect(await text(frame, 'payoff')).toBe('—');
    await shot(page, 'loan-tab-ru-mfo-penalty-cap-ru');
    await frame.fill('input[name=penaltyRate]', '0,05');
    await expectPaymentsBlock(frame, view, fmt, 'просрочен');
    await page.close();
  });
});

// Issue 11 "one truth": the loan tab, the portal's schedule items and the deal's loan fields say the
// same thing about a loan — field by field, after payments, a reversal, an overpayment and a re-term,
// on SQLite and PostgreSQL. The tab's side is the tab's own model (widgets/loan-tab/model.ts) loaded
// with what GET /deals/:id/loan answers; the portal's side is read back from the emulator over REST,
// after the real sync wrote it. The loan is a Mexican one (MX profile: IVA on interest) in Spanish.
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { installScheduleTarget } from './emulator-schedule.js';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { HttpGateway } from './support/http-gateway.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { getLoanView } from '../server/loans/operations/get-loan-view.js';
import { registerPayment } from '../server/loans/operations/register-payment.js';
import { reversePayment } from '../server/loans/operations/reverse-payment.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import type { LoanInput as ServerLoanInput } from '../server/loans/lending-types.js';
import { syncLoanToPortal } from '../server/loans/sync/sync-loan.js';
import type { SyncTarget } from '../server/loans/sync/target.js';
import type { SavedLoan } from '../widgets/loan-tab/api.js';
import { immediateDefer } from '../widgets/loan-tab/deferred.js';
import { formatters } from '../widgets/loan-tab/format.js';
import es from '../widgets/loan-tab/i18n/es.js';
import { translatorFrom } from '../widgets/loan-tab/i18n.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from '../widgets/loan-tab/lending-adapter.js';
import type { Servicing } from '../widgets/loan-tab/lending-types.js';
import { createLoanModel, defaultForm, toLoanInput } from '../widgets/loan-tab/model.js';

const P = 'portal-truth';
const TODAY = '2026-05-20';
const now = () => new Date(`${TODAY}T09:00:00Z`);
const deps = defaultLoanDeps({ now });
const actor = { userId: 1 };

/** The loan exactly as the tab saves it: the form's defaults, 8 fortnightly installments, MX profile. */
function tabTerms(installments: number): ServerLoanInput {
  const form = { ...defaultForm('2026-02-01', '15000'), rate: '60', installments: String(installments), unit: 'week' as const, every: '2' };
  form.firstDueDate = '2026-02-15';
  return toLoanInput(form, 'MXN', 'MX', undefined) as unknown as ServerLoanInput;
}

describe.each(['sqlite', 'postgres'] as const)('one truth on %s: tab = schedule items = deal fields', (dialect) => {
  let em: Emulator;
  let gw: HttpGateway;
  let db: Db;
  let target: SyncTarget;

  beforeAll(async () => {
    em = await createEmulator({ clientId: 'local.truth.e2e', clientSecret: 'secret', rateLimit: false });
    const installed = await em.installApp({});
    gw = new HttpGateway({ restUrl: `${em.url}/rest`, accessToken: installed.auth.accessToken, rate: false });
    target = await installScheduleTarget(gw, 'es');
    db = await createTestDb(dialect);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await em?.close();
  });

  /** What the tab shows for the deal: its model loaded with the loan API's answer, recomputed in the tab. */
  async function tabView(dealId: number) {
    const view = await getLoanView(db.kysely, P, dealId, TODAY);
    if (!view) throw new Error(`no loan on deal ${dealId}`);
    const m = createLoanModel({
      core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
      defer: immediateDefer,
      api: null,
      dealId: String(dealId),
      currency: 'MXN',
      today: TODAY,
      products: [],
      newId: () => 'x',
    });
    m.load(view as unknown as SavedLoan);
    // The tab's loan carries the profile of the saved loan (a product would apply it; here it is given).
    const s = m.schedule.value;
    expect(s.ok).toBe(true);
    const serv = m.servicing.value;
    if (!serv?.ok) throw new Error(`tab servicing failed: ${JSON.stringify(serv)}`);
    return { view, rows: s.ok ? s.value.rows : [], servicing: serv.value };
  }

  async function portalState(dealId: number) {
    const items = (
      await gw.call<{ items: Record<string, unknown>[] }>('crm.item.list', {
        entityTypeId: target.entityTypeId,
        filter: { parentId2: dealId },
        order: { id: 'ASC' },
      })
    ).items;
    const deal = await gw.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
    return { items, deal };
  }

  const t = translatorFrom(es);
  const fmt = formatters('es', 'MXN');
  const dec = (x: unknown) => new Decimal(String(x ?? '0'));

  /** Syncs the loan, then compares what the tab shows with the items and the deal, field by field. */
  async function expectOneTruth(dealId: number, loanId: string, label: string): Promise<Servicing> {
    await syncLoanToPortal(db.kysely, gw, P, loanId, target, { now });
    const tab = await tabView(dealId);
    const { items, deal } = await portalState(dealId);
    const f = target.itemFields!;
    const split = target.splitFields!;
    // The server's own servicing (loan API) is the tab's, figure for figure.
    expect(
      tab.view.servicing.installments.map((i) => [i.n, i.status, i.paid, i.outstanding]),
      label,
    ).toEqual(tab.servicing.installments.map((i) => [i.n, i.status, i.paid, i.outstanding]));
    expect(items, label).toHaveLength(tab.rows.length);
    tab.rows.forEach((row, k) => {
      const st = tab.servicing.installments[k]!;
      const item = items[k]!;
      const at = `${label}, installment ${row.n}`;
      expect(item.title, at).toBe(`№${row.n}/${tab.rows.length} · ${fmt.date(row.dueDate)} · ${fmt.money(row.total)}`);
      expect(item[f.status], at).toBe(t(`status.${st.status}`));
      expect(dec(item[f.total]).eq(row.total), at).toBe(true);
      expect(dec(item[split.vat]).eq(row.vat ?? '0'), at).toBe(true);
      expect(dec(item[f.outstanding]).eq(st.outstanding), at).toBe(true);
      // Paid on the installment and paid on its penalty, apart; together what the tab counts as paid.
      const paidParts = [split.paidPrincipal, split.paidInterest, split.paidFees, split.paidVat].reduce(
        (s, k2) => s.add(dec(item[k2])),
        dec(0),
      );
      expect(dec(item[f.paid]).eq(paidParts), at).toBe(true);
      expect(paidParts.add(dec(item[split.paidPenalty])).eq(st.paid), at).toBe(true);
      expect(dec(item[split.penalty]).gte(dec(item[split.paidPenalty])), at).toBe(true);
    });
    const next = tab.servicing.nextPayment;
    expect(deal.UF_CRM_LOAN_NEXT_DUE_DATE ?? '', label).toBe(next?.dueDate ?? '');
    // The deal's one amount due by the next date: the tab's past due plus its next payment (README "The loan tab as a collector reads it").
    const dueByNext = next ? dec(tab.servicing.pastDue).add(dec(next.amount)).toFixed(2) : tab.servicing.toBeCurrent;
    expect(String(deal.UF_CRM_LOAN_NEXT_AMOUNT).split('|')[0], label).toBe(dueByNext);
    expect(Number(deal.UF_CRM_LOAN_DAYS_PAST_DUE), label).toBe(tab.servicing.daysPastDue);
    expect(deal.UF_CRM_LOAN_STATUS, label).toBe(t(`loanStatus.${tab.servicing.loanStatus}`));
    // The term field says "installments" and holds them: 8 fortnights → 8.
    expect(Number(deal.UF_CRM_LOAN_TERM), label).toBe(tab.rows.length);
    return tab.servicing;
  }

  it('after payments, a reversal, an overpayment and a re-term', async () => {
    const dealId = Number(await gw.call('crm.deal.add', { fields: { TITLE: 'Préstamo Pérez', CURRENCY_ID: 'MXN' } }));
    const saved = await saveLoan(db.kysely, P, dealId, { terms: tabTerms(8) }, actor, deps);
    const rows = saved.schedule.rows;
    expect(rows.some((r) => r.vat !== undefined && !new Decimal(r.vat).isZero())).toBe(true);
    let s = await expectOneTruth(dealId, saved.loanId, 'no payments');
    expect(s.daysPastDue).toBeGreaterThan(0);

    // The first installment paid in full on its due date: paid everywhere (the reported "просрочен").
    await registerPayment(db.kysely, P, dealId, { id: 'pay-1', date: rows[0]!.dueDate, amount: rows[0]!.total }, actor, deps);
    // The second paid late with its penalty, the third partly.
    await registerPayment(
      db.kysely,
      P,
      dealId,
      { id: 'pay-2', date: '2026-03-10', amount: new Decimal(rows[1]!.total).add(200).toFixed(2) },
      actor,
      deps,
    );
    await registerPayment(db.kysely, P, dealId, { id: 'pay-3', date: '2026-03-20', amount: '500' }, actor, deps);
    s = await expectOneTruth(dealId, saved.loanId, 'after payments');
    expect(s.installments[0]!.status).toBe('paid');
    // The late payment paid a penalty: the item keeps it apart from what the installment got.
    const late = (await portalState(dealId)).items[1]!;
    expect(dec(late[target.splitFields!.paidPenalty]).gt(0)).toBe(true);

    await reversePayment(db.kysely, P, dealId, 'pay-3', { reasonCode: 'BOUNCED' }, actor, deps);
    await expectOneTruth(dealId, saved.loanId, 'after a reversal');

    // More than the payoff: everything paid, the loan paid off, nothing next.
    const payoff = (await tabView(dealId)).servicing.payoff;
    await registerPayment(
      db.kysely,
      P,
      dealId,
      { id: 'pay-4', date: TODAY, amount: new Decimal(payoff).add(1000).toFixed(2) },
      actor,
      deps,
    );
    s = await expectOneTruth(dealId, saved.loanId, 'after an overpayment');
    expect(s.loanStatus).toBe('closed');
    expect(s.nextPayment).toBeNull();

    // Re-termed to 10 fortnights: the payments are placed on the new schedule, everywhere alike.
    await saveLoan(db.kysely, P, dealId, { terms: tabTerms(10) }, actor, deps);
    await expectOneTruth(dealId, saved.loanId, 'after a re-term');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database.js';
import { createTestDb, insertTestPortal } from '../../test/support/test-db.js';
import { getLoanView, type LoanView } from '../../server/loans/operations/get-loan-view.js';
import { demoPortfolioPlan, seedDemoPortfolio, type DemoDeal } from './portfolio.js';
import { scheduleFromJson } from '../../lending/commands.js';
import { currencyScale } from '../../lending/currency.js';
import type { SavedLoanTerms } from '../../widgets/loan-tab/api.js';
import { formFromSaved } from '../../widgets/loan-tab/saved-form.js';
import { defaultForm, readLoanNumbers, toLoanInput } from '../../widgets/loan-tab/terms-form.js';

// The demo's portfolio goes through saveLoan / registerPayment / reversePayment on both dialects;
// what the loan tab will show for each demo deal is read back with getLoanView as of today.
const STAGES = ['NEW', 'VERIFICATION', 'UNDERWRITING', 'APPROVED', 'CONTRACT_SIGNED', 'ISSUED', 'REPAYING', 'OVERDUE', 'WON', 'LOSE'];
const deals: DemoDeal[] = [
  ...STAGES.map((stage, i) => ({ id: i + 1, stage, currency: 'MXN', amount: String(10000 + i * 1000) })),
  ...STAGES.map((stage, i) => ({ id: i + 11, stage, currency: 'RUB', amount: String(30000 + i * 5000) })),
];
const idOf = (stage: string, currency: string) => deals.find((d) => d.stage === stage && d.currency === currency)!.id;
const today = new Date().toISOString().slice(0, 10);

let db: Db;
const views = new Map<number, LoanView | null>();

beforeAll(async () => {
  db = await createTestDb();
  await insertTestPortal(db, 'p1');
  const plans = demoPortfolioPlan(deals, today);
  expect(await seedDemoPortfolio(db.kysely, 'p1', plans)).toEqual({ seeded: plans, failed: [] });
  for (const d of deals) views.set(d.id, await getLoanView(db.kysely, 'p1', d.id, today));
});
afterAll(async () => {
  await db.close();
});

describe('demo portfolio', () => {
  it('the loan tab recomputes the very schedule each demo loan holds: same conventions, same totals', () => {
    // What the tab shows, what the schedule items say and what the deal fields hold come from one
    // computation (brief, money): the demo once seeded 'periodic' interest the tab does not use, and a
    // paid-up MX loan showed "partly paid, 6.14 to be current". A rebuilt schedule is shown as held.
    let compared = 0;
    for (const d of deals) {
      const v = views.get(d.id);
      if (!v || v.payments.some((p) => p.prepaymentMode && p.prepaymentMode !== 'reschedule-next')) continue;
      const scale = currencyScale(v.loan.currency);
      // The view's loan as the tab receives it over the wire (GET …/loan), typed there as SavedLoanTerms.
      const form = formFromSaved(v.loan as unknown as SavedLoanTerms, '', defaultForm(today), 'en', scale);
      const input = toLoanInput(form, v.loan.currency, v.loan.profile, undefined, readLoanNumbers(form, 'en', scale));
      expect(scheduleFromJson(input).totals, `${d.currency} ${d.stage}`).toEqual(v.schedule.totals);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('every deal but the rejected ones has a loan; applications have nothing paid', () => {
    for (const d of deals) expect(views.get(d.id) === null, `${d.currency} ${d.stage}`).toBe(d.stage === 'LOSE');
    for (const c of ['MXN', 'RUB']) {
      const app = views.get(idOf('NEW', c))!;
      expect(app.payments).toHaveLength(0);
      expect(app.servicing.daysPastDue).toBe(0);
    }
  });

  it('issued: nothing due yet; the RU one is an RU-MFO microloan with one payment', () => {
    expect(views.get(idOf('ISSUED', 'MXN'))!.servicing.daysPastDue).toBe(0);
    const mfo = views.get(idOf('ISSUED', 'RUB'))!;
    expect(mfo.loan.profile).toBe('RU-MFO');
    expect(mfo.schedule.rows).toHaveLength(1);
    expect(mfo.servicing.daysPastDue).toBe(0);
  });

  it('current with payments: the MX one carries IVA and a CAT; the RU one has a reversed payment', () => {
    const mx = views.get(idOf('REPAYING', 'MXN'))!;
    expect(mx.loan.profile).toBe('MX');
    expect(mx.payments).toHaveLength(4);
    expect(mx.servicing.daysPastDue).toBe(0);
    expect(Number(mx.schedule.totals.vat)).toBeGreaterThan(0);
    expect(mx.schedule.effectiveRates).toHaveProperty('cat');
    const ru = views.get(idOf('REPAYING', 'RUB'))!;
    expect(ru.payments).toHaveLength(3);
    expect(ru.reversedPayments).toHaveLength(1);
    expect(ru.reversedPayments[0]!.reversal.reasonCode).toBe('DUPLICATE');
    // The note is what a person on this loan typed: Russian only (it read "booked twice" once).
    expect(ru.reversedPayments[0]!.reversal.note).toMatch(/^[А-Яа-яЁё ]+$/u);
    expect(ru.servicing.daysPastDue).toBe(0);
  });

  it("every seeded reversal note is in its loan's language only: no Latin on a RUB loan, no Cyrillic on an MXN one", () => {
    const notes = demoPortfolioPlan(deals, today).flatMap((plan) =>
      plan.steps.flatMap((s) => (s.pay === 'reversed' ? [{ currency: plan.terms.currency, note: s.note }] : [])),
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const { currency, note } of notes) expect(note).not.toMatch(currency === 'RUB' ? /[A-Za-z]/u : /[А-Яа-яЁё]/u);
  });

  it('overdue at two depths, one of them partially paid', () => {
    const deep = views.get(idOf('OVERDUE', 'MXN'))!;
    expect(deep.servicing.daysPastDue).toBeGreaterThan(90);
    expect(deep.servicing.installments[1]!.status).not.toBe('paid');
    expect(Number(deep.servicing.installments[1]!.paid)).toBeGreaterThan(0);
    const shallow = views.get(idOf('OVERDUE', 'RUB'))!;
    expect(shallow.loan.profile).toBe('RU-MFO');
    expect(shallow.servicing.daysPastDue).toBeGreaterThan(0);
    expect(shallow.servicing.daysPastDue).toBeLessThan(deep.servicing.daysPastDue);
  });

  it('paid off early: nothing left to pay, months before the last due date', () => {
    for (const c of ['MXN', 'RUB']) {
      const won = views.get(idOf('WON', c))!;
      expect(Number(won.servicing.payoff.amount)).toBe(0);
      expect(won.servicing.outstanding.total).toMatch(/^0(\.0+)?$/);
      expect(won.schedule.rows.at(-1)!.dueDate > today).toBe(true);
      // One payment of the payoff quoted for its date closed it.
      expect(won.payments.filter((p) => p.date === won.payments.at(-1)!.date)).toHaveLength(1);
    }
  });

  it('asks the portal sync for every loan, and a restart seeds nothing again', async () => {
    const jobs = await db.kysely.selectFrom('outbox_jobs').select('kind').where('kind', '=', 'loan.sync').execute();
    expect(jobs.length).toBeGreaterThanOrEqual(demoPortfolioPlan(deals, today).length);
    expect(await seedDemoPortfolio(db.kysely, 'p1', demoPortfolioPlan(deals, today))).toEqual({ seeded: [], failed: [] });
  });
});

describe('a loan the app refuses', () => {
  it('is reported with its reason and does not stop the others', async () => {
    const [good, bad] = demoPortfolioPlan(
      [
        { id: 101, stage: 'NEW', currency: 'MXN', amount: '5000' },
        { id: 102, stage: 'NEW', currency: 'MXN', amount: '0' },
      ],
      today,
    );
    const r = await seedDemoPortfolio(db.kysely, 'p1', [bad!, good!]);
    expect(r.seeded).toEqual([good]);
    expect(r.failed).toEqual([{ dealId: 102, reason: expect.stringMatching(/principal/i) as unknown }]);
  });
});

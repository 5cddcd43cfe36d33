import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { enqueue } from '../server/jobs/outbox.js';
import { defaultLoanDeps, isoDay } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { loadLoanStateByDeal, servicingOf } from '../server/loans/operations/loan-state.js';
import { applyLines } from '../server/payment-files/import/apply-lines.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { sampleTerms } from './support/sample-terms.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { appWorker, settleJobs, useJumpingClock } from './support/app-jobs.js';

// The app's robot triggers in the emulator (api-reference/crm/automation/triggers/): install
// registers "installment due soon", "installment overdue" and "loan paid off" in the portal's
// language; the nightly reminder plan fires the first two, the loan's sync the third — each once per
// installment (or loan), however many runs and drains see it. No stage map is needed for any of them.

let p: Platform;
let portalId: string;
let worker: OutboxWorker;
let realClock: (() => void) | undefined;

const fired = (dealId: number) => p.em.state.firedTriggers.filter((f) => f.ownerTypeId === 2 && f.ownerId === dealId).map((f) => f.code);

const settle = () => settleJobs(p, worker);

beforeAll(async () => {
  realClock = useJumpingClock();
  p = await startPlatform();
  portalId = await p.install();
  worker = appWorker(p);
}, 60_000);
afterAll(async () => {
  await p?.close();
  realClock?.();
});

describe('robot triggers', () => {
  it('install registers the three triggers, named in the portal language', () => {
    expect(p.em.state.automationTriggers).toEqual([
      { code: 'installment_due_soon', name: 'Loan installment due soon' },
      { code: 'installment_overdue', name: 'Loan installment overdue' },
      { code: 'loan_paid_off', name: 'Loan paid off' },
    ]);
  });

  it('due soon, then overdue, from the reminder plan — once per installment', async () => {
    const dealId = Number(p.em.createDeal({ TITLE: 'Triggers', ASSIGNED_BY_ID: 1 }).ID);
    await saveLoan(p.db.kysely, portalId, dealId, { terms: sampleTerms(6) }, { userId: 1 }, defaultLoanDeps());
    await saveReminderSettings(
      p.db.kysely,
      portalId,
      { offsets: [-2, 1], clientSms: false, employee: true, timeZone: 'Europe/Moscow', law: 'RU', smsProvider: null },
      1,
    );
    // Four days before the first due date (2024-02-15): nothing yet; two days before: due soon.
    await planReminders(p.db.kysely, portalId, new Date('2024-02-11T07:00:00Z'));
    await settle();
    expect(fired(dealId)).toEqual([]);
    await planReminders(p.db.kysely, portalId, new Date('2024-02-13T07:00:00Z'));
    await planReminders(p.db.kysely, portalId, new Date('2024-02-14T07:00:00Z'));
    await settle();
    expect(fired(dealId)).toEqual(['installment_due_soon']);
    // Unpaid on the day after: overdue, once, whatever the number of runs.
    await planReminders(p.db.kysely, portalId, new Date('2024-02-16T07:00:00Z'));
    await planReminders(p.db.kysely, portalId, new Date('2024-02-16T09:00:00Z'));
    await settle();
    await planReminders(p.db.kysely, portalId, new Date('2024-02-17T07:00:00Z'));
    await settle();
    expect(fired(dealId)).toEqual(['installment_due_soon', 'installment_overdue']);
  });

  it('loan paid off, from the loan sync after the paying import — once, with no stage map', async () => {
    const today = isoDay(new Date());
    const next = new Date(`${today}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const dealId = Number(p.em.createDeal({ TITLE: 'Paid off' }).ID);
    const deps = defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) });
    const terms = sampleTerms(3, { contractDate: today, disbursementDate: today, firstDueDate: isoDay(next), principal: '9000' });
    await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, deps);
    await settle();
    const payoff = servicingOf((await loadLoanStateByDeal(p.db.kysely, portalId, dealId))!, today).payoff;
    const line = {
      line: 2,
      paymentId: `pay-${dealId}`,
      dealId,
      date: today,
      amount: payoff.amount,
      currency: 'RUB',
      reference: 'x',
      status: 'new' as const,
    };
    expect(await applyLines(p.db.kysely, portalId, [line], { fileName: 'pagos.csv', actor: { userId: 1 }, deps })).toEqual(['booked']);
    await settle();
    expect(fired(dealId)).toEqual(['loan_paid_off']);
    // Another push of the closed loan (the daily resync) fires nothing more.
    const loanId = (await loadLoanStateByDeal(p.db.kysely, portalId, dealId))!.loan.id;
    await p.db.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId, kind: 'loan.sync', idempotencyKey: `again-${dealId}`, payload: { loanId, dealId } }));
    await settle();
    expect(fired(dealId)).toEqual(['loan_paid_off']);
  });
});

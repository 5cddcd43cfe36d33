import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { adminApi, appWorker, settleJobs, useJumpingClock } from './support/app-jobs.js';
import { startFakeOpenpay, type FakeOpenpay } from './fakes/openpay-server.js';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { enqueue } from '../server/jobs/outbox.js';
import { defaultLoanDeps, isoDay } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { findLoanByDeal } from '../server/loans/loan-repo.js';
import { saveProviderSettings } from '../server/settings/settings-repo.js';
import { executePayout, requestPayout } from '../server/payouts/index.js';
import { getDealLifecycle } from '../server/lifecycle/repo.js';
import { sampleTerms } from './support/sample-terms.js';
import type { StageMap } from '../server/lifecycle/stage-map.js';

// Payout on issue and the lifecycle's timeline notes, end to end: the app installed in the emulator,
// the portal's payouts through the local OpenPay fake. A deal moved to the mapped issued stage is
// paid out once at OpenPay — through a doubled stage event, a second pass through the stage, a
// provider 500, an answer lost after the payout was made, and a worker that died before marking its
// job done. A note on the timeline is added once per transition, names the stage as the pipeline
// shows it, and survives the same crashes without a second copy.

const CLABE = '032180000118359719';
let p: Platform;
let fake: FakeOpenpay;
let portalId: string;
let worker: OutboxWorker;
let realClock: (() => void) | undefined;
let cat: number;
const st = (code: string) => `C${cat}:${code}`;
const today = isoDay(new Date());
const api = (method: string, path: string, body?: unknown) => adminApi(p, portalId)(method, path, body);

/** Runs the app's jobs until none is due (a pending payout's refresh, 30 min out, is not waited for). */
const settle = () => settleJobs(p, worker, 300, 10_000);

/** What a worker that died mid-job leaves: the job running under a lease that has run out. */
async function crashJobs(kind: string, dealId?: number): Promise<number> {
  const rows = await p.db.kysely.selectFrom('outbox_jobs').select(['id', 'payload']).where('kind', '=', kind).execute();
  const ids = rows.filter((r) => dealId === undefined || (JSON.parse(r.payload) as { dealId?: number }).dealId === dealId).map((r) => r.id);
  if (ids.length === 0) return 0;
  await p.db.kysely
    .updateTable('outbox_jobs')
    .set({ status: 'running', locked_by: 'crashed-worker', locked_until: Date.now() - 1 })
    .where('id', 'in', ids)
    .execute();
  return ids.length;
}

async function dealWithLoan(title: string, clabe = CLABE): Promise<number> {
  const deal = p.em.createDeal({ TITLE: title, CATEGORY_ID: cat, STAGE_ID: st('APPROVED'), UF_CRM_CLABE: clabe });
  const dealId = Number(deal.ID ?? deal.id);
  const terms = sampleTerms(6, {
    currency: 'MXN',
    principal: '12000',
    contractDate: today,
    disbursementDate: today,
    firstDueDate: nextMonth(),
  });
  await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) }));
  await settle();
  return dealId;
}

function nextMonth(): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return isoDay(d);
}

const notes = (dealId: number) => p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId).map((c) => c.comment);
const loanOf = async (dealId: number) => (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
const atOpenpay = (payoutIds: string[]) => fake.payouts.filter((x) => payoutIds.includes(String(x.order_id)));
const payoutsOf = (loanId: string) =>
  p.db.kysely.selectFrom('payouts').select(['id', 'status']).where('portal_id', '=', portalId).where('loan_ref', '=', loanId).execute();

beforeAll(async () => {
  realClock = useJumpingClock();
  fake = await startFakeOpenpay();
  p = await startPlatform({ emulator: { seedDemoData: true }, activities: { payouts: { backoffBaseMs: 20, leaseMs: 1_000 } } });
  portalId = await p.install();
  worker = appWorker(p);
  const cats = await p.portalCall<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 });
  cat = cats.categories.find((c) => c.id !== 0)!.id;
  // The portal pays out through OpenPay (the local fake), as the demo sets it up.
  await saveProviderSettings(p.db.kysely, p.a.app.secrets, portalId, 'payments', {
    provider: 'openpay',
    settings: { merchantId: fake.merchantId, privateKey: fake.privateKey, baseUrl: fake.baseUrl },
    userId: null,
  });
  await p.a.app.invalidateProviderSettings(portalId);
  const map: StageMap = {
    onStage: { [st('ISSUED')]: 'ISSUED', [st('LOSE')]: 'CLOSED' },
    toStage: { overdue: [] },
    payoutOnIssue: true,
    payoutClabeField: 'UF_CRM_CLABE',
    lang: 'es',
  };
  expect((await api('PUT', `/api/v1/settings/stage-maps/${cat}`, map)).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await p?.close();
  await fake?.close();
  realClock?.();
});

describe('payout on issue', () => {
  it('a deal moved to issued is paid out once at OpenPay: doubled event, second pass, 500, lost answer, dead worker', async () => {
    const dealId = await dealWithLoan('Payout on issue');
    fake.failNext(500, 1); // first create refused: retried on the payout's own back-off
    fake.failAfterCreateNext(1); // second create made, its answer lost: the retry asks first
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await p.em.idle();
    // The stage event delivered twice: a second apply job of the same transition (another key).
    await p.em.idle();
    await worker.drain();
    const apply = await p.db.kysely.selectFrom('outbox_jobs').select(['payload']).where('kind', '=', 'lifecycle.apply').execute();
    const mine = apply.map((a) => JSON.parse(a.payload) as { dealId: number }).find((a) => a.dealId === dealId)!;
    await p.db.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId, kind: 'lifecycle.apply', idempotencyKey: `test-redelivered:${dealId}`, payload: mine }));
    await settle();
    const loan = await loanOf(dealId);
    expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBe(today);
    let rows = await payoutsOf(loan.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('pending'); // OpenPay: in progress until the next banking day
    expect(fake.createRequests).toBe(2); // the refused one and the one whose answer was lost; then a lookup
    expect(atOpenpay([rows[0]!.id])).toHaveLength(1);
    expect(Number(atOpenpay([rows[0]!.id])[0]!.amount)).toBe(12000);

    // Every job of it run again, as after a worker that died before marking them done.
    expect(await crashJobs('payout.execute')).toBeGreaterThan(0);
    expect(await crashJobs('lifecycle.apply', dealId)).toBe(2);
    await settle();
    // Out of the stage and back in: a second ISSUED transition finds the loan's payout.
    p.em.updateDeal(dealId, { STAGE_ID: st('APPROVED') });
    await settle();
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    rows = await payoutsOf(loan.id);
    expect(rows).toHaveLength(1);
    expect(atOpenpay([rows[0]!.id])).toHaveLength(1);
    expect(fake.payouts.filter((x) => x.description?.includes(loan.id))).toHaveLength(1);
    expect(notes(dealId)).toEqual([]);
    const dead = await p.db.kysely.selectFrom('outbox_jobs').select(['kind', 'last_error']).where('status', '=', 'dead').execute();
    expect(dead).toEqual([]);
  });

  it('a loan the payout robot already paid out is not paid again when its deal enters issued', async () => {
    const dealId = await dealWithLoan('Paid by the robot');
    const loan = await loanOf(dealId);
    const provider = await p.a.app.activities.providers.payments(portalId);
    // What the robot's job does (server/activities/jobs/payout.ts): its own key, the loan as loan_ref.
    const robot = await requestPayout(
      p.db.kysely,
      portalId,
      {
        key: 'robot-event-token-1',
        amount: '12000',
        currency: 'MXN',
        clabe: CLABE,
        holderName: 'Paid by the robot',
        loanRef: loan.id,
        provider: 'openpay',
      },
      { oncePerLoan: true },
    );
    await executePayout(p.db.kysely, provider, robot);
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBe(today);
    expect((await payoutsOf(loan.id)).map((r) => r.id)).toEqual([robot.id]);
    expect(fake.payouts.filter((x) => x.description?.includes(loan.id))).toHaveLength(1);
    expect(notes(dealId)).toEqual([]);
  });
});

describe('lifecycle notes on the timeline', () => {
  it('say the stage as the pipeline names it, once per transition, through a rerun apply and a dead worker', async () => {
    const issued = p.em.state.statuses.find((s) => s.statusId === st('ISSUED'))!;
    await p.portalCall('crm.status.update', { id: issued.id, fields: { NAME: 'Entregado' } });
    const dealId = await dealWithLoan('Sin CLABE', '123');
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    expect(notes(dealId)).toEqual([expect.stringContaining('«Entregado»')]);
    expect(notes(dealId)[0]).not.toContain(st('ISSUED'));
    // The apply job and the note job run again as after a crash: no second note.
    expect(await crashJobs('lifecycle.apply', dealId)).toBe(1);
    expect(await crashJobs('lifecycle.comment', dealId)).toBe(1);
    await settle();
    expect(notes(dealId)).toHaveLength(1);
    // A new transition is a new note.
    p.em.updateDeal(dealId, { STAGE_ID: st('LOSE') });
    await settle();
    expect(notes(dealId)).toHaveLength(2);
    expect(notes(dealId)[1]).toContain('ya fue entregado');
  });
});

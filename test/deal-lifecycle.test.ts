import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../server/jobs/worker.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { lifecycleClockWorker, settleJobs, useJumpingClock } from './support/app-jobs.js';
import { defaultLoanDeps, isoDay } from '../server/loans/operations/deps.js';
import { enqueue } from '../server/jobs/outbox.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { findLoanByDeal } from '../server/loans/loan-repo.js';
import { loadLoanStateByDeal, servicingOf } from '../server/loans/operations/loan-state.js';
import { applyLines } from '../server/payment-files/import/apply-lines.js';
import { registerPayment } from '../server/loans/operations/register-payment.js';
import { sampleTerms } from './support/sample-terms.js';
import { queueDrains } from '../server/lifecycle/plugin.js';
import { countTransitions, getDealLifecycle } from '../server/lifecycle/repo.js';
import type { StageMap } from '../server/lifecycle/stage-map.js';

// The deal lifecycle end to end in the emulator: the app installed over HTTP binds the offline deal
// events (with its auth_connector) and ONOFFLINEEVENT; a person moves deals in the portal; the outbox
// worker drains the queue, acts on the loan and moves deals for their loans.

const CLABE = '032180000118359719';
let p: Platform;
let portalId: string;
let worker: OutboxWorker;
let realClock: (() => void) | undefined;
let cat: number;
const st = (code: string) => `C${cat}:${code}`;
const today = isoDay(new Date());

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return isoDay(d);
}

/** Until no job is pending, the tail drains due later included (the clock jumps to them). */
const settle = () => settleJobs(p, worker, 400);

async function stageOf(dealId: number): Promise<string> {
  return String((await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId })).STAGE_ID);
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
  const r = await fetch(`${p.a.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** A deal in the Loans pipeline at "Approved" with a saved loan that starts today. */
async function dealWithLoan(title: string, o: { settle?: boolean; clabe?: string } = {}): Promise<number> {
  const deal = p.em.createDeal({ TITLE: title, CATEGORY_ID: cat, STAGE_ID: st('APPROVED'), UF_CRM_CLABE: o.clabe ?? CLABE });
  const dealId = Number(deal.ID ?? deal.id);
  const terms = sampleTerms(6, {
    currency: 'MXN',
    principal: '12000',
    contractDate: addDays(today, -3),
    disbursementDate: addDays(today, -3),
    firstDueDate: addMonths(today, 1),
  });
  await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) }));
  if (o.settle !== false) await settle();
  return dealId;
}

/** 35 days after the first due date of a loan dealWithLoan saved today: past the 30-DPD threshold. */
const thirtyFiveDaysLate = () => new Date(`${addDays(addMonths(today, 1), 35)}T12:00:00Z`);

/** Runs `fn` with the app's worker whose lifecycle jobs read `now` as the clock, then puts the usual one back. */
async function withLifecycleClock(now: Date, fn: () => Promise<void>): Promise<void> {
  const main = worker;
  worker = lifecycleClockWorker(p, now);
  try {
    await fn();
  } finally {
    worker = main;
  }
}

/** The daily resync's push of these deals' loans (loan.sync), keyed by `key`, run to the end. */
async function resync(dealIds: number[], key: string): Promise<void> {
  await p.db.kysely.transaction().execute(async (trx) => {
    for (const id of dealIds) {
      const loan = (await findLoanByDeal(trx, portalId, id))!;
      await enqueue(trx, { portalId, kind: 'loan.sync', idempotencyKey: `${key}:${loan.id}`, payload: { loanId: loan.id } });
    }
  });
  await settle();
}

const MAP = (): StageMap => ({
  onStage: {
    [st('APPROVED')]: 'OFFER_FIXED',
    [st('CONTRACT_SIGNED')]: 'CONTRACT_SIGNED',
    [st('ISSUED')]: 'ISSUED',
    [st('LOSE')]: 'CLOSED',
  },
  toStage: {
    paidOff: st('WON'),
    current: st('REPAYING'),
    overdue: [
      { days: 30, stageId: st('OVERDUE') },
      { days: 1, stageId: st('REPAYING') },
    ],
  },
  payoutOnIssue: true,
  payoutClabeField: 'UF_CRM_CLABE',
  lang: 'es',
});

beforeAll(async () => {
  realClock = useJumpingClock();
  // The portal's rate limit is off (the harness) and our client's bucket wide to match: pacing is
  // test/platform-tokens.test.ts's and frame-vs-sync-limit's subject; here 2/s only made the burst
  // wait a minute on the real clock.
  p = await startPlatform({ emulator: { seedDemoData: true }, env: { B24_RATE_BURST: '500', B24_RATE_DRAIN: '500' } });
  portalId = await p.install();
  worker = new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers: p.a.app.jobHandlers,
    pollMs: 20,
    backoffBaseMs: 20,
  });
  const cats = await p.portalCall<{ categories: { id: number; name: string }[] }>('crm.category.list', { entityTypeId: 2 });
  cat = cats.categories.find((c) => c.id !== 0)!.id;
  // Payouts through the manual provider (nothing leaves; the payout record is the effect).
  const saved = await api('PUT', '/api/v1/settings/providers/payments', { provider: 'manual', settings: { markAs: 'succeeded' } });
  expect(saved.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await p?.close();
  realClock?.();
});

describe('deal lifecycle in the emulator', () => {
  it('install binds the offline deal events with the connector and ONOFFLINEEVENT', async () => {
    const bound = await p.a.app.getPortalClient(portalId).then((c) => c.call<{ event: string; offline: number }[]>('event.get'));
    expect(
      bound
        .filter((b) => b.offline === 1)
        .map((b) => b.event)
        .sort(),
    ).toEqual(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
    expect(bound.some((b) => b.event === 'ONOFFLINEEVENT' && b.offline === 0)).toBe(true);
  });

  it('the app page lists the pipelines and refuses a stage of another pipeline', async () => {
    const list = await api('GET', '/api/v1/settings/stage-maps');
    expect(list.status).toBe(200);
    const pipelines = list.json.pipelines as { categoryId: number; stages: { id: string }[] }[];
    expect(pipelines.find((x) => x.categoryId === cat)!.stages.map((s) => s.id)).toContain(st('ISSUED'));
    const bad = await api('PUT', `/api/v1/settings/stage-maps/${cat}`, { ...MAP(), onStage: { WON: 'ISSUED' } });
    expect(bad.status).toBe(422);
    expect(bad.json.error).toBe('STAGE_NOT_IN_PIPELINE');
    const ok = await api('PUT', `/api/v1/settings/stage-maps/${cat}`, MAP());
    expect(ok.status).toBe(200);
    expect((ok.json.map as StageMap).toStage.overdue.map((o) => o.days)).toEqual([1, 30]);
  });

  it('moving a deal to issued activates its loan from that day and queues one payout', async () => {
    const dealId = await dealWithLoan('Issued deal');
    p.em.updateDeal(dealId, { STAGE_ID: st('CONTRACT_SIGNED') });
    await settle();
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    const loan = (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
    expect(loan.terms.disbursementDate).toBe(today);
    expect(loan.currentScheduleVersion).toBe(2);
    expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBe(today);
    const payouts = await p.db.kysely
      .selectFrom('payouts')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('loan_ref', '=', loan.id)
      .execute();
    expect(payouts).toHaveLength(1);
    expect(payouts[0]!.amount).toBe('12000.00');
    // Back and forth through the issued stage: the loan is issued once, paid out once.
    p.em.updateDeal(dealId, { STAGE_ID: st('CONTRACT_SIGNED') });
    await settle();
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    expect(
      await p.db.kysely.selectFrom('payouts').selectAll().where('portal_id', '=', portalId).where('loan_ref', '=', loan.id).execute(),
    ).toHaveLength(1);
    expect((await findLoanByDeal(p.db.kysely, portalId, dealId))!.currentScheduleVersion).toBe(2);
  });

  it('a deal without a valid CLABE is issued all the same and its timeline says why no payout was queued', async () => {
    const dealId = await dealWithLoan('No CLABE', { clabe: '123' });
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    const loan = (await findLoanByDeal(p.db.kysely, portalId, dealId))!;
    expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBe(today);
    expect(
      await p.db.kysely.selectFrom('payouts').select('id').where('portal_id', '=', portalId).where('loan_ref', '=', loan.id).execute(),
    ).toEqual([]);
    const comments = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId).map((c) => c.comment);
    expect(comments).toEqual([expect.stringContaining('no se pudo programar')]);
    expect(
      await p.db.kysely.selectFrom('outbox_jobs').select('id').where('kind', '=', 'lifecycle.apply').where('status', '=', 'dead').execute(),
    ).toEqual([]);
  });

  // An imported payment larger than the payoff pays the loan off as well (issue 14: "including by an
  // overpayment"): the same move to won.
  for (const [what, extra] of [
    ['pays the loan off', '0'],
    ['overpays the loan by 500', '500'],
  ] as const)
    it(`an imported payment that ${what} moves the deal to won, and the move never comes back`, async () => {
      const dealId = await dealWithLoan(`Paid off deal +${extra}`);
      p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
      await settle();
      const state = (await loadLoanStateByDeal(p.db.kysely, portalId, dealId))!;
      const payoff = servicingOf(state, today).payoff;
      const booked = await applyLines(
        p.db.kysely,
        portalId,
        [
          {
            line: 2,
            paymentId: `imp-${dealId}`,
            dealId,
            date: today,
            amount: new Decimal(payoff.amount).plus(extra).toFixed(2),
            currency: 'MXN',
            reference: 'OXXO 1',
            status: 'new',
          },
        ],
        { fileName: 'agente.csv', actor: { userId: 1 }, deps: defaultLoanDeps({ enqueue: (trx, j) => enqueue(trx, j) }) },
      );
      expect(booked).toEqual(['booked']);
      await settle();
      expect(await stageOf(dealId)).toBe(st('WON'));
      // Our own writes (loan fields, the stage move) carry the connector: nothing in our queue, no read.
      const queued = await p.portalCall<{ EVENT_DATA: { FIELDS: { ID: string } } }[]>('event.offline.list', {});
      expect(queued.filter((e) => e.EVENT_DATA.FIELDS.ID === String(dealId))).toEqual([]);
      const reads = p.em.stats().restCalls['crm.deal.get'] ?? 0;
      await queueDrains(p.db.kysely, new Date(Date.now() + 60_000));
      await settle();
      expect(p.em.stats().restCalls['crm.deal.get'] ?? 0).toBe(reads);
      const row = (await getDealLifecycle(p.db.kysely, portalId, dealId))!;
      expect(row).toMatchObject({ loanMark: 'paid', stageId: st('WON'), writtenStageId: st('WON') });
    });

  it('a loan reaching 30 days past due moves its deal to overdue; a deal a person moved elsewhere stays', async () => {
    const dealId = await dealWithLoan('Late deal');
    const other = await dealWithLoan('Late deal moved by hand');
    for (const id of [dealId, other]) p.em.updateDeal(id, { STAGE_ID: st('ISSUED') });
    await settle();
    p.em.updateDeal(other, { STAGE_ID: st('UNDERWRITING') });
    await settle();
    // The clock 35 days after the first due date (the jobs' own clock); the daily resync pushes every loan.
    await withLifecycleClock(thirtyFiveDaysLate(), () => resync([dealId, other], 'test-resync'));
    expect(await stageOf(dealId)).toBe(st('OVERDUE'));
    expect(await stageOf(other)).toBe(st('UNDERWRITING'));
    expect((await getDealLifecycle(p.db.kysely, portalId, other))!.loanMark).toBe('overdue:30');
  });

  it('a payment that brings a 30-DPD loan current moves its deal to the back-to-current stage, once', async () => {
    const dealId = await dealWithLoan('Back to current');
    p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
    await settle();
    const late = thirtyFiveDaysLate();
    const lateDay = isoDay(late);
    await withLifecycleClock(late, async () => {
      await resync([dealId], 'test-late');
      expect(await stageOf(dealId)).toBe(st('OVERDUE'));
      // The client pays what is past due, as the tab books it (its loan.sync runs on the late clock).
      const owed = servicingOf((await loadLoanStateByDeal(p.db.kysely, portalId, dealId))!, lateDay).toBeCurrent;
      expect(new Decimal(owed).gt(0)).toBe(true);
      const deps = defaultLoanDeps({ now: () => late, enqueue: (trx, j) => enqueue(trx, j) });
      await registerPayment(p.db.kysely, portalId, dealId, { id: `cur-${dealId}`, date: lateDay, amount: owed }, { userId: 1 }, deps);
      await settle();
      expect(await stageOf(dealId)).toBe(st('REPAYING'));
      // Pushed again (the next resync, a replay of the payment's sync): no second move, no second write.
      const writes = p.em.stats().restCalls['crm.deal.update'] ?? 0;
      await resync([dealId], 'test-again');
      expect(p.em.stats().restCalls['crm.deal.update'] ?? 0).toBe(writes);
    });
    expect(await stageOf(dealId)).toBe(st('REPAYING'));
    expect(await getDealLifecycle(p.db.kysely, portalId, dealId)).toMatchObject({
      loanMark: 'current',
      stageId: st('REPAYING'),
      writtenStageId: st('REPAYING'),
    });
    const moves = await p.db.kysely
      .selectFrom('lifecycle_transitions')
      .select(['what', 'to_stage_id'])
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .where('direction', '=', 'loan')
      .orderBy('created_at')
      .execute();
    expect(moves).toEqual([
      { what: 'overdue:30', to_stage_id: st('OVERDUE') },
      { what: 'current', to_stage_id: st('REPAYING') },
    ]);
  });

  it('a lost deal cancels a loan not issued and leaves a comment on an issued one', async () => {
    const open = await dealWithLoan('Lost before issue');
    p.em.updateDeal(open, { STAGE_ID: st('LOSE') });
    const issued = await dealWithLoan('Lost after issue');
    p.em.updateDeal(issued, { STAGE_ID: st('ISSUED') });
    await settle();
    p.em.updateDeal(issued, { STAGE_ID: st('LOSE') });
    await settle();
    expect(await findLoanByDeal(p.db.kysely, portalId, open)).toMatchObject({ status: 'CLOSED', closedReason: 'DEAL_LOST' });
    expect(await findLoanByDeal(p.db.kysely, portalId, issued)).toMatchObject({ status: 'ACTIVE' });
    // What the people on the deal read on its timeline (the move already happened in the portal).
    const comments = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === issued).map((c) => c.comment);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('ya fue entregado');
  });

  it('events the portal drops are still processed, once, by the minute drain', async () => {
    const dealId = await dealWithLoan('Dropped events');
    p.em.setFaults({ dropEvents: 1 });
    try {
      p.em.updateDeal(dealId, { STAGE_ID: st('ISSUED') });
      await settle();
      expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBeNull();
      await queueDrains(p.db.kysely, new Date(Date.now() + 120_000));
      await settle();
      await queueDrains(p.db.kysely, new Date(Date.now() + 180_000));
      await settle();
    } finally {
      p.em.setFaults({ dropEvents: 0 });
    }
    expect((await getDealLifecycle(p.db.kysely, portalId, dealId))!.issuedOn).toBe(today);
    const issued = await p.db.kysely
      .selectFrom('lifecycle_transitions')
      .select('id')
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .where('what', '=', 'ISSUED')
      .execute();
    expect(issued).toHaveLength(1);
  });

  it('a burst of 1,000 deal updates, our own writes among them, reads each changed deal once and moves nothing twice', async () => {
    const deals: number[] = [];
    for (let i = 0; i < 10; i++) deals.push(await dealWithLoan(`Burst ${i}`, { settle: false }));
    await settle();
    const before = { reads: p.em.stats().restCalls['crm.deal.get'] ?? 0, transitions: 0 };
    for (const d of deals) before.transitions += await countTransitions(p.db.kysely, portalId, d);
    // 1,000 updates: 900 by people (titles, and each deal once to issued), 100 by the app (loan syncs).
    for (let i = 0; i < 900; i++) {
      const d = deals[i % deals.length]!;
      p.em.updateDeal(d, i >= 890 ? { STAGE_ID: st('ISSUED') } : { TITLE: `Burst ${i}` });
    }
    const client = await p.a.app.getPortalClient(portalId);
    for (let i = 0; i < 100; i++)
      await client.call('crm.deal.update', {
        id: deals[i % deals.length],
        fields: { UF_CRM_LOAN_TERM: String(i) },
        auth_connector: 'b24lending',
      });
    await settle();
    await queueDrains(p.db.kysely, new Date(Date.now() + 240_000));
    await settle();
    let transitions = 0;
    for (const d of deals) transitions += await countTransitions(p.db.kysely, portalId, d);
    // One ISSUED transition per deal; the issue's own loan sync writes nothing that comes back.
    expect(transitions - before.transitions).toBe(deals.length);
    const reads = (p.em.stats().restCalls['crm.deal.get'] ?? 0) - before.reads;
    // One read per changed deal (the queue keeps one record per deal) + one for each payout's holder.
    expect(reads).toBeLessThanOrEqual(deals.length * 2);
  }, 120_000);
});

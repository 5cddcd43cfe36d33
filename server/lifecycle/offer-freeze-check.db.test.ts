import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import type { JobContext } from '../jobs/job.js';
import { createTestDb } from '../../test/support/test-db.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import { listLedger } from '../loans/ledger-repo.js';
import { findLoanByDeal } from '../loans/loan-repo.js';
import { defaultLoanDeps, type OutboxJob } from '../loans/operations/deps.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { applyStageEvent } from './apply-stage-event.js';
import { readOfferFreeze } from './offer-freeze-check.js';
import { casDealLifecycle, getDealLifecycle, insertDealLifecycle, saveStageMap } from './repo.js';

// Issue 14: the offer-freeze check is read before the save and again inside its transaction, so an
// offer fixed in between (the apply job committing while the user's save is on its way) refuses the
// save with TERMS_FROZEN and writes nothing. Same body on SQLite and PostgreSQL (TEST_DIALECT).

const P = 'portal-freeze';
const NOW = () => new Date('2024-06-01T10:00:00Z');
const STAGES = [
  { STATUS_ID: 'NEW', NAME: 'Nuevo', SORT: 10 },
  { STATUS_ID: 'OFFER', NAME: 'Oferta fija', SORT: 20 },
  { STATUS_ID: 'WON', NAME: 'Ganado', SORT: 30 },
];
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  await saveStageMap(
    db.kysely,
    P,
    0,
    { onStage: { OFFER: 'OFFER_FIXED' }, toStage: { overdue: [] }, payoutOnIssue: false },
    {
      userId: 1,
      nowIso: NOW().toISOString(),
    },
  );
});
afterAll(async () => {
  await db?.close();
});

/** A portal whose deal stands at `stage()`; `onRead` runs while the request is out (a move landing meanwhile). */
function portalAt(stage: () => string, onRead: () => Promise<void> = async () => {}) {
  const reads: string[] = [];
  const client: Pick<PortalClient, 'batch'> = {
    batch: (async () => {
      reads.push(stage());
      const at = stage();
      await onRead();
      return { results: { deal: { STAGE_ID: at, CATEGORY_ID: '0' }, stages: STAGES }, errors: {}, total: {}, next: {} };
    }) as PortalClient['batch'],
  };
  return { reads, portal: async () => client };
}

async function dealWithLoan(dealId: number, jobs: OutboxJob[]) {
  const deps = defaultLoanDeps({ now: NOW, enqueue: async (_t, job) => void jobs.push(job) });
  const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(12) }, { userId: 7 }, deps);
  await insertDealLifecycle(db.kysely, P, { dealId, categoryId: 0, stageId: 'NEW', nowIso: NOW().toISOString() });
  return { deps, loanId: saved.loanId };
}

/** The drain records the move to the offer-fixed stage, then the apply job fixes the offer (the real writer). */
async function fixOfferNow(dealId: number): Promise<void> {
  const row = await getDealLifecycle(db.kysely, P, dealId);
  await db.kysely
    .transaction()
    .execute((trx) =>
      casDealLifecycle(
        trx,
        P,
        dealId,
        { stageId: row!.stageId, loanMark: row!.loanMark },
        { stageId: 'OFFER', nowIso: NOW().toISOString() },
      ),
    );
  const ctx = { db: db.kysely } as unknown as JobContext;
  const payload = { dealId, event: 'OFFER_FIXED' as const, stageId: 'OFFER', categoryId: 0, on: '2024-06-01', transitionId: `t-${dealId}` };
  await applyStageEvent(ctx, P, payload, { now: NOW, payments: () => Promise.reject(new Error('no payouts here')) });
}

/** Until a session of this test's own database waits on a lock (bounded: 1000 looks, each a query). */
async function blockedOnLock(): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const r = await sql<{
      n: string;
    }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
    if (Number(r.rows[0]?.n ?? 0) > 0) return;
  }
  throw new Error('the offer fix never waited for the save');
}

const changedTerms = { terms: sampleTerms(12, { principal: '90000' }), productId: null };

describe('offer freeze checked inside the save (issue 14)', () => {
  it('an offer fixed between the read and the write refuses the save, nothing written', async () => {
    const jobs: OutboxJob[] = [];
    const { deps, loanId } = await dealWithLoan(501, jobs);
    const { reads, portal } = portalAt(() => 'NEW');
    const guard = await readOfferFreeze(db.kysely, portal, P, 501, changedTerms);
    expect(reads).toEqual([]); // never fixed yet: our record is enough, the portal is not asked
    await fixOfferNow(501);
    expect((await getDealLifecycle(db.kysely, P, 501))?.offerVersion).toBe(1);
    jobs.length = 0;
    await expect(saveLoan(db.kysely, P, 501, { ...changedTerms, guard }, { userId: 7 }, deps)).rejects.toMatchObject({
      code: 'TERMS_FROZEN',
      status: 409,
      details: { changed: ['principal'] },
    });
    const loan = await findLoanByDeal(db.kysely, P, 501);
    expect(loan).toMatchObject({ currentScheduleVersion: 1, principal: '100000' });
    expect((await listLedger(db.kysely, P, loanId)).map((e) => e.kind)).toEqual(['DISBURSEMENT']);
    expect(jobs).toEqual([]);
  });

  it('a deal the portal shows moved back saves; fixed again while the portal was read, it refuses', async () => {
    const jobs: OutboxJob[] = [];
    const { deps } = await dealWithLoan(502, jobs);
    await fixOfferNow(502);
    // Moved back in Bitrix24 (our record still says OFFER until the next drain): editable.
    const back = portalAt(() => 'NEW');
    const guard = await readOfferFreeze(db.kysely, back.portal, P, 502, changedTerms);
    expect(back.reads).toEqual(['NEW']);
    expect(await saveLoan(db.kysely, P, 502, { ...changedTerms, guard }, { userId: 7 }, deps)).toMatchObject({ version: 2 });
    // Read as moved back, but the drain records a move back and forth and the offer is fixed again meanwhile.
    const racing = portalAt(
      () => 'NEW',
      async () => {
        const row = await getDealLifecycle(db.kysely, P, 502);
        await db.kysely
          .transaction()
          .execute((trx) =>
            casDealLifecycle(
              trx,
              P,
              502,
              { stageId: row!.stageId, loanMark: row!.loanMark },
              { stageId: 'NEW', nowIso: NOW().toISOString() },
            ),
          );
        await fixOfferNow(502);
      },
    );
    const next = { terms: sampleTerms(12, { principal: '80000' }), productId: null };
    const raced = await readOfferFreeze(db.kysely, racing.portal, P, 502, next);
    await expect(saveLoan(db.kysely, P, 502, { ...next, guard: raced }, { userId: 7 }, deps)).rejects.toMatchObject({
      code: 'TERMS_FROZEN',
    });
    expect(await findLoanByDeal(db.kysely, P, 502)).toMatchObject({ currentScheduleVersion: 2, principal: '90000' });
    expect((await getDealLifecycle(db.kysely, P, 502))?.offerVersion).toBe(2);
  });

  it('an offer fixed while a save holds the loan is the saved version: the fix waits for the save', async () => {
    const { deps } = await dealWithLoan(504, []);
    const { portal } = portalAt(() => 'NEW');
    const guard = await readOfferFreeze(db.kysely, portal, P, 504, changedTerms);
    const pending: { fix?: Promise<void> } = {};
    const saved = await saveLoan(
      db.kysely,
      P,
      504,
      {
        ...changedTerms,
        guard: async (trx, loan, next) => {
          await guard(trx, loan, next);
          // The stage move lands now, while this save holds the loan's row and has written nothing yet.
          pending.fix = fixOfferNow(504);
          // PostgreSQL: wait until the fix is queued behind our lock (a state, not a time); SQLite runs
          // one writer on its one connection, so the fix is queued behind the whole transaction anyway.
          if (db.dialect === 'postgres') await blockedOnLock();
        },
      },
      { userId: 7 },
      deps,
    );
    expect(pending.fix).toBeDefined();
    await pending.fix;
    expect(saved).toMatchObject({ version: 2 });
    // Read under the lock after the save committed: the offer is the terms the client now has, not v1.
    expect((await getDealLifecycle(db.kysely, P, 504))?.offerVersion).toBe(2);
  });

  it('frozen as read: refused before the transaction with the stage names', async () => {
    const { deps } = await dealWithLoan(503, []);
    await fixOfferNow(503);
    const { portal } = portalAt(() => 'OFFER');
    await expect(readOfferFreeze(db.kysely, portal, P, 503, changedTerms)).rejects.toMatchObject({
      code: 'TERMS_FROZEN',
      details: { fixedAtStage: 'OFFER', backToStage: 'NEW' },
    });
    // Unchanged terms (a re-save) pass: the guard has nothing to refuse.
    const same = await readOfferFreeze(db.kysely, portal, P, 503, { terms: sampleTerms(12), productId: null });
    expect(await saveLoan(db.kysely, P, 503, { terms: sampleTerms(12), guard: same }, { userId: 7 }, deps)).toMatchObject({
      changed: false,
    });
  });
});

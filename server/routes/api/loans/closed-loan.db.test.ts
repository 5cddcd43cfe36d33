import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDealWorld, type DealWorld } from '../../../../test/support/deal-deleted-harness.js';
import { enqueue } from '../../../jobs/outbox.js';

// A loan closed because its deal was deleted, through the API and the sync job, on both dialects
// against the emulator: read-only for the API, skipped by sync, and a sync that meets the deleted
// deal closes the loan itself instead of retrying into a dead letter.
let w: DealWorld;

beforeAll(async () => {
  w = await startDealWorld();
});
afterAll(async () => {
  await w?.close();
});

const count = async (table: 'ledger_entries' | 'schedule_versions' | 'outbox_jobs') =>
  Number(
    (
      await w.p.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a closed loan', () => {
  let closed: { dealId: number; loanId: string };
  const pay = { id: 'cl-pay-1', date: '2024-02-15', amount: '2500.00' };

  beforeAll(async () => {
    closed = await w.dealWithLoan(6);
    expect((await w.pay(closed.dealId, pay.id, pay.amount, pay.date)).status).toBe(201);
    await w.p.a.app.outbox.drain();
    await w.deleteDeal(closed.dealId);
    await w.p.a.app.outbox.drain();
    expect(await w.loan(closed.loanId)).toMatchObject({ status: 'CLOSED', closed_reason: 'DEAL_DELETED' });
  });

  it('refuses saves, new payments and reversals with 409 LOAN_CLOSED and writes nothing', async () => {
    const before = await Promise.all([count('ledger_entries'), count('schedule_versions'), count('outbox_jobs')]);
    const path = `/api/v1/deals/${closed.dealId}`;
    const refused = [
      await w.api('POST', `${path}/payments`, closed.dealId, { id: 'cl-pay-2', date: '2024-03-15', amount: '100' }),
      await w.api('PUT', `${path}/loan`, closed.dealId, { loan: (await w.api('GET', `${path}/loan`, closed.dealId)).json.loan }),
      await w.api('POST', `${path}/payments/${pay.id}/reversal`, closed.dealId, { reasonCode: 'BOUNCED' }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ error: 'LOAN_CLOSED', message: expect.stringMatching(/deal was deleted/) });
    }
    expect(await Promise.all([count('ledger_entries'), count('schedule_versions'), count('outbox_jobs')])).toEqual(before);
  });

  it('still answers a repeat of a payment made while it was open (idempotent replay writes nothing)', async () => {
    const r = await w.pay(closed.dealId, pay.id, pay.amount, pay.date);
    expect(r.status).toBe(200);
    expect(r.json.replayed).toBe(true);
  });

  it('GET still shows it, read-only, with why and when it was closed', async () => {
    const r = await w.api('GET', `/api/v1/deals/${closed.dealId}/loan`, closed.dealId);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'CLOSED', closedReason: 'DEAL_DELETED', closedAt: expect.any(String) });
    expect(r.json.payments).toEqual([expect.objectContaining({ id: pay.id, amount: '2500.00' })]);
  });

  it('a loan.sync queued before the closure completes without a request', async () => {
    await w.p.db.kysely.transaction().execute((trx) =>
      enqueue(trx, {
        portalId: w.portalId,
        kind: 'loan.sync',
        idempotencyKey: `late-sync:${closed.loanId}`,
        payload: { loanId: closed.loanId },
      }),
    );
    const before = w.calls();
    await w.p.a.app.outbox.drain();
    expect(w.calls() - before).toBe(0);
    expect((await w.jobs('loan.sync')).at(-1)!.status).toBe('done');
  });
});

describe('a sync that finds the deal gone (the event was lost)', () => {
  it('closes the loan and deletes its items like ONCRMDEALDELETE, and the job ends done', async () => {
    const lost = await w.dealWithLoan(8, 'Lost event');
    w.p.em.setFaults({ dropEvents: 1 });
    try {
      await w.deleteDeal(lost.dealId);
    } finally {
      w.p.em.setFaults({ dropEvents: 0 });
    }
    expect(await w.loan(lost.loanId)).toMatchObject({ status: 'ACTIVE' });
    // A payment changes the deal's fields, so the next sync writes to the (deleted) deal.
    const r = await w.pay(lost.dealId, 'lost-1', '500');
    expect(r.status).toBe(201);
    await w.p.a.app.outbox.drain();
    expect((await w.jobs('loan.sync')).at(-1)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await w.loan(lost.loanId)).toMatchObject({ status: 'CLOSED', closed_reason: 'DEAL_DELETED' });
    expect(await w.itemIds(lost.dealId)).toEqual([]);
  });
});

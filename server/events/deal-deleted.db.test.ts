import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchCommand } from '../portal-client/portal-client.js';
import { startDealWorld, type DealWorld } from '../../test/support/deal-deleted-harness.js';

// ONCRMDEALDELETE end to end on both dialects: the emulator deletes a deal and delivers the event
// as a form post to /events, the outbox worker runs the 'deal.deleted' job through the real
// PortalClient, and the portal and the database are read back.
let w: DealWorld;

beforeAll(async () => {
  w = await startDealWorld();
});
afterAll(async () => {
  await w?.close();
});

const ledgerOf = (loanId: string) =>
  w.p.db.kysely.selectFrom('ledger_entries').select(['id', 'kind', 'amount']).where('loan_id', '=', loanId).orderBy('id').execute();
const versionsOf = (loanId: string) =>
  w.p.db.kysely.selectFrom('schedule_versions').select(['version', 'rows']).where('loan_id', '=', loanId).orderBy('version').execute();
const mapped = (loanId: string) => w.p.db.kysely.selectFrom('portal_items').select('item_id').where('loan_id', '=', loanId).execute();

describe('deal deleted in the portal', () => {
  let deleted: { dealId: number; loanId: string };

  it('closes the loan (DEAL_DELETED), deletes its schedule items, keeps ledger and schedule versions', async () => {
    deleted = await w.dealWithLoan(12);
    const paid = await w.pay(deleted.dealId, 'dd-pay-1', '3000.00');
    expect(paid.status).toBe(201);
    await w.p.a.app.outbox.drain();
    expect(await w.itemIds(deleted.dealId)).toHaveLength(12);
    const ledger = await ledgerOf(deleted.loanId);
    const versions = await versionsOf(deleted.loanId);

    await w.deleteDeal(deleted.dealId);
    const before = w.calls();
    await w.p.a.app.outbox.drain();
    // crm.deal.get (confirm) + one crm.item.delete batch of 12.
    expect(w.calls() - before).toBe(2);
    expect((await w.jobs('deal.deleted')).map((j) => j.status)).toEqual(['done']);
    expect(await w.loan(deleted.loanId)).toMatchObject({ status: 'CLOSED', closed_reason: 'DEAL_DELETED', closed_at: expect.any(String) });
    expect(await w.itemIds(deleted.dealId)).toEqual([]);
    expect(await mapped(deleted.loanId)).toEqual([]);
    expect(await ledgerOf(deleted.loanId)).toEqual(ledger);
    expect(await versionsOf(deleted.loanId)).toEqual(versions);
  });

  it('a second delivery of the event changes nothing and costs no request', async () => {
    const first = await w.loan(deleted.loanId);
    expect(await w.postDealDelete(deleted.dealId, String(Math.floor(Date.now() / 1000) + 7))).toBe(200);
    const before = w.calls();
    await w.p.a.app.outbox.drain();
    expect(w.calls() - before).toBe(0);
    expect((await w.jobs('deal.deleted')).map((j) => j.status)).toEqual(['done', 'done']);
    expect(await w.loan(deleted.loanId)).toEqual(first);
  });

  it('an event for a deal the portal still has (late after a restore, or not from the portal) changes nothing', async () => {
    const alive = await w.dealWithLoan(6, 'Still here');
    const items = await w.itemIds(alive.dealId);
    expect(await w.postDealDelete(alive.dealId, '1700000001')).toBe(200);
    const before = w.calls();
    await w.p.a.app.outbox.drain();
    expect(w.calls() - before).toBe(1); // crm.deal.get only
    expect(await w.loan(alive.loanId)).toMatchObject({ status: 'ACTIVE', closed_reason: null });
    expect(await w.itemIds(alive.dealId)).toEqual(items);
    expect((await w.jobs('deal.deleted')).at(-1)!.status).toBe('done');
    // …and the loan keeps working.
    const pay = await w.pay(alive.dealId, 'alive-1', '100');
    expect(pay.status).toBe(201);
  });

  it('a crash between item delete batches is finished by the retry, without repeating finished deletes', async () => {
    const big = await w.dealWithLoan(60, 'Sixty');
    expect(await w.itemIds(big.dealId)).toHaveLength(60);
    // The worker's own client: its second crm.item.delete batch dies on the wire (nothing sent).
    const client = await w.p.a.app.getPortalClient(w.portalId);
    const original = client.batch.bind(client);
    let deleteBatches = 0;
    client.batch = async (cmds: Record<string, BatchCommand>) => {
      const isDelete = Object.values(cmds).some((c) => c.method === 'crm.item.delete');
      if (isDelete && ++deleteBatches === 2) throw new Error('socket hang up');
      return original(cmds);
    };
    try {
      await w.deleteDeal(big.dealId);
      await w.p.a.app.outbox.drain();
    } finally {
      delete (client as { batch?: unknown }).batch;
    }
    const failed = (await w.jobs('deal.deleted')).at(-1)!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await w.loan(big.loanId)).toMatchObject({ status: 'CLOSED', closed_reason: 'DEAL_DELETED' });
    expect(await w.itemIds(big.dealId)).toHaveLength(10);
    expect(await mapped(big.loanId)).toHaveLength(10);

    // The retry is held while the deal lifecycle finishes with the offline-event queue: its tail
    // drain, due 1.5 s after a busy one, would otherwise read deals inside the counted drain.
    const retryAt = (runAfter: number) =>
      w.p.db.kysely
        .updateTable('outbox_jobs')
        .set({ run_after: runAfter })
        .where('portal_id', '=', w.portalId)
        .where('kind', '=', 'deal.deleted')
        .where('status', '=', 'pending')
        .execute();
    await retryAt(Date.now() + 3_600_000);
    await w.settleLifecycle();
    await retryAt(0);
    const before = w.calls();
    await w.p.a.app.outbox.drain();
    expect(w.calls() - before).toBe(1); // the 10 left, in one batch; no second confirmation
    expect((await w.jobs('deal.deleted')).at(-1)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await w.itemIds(big.dealId)).toEqual([]);
    expect(await mapped(big.loanId)).toEqual([]);
  });
});

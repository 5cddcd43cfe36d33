import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { defaultLoanDeps } from '../operations/deps.js';
import { registerPayment } from '../operations/register-payment.js';
import { reversePayment } from '../operations/reverse-payment.js';
import { saveLoan } from '../operations/save-loan.js';
import { closeLoan } from '../loan-repo.js';
import { listPortalItems } from '../portal-item-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { FakePortal } from '../../../test/fakes/sync-portal.js';
import { syncLoanToPortal } from './sync-loan.js';
import { DEFAULT_ITEM_FIELDS, defaultSyncTarget } from './target.js';

const P = 'portal-sync';
const E = 1038;
const target = defaultSyncTarget(E);
const now = () => new Date('2024-03-20T09:00:00Z');
const deps = defaultLoanDeps({ now });
const actor = { userId: 1 };
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

async function saveAndSync(portal: FakePortal, dealId: number, n: number) {
  const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(n) }, actor, deps);
  const report = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
  return { saved, report };
}

describe('syncLoanToPortal', () => {
  it.each([12, 60, 360])('writes a %i-row schedule in ≤ ⌈N/50⌉ + 1 REST calls', async (n) => {
    const portal = new FakePortal();
    const dealId = 1000 + n;
    const { report } = await saveAndSync(portal, dealId, n);
    expect(report.calls).toBeLessThanOrEqual(Math.ceil(n / 50) + 1);
    expect(portal.calls).toBe(report.calls);
    expect(report).toMatchObject({ added: n, updated: 0, deleted: 0, dealUpdated: true });
    const items = portal.itemsOfDeal(E, dealId);
    expect(items).toHaveLength(n);
    expect(items.map((i) => i.fields[DEFAULT_ITEM_FIELDS.installment])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(portal.deals.get(dealId)).toMatchObject({ OPPORTUNITY: '100000', UF_CRM_LOAN_TERM: n, UF_CRM_LOAN_RATE: '18' });
  });

  it('saving again updates in place, never duplicates; a shorter term deletes the surplus', async () => {
    const portal = new FakePortal();
    const dealId = 2001;
    await saveAndSync(portal, dealId, 24);
    const idsBefore = portal.itemsOfDeal(E, dealId).map((i) => i.id);

    const again = await saveAndSync(portal, dealId, 24);
    expect(again.report.calls).toBe(0);
    expect(portal.itemsOfDeal(E, dealId).map((i) => i.id)).toEqual(idsBefore);

    const forced = await syncLoanToPortal(db.kysely, portal, P, again.saved.loanId, target, { now, force: true });
    expect(forced).toMatchObject({ updated: 24, added: 0, deleted: 0, calls: 1 });

    const shorter = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(12, { rate: { annualPercent: '20' } }) }, actor, deps);
    const r = await syncLoanToPortal(db.kysely, portal, P, shorter.loanId, target, { now });
    expect(r).toMatchObject({ updated: 12, deleted: 12, added: 0, calls: 1 });
    const items = portal.itemsOfDeal(E, dealId);
    expect(items.map((i) => i.id)).toEqual(idsBefore.slice(0, 12));
    expect(portal.deals.get(dealId)).toMatchObject({ UF_CRM_LOAN_TERM: 12, UF_CRM_LOAN_RATE: '20' });
    expect((await listPortalItems(db.kysely, P, shorter.loanId)).map((l) => l.itemId)).toEqual(idsBefore.slice(0, 12));

    const longer = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(18) }, actor, deps);
    const r2 = await syncLoanToPortal(db.kysely, portal, P, longer.loanId, target, { now });
    expect(r2).toMatchObject({ updated: 12, added: 6, deleted: 0 });
    expect(portal.itemsOfDeal(E, dealId)).toHaveLength(18);
  });

  it('pushes payment statuses: paid, partially paid, overdue, upcoming; a reversal undoes them', async () => {
    const portal = new FakePortal();
    const dealId = 3001;
    const { saved } = await saveAndSync(portal, dealId, 6);
    const row1 = saved.schedule.rows[0]!;
    await registerPayment(db.kysely, P, dealId, { id: 'pay-1', date: '2024-02-15', amount: row1.total }, actor, deps);
    await registerPayment(db.kysely, P, dealId, { id: 'pay-2', date: '2024-03-10', amount: '1000' }, actor, deps);
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    expect(r.calls).toBe(1);
    const status = () => portal.itemsOfDeal(E, dealId).map((i) => i.fields[DEFAULT_ITEM_FIELDS.status]);
    // as of 2024-03-20: #1 paid, #2 (due 03-15) partly paid and past due → overdue, rest upcoming
    expect(status()).toEqual(['paid', 'overdue', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    const deal = portal.deals.get(dealId)!;
    expect(deal.UF_CRM_LOAN_DAYS_PAST_DUE).toBe(5);
    expect(deal.UF_CRM_LOAN_STATUS).toBe('overdue');
    expect(deal.UF_CRM_LOAN_NEXT_DUE_DATE).toBe('2024-04-15');

    await registerPayment(db.kysely, P, dealId, { id: 'pay-3', date: '2024-03-20', amount: '100' }, actor, deps);
    const partialNow = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now: () => new Date('2024-03-10T00:00:00Z') });
    expect(partialNow.updated).toBeGreaterThan(0);
    expect(status()[1]).toBe('partially paid');

    await reversePayment(db.kysely, P, dealId, 'pay-1', { reasonCode: 'BOUNCED' }, actor, deps);
    await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    expect(status()[0]).toBe('overdue');
  });

  it('recovers from a lost answer by reconciling with one listing, without duplicates', async () => {
    const portal = new FakePortal();
    const dealId = 4001;
    const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(60) }, actor, deps);
    portal.loseNextAnswer = true;
    await expect(syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now })).rejects.toThrow(/answer lost/);
    expect(portal.itemsOfDeal(E, dealId)).toHaveLength(49); // first batch: deal + 49 adds applied
    expect(await listPortalItems(db.kysely, P, saved.loanId)).toHaveLength(0);

    portal.calls = 0;
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    expect(r.reconciled).toBe(true);
    expect(r).toMatchObject({ added: 11, updated: 49 });
    expect(r.calls).toBe(1 + Math.ceil(61 / 50)); // one listing batch + the writes
    const items = portal.itemsOfDeal(E, dealId);
    expect(items).toHaveLength(60);
    expect(new Set(items.map((i) => i.fields[DEFAULT_ITEM_FIELDS.installment])).size).toBe(60);
  });

  it('reconcile deletes duplicates it can identify and re-adds items deleted in the portal', async () => {
    const portal = new FakePortal();
    const dealId = 5001;
    const { saved } = await saveAndSync(portal, dealId, 5);
    const items = portal.itemsOfDeal(E, dealId);
    // someone duplicated #2 and deleted #4 in the portal
    await portal.call('crm.item.add', { entityTypeId: E, fields: { ...items[1]!.fields } });
    await portal.call('crm.item.delete', { entityTypeId: E, id: items[3]!.id });
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now, reconcile: true });
    expect(r).toMatchObject({ deleted: 1, added: 1, updated: 4 });
    expect(
      portal
        .itemsOfDeal(E, dealId)
        .map((i) => i.fields.title)
        .sort(),
    ).toHaveLength(5);

    // an item deleted in the portal, unknown to us: the update finds it gone and it is re-added
    const now5 = portal.itemsOfDeal(E, dealId);
    await portal.call('crm.item.delete', { entityTypeId: E, id: now5[0]!.id });
    const r2 = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now, force: true });
    expect(r2).toMatchObject({ added: 1, updated: 4 });
    expect(portal.itemsOfDeal(E, dealId)).toHaveLength(5);
  });

  it('a second worker cannot sync the same loan while the lease is held', async () => {
    const portal = new FakePortal();
    const saved = await saveLoan(db.kysely, P, 6001, { terms: sampleTerms(3) }, actor, deps);
    const slow: FakePortal = Object.assign(Object.create(FakePortal.prototype) as FakePortal, portal);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    slow.batch = async (cmds) => {
      await gate;
      return FakePortal.prototype.batch.call(portal, cmds) as never;
    };
    const first = syncLoanToPortal(db.kysely, slow, P, saved.loanId, target, { now });
    await new Promise((r) => setTimeout(r, 50));
    await expect(syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now })).rejects.toMatchObject({ code: 'SYNC_BUSY' });
    release();
    expect((await first).added).toBe(3);
  });

  it('after a reduce-term prepayment the deal says the installments the loan now runs, and the items end with them', async () => {
    const portal = new FakePortal();
    const dealId = 7004;
    const { saved } = await saveAndSync(portal, dealId, 12);
    expect(portal.deals.get(dealId)).toMatchObject({ UF_CRM_LOAN_TERM: 12 });
    const first = saved.schedule.rows[0]!;
    await registerPayment(db.kysely, P, dealId, { id: 'short-1', date: first.dueDate, amount: first.total }, actor, deps);
    const pre = { id: 'short-pre', date: '2024-03-20', amount: '30000.00', prepaymentMode: 'reduce-term' as const };
    const r = await registerPayment(db.kysely, P, dealId, pre, actor, deps);
    await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    const items = portal.itemsOfDeal(E, dealId);
    expect(r.version).toBe(2);
    expect(items.length).toBeLessThan(12);
    // The term the deal shows is the shortened schedule's count, not the contract's 12.
    expect(portal.deals.get(dealId)).toMatchObject({ UF_CRM_LOAN_TERM: items.length });
    expect(items.at(-1)!.fields[DEFAULT_ITEM_FIELDS.installment]).toBe(items.length);
  });
});

describe('syncLoanToPortal when the deal is gone', () => {
  it('a deal deleted in the portal stops the sync at the first batch: dealGone, no failure, no retry', async () => {
    const portal = new FakePortal();
    const dealId = 7001;
    const { saved } = await saveAndSync(portal, dealId, 60);
    await registerPayment(db.kysely, P, dealId, { id: 'gone-1', date: '2024-02-15', amount: '5000' }, actor, deps);
    portal.deleteDeal(dealId);
    portal.calls = 0;
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    expect(r).toMatchObject({ dealGone: true, dealUpdated: false, added: 0, calls: 1, errors: {} });
    expect(portal.calls).toBe(1); // the second batch of item updates is never sent
  });

  it('item updates that find their items gone ask the portal about the deal and do not re-add orphans', async () => {
    const portal = new FakePortal();
    const dealId = 7002;
    const { saved } = await saveAndSync(portal, dealId, 5);
    for (const i of portal.itemsOfDeal(E, dealId)) portal.items.delete(i.id);
    portal.deleteDeal(dealId);
    // Item fields "changed" (hashes cleared), deal fields did not: only item updates are sent.
    await db.kysely
      .updateTable('portal_items')
      .set({ fields_hash: '' })
      .where('portal_id', '=', P)
      .where('loan_id', '=', saved.loanId)
      .execute();
    portal.calls = 0;
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now });
    expect(r).toMatchObject({ dealGone: true, added: 0, updated: 0, calls: 2 }); // the updates, then crm.deal.get
    expect(portal.items.size).toBe(0);
  });

  it('a closed loan is never pushed: zero requests', async () => {
    const portal = new FakePortal();
    const dealId = 7003;
    const { saved } = await saveAndSync(portal, dealId, 3);
    await closeLoan(db.kysely, P, saved.loanId, { reason: 'DEAL_DELETED', nowIso: now().toISOString() });
    portal.calls = 0;
    const r = await syncLoanToPortal(db.kysely, portal, P, saved.loanId, target, { now, force: true });
    expect(r).toMatchObject({ closed: true, calls: 0 });
    expect(portal.calls).toBe(0);
  });
});

describe('enqueueDailyResync', () => {
  it('queues one sync per active loan per day, across portals, idempotently by day', async () => {
    const { enqueueDailyResync } = await import('./daily-resync.js');
    const keys = new Set<string>();
    const enqueue = async (_trx: unknown, job: { idempotencyKey: string; portalId: string }) =>
      void keys.add(`${job.portalId} ${job.idempotencyKey}`);
    await saveLoan(db.kysely, 'portal-other', 1, { terms: sampleTerms(3) }, actor, deps);
    const loans = await db.kysely.selectFrom('loans').select(['portal_id', 'id']).where('status', '=', 'ACTIVE').execute();
    expect(await enqueueDailyResync(db.kysely, enqueue, '2024-03-21')).toBe(loans.length);
    await enqueueDailyResync(db.kysely, enqueue, '2024-03-21');
    expect(keys.size).toBe(loans.length);
    expect([...keys]).toContain(`portal-other loan-sync:${loans.find((l) => l.portal_id === 'portal-other')!.id}:day:2024-03-21`);
  });

  it('skips closed loans: the loan of a deleted deal is not queued again', async () => {
    const { enqueueDailyResync } = await import('./daily-resync.js');
    const keys: string[] = [];
    const enqueue = async (_trx: unknown, job: { idempotencyKey: string }) => void keys.push(job.idempotencyKey);
    const saved = await saveLoan(db.kysely, 'portal-closed', 1, { terms: sampleTerms(3) }, actor, deps);
    await closeLoan(db.kysely, 'portal-closed', saved.loanId, { reason: 'DEAL_DELETED', nowIso: now().toISOString() });
    await enqueueDailyResync(db.kysely, enqueue, '2024-03-22');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(saved.loanId))).toBe(false);
  });
});

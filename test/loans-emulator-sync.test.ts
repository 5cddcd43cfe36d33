import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { installScheduleTarget } from './emulator-schedule.js';
import type { Db } from '../server/db/database.js';
import { createTestDb } from './support/test-db.js';
import { HttpGateway } from './support/http-gateway.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { registerPayment } from '../server/loans/operations/register-payment.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { sampleTerms } from './support/sample-terms.js';
import { syncLoanToPortal } from '../server/loans/sync/sync-loan.js';
import type { SyncTarget } from '../server/loans/sync/target.js';

// The schedule sync against the emulator over real HTTP: REST calls are counted by the emulator,
// items and deal fields are read back through its REST API.
const P = 'portal-e2e';
const now = () => new Date('2024-03-20T09:00:00Z');
const deps = defaultLoanDeps({ now });
const actor = { userId: 1 };
let em: Emulator;
let gw: HttpGateway;
let db: Db;
let target: SyncTarget;

beforeAll(async () => {
  em = await createEmulator({ clientId: 'local.loans.e2e', clientSecret: 'secret', rateLimit: false });
  const installed = await em.installApp({});
  gw = new HttpGateway({ restUrl: `${em.url}/rest`, accessToken: installed.auth.accessToken, rate: false });
  target = await installScheduleTarget(gw);
  db = await createTestDb('sqlite');
});

afterAll(async () => {
  await db?.close();
  await em?.close();
});

async function newDeal(title: string): Promise<number> {
  return Number(await gw.call('crm.deal.add', { fields: { TITLE: title } }));
}

async function itemsOf(dealId: number): Promise<Record<string, unknown>[]> {
  const out = await gw.batch<{ items: Record<string, unknown>[] }>(
    Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6, 7].map((p) => [
        `p${p}`,
        {
          method: 'crm.item.list',
          params: { entityTypeId: target.entityTypeId, filter: { parentId2: dealId }, order: { id: 'ASC' }, start: p * 50 },
        },
      ]),
    ),
  );
  return Object.values(out.results).flatMap((r) => r.items);
}

describe('schedule sync against the emulator', () => {
  it.each([12, 60, 360])('a %i-row schedule costs ≤ ⌈N/50⌉ + 1 REST calls counted by the emulator', async (n) => {
    const dealId = await newDeal(`Loan ${n}`);
    const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(n) }, actor, deps);
    const before = em.stats().restCallsTotal;
    const report = await syncLoanToPortal(db.kysely, gw, P, saved.loanId, target, { now });
    const counted = em.stats().restCallsTotal - before;
    expect(counted).toBe(report.calls);
    expect(counted).toBeLessThanOrEqual(Math.ceil(n / 50) + 1);
    const items = await itemsOf(dealId);
    expect(items).toHaveLength(n);
    expect(items.map((i) => Number(i[target.itemFields!.installment]))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const deal = await gw.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(Number(deal.OPPORTUNITY)).toBe(100000);
    expect(deal.UF_CRM_LOAN_TERM).toBe(String(n));
  });

  it('saving again updates in place; a shorter term removes the surplus; payments change statuses', async () => {
    const dealId = await newDeal('Loan edits');
    const first = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(24) }, actor, deps);
    await syncLoanToPortal(db.kysely, gw, P, first.loanId, target, { now });
    const ids = (await itemsOf(dealId)).map((i) => i.id);
    expect(ids).toHaveLength(24);

    await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(12, { rate: { annualPercent: '21' } }) }, actor, deps);
    const r = await syncLoanToPortal(db.kysely, gw, P, first.loanId, target, { now });
    expect(r).toMatchObject({ updated: 12, deleted: 12, added: 0, calls: 1 });
    const after = await itemsOf(dealId);
    expect(after.map((i) => i.id)).toEqual(ids.slice(0, 12));

    await registerPayment(db.kysely, P, dealId, { id: 'e2e-pay-1', date: '2024-02-15', amount: '20000' }, actor, deps);
    await syncLoanToPortal(db.kysely, gw, P, first.loanId, target, { now });
    const statuses = (await itemsOf(dealId)).map((i) => i[target.itemFields!.status]);
    expect(statuses.slice(0, 3)).toEqual(['paid', 'paid', 'partially paid']);
    const deal = await gw.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
    expect(deal.UF_CRM_LOAN_DAYS_PAST_DUE).toBe('0');
    expect(deal.UF_CRM_LOAN_RATE).toBe('21');
  });

  it('a lost answer is reconciled with one listing and no duplicates', async () => {
    const dealId = await newDeal('Loan lost write');
    const saved = await saveLoan(db.kysely, P, dealId, { terms: sampleTerms(30) }, actor, deps);
    // The portal applies the batch but the answer never arrives.
    const lossy = Object.create(gw) as HttpGateway;
    lossy.batch = async (cmds) => {
      await gw.batch(cmds);
      throw new Error('socket hang up');
    };
    await expect(syncLoanToPortal(db.kysely, lossy, P, saved.loanId, target, { now })).rejects.toThrow(/hang up/);
    expect(await itemsOf(dealId)).toHaveLength(30);
    const r = await syncLoanToPortal(db.kysely, gw, P, saved.loanId, target, { now });
    expect(r).toMatchObject({ reconciled: true, added: 0, updated: 30, calls: 2 });
    expect(await itemsOf(dealId)).toHaveLength(30);
  });
});

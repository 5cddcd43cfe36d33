// A portal whose plan refuses smart processes or their items (server/portals/plan-limits.ts): the
// limit is recorded on the portal, the sync target becomes "deal fields only", and a sync then
// writes the deal and no items — without failing, so the job does not retry into a dead letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../test/support/test-db.js';
import { addPlanLimit, getPlanLimits, setManifestState } from '../../portals/portal-manifest-repo.js';
import { defaultLoanDeps } from '../operations/deps.js';
import { saveLoan } from '../operations/save-loan.js';
import { listPortalItems } from '../portal-item-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { FakePortal } from '../../../test/fakes/sync-portal.js';
import { syncLoanToPortal } from './sync-loan.js';
import { defaultSyncTarget, resolveSyncTarget } from './target.js';

const now = () => new Date('2024-03-20T09:00:00Z');
const deps = defaultLoanDeps({ now });
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('plan limits on smart processes', () => {
  it('are recorded by the manifest apply, replaced by the next one, and added to by a sync', async () => {
    await insertTestPortal(db, 'pl-1');
    await setManifestState(db.kysely, 'pl-1', 'h1', null, ['smart_process']);
    expect(await getPlanLimits(db.kysely, 'pl-1')).toEqual(['smart_process']);
    const target = await resolveSyncTarget(db.kysely, 'pl-1');
    expect(target).toMatchObject({ dealOnly: true, itemFields: null });

    // The plan was upgraded: the next apply found the smart process and no limit.
    await setManifestState(db.kysely, 'pl-1', 'h2', 1040, []);
    expect(await getPlanLimits(db.kysely, 'pl-1')).toEqual([]);
    expect((await resolveSyncTarget(db.kysely, 'pl-1')).dealOnly).toBeUndefined();

    await addPlanLimit(db.kysely, 'pl-1', 'smart_process_items');
    await addPlanLimit(db.kysely, 'pl-1', 'smart_process_items');
    expect(await getPlanLimits(db.kysely, 'pl-1')).toEqual(['smart_process_items']);
    expect(await resolveSyncTarget(db.kysely, 'pl-1')).toMatchObject({ dealOnly: true, entityTypeId: 1040 });
  });

  it('a deal-only target writes the deal fields in one call and no item', async () => {
    await insertTestPortal(db, 'pl-2');
    const portal = new FakePortal();
    const saved = await saveLoan(db.kysely, 'pl-2', 501, { terms: sampleTerms(12) }, { userId: 1 }, deps);
    const report = await syncLoanToPortal(
      db.kysely,
      portal,
      'pl-2',
      saved.loanId,
      { ...defaultSyncTarget(0), itemFields: null, dealOnly: true },
      { now },
    );
    expect(report).toMatchObject({ calls: 1, added: 0, dealUpdated: true, errors: {} });
    expect(portal.items.size).toBe(0);
    expect(portal.deals.get(501)).toMatchObject({ UF_CRM_LOAN_TERM: 12, UF_CRM_LOAN_RATE: '18' });
  });

  it('items refused by the plan: reported, not a failure; the deal is still written', async () => {
    await insertTestPortal(db, 'pl-3');
    const portal = new FakePortal();
    portal.itemsRestricted = true;
    const saved = await saveLoan(db.kysely, 'pl-3', 502, { terms: sampleTerms(6) }, { userId: 1 }, deps);
    const report = await syncLoanToPortal(db.kysely, portal, 'pl-3', saved.loanId, defaultSyncTarget(1038), { now });
    expect(report).toMatchObject({ itemsRestricted: true, added: 0, dealUpdated: true, errors: {} });
    expect(await listPortalItems(db.kysely, 'pl-3', saved.loanId)).toEqual([]);
    expect(portal.deals.get(502)).toMatchObject({ UF_CRM_LOAN_TERM: 6 });
  });
});

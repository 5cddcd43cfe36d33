import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { sampleLedgerEntry } from '../../test/support/sample-ledger-entry.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import { appendLedgerEntry, findEntryByExternalId, listLedger } from './ledger-repo.js';
import { getScheduleVersion, insertScheduleVersion } from './schedule-version-repo.js';

// Migration 202612050100 on the dialect under test: a PREPAYMENT entry keeps its mode and a rebuilt
// schedule version its base, each read back only under its own portal.
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const entry = sampleLedgerEntry;

describe('ledger prepayments and rebuilt schedule versions (storage)', () => {
  it('stores a PREPAYMENT with its mode and an ordinary entry with none, per portal', async () => {
    await appendLedgerEntry(db.kysely, 'portal-a', entry({ prepaymentMode: 'reduce-installment' }));
    await appendLedgerEntry(db.kysely, 'portal-a', entry({ id: 'e2', kind: 'PAYMENT', externalId: 'pay-1' }));
    await appendLedgerEntry(db.kysely, 'portal-b', entry({ prepaymentMode: 'reschedule-next' }));
    const a = await listLedger(db.kysely, 'portal-a', 'L1');
    expect(a.map((e) => [e.kind, e.externalId, e.prepaymentMode])).toEqual([
      ['PREPAYMENT', 'pre-1', 'reduce-installment'],
      ['PAYMENT', 'pay-1', null],
    ]);
    expect((await findEntryByExternalId(db.kysely, 'portal-b', 'L1', 'pre-1'))?.prepaymentMode).toBe('reschedule-next');
  });

  it('a re-sent prepayment id is refused by the unique key, whatever its mode', async () => {
    await expect(appendLedgerEntry(db.kysely, 'portal-a', entry({ id: 'e3', prepaymentMode: 'reduce-term' }))).rejects.toThrow();
    expect(await listLedger(db.kysely, 'portal-a', 'L1')).toHaveLength(2);
  });

  it('a rebuilt version names its base; the old version stays readable', async () => {
    const schedule = { installmentAmount: '1.00', rows: [], totals: {}, effectiveRates: {} };
    const common = { loanId: 'L1', terms: sampleTerms(3), schedule, createdBy: 7, nowIso: '2024-03-20T10:00:00.000Z' };
    await insertScheduleVersion(db.kysely, 'portal-a', { ...common, version: 1, reason: 'save' });
    await insertScheduleVersion(db.kysely, 'portal-a', { ...common, version: 2, reason: 'prepayment', baseVersion: 1 });
    expect((await getScheduleVersion(db.kysely, 'portal-a', 'L1', 1))?.baseVersion).toBeNull();
    expect(await getScheduleVersion(db.kysely, 'portal-a', 'L1', 2)).toMatchObject({ baseVersion: 1, reason: 'prepayment' });
    expect(await getScheduleVersion(db.kysely, 'portal-b', 'L1', 2)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { readIssueState } from './issue-state.js';
import { insertDealLifecycle, saveStageMap, setDealFacts } from './repo.js';

// User trial (ru-RU deal 11 at NEW): the loan tab showed arrears, a payoff and a payment form on an
// application. Whether the loan is issued comes from the lifecycle; without a map it cannot be known.
// Same body on SQLite and PostgreSQL (TEST_DIALECT).

const P = 'portal-issue';
const nowIso = '2026-12-06T10:00:00Z';
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  const map = {
    onStage: { ISSUED: 'ISSUED' as const },
    toStage: { current: 'REPAYING', overdue: [{ days: 1, stageId: 'LATE' }] },
    payoutOnIssue: false,
  };
  await saveStageMap(db.kysely, P, 0, map, { userId: 1, nowIso });
  // Pipeline 1 maps only the offer: nothing says when its loans start.
  await saveStageMap(
    db.kysely,
    P,
    1,
    { onStage: { C1_OFFER: 'OFFER_FIXED' }, toStage: { overdue: [] }, payoutOnIssue: false },
    { userId: 1, nowIso },
  );
});
afterAll(async () => {
  await db?.close();
});

async function dealAt(dealId: number, categoryId: number, stageId: string): Promise<void> {
  await insertDealLifecycle(db.kysely, P, { dealId, categoryId, stageId, nowIso });
}

describe('readIssueState', () => {
  it('an application stage of a pipeline with an issued stage: not issued', async () => {
    await dealAt(1, 0, 'NEW');
    expect(await readIssueState(db.kysely, P, 1)).toBe('not-issued');
  });

  it('issued once the deal entered the issued stage, whatever stage it is on now; on it or on a repayment stage too', async () => {
    await dealAt(2, 0, 'NEW');
    await setDealFacts(db.kysely, P, 2, { issuedOn: '2026-11-01' }, nowIso);
    expect(await readIssueState(db.kysely, P, 2)).toBe('issued');
    await dealAt(3, 0, 'ISSUED');
    await dealAt(4, 0, 'REPAYING');
    await dealAt(5, 0, 'LATE');
    expect(await Promise.all([3, 4, 5].map((d) => readIssueState(db.kysely, P, d)))).toEqual(['issued', 'issued', 'issued']);
  });

  it('unknown without an issued stage in the map, or a deal the app has not seen', async () => {
    await dealAt(6, 1, 'C1:NEW');
    expect(await readIssueState(db.kysely, P, 6)).toBe('unknown');
    expect(await readIssueState(db.kysely, P, 99)).toBe('unknown');
    await dealAt(7, 2, 'C2:NEW');
    expect(await readIssueState(db.kysely, P, 7)).toBe('unknown');
  });
});

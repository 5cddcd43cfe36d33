import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../server/db/database.js';
import { defaultLoanDeps, type OutboxJob } from '../../server/loans/operations/deps.js';
import { createTestDb } from './test-db.js';

/**
 * For a *.db.test.ts of the loan operations: a fresh database of the dialect under test for the file,
 * loan deps whose clock stands at `nowIso` and whose enqueue records the jobs, one portal and one user.
 */
export function loanOpsDb(nowIso = '2024-06-01T10:00:00Z') {
  const jobs: OutboxJob[] = [];
  const deps = defaultLoanDeps({ now: () => new Date(nowIso), enqueue: async (_trx, job) => void jobs.push(job) });
  const ctx = { db: undefined as unknown as Db, jobs, deps, portalId: 'portal-a', actor: { userId: 7 } };
  beforeAll(async () => {
    ctx.db = await createTestDb();
  });
  afterAll(async () => {
    await ctx.db?.close();
  });
  return ctx;
}

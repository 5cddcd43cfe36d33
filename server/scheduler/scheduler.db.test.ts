import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { OutboxWorker } from '../jobs/worker.js';
import { defaultLoanDeps, LOAN_SYNC_JOB } from '../loans/operations/deps.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { DAILY_RESYNC_JOB, dailyResyncJob, dailyResyncKey } from './daily-resync.js';
import { jobEntry } from '../jobs/job.js';
import { DailyScheduler, type Timers } from './scheduler.js';

// Same body on SQLite and PostgreSQL (TEST_DIALECT). The clock and the interval timer are injected:
// the test moves the day and fires ticks by hand.

const log = pino({ level: 'silent' });
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  const deps = defaultLoanDeps({ now: () => new Date('2024-03-20T09:00:00Z') });
  await saveLoan(db.kysely, 'portal-a', 101, { terms: sampleTerms(3) }, { userId: 1 }, deps);
  await saveLoan(db.kysely, 'portal-a', 102, { terms: sampleTerms(6) }, { userId: 1 }, deps);
  await saveLoan(db.kysely, 'portal-b', 201, { terms: sampleTerms(4) }, { userId: 1 }, deps);
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.kysely.deleteFrom('outbox_jobs').execute();
});

class FakeTimers implements Timers {
  fns = new Map<number, () => void>();
  private next = 1;
  setInterval(fn: () => void): unknown {
    const h = this.next++;
    this.fns.set(h, fn);
    return h;
  }
  clearInterval(h: unknown): void {
    this.fns.delete(h as number);
  }
  fire(): void {
    for (const fn of this.fns.values()) fn();
  }
}

function scheduler(clock: { at: Date }, timers = new FakeTimers()) {
  return { s: new DailyScheduler({ db: db.kysely, log, intervalMs: 60_000, now: () => clock.at, timers }), timers };
}

const jobs = (kind: string) =>
  db.kysely
    .selectFrom('outbox_jobs')
    .select(['idempotency_key', 'status', 'portal_id'])
    .where('kind', '=', kind)
    .orderBy('idempotency_key')
    .execute();

describe('DailyScheduler', () => {
  it('queues the day at boot once across N processes, again on the next UTC day, and stops its timer', async () => {
    const clock = { at: new Date('2024-03-21T23:30:00Z') };
    const procs = [scheduler(clock), scheduler(clock), scheduler(clock)];
    procs.forEach((p) => p.s.start());
    await Promise.all(procs.map((p) => p.s.tick()));
    expect((await jobs(DAILY_RESYNC_JOB)).map((j) => j.idempotency_key)).toEqual([dailyResyncKey('2024-03-21')]);

    // Ticks within the same day add nothing; past midnight UTC each process asks, one job lands.
    procs.forEach((p) => p.timers.fire());
    await Promise.all(procs.map((p) => p.s.tick()));
    clock.at = new Date('2024-03-22T00:10:00Z');
    procs.forEach((p) => p.timers.fire());
    await Promise.all(procs.map((p) => p.s.tick()));
    expect((await jobs(DAILY_RESYNC_JOB)).map((j) => j.idempotency_key)).toEqual([
      dailyResyncKey('2024-03-21'),
      dailyResyncKey('2024-03-22'),
    ]);

    await Promise.all(procs.map((p) => p.s.stop()));
    expect(procs.every((p) => p.timers.fns.size === 0)).toBe(true);
  });

  it('the queued job runs enqueueDailyResync: one loan.sync per active loan, keyed by loan and day', async () => {
    const { s } = scheduler({ at: new Date('2024-04-02T08:00:00Z') });
    await s.tick();
    const noPortal = async (): Promise<PortalClient> => {
      throw new Error('the scan needs no portal');
    };
    const handlers = new Map([jobEntry(DAILY_RESYNC_JOB, dailyResyncJob)]);
    const w = new OutboxWorker({ db: db.kysely, dialect: db.dialect, log, getPortalClient: noPortal, handlers });
    // Run only the scan: claim one batch (the loan.sync jobs it creates would need a portal).
    await w.runOnce();
    const scan = await jobs(DAILY_RESYNC_JOB);
    expect(scan).toEqual([{ idempotency_key: dailyResyncKey('2024-04-02'), status: 'done', portal_id: null }]);
    const syncs = await jobs(LOAN_SYNC_JOB);
    expect(syncs).toHaveLength(3);
    expect(new Set(syncs.map((j) => j.portal_id))).toEqual(new Set(['portal-a', 'portal-b']));
    expect(syncs.every((j) => j.idempotency_key.endsWith(':day:2024-04-02'))).toBe(true);
  });

  it('a failed request is retried on the next tick, not skipped for the day', async () => {
    const clock = { at: new Date('2024-05-01T10:00:00Z') };
    const errors: unknown[] = [];
    let fail = true;
    // requestDailyResync only opens a transaction; this handle fails that until told otherwise.
    const flaky = {
      transaction: () => {
        if (fail) throw new Error('database unavailable');
        return db.kysely.transaction();
      },
    } as unknown as typeof db.kysely;
    const s = new DailyScheduler({
      db: flaky,
      log: { info: () => undefined, error: (o: unknown) => void errors.push(o) } as never,
      intervalMs: 60_000,
      now: () => clock.at,
      timers: new FakeTimers(),
    });
    await s.tick();
    expect(errors).toHaveLength(1);
    fail = false;
    await s.tick();
    expect((await jobs(DAILY_RESYNC_JOB)).map((j) => j.idempotency_key)).toEqual([dailyResyncKey('2024-05-01')]);
  });
});

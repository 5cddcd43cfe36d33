import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { enqueue } from './outbox.js';
import { jobEntry, PermanentJobError, RetryLaterError, type JobHandler } from './job.js';
import { OutboxWorker } from './worker.js';

// Same body on SQLite and PostgreSQL (TEST_DIALECT).

const log = pino({ level: 'silent' });
const noPortal = async (): Promise<PortalClient> => {
  throw new Error('no portal in this test');
};
let db: Db | undefined;
// Each test's job table, as server/jobs/handlers.ts builds the app's.
const handlers = new Map<string, JobHandler>();
const handle = <P>(kind: string, fn: JobHandler<P>) => void handlers.set(...jobEntry(kind, fn));
afterEach(async () => {
  handlers.clear();
  await db?.close();
  db = undefined;
});

function worker(d: Db, o: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) {
  return new OutboxWorker({
    db: d.kysely,
    dialect: d.dialect,
    log,
    getPortalClient: noPortal,
    handlers,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    ...o,
  });
}

async function rows(d: Db) {
  return d.kysely.selectFrom('outbox_jobs').selectAll().orderBy('id').execute();
}

describe('outbox', () => {
  it('enqueues inside the transaction: rollback leaves nothing; a repeated key is a no-op', async () => {
    db = await createTestDb();
    const d = db;
    await expect(
      d.kysely.transaction().execute(async (trx) => {
        await enqueue(trx, { portalId: null, kind: 'k', idempotencyKey: 'a', payload: { x: 1 } });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await rows(d)).toHaveLength(0);
    const first = await d.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId: null, kind: 'k', idempotencyKey: 'a', payload: { x: 1 } }));
    const again = await d.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId: null, kind: 'k', idempotencyKey: 'a', payload: { x: 2 } }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await rows(d)).toHaveLength(1);
  });

  it('runs handlers, retries with backoff, then dead-letters', async () => {
    db = await createTestDb();
    const d = db;
    const seen: string[] = [];
    handle<{ n: number }>('ok.kind', async (job) => void seen.push(`ok${job.payload.n}`));
    let flaky = 0;
    handle('flaky.kind', async () => {
      if (++flaky < 3) throw new Error('transient');
    });
    handle('broken.kind', async () => {
      throw new Error('always');
    });
    handle('fatal.kind', async () => {
      throw new PermanentJobError('cannot ever work');
    });
    await d.kysely.transaction().execute(async (trx) => {
      await enqueue(trx, { portalId: null, kind: 'ok.kind', idempotencyKey: 'ok1', payload: { n: 1 } });
      await enqueue(trx, { portalId: null, kind: 'flaky.kind', idempotencyKey: 'f1', payload: {} });
      await enqueue(trx, { portalId: null, kind: 'broken.kind', idempotencyKey: 'b1', payload: {}, maxAttempts: 3 });
      await enqueue(trx, { portalId: null, kind: 'fatal.kind', idempotencyKey: 'x1', payload: {} });
      await enqueue(trx, { portalId: null, kind: 'no.such.kind', idempotencyKey: 'n1', payload: {} });
    });
    const w = worker(d);
    for (let i = 0; i < 20; i++) {
      await w.runOnce();
      await new Promise((r) => setTimeout(r, 10));
    }
    const byKey = Object.fromEntries((await rows(d)).map((r) => [r.idempotency_key, r]));
    expect(seen).toEqual(['ok1']);
    expect(byKey.ok1!.status).toBe('done');
    expect(byKey.f1!.status).toBe('done');
    expect(Number(byKey.f1!.attempts)).toBe(3);
    expect(byKey.b1!.status).toBe('dead');
    expect(Number(byKey.b1!.attempts)).toBe(3);
    expect(byKey.b1!.last_error).toContain('always');
    expect(byKey.x1!.status).toBe('dead');
    expect(Number(byKey.x1!.attempts)).toBe(1);
    // Unknown kind (maybe a newer deployment's): handed back, no attempt spent.
    expect(byKey.n1!.status).toBe('pending');
    expect(Number(byKey.n1!.attempts)).toBe(0);
    expect(Number(byKey.n1!.run_after)).toBeGreaterThan(Date.now() + 30_000);
  });

  it("retries a crashed worker's job once its lease runs out", async () => {
    db = await createTestDb();
    const d = db;
    let runs = 0;
    handle('lease.kind', async () => void runs++);
    await d.kysely.transaction().execute((trx) => enqueue(trx, { portalId: null, kind: 'lease.kind', idempotencyKey: 'l1', payload: {} }));
    const crashed = worker(d, { leaseMs: 50 });
    expect(await crashed.claim()).toHaveLength(1); // claimed, then the process "dies"
    const other = worker(d);
    expect(await other.runOnce()).toBe(0); // lease still live
    await new Promise((r) => setTimeout(r, 80));
    expect(await other.runOnce()).toBe(1);
    expect(runs).toBe(1);
    expect((await rows(d))[0]!.status).toBe('done');
  });

  it('N workers claim disjoint jobs; each job runs exactly once', async () => {
    db = await createTestDb();
    const d = db;
    const runs = new Map<string, number>();
    handle('count.kind', async (job) => {
      runs.set(job.idempotencyKey, (runs.get(job.idempotencyKey) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    });
    await d.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) await enqueue(trx, { portalId: null, kind: 'count.kind', idempotencyKey: `c${i}`, payload: { i } });
    });
    // On PostgreSQL the workers use separate pool connections, so claims really race (SKIP LOCKED).
    const ws = Array.from({ length: 4 }, (_, i) => worker(d, { workerId: `w${i}`, batchSize: 7 }));
    const claimedBy = new Map<string, string>();
    await Promise.all(
      ws.map(async (w) => {
        for (;;) {
          const got = await w.claim();
          if (got.length === 0) break;
          // Never more than the batch: the claim's locked rows are chosen once (a CTE on PostgreSQL).
          expect(got.length).toBeLessThanOrEqual(7);
          for (const r of got) {
            expect(claimedBy.has(r.id)).toBe(false);
            claimedBy.set(r.id, w.id);
          }
        }
      }),
    );
    expect(claimedBy.size).toBe(200);
    expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
    // Release and run them for real with concurrent drains.
    await d.kysely.updateTable('outbox_jobs').set({ status: 'pending', locked_by: null, locked_until: null, attempts: 0 }).execute();
    await Promise.all(ws.map((w) => w.drain()));
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('a job that must wait (RetryLaterError) runs again after its delay without spending an attempt', async () => {
    db = await createTestDb();
    const d = db;
    let calls = 0;
    handle('busy.kind', async () => {
      calls += 1;
      if (calls <= 3) throw new RetryLaterError(5, 'lease held by another worker');
    });
    await d.kysely
      .transaction()
      .execute((trx) => enqueue(trx, { portalId: null, kind: 'busy.kind', idempotencyKey: 'b1', payload: {}, maxAttempts: 2 }));
    const w = worker(d);
    for (let i = 0; i < 50 && calls < 4; i++) {
      await w.runOnce();
      await new Promise((r) => setTimeout(r, 8));
    }
    const [job] = await rows(d);
    // Four runs on a budget of two attempts: the three waits cost none, and no back-off was applied.
    expect(calls).toBe(4);
    expect(job).toMatchObject({ status: 'done' });
    expect(Number(job!.attempts)).toBe(1);
  });
});

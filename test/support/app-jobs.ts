// The app's own job table run beside a test's portal (WORKER is off in tests), the admin API as the
// app page calls it, and a wait until every job is done — what the lifecycle, preset, roles and
// trigger tests share.
import { vi } from 'vitest';
import type { OutboxWorker } from '../../server/jobs/worker.js';
import type { Db } from '../../server/db/database.js';
import type { Emulator } from '../../emulator/index.js';
import type { AppUnderTest } from './portal-harness.js';

// The workers live in app-worker.ts (no vitest there: the benches use them too).
export { appWorker, lifecycleClockWorker } from './app-worker.js';

interface Rig {
  db: Db;
  a: AppUnderTest;
  em: Emulator;
}

/**
 * A Date-only fake clock that runs on with real time and that settleJobs moves forward: timers,
 * sockets and the database keep real time. For files whose jobs schedule work for later (the tail
 * drain 1.5 s after a busy one, lifecycle/jobs.ts; a retry's back-off): the worker's claim, the
 * job's schedule and the emulator's ONOFFLINEEVENT minTimeout all read Date, so they see the same
 * time pass. Call in beforeAll; the returned function (for afterAll) puts the real clock back.
 */
export function useJumpingClock(): () => void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  return () => vi.useRealTimers();
}

/**
 * Lets the emulator deliver and the worker run until no job is pending or running; with `horizonMs`,
 * a job due later than that (a pending payout's half-hourly refresh) is not waited for. On the jumping
 * clock (useJumpingClock), when only jobs due later are left the clock jumps to the first of them
 * instead of the test waiting for it.
 */
export async function settleJobs(p: Rig, worker: OutboxWorker, rounds = 200, horizonMs?: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await p.em.idle();
    await worker.drain();
    await p.em.idle();
    const pending = await p.db.kysely
      .selectFrom('outbox_jobs')
      .select(['kind', 'status', 'run_after', 'last_error'])
      .where('status', 'in', ['pending', 'running'])
      .$if(horizonMs !== undefined, (q) =>
        q.where((eb) => eb.or([eb('status', '=', 'running'), eb('run_after', '<=', Date.now() + horizonMs!)])),
      )
      .execute();
    if (pending.length === 0) return;
    if (i === rounds - 1) throw new Error(`jobs did not settle: ${JSON.stringify(pending)}`);
    const due = Math.min(...pending.map((j) => (j.status === 'pending' ? Number(j.run_after) : 0)));
    if (vi.isFakeTimers() && due > Date.now()) vi.setSystemTime(due);
    else await new Promise((r) => setTimeout(r, 30));
  }
}

/** The app's JSON API as a portal administrator (user 1) of `portalId` calls it. */
export function adminApi(p: Rig, portalId: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const token = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    const r = await fetch(`${p.a.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, json: (await r.json()) as T };
  };
}

// The app's own job table run beside a test's or a bench's portal (WORKER is off there): the
// worker, and one whose lifecycle and reminder jobs read a moved clock. No vitest here, so the
// benches (bench/) use it as the tests do.
import { OutboxWorker } from '../../server/jobs/worker.js';
import type { JobHandlers } from '../../server/jobs/job.js';
import { jobHandlers } from '../../server/jobs/handlers.js';
import type { Db } from '../../server/db/database.js';
import type { AppUnderTest } from './portal-harness.js';

interface Rig {
  db: Db;
  a: AppUnderTest;
}

/** The app's worker; `handlers` another job table (e.g. jobHandlers with the lifecycle's clock moved). */
export function appWorker(p: Rig, pollMs = 20, handlers: JobHandlers = p.a.app.jobHandlers): OutboxWorker {
  return new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers,
    pollMs,
    backoffBaseMs: pollMs,
  });
}

/** The app's worker whose lifecycle jobs read `now` as the clock (a loan days late, without waiting). */
export function lifecycleClockWorker(p: Rig, now: Date): OutboxWorker {
  const app = p.a.app;
  return appWorker(
    p,
    20,
    jobHandlers({
      activities: app.activities,
      checks: { box: app.secrets, allowLocalUrls: false },
      lifecycle: { now: () => now },
      mail: app.mail,
      secrets: app.secrets,
    }),
  );
}

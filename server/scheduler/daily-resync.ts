import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueue } from '../jobs/outbox.js';
import type { JobHandler } from '../jobs/job.js';
import { enqueueDailyResync } from '../loans/sync/daily-resync.js';

// One outbox job per UTC day runs the daily resync scan (enqueueDailyResync: one loan.sync per
// active loan). The job's idempotency key is the day, so N processes ticking at once insert it once
// and exactly one worker scans; a crash mid-scan is retried by the outbox like any job (the per-loan
// keys inside make a repeated scan add nothing).

export const DAILY_RESYNC_JOB = 'loans.daily-resync';

export interface DailyResyncPayload {
  day: string;
}

export function dailyResyncKey(day: string): string {
  return `${DAILY_RESYNC_JOB}:day:${day}`;
}

/** UTC calendar day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Enqueues the day's scan unless some process already did; true when this call created it. */
export async function requestDailyResync(db: Kysely<Database>, day: string): Promise<boolean> {
  const r = await db
    .transaction()
    .execute((trx) => enqueue(trx, { portalId: null, kind: DAILY_RESYNC_JOB, idempotencyKey: dailyResyncKey(day), payload: { day } }));
  return r.created;
}

/** The day's scan (listed in server/jobs/handlers.ts under DAILY_RESYNC_JOB). */
export const dailyResyncJob: JobHandler<DailyResyncPayload> = async (job, ctx) => {
  const queued = await enqueueDailyResync(ctx.db, (trx, j) => enqueue(trx, j), job.payload.day);
  ctx.log.info({ day: job.payload.day, queued }, 'daily resync queued');
};

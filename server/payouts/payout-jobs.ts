import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PaymentProvider } from '../integrations/payments/provider.js';
import { enqueue } from '../jobs/outbox.js';
import { jobEntry, PermanentJobError, type JobContext } from '../jobs/job.js';
import { executePayout, refreshPayout, type ExecutePayoutOptions } from './execute-payout.js';
import { findPayoutById, type PayoutRecord } from './payout-repo.js';

// Outbox wiring. Each attempt is its own job (key payout:<id>:<attempt>) scheduled at the payout's
// own retryAt, so our back-off — not the worker's — decides when OpenPay is asked again. When a
// payout reaches a state the workflow should hear about (pending with a provider reference,
// succeeded, failed, or stuck unknown), a `payout.settled` job is enqueued once per state.

export const PAYOUT_EXECUTE_JOB = 'payout.execute';
export const PAYOUT_REFRESH_JOB = 'payout.refresh';
export const PAYOUT_SETTLED_JOB = 'payout.settled';

export interface PayoutJobPayload {
  payoutId: string;
}

export type PayoutProviderResolver = (portalId: string, providerCode: string, ctx: JobContext) => Promise<PaymentProvider>;

export interface PayoutJobOptions {
  execute?: ExecutePayoutOptions;
  /** How often a pending payout is re-checked, and for how many checks at most. */
  refreshEveryMs?: number;
  maxRefreshes?: number;
}

/** Use as requestPayout's onCreated: the first attempt is enqueued in the insert's transaction. */
export function enqueuePayoutExecution(
  trx: Transaction<Database>,
  payout: PayoutRecord,
  runAfterMs?: number,
  afterJobId?: string,
): Promise<{ id: string; created: boolean }> {
  // A retry is keyed by the job that schedules it: when executePayout answers "later" without a new
  // attempt (another worker still holds the payout's lease), `attempts` is unchanged and a key of
  // attempts alone would equal the running job's own key — the retry would be dropped and the payout
  // left waiting. A rerun of the same job still makes the same key, so nothing runs twice.
  return enqueue(trx, {
    portalId: payout.portalId,
    kind: PAYOUT_EXECUTE_JOB,
    idempotencyKey: `payout:${payout.id}:${payout.attempts}${afterJobId ? `:after:${afterJobId}` : ''}`,
    payload: { payoutId: payout.id } satisfies PayoutJobPayload,
    ...(runAfterMs !== undefined ? { runAfterMs } : {}),
  });
}

async function settle(ctx: JobContext, payout: PayoutRecord, options: PayoutJobOptions, refreshN = 0): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await enqueue(trx, {
      portalId: payout.portalId,
      kind: PAYOUT_SETTLED_JOB,
      idempotencyKey: `payout-settled:${payout.id}:${payout.status}`,
      payload: { payoutId: payout.id },
    });
    if (payout.status === 'pending' && refreshN < (options.maxRefreshes ?? 240)) {
      await enqueue(trx, {
        portalId: payout.portalId,
        kind: PAYOUT_REFRESH_JOB,
        idempotencyKey: `payout-refresh:${payout.id}:${refreshN + 1}`,
        payload: { payoutId: payout.id, n: refreshN + 1 },
        runAfterMs: Date.now() + (options.refreshEveryMs ?? 30 * 60_000),
      });
    }
  });
}

/**
 * The handlers of a payout driven by jobs alone, as job-table entries (listed in
 * server/jobs/handlers.ts): the payout queued when a deal enters its issued stage
 * (server/lifecycle/apply-stage-event.ts). The payout robot runs executePayout in its own job
 * (server/activities/jobs/payout.ts) on its own row; both rows are keyed and guarded per loan
 * (requestPayout `oncePerLoan`, index payouts_portal_live_loan), so the two paths never pay one loan twice.
 */
export function payoutJobEntries(resolveProvider: PayoutProviderResolver, options: PayoutJobOptions = {}) {
  const execute = jobEntry<PayoutJobPayload>(PAYOUT_EXECUTE_JOB, async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError(`payout job ${job.id} has no portal`);
    const row = await findPayoutById(ctx.db, job.portalId, job.payload.payoutId);
    if (!row) throw new PermanentJobError(`payout ${job.payload.payoutId} not found`);
    const provider = await resolveProvider(row.portalId, row.provider, ctx);
    const r = await executePayout(ctx.db, provider, row, options.execute);
    if (r.retryAt !== undefined) {
      const retryAt = r.retryAt;
      await ctx.db.transaction().execute((trx) => enqueuePayoutExecution(trx, r.payout, retryAt, job.id));
      ctx.log.info({ payoutId: row.id, attempts: r.payout.attempts, retryAt, lastError: r.payout.lastError }, 'payout will be retried');
      return;
    }
    await settle(ctx, r.payout, options);
  });
  const refresh = jobEntry<PayoutJobPayload & { n: number }>(PAYOUT_REFRESH_JOB, async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError(`payout job ${job.id} has no portal`);
    const row = await findPayoutById(ctx.db, job.portalId, job.payload.payoutId);
    if (!row) throw new PermanentJobError(`payout ${job.payload.payoutId} not found`);
    const provider = await resolveProvider(row.portalId, row.provider, ctx);
    const payout = await refreshPayout(ctx.db, provider, row, options.execute?.now ? { now: options.execute.now } : {});
    await settle(ctx, payout, options, payout.status === 'pending' ? job.payload.n : 0);
  });
  // A job-driven payout has no workflow waiting for it (the robot answers its own in its own job):
  // its final state is the row; this records it in the log once per state (no amount, no CLABE).
  const settled = jobEntry<PayoutJobPayload>(PAYOUT_SETTLED_JOB, async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError(`payout job ${job.id} has no portal`);
    const row = await findPayoutById(ctx.db, job.portalId, job.payload.payoutId);
    if (!row) throw new PermanentJobError(`payout ${job.payload.payoutId} not found`);
    ctx.log.info({ payoutId: row.id, status: row.status, attempts: row.attempts, lastError: row.lastError }, 'payout settled');
  });
  return [execute, refresh, settled];
}

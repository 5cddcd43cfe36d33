import { enqueue } from '../jobs/outbox.js';
import { jobEntry, PermanentJobError, type Job, type JobHandler } from '../jobs/job.js';
import type { LoanSyncPayload } from '../loans/sync/job.js';
import type { LifecycleDeps } from './deps.js';
import { applyStageEvent } from './apply-stage-event.js';
import { drainOfflineEvents } from './drain.js';
import { LIFECYCLE_JOB } from './kinds.js';
import { reactToLoan, type MovePayload } from './loan-stage.js';
import { moveDeal } from './move-deal.js';
import type { ApplyPayload } from './process-deal.js';
import { AppError } from '../errors.js';
import { createLenderPipeline, type PresetPayload } from './preset/create-pipeline.js';
import { updateLenderPipeline } from './preset/preset-repo.js';
import { assignRole, type AssignPayload } from './assign-role.js';
import { PortalCallError } from '../portal-client/errors.js';
import { postComment, type CommentPayload } from './timeline-comment.js';

export type { LifecycleDeps } from './deps.js';

// The deal lifecycle's job kinds for the table in server/jobs/handlers.ts, with their dependencies
// passed in: the portal's payment provider (payout on issue) and the clock (tests put it at 30 days
// past due).

/** A little over ONOFFLINEEVENT's minTimeout of 1 s (app.manifest.json). */
const TAIL_DRAIN_MS = 1_500;

function portalOf(job: Job): string {
  if (!job.portalId) throw new PermanentJobError(`${job.kind} job without portal`);
  return job.portalId;
}

export function lifecycleJobEntries(deps: LifecycleDeps): [string, JobHandler][] {
  const drain: JobHandler = async (job, ctx) => {
    const portalId = portalOf(job);
    const report = await drainOfflineEvents(ctx.db, await ctx.portal(), portalId, deps.now);
    if (report.batches === 0) return;
    ctx.log.info({ portalId, ...report }, 'offline deal events handled');
    // ONOFFLINEEVENT is not sent again within its minTimeout (on-offline-event.md): changes made
    // meanwhile would wait for the minute tick. One more drain after the timeout picks them up (and
    // clears the batch just handled); it stops once a drain finds the queue empty.
    const at = Date.now() + TAIL_DRAIN_MS;
    await ctx.db.transaction().execute((trx) =>
      enqueue(trx, {
        portalId,
        kind: LIFECYCLE_JOB.drain,
        idempotencyKey: `lifecycle-drain:${portalId}:tail:${Math.floor(at / TAIL_DRAIN_MS)}`,
        payload: { tail: true },
        runAfterMs: at,
      }),
    );
  };
  const apply: JobHandler<ApplyPayload> = async (job, ctx) => {
    const portalId = portalOf(job);
    const outcome = await applyStageEvent(ctx, portalId, job.payload, deps);
    ctx.log.info({ portalId, dealId: job.payload.dealId, event: job.payload.event, outcome }, 'stage event applied to loan');
  };
  const move: JobHandler<MovePayload> = async (job, ctx) => {
    await moveDeal(await ctx.portal(), job.payload);
    ctx.log.info({ portalId: job.portalId, dealId: job.payload.dealId, stageId: job.payload.stageId }, 'deal moved by its loan');
  };
  const assign: JobHandler<AssignPayload> = async (job, ctx) => {
    try {
      const outcome = await assignRole(await ctx.portal(), job.payload);
      ctx.log.info({ portalId: job.portalId, dealId: job.payload.dealId, stageId: job.payload.stageId, outcome }, 'stage role applied');
    } catch (e) {
      // A user the portal does not know (fired, a typo in the map): no retry makes it one.
      if (e instanceof PortalCallError && e.httpStatus === 400) throw new PermanentJobError(`stage role refused: ${e.message}`);
      throw e;
    }
  };
  const comment: JobHandler<CommentPayload> = async (job, ctx) => {
    try {
      const outcome = await postComment(await ctx.portal(), job.payload, job.attempts > 1);
      ctx.log.info({ portalId: job.portalId, dealId: job.payload.dealId, message: job.payload.message, outcome }, 'lifecycle note');
    } catch (e) {
      // The deal is gone or no longer readable: a note on it cannot be added by retrying.
      if (e instanceof PortalCallError && e.httpStatus === 400) throw new PermanentJobError(`lifecycle note refused: ${e.message}`);
      throw e;
    }
  };
  const preset: JobHandler<PresetPayload> = async (job, ctx) => {
    const portalId = portalOf(job);
    try {
      const outcome = await createLenderPipeline(ctx.db, await ctx.portal(), portalId, job.payload, deps.now);
      ctx.log.info({ portalId, run: job.payload.run, outcome }, 'lender pipeline preset');
    } catch (e) {
      // The page waits on the row: a refusal no retry fixes, or the last attempt, says so there.
      const permanent = e instanceof AppError && e.status < 500 && e.code !== 'RATE_LIMITED';
      if (!permanent && job.attempts < job.maxAttempts) throw e;
      const error = e instanceof AppError ? e.code : 'INTERNAL';
      await updateLenderPipeline(ctx.db, portalId, { state: 'failed', error }, deps.now().toISOString());
      ctx.log.warn({ portalId, run: job.payload.run, error, err: e }, 'lender pipeline preset failed');
    }
  };
  return [
    jobEntry(LIFECYCLE_JOB.drain, drain),
    jobEntry(LIFECYCLE_JOB.apply, apply),
    jobEntry(LIFECYCLE_JOB.move, move),
    jobEntry(LIFECYCLE_JOB.assign, assign),
    jobEntry(LIFECYCLE_JOB.comment, comment),
    jobEntry(LIFECYCLE_JOB.preset, preset),
  ];
}

/**
 * The `loan.sync` handler followed by the loan → stage reaction (loan-stage.ts): after a payment, an
 * import or the daily resync has been pushed, the deal moves if the loan's state asks for it. A loan
 * the sync found closed is left alone by reactToLoan.
 */
export function withLoanStage(sync: JobHandler<LoanSyncPayload>, deps: LifecycleDeps): JobHandler<LoanSyncPayload> {
  return async (job, ctx) => {
    await sync(job, ctx);
    await reactToLoan(ctx.db, await ctx.portal(), portalOf(job), job.payload.loanId, deps.now);
  };
}

import { enqueue } from '../jobs/outbox.js';
import { PermanentJobError, registerJobHandler, type Job } from '../jobs/registry.js';
import { setAfterLoanSync } from '../loans/sync/job.js';
import { applyStageEvent } from './apply-stage-event.js';
import { drainOfflineEvents } from './drain.js';
import { LIFECYCLE_JOB } from './kinds.js';
import { reactToLoan, type MovePayload } from './loan-stage.js';
import { moveDeal } from './move-deal.js';
import type { ApplyPayload } from './process-deal.js';

// Every job kind of the deal lifecycle, registered in one place (the lead moves them into the jobs
// plugin at merge). `now` is passed in so tests can put the clock at 30 days past due.

/** A little over ONOFFLINEEVENT's minTimeout of 1 s (app.manifest.json). */
const TAIL_DRAIN_MS = 1_500;

function portalOf(job: Job): string {
  if (!job.portalId) throw new PermanentJobError(`${job.kind} job without portal`);
  return job.portalId;
}

export function registerLifecycleJobs(now: () => Date = () => new Date()): void {
  registerJobHandler(LIFECYCLE_JOB.drain, async (job, ctx) => {
    const portalId = portalOf(job);
    const report = await drainOfflineEvents(ctx.db, await ctx.portal(), portalId, now);
    if (report.batches === 0) return;
    // The batch just handled is cleared by the next drain's first request.
    ctx.log.info({ portalId, ...report }, 'offline deal events handled');
    // ONOFFLINEEVENT is not sent again within its minTimeout (on-offline-event.md): changes made
    // meanwhile would wait for the minute tick. One more drain after the timeout picks them up; it
    // stops once a drain finds the queue empty.
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
  });
  registerJobHandler<ApplyPayload>(LIFECYCLE_JOB.apply, async (job, ctx) => {
    const portalId = portalOf(job);
    const outcome = await applyStageEvent(ctx, portalId, job.payload, now);
    ctx.log.info({ portalId, dealId: job.payload.dealId, event: job.payload.event, outcome }, 'stage event applied to loan');
  });
  registerJobHandler<MovePayload>(LIFECYCLE_JOB.move, async (job, ctx) => {
    await moveDeal(await ctx.portal(), job.payload);
    ctx.log.info({ portalId: job.portalId, dealId: job.payload.dealId, stageId: job.payload.stageId }, 'deal moved by its loan');
  });
  setAfterLoanSync(async (ctx, portalId, loanId) => {
    await reactToLoan(ctx.db, await ctx.portal(), portalId, loanId, now);
  });
}

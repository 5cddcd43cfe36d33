import { PermanentJobError, RetryLaterError, type JobContext, type JobHandler } from '../../jobs/job.js';
import { AppError } from '../../errors.js';
import { getLoan } from '../loan-repo.js';
import { closeLoanOfDeletedDeal } from './close-deleted-deal.js';
import { syncLoanToPortal } from './sync-loan.js';
import { resolveSyncTarget } from './target.js';
import { addPlanLimit } from '../../portals/portal-manifest-repo.js';

// The outbox job that pushes a loan to its portal. Enqueued by saveLoan / registerPayment /
// reversePayment in their transaction; retried by the worker with the same idempotency key (the
// sync is idempotent: it converges the portal to the loan's current state).
//
// A closed loan is never pushed: a job queued before it was closed completes without a request
// (or, if the closure's item removal was cut short, finishes that instead). A sync that finds the
// deal gone closes the loan the same way ONCRMDEALDELETE does, instead of failing and retrying
// into a dead letter every day.

/** How soon a sync that found the loan's lease taken looks again. */
export const SYNC_BUSY_RETRY_MS = 750;

export interface LoanSyncPayload {
  loanId: string;
  dealId?: number;
}

/** The `loan.sync` handler (listed in server/jobs/handlers.ts under LOAN_SYNC_JOB). */
export const loanSyncJob: JobHandler<LoanSyncPayload> = async (job, ctx) => {
  const portalId = job.portalId;
  if (!portalId) throw new PermanentJobError('loan.sync job without portal');
  const loan = await getLoan(ctx.db, portalId, job.payload.loanId);
  if (!loan) throw new PermanentJobError(`loan ${job.payload.loanId} not in portal ${portalId}`);
  if (loan.status !== 'ACTIVE') {
    await reactToGoneDeal(ctx, portalId, loan.dealId, 'loan closed: sync skipped');
    return;
  }
  const portal = await ctx.portal();
  const target = await resolveSyncTarget(ctx.db, portalId, portal);
  try {
    const report = await syncLoanToPortal(ctx.db, portal, portalId, loan.id, target);
    if (report.itemsRestricted) {
      // From now on the schedule stays in the app and on the deal fields (plan-limits.ts).
      await addPlanLimit(ctx.db, portalId, 'smart_process_items');
      ctx.log.warn({ portalId, loanId: loan.id }, 'plan refuses schedule items: deal fields only from now on');
    }
    if (report.dealGone || report.closed) await reactToGoneDeal(ctx, portalId, loan.dealId, 'deal not found during sync', report.dealGone);
    else ctx.log.info({ loanId: loan.id, ...report, errors: undefined }, 'loan synced to portal');
  } catch (e) {
    if (e instanceof AppError && e.code === 'LOAN_NOT_FOUND') throw new PermanentJobError(e.message);
    // Another worker is pushing this loan (several payments queue several syncs): wait for its
    // lease, not a failure's back-off — with 1 s, 2 s, 4 s … a burst of payments on one loan left its
    // deal fields stale for minutes. The lease's expiry bounds the wait.
    if (e instanceof AppError && e.code === 'SYNC_BUSY') throw new RetryLaterError(SYNC_BUSY_RETRY_MS, e.message);
    throw e;
  }
};

async function reactToGoneDeal(ctx: JobContext, portalId: string, dealId: number, why: string, confirmedGone = false): Promise<void> {
  const out = await closeLoanOfDeletedDeal(
    ctx.db,
    { portal: () => ctx.portal(), target: (gw) => resolveSyncTarget(ctx.db, portalId, gw) },
    portalId,
    dealId,
    { confirmedGone },
  );
  ctx.log.info({ dealId, why, ...out }, 'loan of a deleted deal');
}

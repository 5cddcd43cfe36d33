import { PermanentJobError, registerJobHandler } from '../../jobs/registry.js';
import { AppError } from '../../errors.js';
import { LOAN_SYNC_JOB } from '../operations/deps.js';
import { syncLoanToPortal } from './sync-loan.js';
import { resolveSyncTarget } from './target.js';

// The outbox job that pushes a loan to its portal. Enqueued by saveLoan / registerPayment /
// reversePayment in their transaction; retried by the worker with the same idempotency key (the
// sync is idempotent: it converges the portal to the loan's current state).

interface LoanSyncPayload {
  loanId: string;
  dealId?: number;
}

let registered = false;

/** Registers the `loan.sync` job handler once (called when the loan routes are registered). */
export function registerLoanSyncJob(): void {
  if (registered) return;
  registered = true;
  registerJobHandler<LoanSyncPayload>(LOAN_SYNC_JOB, async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError('loan.sync job without portal');
    const portal = await ctx.portal();
    const target = await resolveSyncTarget(ctx.db, job.portalId, portal);
    try {
      const report = await syncLoanToPortal(ctx.db, portal, job.portalId, job.payload.loanId, target);
      ctx.log.info({ loanId: job.payload.loanId, ...report, errors: undefined }, 'loan synced to portal');
    } catch (e) {
      if (e instanceof AppError && e.code === 'LOAN_NOT_FOUND') throw new PermanentJobError(e.message);
      throw e;
    }
  });
}

import { PermanentJobError, type JobHandler } from '../jobs/job.js';
import { closeLoanOfDeletedDeal } from '../loans/sync/close-deleted-deal.js';
import { resolveSyncTarget } from '../loans/sync/target.js';

// 'deal.deleted' jobs, made from ONCRMDEALDELETE (doc: api-reference/crm/deals/events/on-crm-deal-delete.md;
// data carries only FIELDS.ID). The reaction is the loan's: confirm with the portal that the deal is
// gone, close its loan (DEAL_DELETED, ledger kept) and delete its "Payment schedule" items so the
// smart process's lists stop showing them (server/loans/sync/close-deleted-deal.ts). Unlike
// 'deal.changed' it writes nothing to the deal (there is none), so it cannot echo.
//
// At least once: the same deletion may arrive twice (two deliveries with different ts are two
// jobs) and a job may be retried after a crash; both converge on the same state.

export const DEAL_DELETED_JOB = 'deal.deleted';

export interface DealDeletedPayload {
  event?: string;
  dealId?: unknown;
}

/** The 'deal.deleted' handler (listed in server/jobs/handlers.ts). */
export const dealDeletedJob: JobHandler<DealDeletedPayload> = async (job, ctx) => {
  const portalId = job.portalId;
  if (!portalId) throw new PermanentJobError('deal.deleted job without portal');
  const dealId = Number(job.payload.dealId);
  if (!Number.isSafeInteger(dealId) || dealId <= 0) throw new PermanentJobError(`deal.deleted job without a deal id`);
  const out = await closeLoanOfDeletedDeal(
    ctx.db,
    { portal: () => ctx.portal(), target: (gw) => resolveSyncTarget(ctx.db, portalId, gw) },
    portalId,
    dealId,
  );
  if (out.outcome === 'deal-exists')
    ctx.log.warn(
      { dealId, loanId: out.loanId },
      'ONCRMDEALDELETE for a deal the portal still has (restored, or not from the portal): loan left open',
    );
  else ctx.log.info({ dealId, ...out }, 'deal deleted');
};

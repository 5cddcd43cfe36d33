import type { JobHandler } from '../jobs/job.js';

// Jobs made from portal events (server/routes/events). The event itself is already recorded in
// inbound_events for audit when the job is enqueued. 'deal.deleted' closes the deal's loan and removes
// its schedule items (deal-deleted.ts).
//
// 'deal.changed' is still only acknowledged: a reaction that writes back to the deal (loan resync)
// would echo through ONCRMDEALUPDATE into itself. The safe next step is a change filter: read the
// deal (crm.deal.get) and enqueue a loan.sync only when a field we do not write changed (stage,
// amount set by a user) — our own UF_CRM_LOAN_* writes then compare equal to loan_sync_state's
// deal_fields_hash and stop there. Until a feature needs it these handlers complete the jobs
// explicitly instead of leaving them pending. 'portal.event' covers events nothing reacts to.

export const ACKNOWLEDGED_EVENT_JOBS = ['deal.changed', 'portal.event'] as const;

export const acknowledgeEventJob: JobHandler = async (job, ctx) => {
  ctx.log.debug({ jobId: job.id, kind: job.kind }, 'portal event acknowledged');
};

import { registerJobHandler } from '../jobs/registry.js';

// Jobs made from portal events (server/routes/events). The event itself is already recorded in
// inbound_events for audit when the job is enqueued. No feature reacts to deal changes yet: a
// reaction that writes back to the deal (loan resync) would echo through ONCRMDEALUPDATE into
// itself, so it waits for a change filter (compare the deal's fields with the last synced ones).
// Until then these handlers complete the jobs explicitly instead of leaving them pending.
for (const kind of ['deal.changed', 'deal.deleted', 'portal.event']) {
  registerJobHandler(kind, async (job, ctx) => {
    ctx.log.debug({ jobId: job.id, kind }, 'portal event acknowledged');
  });
}

import { PermanentJobError, type JobHandler } from '../jobs/job.js';
import { PortalCallError } from '../portal-client/errors.js';
import type { TriggerPayload } from './codes.js';

// Fires one robot trigger on a deal (job automation.trigger). doc:
// api-reference/crm/automation/triggers/crm-automation-trigger-execute.md — CODE, OWNER_TYPE_ID 2
// (deal), OWNER_ID; application context and an administrator (the app's stored token is the
// installing admin's). It "does not confirm the change of stage": true means the portal took the
// event. A refusal the docs list (not registered — the admin removed the app's triggers —, an owner
// the portal does not know) is not retried; the outbox key made sure it is asked once.

const DEAL = 2;

export const fireTriggerJob: JobHandler<TriggerPayload> = async (job, ctx) => {
  const portal = await ctx.portal();
  try {
    await portal.call('crm.automation.trigger.execute', { CODE: job.payload.code, OWNER_TYPE_ID: DEAL, OWNER_ID: job.payload.dealId });
  } catch (e) {
    if (e instanceof PortalCallError && e.httpStatus === 400)
      throw new PermanentJobError(`trigger ${job.payload.code} refused: ${e.message}`);
    throw e;
  }
  ctx.log.info({ portalId: job.portalId, dealId: job.payload.dealId, code: job.payload.code }, 'robot trigger fired');
};

import type { PortalClient } from '../portal-client/portal-client.js';
import { AUTH_CONNECTOR } from '../portal-client/auth-connector.js';
import type { MovePayload } from './loan-stage.js';

// Writes one stage move the loan asked for. doc: api-reference/crm/deals/crm-deal-update.md —
// STAGE_ID of the deal's own pipeline; auth_connector keeps the write out of our offline queue
// (offline-events.md), so it never comes back to us as a change. Setting the same stage twice (a
// rerun of the job) leaves the deal as it is.

export async function moveDeal(portal: Pick<PortalClient, 'call'>, p: MovePayload): Promise<void> {
  await portal.call('crm.deal.update', {
    id: p.dealId,
    fields: { STAGE_ID: p.stageId },
    params: { REGISTER_SONET_EVENT: 'N' },
    auth_connector: AUTH_CONNECTOR,
  });
}

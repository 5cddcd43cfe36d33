import type { Trx } from '../db/executor.js';
import { enqueue } from '../jobs/outbox.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { AUTH_CONNECTOR } from '../portal-client/auth-connector.js';
import { fieldText } from '../portal-client/field-text.js';
import { uuidv7 } from '../security/uuidv7.js';
import { LIFECYCLE_JOB } from './kinds.js';
import type { StageMap, StageRole } from './stage-map.js';

// Roles per stage: when a deal enters a stage the map gives a role, its responsible becomes that
// user — a fixed one, or the one a deal field of type employee holds. Queued in the transaction
// that records the entry (a person's move, process-deal.ts; the app's own move, loan-stage.ts), so
// it happens once per entry. doc: api-reference/crm/deals/crm-deal-update.md (ASSIGNED_BY_ID; the
// auth_connector keeps our write out of our offline queue — offline-events.md — so it never echoes
// back as a change), crm-deal-get.md (the field's value).

export interface AssignPayload {
  dealId: number;
  stageId: string;
  role: StageRole;
}

/** Queues the role of `stageId` (if the map has one) for the deal that just entered it. */
export async function queueRole(trx: Trx, portalId: string, map: StageMap | null, dealId: number, stageId: string): Promise<boolean> {
  const role = map?.roles?.[stageId];
  if (!role) return false;
  const payload: AssignPayload = { dealId, stageId, role };
  await enqueue(trx, {
    portalId,
    kind: LIFECYCLE_JOB.assign,
    idempotencyKey: `lifecycle-assign:${portalId}:${dealId}:${uuidv7()}`,
    payload,
  });
  return true;
}

/** The user of the role: the fixed one, or the first id the employee field holds; null when empty. */
export function userOfRole(role: StageRole, deal: Record<string, unknown> | null): number | null {
  if ('userId' in role) return role.userId;
  const raw = deal?.[role.field];
  const first: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  const n = Number(fieldText(first));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export type AssignOutcome = 'assigned' | 'no-user';

export async function assignRole(portal: Pick<PortalClient, 'call'>, p: AssignPayload): Promise<AssignOutcome> {
  // A fixed user costs one write; a field is read from the deal first.
  const deal = 'field' in p.role ? await portal.call<Record<string, unknown>>('crm.deal.get', { id: p.dealId }) : null;
  const userId = userOfRole(p.role, deal);
  if (userId === null) return 'no-user';
  await portal.call('crm.deal.update', {
    id: p.dealId,
    fields: { ASSIGNED_BY_ID: userId },
    params: { REGISTER_SONET_EVENT: 'N' },
    auth_connector: AUTH_CONNECTOR,
  });
  return 'assigned';
}

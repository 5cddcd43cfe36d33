import type { PortalClient } from '../portal-client/portal-client.js';
import type { StageMap } from './stage-map.js';

// A stage role that names a deal field must name an employee field (a user's id in it), checked when
// the map is saved. doc: api-reference/crm/deals/user-defined-fields/crm-deal-userfield-list.md
// (FIELD_NAME, USER_TYPE_ID "employee").

/** The stages whose role names a field the portal has not as an employee field. */
export async function stagesWithBadRoleField(portal: Pick<PortalClient, 'list'>, map: StageMap): Promise<string[]> {
  const named = Object.entries(map.roles ?? {}).flatMap(([stageId, r]) => ('field' in r ? [[stageId, r.field] as const] : []));
  if (named.length === 0) return [];
  const fields = await portal.list<{ FIELD_NAME: string; USER_TYPE_ID: string }>(
    'crm.deal.userfield.list',
    { filter: { ENTITY_ID: 'CRM_DEAL' } },
    { maxItems: 2000 },
  );
  const employee = new Set(fields.filter((f) => f.USER_TYPE_ID === 'employee').map((f) => f.FIELD_NAME));
  return named.filter(([, field]) => !employee.has(field)).map(([stageId]) => stageId);
}

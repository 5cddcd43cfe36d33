// Who may read a deal or a company. doc: api-reference/crm/deals/crm-deal-get.md — "Who can execute the method:
// any user with 'read' access permission for deals"; an unreadable deal answers HTTP 400 with an
// empty code and "Access denied". doc: api-reference/crm/universal/crm-item-get.md — 400
// ACCESS_DENIED "You do not have permission to view this item".
// The portal's CRM roles grant read on "all", "personal" (deals the user is responsible for) or
// none; an administrator reads everything. The emulator keeps one level per user (PortalUser.dealRead).
// Companies: doc: api-reference/crm/companies/crm-company-get.md — "user with 'Read' access permission
// for companies", else 400 with an empty code and "Access denied"; all-or-none per user (companyRead).
// UNVERIFIED(b24): "personal" here is ASSIGNED_BY_ID only — the portal's department and observer
// levels are not modelled.
import type { Core } from '../core.js';
import { ENTITY_COMPANY, ENTITY_DEAL } from '../state.js';
import type { CrmRecord } from '../records/crm.js';

export type DealReadLevel = 'all' | 'own' | 'none';

export function canReadRecord(core: Core, userId: number, entityTypeId: number, rec: CrmRecord): boolean {
  if (entityTypeId !== ENTITY_DEAL && entityTypeId !== ENTITY_COMPANY) return true;
  const user = core.state.users.find((u) => u.id === userId);
  if (!user) return false;
  if (user.admin) return true;
  if (entityTypeId === ENTITY_COMPANY) return (user.companyRead ?? 'all') === 'all';
  const level: DealReadLevel = user.dealRead ?? 'all';
  if (level === 'all') return true;
  if (level === 'own') return Number(rec.assignedById) === userId;
  return false;
}

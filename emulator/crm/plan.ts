// The portal's plan limits on smart processes (SPAs).
// doc: api-reference/crm/universal/user-defined-object-types/crm-type-add.md — 400
// CREATE_DYNAMIC_TYPE_RESTRICTED "Maximum number of SPAs exceeded": creating an SPA is restricted
// due to the plan. doc: api-reference/crm/universal/crm-item-add.md — 400
// CREATE_DYNAMIC_ITEM_RESTRICTED "You cannot create a new item due to your plan restrictions".
// Set by state.portal.plan (persisted) or the options smartProcessLimit / smartProcessItemsRestricted
// (env EMULATOR_SMART_PROCESS_LIMIT, EMULATOR_SMART_PROCESS_ITEMS_RESTRICTED=1).
// UNVERIFIED(b24): how many SPAs each plan allows; the emulator only knows the limit it is given.
import type { Core } from '../core.js';
import { RestError } from '../rest/errors.js';

export function assertCanAddType(core: Core): void {
  const limit = core.state.portal.plan?.smartProcessLimit;
  if (limit !== undefined && core.state.types.length >= limit)
    throw new RestError(400, 'CREATE_DYNAMIC_TYPE_RESTRICTED', 'Maximum number of SPAs exceeded');
}

export function assertCanAddItem(core: Core, entityTypeId: number): void {
  const isSpa = core.state.types.some((t) => t.entityTypeId === entityTypeId);
  if (isSpa && core.state.portal.plan?.smartProcessItemsRestricted === true)
    throw new RestError(400, 'CREATE_DYNAMIC_ITEM_RESTRICTED', 'You cannot create a new item due to your plan restrictions');
}

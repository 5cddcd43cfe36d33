// What a portal's Bitrix24 plan does not allow the app, found at install or while syncing, kept in
// portals.plan_limits. The app runs without it (degraded) and the app page tells the admin.
// smart_process: crm.type.add answered CREATE_DYNAMIC_TYPE_RESTRICTED
//   (doc: api-reference/crm/universal/user-defined-object-types/crm-type-add.md — "Creating an SPA is
//   restricted due to the plan") — no "Payment schedule" smart process.
// smart_process_items: crm.item.add answered CREATE_DYNAMIC_ITEM_RESTRICTED
//   (doc: api-reference/crm/universal/crm-item-add.md) — the smart process exists, items cannot be added.
// Either way the schedule lives in the app and its summary on the deal fields.
export const PLAN_LIMITS = ['smart_process', 'smart_process_items'] as const;
export type PlanLimit = (typeof PLAN_LIMITS)[number];

export const TYPE_RESTRICTED = 'CREATE_DYNAMIC_TYPE_RESTRICTED';
export const ITEM_RESTRICTED = 'CREATE_DYNAMIC_ITEM_RESTRICTED';

export function parsePlanLimits(raw: string | null | undefined): PlanLimit[] {
  if (!raw) return [];
  const known = new Set<string>(PLAN_LIMITS);
  return [...new Set(raw.split(',').map((s) => s.trim()))].filter((s): s is PlanLimit => known.has(s));
}

export function formatPlanLimits(limits: readonly PlanLimit[]): string | null {
  const list = [...new Set(limits)].sort();
  return list.length > 0 ? list.join(',') : null;
}

/** No schedule items in the portal: the sync writes the deal fields only. */
export function scheduleItemsUnavailable(limits: readonly PlanLimit[]): boolean {
  return limits.length > 0;
}

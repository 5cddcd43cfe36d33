// What one sync run did; its own file because both sync-loan.ts and sync-plan.ts fill it in.
export interface SyncReport {
  /** REST requests made (each batch is one). */
  calls: number;
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  dealUpdated: boolean;
  reconciled: boolean;
  errors: Record<string, string>;
  /** The loan is closed: nothing was sent (a closed loan is never synced). */
  closed: boolean;
  /**
   * The portal answered that the deal does not exist (crm.deal.update "Not found", or an item
   * update NOT_FOUND and crm.deal.get "Not found"): the run stopped there and did not fail, because
   * no retry can write to a deleted deal; the caller closes the loan (close-deleted-deal.ts).
   */
  dealGone: boolean;
  /**
   * The portal's plan refused schedule items (crm.item.add CREATE_DYNAMIC_ITEM_RESTRICTED, doc:
   * api-reference/crm/universal/crm-item-add.md): not a failure — the caller records the limit and
   * later syncs write the deal fields only (server/portals/plan-limits.ts).
   */
  itemsRestricted?: boolean;
}
